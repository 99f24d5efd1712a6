package org.creditledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.creditledger.ids.RandomUuids;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.i18n.Texts;
import org.slf4j.MDC;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Builds problem details in the reader's language; also writes them from servlet filters and Spring Security's
 * handlers, which run outside Spring MVC's advice and resolve the language from the request's
 * {@code Accept-Language} the same way.
 */
@Component
public class ProblemResponses {

    private final ObjectMapper objectMapper;
    private final Texts texts;

    public ProblemResponses(ObjectMapper objectMapper, Texts texts) {
        this.objectMapper = objectMapper;
        this.texts = texts;
    }

    /**
     * A problem whose {@code instance} names this occurrence by the request's correlation id (also in the
     * {@code X-Correlation-Id} header and the log), not by the request path: a path may carry a subject code. Title,
     * detail and field messages are worded in {@code locale}.
     */
    public ProblemDetail problem(ProblemType type, MessageSourceResolvable detail, List<FieldProblem> errors, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), texts.text(detail, locale));
        problem.setType(type.uri());
        problem.setInstance(occurrence());
        problem.setTitle(texts.text(type.title(), locale));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream()
                    .map(error -> new FieldProblem(error.field(), texts.text(error.message(), locale)))
                    .toList());
        }
        return problem;
    }

    static URI occurrence() {
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        return URI.create("urn:credit-ledger:request:" + (correlationId == null ? RandomUuids.next() : correlationId));
    }

    /** Writes a problem from outside Spring MVC, in the language {@code request} asks for. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, Text detail) throws IOException {
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problem(type, detail, List.of(), texts.locale(request)));
    }
}
