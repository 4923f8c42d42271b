package com.foobar.infra.app.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * An {@link ErrorReportValve} that writes an RFC 9457 problem detail in place of Tomcat's HTML error page.
 *
 * <p>Tomcat answers some requests itself, before they reach the application and its {@link ApiExceptionHandler}: a
 * request target with bad percent-encoding, an encoded NUL or slash ({@code ..%2f}), a request line or headers over
 * the connector's limits. Clients get the same {@code application/problem+json} shape as from the API, with fixed
 * wording: nothing of the request is echoed and no stack trace or server version is shown.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body(status));
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException ex) {
            // The client is gone or the response cannot take a body any more: nothing left to tell anyone.
        }
    }

    static String body(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = (known != null) ? known.getReasonPhrase() : "Error";
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail(status) + "\"}";
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is not valid HTTP: its target has bad percent-encoding, bytes that are not UTF-8,"
                    + " an encoded NUL or slash, or its headers are malformed.";
            case 408 -> "The request was not sent in time.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request target is too long.";
            case 431 -> "The request headers are too large.";
            case 501 -> "The request method is not implemented.";
            case 505 -> "The HTTP version is not supported.";
            default -> (status >= 500) ? "An unexpected error occurred." : "The request was refused.";
        };
    }
}
