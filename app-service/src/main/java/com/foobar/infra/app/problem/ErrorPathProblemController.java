package com.foobar.infra.app.problem;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's error dispatch ({@code /error}) with a problem detail, in place of Spring Boot's
 * {@code BasicErrorController} and its own JSON shape.
 *
 * <p>It is reached by what fails outside Spring MVC, where {@link ApiExceptionHandler} cannot answer: Spring
 * Session's filter when the session store cannot be reached (a {@code 503}, as for any database that cannot be), or
 * anything else a filter throws (a {@code 500} that names no cause, which is logged instead).
 */
@RestController
class ErrorPathProblemController implements ErrorController {

    private static final Log log = LogFactory.getLog(ErrorPathProblemController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = responseFor(request);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path
                && response.getBody() != null) {
            response.getBody().setInstance(URI.create(path));
        }
        return response;
    }

    private static ResponseEntity<ProblemDetail> responseFor(HttpServletRequest request) {
        Throwable ex = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        // A filter (Spring Security's among them) read a parameter that cannot be decoded.
        if (ex != null && ApiExceptionHandler.isInvalidParameters(ex)) {
            ProblemDetail invalid = ApiExceptionHandler.invalidParameters();
            return ResponseEntity.status(invalid.getStatus()).body(invalid);
        }
        if (ex != null && ApiExceptionHandler.isDatabaseUnavailable(ex)) {
            log.warn("Database unavailable: " + ex.getMessage());
            return ApiExceptionHandler.databaseUnavailable();
        }
        ProblemDetail problem = problemFor(request, ex);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ProblemDetail problemFor(HttpServletRequest request, @Nullable Throwable ex) {
        HttpStatus status = (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)
                ? HttpStatus.resolve(code) : null;
        if (status != null && status.is4xxClientError()) {
            return ProblemDetail.forStatus(status);
        }
        if (ex != null) {
            log.error("Unexpected error outside the API's handlers", ex);
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.");
    }
}
