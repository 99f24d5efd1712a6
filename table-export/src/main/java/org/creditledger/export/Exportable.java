package org.creditledger.export;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.Map;

/** Which answers become sheets: records, lists and pages that a GET read returns; never a write's answer. */
final class Exportable {

    private Exportable() {
    }

    static boolean type(Class<?> type) {
        return !(CharSequence.class.isAssignableFrom(type) || byte[].class == type || Resource.class.isAssignableFrom(type)
                || ProblemDetail.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || Number.class.isAssignableFrom(type) || Boolean.class == type || type.isPrimitive() || type.isEnum()
                || StreamingResponseBody.class.isAssignableFrom(type) || HttpEntity.class.isAssignableFrom(type)
                || type == Void.class);
    }

    static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }

    static boolean currentRequestIsRead() {
        HttpServletRequest request = currentRequest();
        return request != null && isRead(request.getMethod());
    }
}
