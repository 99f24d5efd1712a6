package org.creditledger.platform.access;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.creditledger.platform.database.DatabaseUnreachable;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.ProblemResponses;
import org.creditledger.platform.web.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.time.Duration;
import org.creditledger.platform.i18n.OperatorLog;

/**
 * Spring Security owns access to the ledger. One stateless filter chain: a request is authenticated by its
 * {@code X-Api-Key} before anything reads its body, everything but health and the API documentation needs a valid
 * key, and each endpoint's roles come from its {@link AllowedRoles} through method security; the metrics
 * ({@code /actuator/prometheus}, the only other actuator endpoint exposed) need an ADMIN or MONITOR key. The firewall
 * ({@code StrictHttpFirewall}, on by default) refuses {@code ;}, encoded {@code / . %} and other path tricks. Every
 * refusal is an {@code application/problem+json} with a stable type, and none echoes the request's path (it may
 * carry a subject code).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(prePostEnabled = false)
class SecurityConfiguration {

    static final String HEADER = "X-Api-Key";
    /** Who may read the metrics. */
    private static final String[] METRICS_READERS = {org.creditledger.platform.access.Role.ADMIN.name(),
            org.creditledger.platform.access.Role.MONITOR.name()};
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, FailedAuthentications failures, ProblemResponses problems) throws Exception {
        AuthenticationEntryPoint noKey = (request, response, e) -> problems.write(request, response, ProblemType.UNAUTHENTICATED,
                Text.of("problem.unauthenticated.no-key"));
        AccessDeniedHandler denied = (request, response, e) -> problems.write(request, response, ProblemType.FORBIDDEN,
                Text.of("problem.forbidden.role"));
        http.securityMatcher("/**")
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml").permitAll()
                        // actuator endpoints are no @RestController handlers, so @AllowedRoles cannot guard them: the
                        // metrics (the only other endpoint exposed) and any other spelling under /actuator need these roles
                        .requestMatchers("/actuator/**").hasAnyRole(METRICS_READERS)
                        .anyRequest().authenticated())
                .addFilterBefore(apiKeyFilter(apiKeys, failures, problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(noKey).accessDeniedHandler(denied))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable()) // keys travel in a header no browser adds by itself: nothing to forge
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    /**
     * Spring Security's own {@link AuthenticationFilter}, fed by the {@code X-Api-Key} header. A request without the
     * header passes on anonymous (and is refused by authorisation unless the path is open); a wrong key is answered
     * here, 401, and counts against its address; an address over its limit gets 429 without a lookup.
     */
    private static AuthenticationFilter apiKeyFilter(ApiKeys apiKeys, FailedAuthentications failures, ProblemResponses problems) {
        AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(new ApiKeyAuthenticationProvider(apiKeys)), request -> {
            String secret = request.getHeader(HEADER);
            if (secret == null) {
                return null;
            }
            failures.blocked(request.getRemoteAddr()).ifPresent(wait -> {
                throw new TooManyFailures(wait);
            });
            return ApiKeyAuthentication.presented(secret);
        });
        filter.setSuccessHandler((request, response, authentication) -> { });
        filter.setFailureHandler((request, response, e) -> refuse(request, response, e, failures, problems));
        return filter;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException e,
                               FailedAuthentications failures, ProblemResponses problems) throws IOException {
        if (e instanceof TooManyFailures tooMany) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.wait.toSeconds()));
            problems.write(request, response, ProblemType.RATE_LIMITED,
                    Text.of("problem.rate-limited.unknown-keys", tooMany.wait.toSeconds()));
            return;
        }
        if (e instanceof AuthenticationServiceException && DatabaseUnreachable.causedBy(e)) {
            log.warn(OperatorLog.text("log.database.unreachable", DatabaseUnreachable.reason(e)));
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnreachable.RETRY_AFTER.toSeconds()));
            problems.write(request, response, ProblemType.UNAVAILABLE, Text.of("problem.unavailable.database"));
            return;
        }
        failures.failed(request.getRemoteAddr());
        log.info(OperatorLog.text("log.access.unknown-key", request.getRemoteAddr()));
        problems.write(request, response, ProblemType.UNAUTHENTICATED, Text.of("problem.unauthenticated.unknown-key"));
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorisation: Spring Security wraps
     * every filter of the chain in one when observations are on, which took 14% of a counter check's request thread
     * (JFR, docs/benchmarks.md, issue 13). The request as a whole is still timed ({@code http.server.requests}), and
     * refused keys are counted by {@link FailedAuthentications}.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    FailedAuthentications failedAuthentications(AccessProperties access, MeterRegistry meters) {
        return new FailedAuthentications(access, meters);
    }

    /** What the firewall refuses ({@code /api;/…}, {@code %2e}, {@code //} …) is a 400 problem like every other. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, e) -> {
            log.info(OperatorLog.text("log.access.firewall", e.getMessage()));
            problems.write(request, response, ProblemType.REJECTED_REQUEST, Text.of("problem.rejected-request"));
        };
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor allowedRoles() {
        return new AuthorizationManagerBeforeMethodInterceptor(AllowedRolesAuthorization.handlers(), new AllowedRolesAuthorization());
    }

    private static final class TooManyFailures extends AuthenticationException {
        private final transient Duration wait;

        TooManyFailures(Duration wait) {
            super("Too many failed authentications from this address.");
            this.wait = wait;
        }
    }
}
