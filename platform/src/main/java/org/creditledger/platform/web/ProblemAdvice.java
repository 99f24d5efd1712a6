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
import org.creditledger.subject.InvalidSubjectCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * and, for validation, {@code errors: [{field, message}]}.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(LedgerProblem.class)
    ResponseEntity<Object> ledgerProblem(LedgerProblem e) {
        return respond(e.type(), e.getMessage(), e.errors());
    }

    /** 429 or 503 with {@code Retry-After} (whole seconds), so a client knows when to try again. */
    @ExceptionHandler(RetryLater.class)
    ResponseEntity<Object> retryLater(RetryLater e) {
        ProblemDetail body = ProblemResponses.problem(e.type(), e.getMessage(), e.errors());
        return ResponseEntity.status(e.type().status()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(body);
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Object> invalidInput(InvalidInput e) {
        return respond(ProblemType.VALIDATION, "The request has invalid fields.", e.errors());
    }

    @ExceptionHandler(NotAuthenticated.class)
    ResponseEntity<Object> notAuthenticated(NotAuthenticated e) {
        return respond(ProblemType.UNAUTHENTICATED, e.getMessage(), List.of());
    }

    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<Object> accessDenied(AccessDenied e) {
        return respond(ProblemType.FORBIDDEN, e.getMessage(), List.of());
    }

    /** Method security refused the caller's role (see {@code AllowedRolesAuthorization}); the path is not echoed. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> roleDenied(AccessDeniedException e) {
        return respond(ProblemType.FORBIDDEN, "This API key's role may not do this.", List.of());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> aggregateNotFound(AggregateNotFoundException e) {
        return respond(ProblemType.NOT_FOUND, "No record with id " + e.getAggregateIdentifier() + ".", List.of());
    }

    /** Two writers changed one aggregate at once (same JVM: lock; several JVMs: the unique sequence key). */
    @ExceptionHandler({ConcurrencyException.class, LockAcquisitionFailedException.class})
    ResponseEntity<Object> concurrent(RuntimeException e) {
        return respond(ProblemType.CONCURRENT_MODIFICATION, "Another request changed this record at the same time; reload and retry.", List.of());
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
        return respond(ProblemType.VALIDATION, "The request has invalid fields.", errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(ProblemType.VALIDATION, "The request has invalid fields.",
                List.of(new FieldProblem(e.getName(), "cannot be read as " + simpleType(e.getRequiredType()) + ": '" + e.getValue() + "'")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return respond(ProblemType.INTERNAL, "Something went wrong on our side; nothing was written by this request.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e, @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(new FieldProblem(f.getField(), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return respond(ProblemType.VALIDATION, "The request has invalid fields.", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(@NonNull HandlerMethodValidationException e, @NonNull HttpHeaders headers,
                                                                            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return respond(ProblemType.VALIDATION, "The request has invalid fields.", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e, @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            String allowed = java.util.Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return respond(ProblemType.VALIDATION, "The request has invalid fields.",
                    List.of(new FieldProblem(path(format), "'" + format.getValue() + "' is not one of " + allowed)));
        }
        if (cause instanceof InvalidFormatException format) {
            return respond(ProblemType.VALIDATION, "The request has invalid fields.",
                    List.of(new FieldProblem(path(format), "'" + format.getValue() + "' cannot be read as " + simpleType(format.getTargetType()))));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return respond(ProblemType.VALIDATION, "The request has invalid fields.",
                    List.of(new FieldProblem(path(mismatch), "has the wrong JSON type; expected " + simpleType(mismatch.getTargetType()))));
        }
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof RuntimeException inner && !mapping.getPath().isEmpty()) {
            // value objects say what is wrong with the value (IllegalArgumentException, InvalidSubjectCode); anything
            // else thrown while binding is our fault, and its text is no business of the client's
            boolean aboutTheValue = inner instanceof IllegalArgumentException || inner instanceof InvalidSubjectCode;
            String message = aboutTheValue && inner.getMessage() != null ? inner.getMessage() : "has an invalid value";
            return respond(ProblemType.VALIDATION, "The request has invalid fields.", List.of(new FieldProblem(path(mapping), message)));
        }
        if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
            return respond(ProblemType.MALFORMED, "The body is not valid JSON for this request (line " + json.getLocation().getLineNr()
                    + ", column " + json.getLocation().getColumnNr() + ").", List.of());
        }
        return respond(ProblemType.MALFORMED, "The body is not valid JSON for this request.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(@NonNull MissingServletRequestParameterException e, @NonNull HttpHeaders headers,
                                                                          @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return respond(ProblemType.VALIDATION, "The request has invalid fields.", List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(@NonNull MissingServletRequestPartException e, @NonNull HttpHeaders headers,
                                                                     @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return respond(ProblemType.VALIDATION, "The request has invalid fields.", List.of(new FieldProblem(e.getRequestPartName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(@NonNull MaxUploadSizeExceededException e, @NonNull HttpHeaders headers,
                                                                          @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return respond(ProblemType.PAYLOAD_TOO_LARGE, "The upload is larger than allowed.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(@NonNull HttpMediaTypeNotSupportedException e, @NonNull HttpHeaders headers,
                                                                     @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return respond(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as " + e.getSupportedMediaTypes().stream()
                .map(Object::toString).collect(Collectors.joining(" or ")) + ".", List.of());
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
        return respond(ProblemType.NOT_ACCEPTABLE, "This endpoint cannot answer in the media type the Accept header asks for; it answers "
                + producible + ". Spreadsheet exports (text/csv, Excel) are offered by GET reads only.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(@NonNull HttpRequestMethodNotSupportedException e, @NonNull HttpHeaders headers,
                                                                         @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return respond(ProblemType.METHOD_NOT_ALLOWED, "This path does not accept " + e.getMethod() + ".", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(@NonNull NoResourceFoundException e, @NonNull HttpHeaders headers,
                                                                    @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return respond(ProblemType.NOT_FOUND, "No such path.", List.of());   // the path may carry a subject code: not echoed
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(@NonNull ServletRequestBindingException e, @NonNull HttpHeaders headers,
                                                                          @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            return respond(ProblemType.VALIDATION, "The request has invalid fields.", List.of(new FieldProblem(missing.getHeaderName(), "header is required")));
        }
        return respond(ProblemType.VALIDATION, "The request is missing a required part.", List.of());
    }

    private static ResponseEntity<Object> respond(ProblemType type, String detail, List<FieldProblem> errors) {
        ProblemDetail body = ProblemResponses.problem(type, detail, errors);
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

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "an instant (ISO-8601 with offset)";
            case "int", "Integer", "long", "Long" -> "a whole number";
            case "boolean", "Boolean" -> "true or false";
            default -> type.getSimpleName();
        };
    }

}
