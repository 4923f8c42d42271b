package com.foobar.infra.app.board;

import java.io.IOException;

import org.springframework.util.unit.DataSize;

/**
 * Thrown while a request body is read, once it has passed the size limit; answered as a 413 problem.
 *
 * <p>An {@link IOException}, because it is thrown from the body's stream: whatever reads the body (the JSON
 * converter) fails as it does on any broken input, and keeps this exception as the cause.
 */
public class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException(long maxBytes) {
        super(detail(maxBytes));
    }

    /** The problem's detail for a limit, the same for a declared and a streamed body. */
    static String detail(long maxBytes) {
        return "The request body is larger than the limit of " + DataSize.ofBytes(maxBytes).toKilobytes()
                + " KiB.";
    }
}
