package org.creditledger.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.creditledger.platform.access.AccessDenied;
import org.creditledger.platform.access.NotAuthenticated;
import org.creditledger.platform.database.DatabaseUnreachable;
import org.creditledger.platform.i18n.Labels;
import org.creditledger.platform.i18n.OperatorLog;
import org.creditledger.platform.i18n.Text;
import org.creditledger.subject.InvalidSubjectCode;
import org.creditledger.text.api.InvalidValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place that turns exceptions into RFC 7807 {@code application/problem+json} with a stable {@code type}
 * and, for validation, {@code errors: [{field, message}]}. Title, detail and messages are message codes worded in the
 * request's language (Chinese unless {@code Accept-Language} asks for English); Bean Validation's messages arrive
 * worded already, as Spring's validator interpolates them in that language.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final Text INVALID_FIELDS = Text.of("problem.validation.fields");

    private final ProblemResponses problems;

    ProblemAdvice(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(LedgerProblem.class)
    ResponseEntity<Object> ledgerProblem(LedgerProblem e) {
        return respond(e.type(), e.detail(), e.errors());
    }

    /** 429 or 503 with {@code Retry-After} (whole seconds), so a client knows when to try again. */
    @ExceptionHandler(RetryLater.class)
    ResponseEntity<Object> retryLater(RetryLater e) {
        ProblemDetail body = problems.problem(e.type(), e.detail(), e.errors(), Labels.currentLocale());
        return ResponseEntity.status(e.type().status()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(body);
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Object> invalidInput(InvalidInput e) {
        return respond(ProblemType.VALIDATION, INVALID_FIELDS, e.errors());
    }

    @ExceptionHandler(NotAuthenticated.class)
    ResponseEntity<Object> notAuthenticated(NotAuthenticated e) {
        return respond(ProblemType.UNAUTHENTICATED, e.detail(), List.of());
    }

    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<Object> accessDenied(AccessDenied e) {
        return respond(ProblemType.FORBIDDEN, e.detail(), List.of());
    }

    /** Method security refused the caller's role (see {@code AllowedRolesAuthorization}); the path is not echoed. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> roleDenied(AccessDeniedException e) {
        return respond(ProblemType.FORBIDDEN, Text.of("problem.forbidden.role"), List.of());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> aggregateNotFound(AggregateNotFoundException e) {
        return respond(ProblemType.NOT_FOUND, Text.of("problem.not-found.record", e.getAggregateIdentifier()), List.of());
    }

    /** Two writers changed one aggregate at once (same JVM: lock; several JVMs: the unique sequence key). */
    @ExceptionHandler({ConcurrencyException.class, LockAcquisitionFailedException.class})
    ResponseEntity<Object> concurrent(RuntimeException e) {
        return respond(ProblemType.CONCURRENT_MODIFICATION, Text.of("problem.concurrent-modification"), List.of());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandExecution(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof LedgerProblem problem) {
            return ledgerProblem(problem);
        }
        if (cause instanceof ConcurrencyException concurrency) {
            return concurrent(concurrency);
        }
        return unexpected(e);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(ProblemType.VALIDATION, INVALID_FIELDS, errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(ProblemType.VALIDATION, INVALID_FIELDS,
                List.of(FieldProblem.of(e.getName(), "problem.field.unreadable-parameter", simpleType(e.getRequiredType()), String.valueOf(e.getValue()))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (DatabaseUnreachable.causedBy(e)) {
            return databaseUnreachable(e);
        }
        log.error("Unexpected error", e);
        return respond(ProblemType.INTERNAL, Text.of("problem.internal"), List.of());
    }

    /**
     * PostgreSQL is down or restarting: nothing of this request was committed (a write's transaction or a check's
     * recording failed with it), so the client is told to retry, and the log gets one line, not a stack per request.
     */
    private ResponseEntity<Object> databaseUnreachable(Exception e) {
        log.warn(OperatorLog.text("log.database.unreachable", DatabaseUnreachable.reason(e)));
        return retryLater(new Unavailable(Text.of("problem.unavailable.database"), DatabaseUnreachable.RETRY_AFTER));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e, @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        // Bean Validation worded these in the request's language already (Spring's validator interpolates with it)
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(new FieldProblem(f.getField(), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return respond(ProblemType.VALIDATION, INVALID_FIELDS, errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(@NonNull HandlerMethodValidationException e, @NonNull HttpHeaders headers,
                                                                            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return respond(ProblemType.VALIDATION, INVALID_FIELDS, errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e, @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            String allowed = java.util.Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return respond(ProblemType.VALIDATION, INVALID_FIELDS,
                    List.of(FieldProblem.of(path(format), "problem.field.not-one-of", String.valueOf(format.getValue()), allowed)));
        }
        if (cause instanceof InvalidFormatException format) {
            return respond(ProblemType.VALIDATION, INVALID_FIELDS,
                    List.of(FieldProblem.of(path(format), "problem.field.unreadable-value", String.valueOf(format.getValue()), simpleType(format.getTargetType()))));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return respond(ProblemType.VALIDATION, INVALID_FIELDS,
                    List.of(FieldProblem.of(path(mismatch), "problem.field.wrong-json-type", simpleType(mismatch.getTargetType()))));
        }
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof RuntimeException inner && !mapping.getPath().isEmpty()) {
            // value objects say why they refuse the value (InvalidValue, InvalidSubjectCode: a reason code the bundles
            // word); anything else thrown while binding is our fault, and its text is no business of the client's
            Text message = inner instanceof InvalidSubjectCode invalid ? Text.of(invalid.reason())
                    : inner instanceof InvalidValue invalid ? Text.of(invalid.reason())
                    : Text.of("problem.field.invalid-value");
            return respond(ProblemType.VALIDATION, INVALID_FIELDS, List.of(new FieldProblem(path(mapping), message)));
        }
        if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
            return respond(ProblemType.MALFORMED, Text.of("problem.malformed.at", json.getLocation().getLineNr(),
                    json.getLocation().getColumnNr()), List.of());
        }
        return respond(ProblemType.MALFORMED, Text.of("problem.malformed"), List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(@NonNull MissingServletRequestParameterException e, @NonNull HttpHeaders headers,
                                                                          @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return respond(ProblemType.VALIDATION, INVALID_FIELDS, List.of(FieldProblem.of(e.getParameterName(), "problem.field.required")));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(@NonNull MissingServletRequestPartException e, @NonNull HttpHeaders headers,
                                                                     @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return respond(ProblemType.VALIDATION, INVALID_FIELDS, List.of(FieldProblem.of(e.getRequestPartName(), "problem.field.required")));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(@NonNull MaxUploadSizeExceededException e, @NonNull HttpHeaders headers,
                                                                          @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return respond(ProblemType.PAYLOAD_TOO_LARGE, Text.of("problem.payload-too-large.upload"), List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(@NonNull HttpMediaTypeNotSupportedException e, @NonNull HttpHeaders headers,
                                                                     @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return respond(ProblemType.UNSUPPORTED_MEDIA_TYPE, Text.of("problem.unsupported-media-type", e.getSupportedMediaTypes().stream()
                .map(Object::toString).collect(Collectors.joining(", "))), List.of());
    }

    /**
     * Nothing this endpoint answers matches {@code Accept} (e.g. {@code text/csv} on a write). Written as
     * problem+json all the same: the problem's content type is fixed, so it does not depend on {@code Accept}.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(@NonNull HttpMediaTypeNotAcceptableException e, @NonNull HttpHeaders headers,
                                                                      @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        String producible = e.getSupportedMediaTypes().isEmpty() ? "application/json"
                : e.getSupportedMediaTypes().stream().map(Object::toString).distinct().collect(Collectors.joining(", "));
        return respond(ProblemType.NOT_ACCEPTABLE, Text.of("problem.not-acceptable", producible), List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(@NonNull HttpRequestMethodNotSupportedException e, @NonNull HttpHeaders headers,
                                                                         @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return respond(ProblemType.METHOD_NOT_ALLOWED, Text.of("problem.method-not-allowed", e.getMethod()), List.of());
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(@NonNull NoResourceFoundException e, @NonNull HttpHeaders headers,
                                                                    @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return respond(ProblemType.NOT_FOUND, Text.of("problem.not-found.path"), List.of());   // the path may carry a subject code: not echoed
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(@NonNull ServletRequestBindingException e, @NonNull HttpHeaders headers,
                                                                          @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            return respond(ProblemType.VALIDATION, INVALID_FIELDS, List.of(FieldProblem.of(missing.getHeaderName(), "problem.field.header-required")));
        }
        return respond(ProblemType.VALIDATION, Text.of("problem.validation.missing-part"), List.of());
    }

    private ResponseEntity<Object> respond(ProblemType type, MessageSourceResolvable detail, List<FieldProblem> errors) {
        ProblemDetail body = problems.problem(type, detail, errors, Labels.currentLocale());
        return ResponseEntity.status(type.status()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static Text simpleType(Class<?> type) {
        if (type == null) {
            return Text.of("problem.type.unknown");
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> Text.of("problem.type.date");
            case "Instant", "OffsetDateTime" -> Text.of("problem.type.instant");
            case "int", "Integer", "long", "Long" -> Text.of("problem.type.whole-number");
            case "boolean", "Boolean" -> Text.of("problem.type.boolean");
            case "UUID" -> Text.of("problem.type.uuid");
            default -> Text.literal(type.getSimpleName());
        };
    }

}
