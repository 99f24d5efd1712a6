package org.creditledger.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.creditledger.console.ConsoleProperties;
import org.creditledger.platform.access.ConsoleSessions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.util.List;

/** Console handlers receive {@link LedgerApi.Calls} bound to the signed-in person's key and language. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    private final LedgerApi api;

    ConsoleWebConfiguration(LedgerApi api) {
        this.api = api;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == LedgerApi.Calls.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest web,
                                          WebDataBinderFactory binders) {
                HttpServletRequest request = web.getNativeRequest(HttpServletRequest.class);
                HttpSession session = request.getSession(false);
                Object key = session == null ? null : session.getAttribute(ConsoleSessions.API_KEY);
                if (key == null) {
                    throw new ApiProblem(401, "", "", "", java.util.Map.of());
                }
                return api.as(key.toString(), RequestContextUtils.getLocale(request));
            }
        });
    }
}
