package org.creditledger.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.io.IOException;

/**
 * What a console page shows when the API refused: the API's own problem, on the page (a whole page, or the part an
 * htmx request replaces). A key revoked or expired since sign-in ends the session: the person signs in again.
 */
@ControllerAdvice(basePackages = "org.creditledger.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConsoleAdvice.class);
    private final MessageSource messages;

    ConsoleAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("signedIn")
    SignedIn signedIn() {
        return SignedIn.current().orElse(null);
    }

    /** A form sent without a field it needs, or with one that is no number or date: the page says which. */
    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    String badForm(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        String field = e instanceof MissingServletRequestParameterException missing ? missing.getParameterName()
                : ((MethodArgumentTypeMismatchException) e).getName();
        String message = messages.getMessage("console.form.field-invalid", new Object[] {field}, RequestContextUtils.getLocale(request));
        return problem(new ApiProblem(400, "", messages.getMessage("console.form.invalid", null, RequestContextUtils.getLocale(request)),
                message, java.util.Map.of(field, message)), request, response, model);
    }

    /** Anything else: logged once with its stack; the page shows an apology and the request's correlation id, no stack. */
    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        log.error("Console page {} failed", request.getRequestURI(), e);
        java.util.Locale locale = RequestContextUtils.getLocale(request);
        return problem(new ApiProblem(500, "", messages.getMessage("console.unexpected.title", null, locale),
                messages.getMessage("console.unexpected.detail", new Object[] {String.valueOf(org.slf4j.MDC.get("correlationId"))}, locale),
                java.util.Map.of()), request, response, model);
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        if (problem.status() == 401) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", request.getContextPath() + "/sign-in?expired");
                return null;
            }
            response.sendRedirect(request.getContextPath() + "/sign-in?expired");
            return null;
        }
        model.addAttribute("problem", problem);
        model.addAttribute("signedIn", SignedIn.current().orElse(null));
        if (request.getHeader("HX-Request") != null) {
            // htmx swaps only 2xx answers by default; the problem is the content the person must read
            return "fragments :: problem";
        }
        response.setStatus(problem.status());
        return "problem";
    }
}
