package org.creditledger.platform.access;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.creditledger.platform.i18n.OperatorLog;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.ProblemResponses;
import org.creditledger.platform.web.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * The web console's own filter chain, before the API's: a person signs in once with an API key on the sign-in form
 * and is then known by a session cookie (HttpOnly, SameSite=Strict, Secure when the request came over TLS: see
 * {@code ledger-defaults.properties}), not by a key in every request. Since a browser sends cookies by itself, every
 * form and every htmx request carries Spring Security's CSRF token. The key itself never reaches the browser again:
 * it stays in the server's session ({@link ConsoleSessions#API_KEY}), where the console's API client finds it.
 * <p>
 * Failed sign-ins count against the address exactly like unknown keys on the API ({@link FailedAuthentications}).
 * A request for a console page without a session is sent to the sign-in page, or, from htmx, told to go there
 * ({@code HX-Redirect}); a request that does not accept HTML (an API client probing {@code /}) gets the API's 401
 * problem.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    /** The paths this chain owns; everything else belongs to the API's chain. */
    static final String[] PATHS = {"/", "/sign-in", "/sign-out", "/console/**", "/webjars/**", "/assets/**", "/favicon.ico"};
    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurityConfiguration.class);

    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http, ApiKeys apiKeys, FailedAuthentications failures, ProblemResponses problems) throws Exception {
        http.securityMatcher(PATHS)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/sign-in", "/webjars/**", "/assets/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .authenticationManager(new ProviderManager(new SignInProvider(apiKeys, failures)))
                .formLogin(form -> form
                        .loginPage("/sign-in")
                        .passwordParameter("apiKey")
                        .defaultSuccessUrl("/", true)
                        .successHandler((request, response, authentication) -> {
                            request.getSession().setAttribute(ConsoleSessions.API_KEY, request.getParameter("apiKey"));
                            response.sendRedirect(request.getContextPath() + "/");
                        })
                        .failureHandler((request, response, e) -> {
                            String reason = e instanceof Blocked ? "blocked" : "unknown";
                            if (!(e instanceof Blocked)) {
                                failures.failed(request.getRemoteAddr());
                                log.info(OperatorLog.text("log.access.console-unknown-key", request.getRemoteAddr()));
                            }
                            response.sendRedirect(request.getContextPath() + "/sign-in?error=" + reason);
                        }))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signedOut"))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(entryPoint(problems))
                        .accessDeniedHandler((request, response, e) -> response.sendError(HttpServletResponse.SC_FORBIDDEN)))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .headers(headers -> headers
                        // no inline script anywhere: htmx and the console's scripts are files; ECharts and htmx set
                        // style attributes, hence the one 'unsafe-inline' for styles
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
                                + "frame-ancestors 'none'; base-uri 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static AuthenticationEntryPoint entryPoint(ProblemResponses problems) {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(new HeaderContentNegotiationStrategy(), MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byClient = new LinkedHashMap<>();
        byClient.put(new RequestHeaderRequestMatcher("HX-Request"), (request, response, e) -> {
            response.setHeader("HX-Redirect", request.getContextPath() + "/sign-in?expired");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        });
        byClient.put(html, new LoginUrlAuthenticationEntryPoint("/sign-in"));
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(byClient);
        entryPoint.setDefaultEntryPoint((request, response, e) -> problems.write(request, response, ProblemType.UNAUTHENTICATED,
                Text.of("problem.unauthenticated.no-key")));
        return entryPoint;
    }

    /** The sign-in form's key, looked up like an {@code X-Api-Key}; an address over its failure limit is not looked up. */
    private record SignInProvider(ApiKeys apiKeys, FailedAuthentications failures) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication form) {
            if (form.getDetails() instanceof WebAuthenticationDetails details) {
                failures.blocked(details.getRemoteAddress()).ifPresent(wait -> {
                    throw new Blocked(wait);
                });
            }
            Object secret = form.getCredentials();
            return apiKeys.authenticate(secret == null ? "" : secret.toString())
                    .map(ApiKeyAuthentication::of)
                    .orElseThrow(() -> new BadCredentialsException("Unknown API key."));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }

    private static final class Blocked extends AuthenticationException {
        Blocked(Duration wait) {
            super("Too many failed sign-ins from this address; wait " + wait.toSeconds() + " s.");
        }
    }
}
