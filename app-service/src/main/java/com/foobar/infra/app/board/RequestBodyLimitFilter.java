package com.foobar.infra.app.board;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.foobar.infra.app.problem.ProblemResponseWriter;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code foobar.board.max-request-size} with a 413 problem: at once when the request
 * declares a larger {@code Content-Length}, and when the bytes read pass the limit for a body that declares none
 * (chunked) or declares less than it sends.
 *
 * <p>An over-long body that is streamed fails while it is read, with {@link RequestBodyTooLargeException}, which
 * the API's exception handler answers as a 413. It runs after the topology and read-your-writes filters (so the
 * 413 carries {@code X-Served-By}) and before the session and security filters, which need not look at a request
 * that is refused anyway.
 */
@Component
class RequestBodyLimitFilter extends OncePerRequestFilter implements Ordered {

    private final long maxBytes;

    private final ProblemResponseWriter problems;

    RequestBodyLimitFilter(BoardProperties board, ProblemResponseWriter problems) {
        this.maxBytes = board.maxRequestSize().toBytes();
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > this.maxBytes) {
            this.problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, RequestBodyTooLargeException
                    .detail(this.maxBytes));
            return;
        }
        chain.doFilter(new LimitedRequest(request, this.maxBytes), response);
    }

    /** A request whose body reads fail once more than {@code maxBytes} were read. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;

        private @Nullable LimitedInputStream body;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (this.body == null) {
                this.body = new LimitedInputStream(super.getInputStream(), this.maxBytes);
            }
            return this.body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;

        private final long maxBytes;

        private long read;

        LimitedInputStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = this.in.read();
            if (b != -1) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = this.in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws RequestBodyTooLargeException {
            this.read += n;
            if (this.read > this.maxBytes) {
                throw new RequestBodyTooLargeException(this.maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return this.in.isFinished();
        }

        @Override
        public boolean isReady() {
            return this.in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            this.in.setReadListener(listener);
        }
    }
}
