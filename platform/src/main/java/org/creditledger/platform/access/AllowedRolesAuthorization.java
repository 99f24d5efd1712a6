package org.creditledger.platform.access;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Method security for the ledger's controllers: every request-mapped method of a {@code @RestController} in
 * {@code org.creditledger} is authorised by its {@link AllowedRoles}. A handler without the annotation is refused to
 * everyone, so a forgotten annotation fails closed. Because the decision is taken on the handler Spring MVC actually
 * invokes, no spelling of its path ({@code ;} parameters, encoded characters) can reach it without it.
 */
final class AllowedRolesAuthorization implements AuthorizationManager<MethodInvocation> {

    private static final AuthorizationDecision NO_ANNOTATION = new AuthorizationDecision(false);

    private final Map<Method, AuthorizationManager<MethodInvocation>> byMethod = new ConcurrentHashMap<>();

    /** The handler methods this authorisation guards. */
    static Pointcut handlers() {
        return new ComposablePointcut(new AnnotationMatchingPointcut(RestController.class, RequestMapping.class, true))
                .intersection((Class<?> type) -> type.getName().startsWith("org.creditledger."));
    }

    @Override
    public AuthorizationResult authorize(Supplier<Authentication> authentication, MethodInvocation invocation) {
        return byMethod.computeIfAbsent(invocation.getMethod(), method -> managerFor(invocation))
                .authorize(authentication, invocation);
    }

    /** @deprecated Spring Security calls {@link #authorize}; this is here because the interface still requires it. */
    @Deprecated
    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, MethodInvocation invocation) {
        return (AuthorizationDecision) authorize(authentication, invocation);
    }

    private static AuthorizationManager<MethodInvocation> managerFor(MethodInvocation invocation) {
        Class<?> type = AopUtils.getTargetClass(invocation.getThis());
        Method method = AopUtils.getMostSpecificMethod(invocation.getMethod(), type);
        AllowedRoles allowed = AnnotatedElementUtils.findMergedAnnotation(method, AllowedRoles.class);
        if (allowed == null) {
            allowed = AnnotatedElementUtils.findMergedAnnotation(type, AllowedRoles.class);
        }
        if (allowed == null) {
            return (auth, call) -> NO_ANNOTATION;
        }
        return AuthorityAuthorizationManager.hasAnyRole(Arrays.stream(allowed.value()).map(Role::name).toArray(String[]::new));
    }
}
