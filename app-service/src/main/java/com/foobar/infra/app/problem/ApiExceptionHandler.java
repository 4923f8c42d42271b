package com.foobar.infra.app.problem;

import java.util.List;
import java.util.stream.Collectors;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;

import com.foobar.infra.app.board.RequestBodyTooLargeException;
import com.foobar.infra.app.json.JsonProblems;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error of the API into an RFC 9457 problem detail ({@code application/problem+json}).
 *
 * <p>Validation problems name each rejected field in {@code detail} and list them in {@code errors}; a database
 * that cannot be reached is a 503; anything unexpected is a 500 whose body says nothing about the cause, which is
 * logged instead. No problem carries a stack trace.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Log log = LogFactory.getLog(ApiExceptionHandler.class);

    /** A pool that timed out or a node that failed over is usually back within a second. */
    private static final String RETRY_AFTER_SECONDS = "1";

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = ex.getBindingResult().getFieldErrors().stream()
                .map((error) -> new InvalidField(error.getField(), message(error)))
                .toList();
        return handleExceptionInternal(ex, invalid(status, errors), headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = ex.getParameterValidationResults().stream()
                .flatMap((result) -> result.getResolvableErrors().stream()
                        .map((error) -> new InvalidField(String.valueOf(result.getMethodParameter().getParameterName()),
                                message(error))))
                .toList();
        return handleExceptionInternal(ex, invalid(status, errors), headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // A body cut off at the size limit fails to parse like any other broken body; it is a 413 all the same.
        if (NestedExceptionUtils.getRootCause(ex) instanceof RequestBodyTooLargeException tooLarge) {
            return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    tooLarge.getMessage()), headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        JsonProblems.Refusal refusal = JsonProblems.refusal(ex);
        if (refusal != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.detail());
            problem.setProperty("errors", refusal.errors());
            return handleExceptionInternal(ex, problem, headers, status, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                "The request body is missing or is not valid JSON.");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                "No resource at /" + ex.getResourcePath() + ".");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    // The bulkhead around password hashing is full: the server is busy, not the client wrong.
    @ExceptionHandler(BulkheadFullException.class)
    ResponseEntity<ProblemDetail> handleHashingBusy(BulkheadFullException ex) {
        log.warn("Password hashing busy: " + ex.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
            .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "Too many log-ins at once; try again shortly."));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail handleInvalidParameters(InvalidParameterException ex) {
        return invalidParameters();
    }

    @ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
    ResponseEntity<ProblemDetail> handleDatabaseUnavailable(Exception ex) {
        log.warn("Database unavailable: " + ex.getMessage());
        return databaseUnavailable();
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail handleUnexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.");
    }

    /**
     * The answer for a database that cannot be reached (a connection not had in time, a node down): a {@code 503}
     * problem with {@code Retry-After}, so that a client under overload backs off instead of asking again at once.
     * @return the response
     */
    static ResponseEntity<ProblemDetail> databaseUnavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
            .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The database is unavailable; try again shortly."));
    }

    /**
     * The problem for a query string or form body that Tomcat cannot decode (bad percent-encoding, bytes that are not
     * UTF-8): the client's fault, so a {@code 400}, never the {@code 500} that would count toward ejecting this server.
     * @return the problem
     */
    static ProblemDetail invalidParameters() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The query string or form body is not valid:"
                + " a parameter has bad percent-encoding or is not UTF-8.");
    }

    /**
     * Whether an exception comes from parameters that cannot be decoded.
     * @param ex the exception
     * @return whether it or a cause is one {@link #handleInvalidParameters} answers
     */
    static boolean isInvalidParameters(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidParameterException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an exception comes from a database that cannot be reached.
     * @param ex the exception
     * @return whether it or a cause is one {@link #handleDatabaseUnavailable} answers
     */
    static boolean isDatabaseUnavailable(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    private static ProblemDetail invalid(HttpStatusCode status, List<InvalidField> errors) {
        String detail = errors.stream()
                .map((error) -> error.field() + " " + error.message())
                .collect(Collectors.joining("; ", "Invalid request: ", "."));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String message(MessageSourceResolvable error) {
        return String.valueOf(error.getDefaultMessage());
    }
}
