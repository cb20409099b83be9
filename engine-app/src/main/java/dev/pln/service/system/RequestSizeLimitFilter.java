package dev.pln.service.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rejects request bodies over {@link #MAX_BYTES} with 413 problem+json before anything reads them: by the
 * declared Content-Length, or while streaming when the length is not declared (chunked uploads).
 */
@Component
@Order(RequestSizeLimitFilter.ORDER)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    /**
     * Before anything that reads the body (form parsing runs at -9900, Spring Security at -100), after the
     * security headers, so that a 413 carries them.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /** 1 MiB, as the HTTP contract fixes it. */
    static final long MAX_BYTES = 1024 * 1024;

    private final JsonMapper json;

    RequestSizeLimitFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            tooLarge(request, response);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request), response);
        }
        catch (BodyTooLargeException ex) {
            // A filter further down read the body itself (not through Spring MVC, whose handler answers 413).
            if (response.isCommitted()) {
                throw ex;
            }
            response.resetBuffer();
            tooLarge(request, response);
        }
    }

    /** The 413 answer, for the filter and for a body found too large while it was being read. */
    static ProblemDetail tooLarge() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "Request bodies are limited to 1 MiB (" + MAX_BYTES + " bytes); nothing was stored.");
        problem.setTitle("Request body too large");
        problem.setType(URI.create("/problems/body-too-large"));
        return problem;
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = tooLarge();
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Thrown while reading a body that passes the limit; the exception handler answers 413. */
    static final class BodyTooLargeException extends IOException {

        BodyTooLargeException() {
            super("request body larger than " + MAX_BYTES + " bytes");
        }
    }

    /** Counts body bytes as they are read and fails the read once the limit is passed. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream());
            }
            return stream;
        }

        private final class CountingStream extends ServletInputStream {

            private final ServletInputStream delegate;
            private long count;

            CountingStream(ServletInputStream delegate) {
                this.delegate = delegate;
            }

            @Override
            public int read() throws IOException {
                int b = delegate.read();
                if (b >= 0) {
                    add(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = delegate.read(buffer, offset, length);
                if (n > 0) {
                    add(n);
                }
                return n;
            }

            private void add(long n) throws IOException {
                count += n;
                if (count > MAX_BYTES) {
                    throw new BodyTooLargeException();
                }
            }

            @Override
            public boolean isFinished() {
                return delegate.isFinished();
            }

            @Override
            public boolean isReady() {
                return delegate.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                delegate.setReadListener(listener);
            }
        }
    }
}
