package org.creditledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import java.util.List;

/** Builds problem details; also writes them from servlet filters, which run outside Spring MVC's advice. */
@Component
public class ProblemResponses {

    private final ObjectMapper objectMapper;

    public ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * A problem whose {@code instance} names this occurrence by the request's correlation id (also in the
     * {@code X-Correlation-Id} header and the log), not by the request path: a path may carry a subject code.
     */
    public static ProblemDetail problem(ProblemType type, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setInstance(occurrence());
        problem.setTitle(type.title());
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    static URI occurrence() {
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        return URI.create("urn:credit-ledger:request:" + (correlationId == null ? UUID.randomUUID() : correlationId));
    }

    public void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem(type, detail, List.of()));
    }
}
