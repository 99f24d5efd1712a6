package org.creditledger.export;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses, before the handler runs, a request whose {@code Accept} no answer of the handler can satisfy: without it
 * {@code POST … Accept: text/csv} would write first and find out afterwards that it cannot answer. A handler
 * answers JSON; a GET read also a sheet; one that declares {@code produces} is left to Spring, which checks it, and
 * so are error and include dispatches and handlers that render a view (the console's pages, which answer HTML).
 */
final class AcceptGuard implements HandlerInterceptor {

    /** JSON under any name ({@code application/problem+json} …): Spring's JSON converter answers it too. */
    private static final MediaType ANY_JSON = new MediaType("application", "*+json");

    /** What the guard needs of a handler, the same for every request to it: read once per handler (annotations). */
    private record Handler(boolean guarded, boolean answersSheets) {

        static Handler of(HandlerMethod method) {
            return new Handler(!(declaresProduces(method) || answersNothing(method.getReturnType()) || rendersView(method)),
                    Exportable.type(bodyType(method.getReturnType())));
        }
    }

    private final Map<HandlerMethod, Handler> handlers = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        Handler declared = handlers.computeIfAbsent(method, Handler::of);
        if (!declared.guarded()) {
            return true;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(Collections.list(request.getHeaders("Accept")));
        } catch (InvalidMediaTypeException e) {
            return true;   // Spring's own negotiation refuses it
        }
        List<MediaType> producible = new ArrayList<>(List.of(MediaType.APPLICATION_JSON));
        if (Exportable.isRead(request.getMethod()) && declared.answersSheets()) {
            for (TableFormat format : TableFormat.values()) {
                producible.add(format.mediaType());
            }
        }
        if (accepted.isEmpty() || accepted.stream().anyMatch(a -> a.isCompatibleWith(ANY_JSON) || producible.stream().anyMatch(a::isCompatibleWith))) {
            return true;
        }
        throw new HttpMediaTypeNotAcceptableException(producible);
    }

    private static boolean declaresProduces(HandlerMethod method) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
        return mapping != null && mapping.produces().length > 0;
    }

    private static boolean rendersView(HandlerMethod method) {
        return !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                && !method.hasMethodAnnotation(ResponseBody.class)
                && !HttpEntity.class.isAssignableFrom(method.getReturnType().getParameterType());
    }

    private static boolean answersNothing(MethodParameter returnType) {
        Class<?> type = bodyType(returnType);
        return type == void.class || type == Void.class;
    }

    static Class<?> bodyType(MethodParameter returnType) {
        Class<?> type = returnType.getParameterType();
        if (HttpEntity.class.isAssignableFrom(type)) {
            Class<?> body = ResolvableType.forMethodParameter(returnType).as(HttpEntity.class).getGeneric(0).resolve();
            return body == null ? Object.class : body;
        }
        return type;
    }
}
