package org.creditledger.platform.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Arrays;

/** Enforces {@link AllowedRoles} on every API handler; a handler without the annotation is refused to all. */
@Component
public class RoleInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return true;
        }
        Caller caller = CurrentCaller.of(request).orElseThrow(() -> new NotAuthenticated());
        AllowedRoles allowed = method.getMethodAnnotation(AllowedRoles.class);
        if (allowed == null) {
            allowed = method.getBeanType().getAnnotation(AllowedRoles.class);
        }
        if (allowed == null || Arrays.stream(allowed.value()).noneMatch(caller::is)) {
            throw new AccessDenied("Role " + caller.role() + " may not call " + request.getMethod() + " " + request.getRequestURI() + ".");
        }
        return true;
    }
}
