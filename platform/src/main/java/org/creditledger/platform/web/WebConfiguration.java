package org.creditledger.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.CurrentCaller;
import org.creditledger.platform.access.NotAuthenticated;
import org.creditledger.platform.axon.LedgerMetadata;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Lets handlers declare {@link Caller} and {@link LedgerMetadata} parameters, both taken from the API key Spring
 * Security authenticated; and keeps Spring MVC from offering XML.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver());
        resolvers.add(new MetadataResolver());
    }

    /**
     * The API answers JSON (and the exports' table formats). Hibernate brings JAXB onto the classpath, so Spring MVC
     * adds an XML converter; it can write no type of the ledger's, yet every answer asked it, through an annotation
     * lookup, whether it could (benchmarks.md, issue 13, session 10).
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(Jaxb2RootElementHttpMessageConverter.class::isInstance);
    }

    private static Caller caller(NativeWebRequest webRequest) {
        return CurrentCaller.current().orElseThrow(NotAuthenticated::new);
    }

    private static final class CallerResolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                      NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
            return caller(webRequest);
        }
    }

    /** Who/why of a write, from the API key and the request headers. */
    private static final class MetadataResolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == LedgerMetadata.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                      NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
            HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
            Caller caller = caller(webRequest);
            return new LedgerMetadata(caller.keyId().toString(), caller.name(), caller.role().name(), caller.unitId(),
                    caller.authority(), CorrelationIdFilter.of(request), request.getHeader("Idempotency-Key"),
                    request.getMethod() + " " + request.getRequestURI());
        }
    }
}
