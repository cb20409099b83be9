package dev.pln.service.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code Content-Type} that names no media type — a wildcard such as {@code *}{@code /*} or {@code application/*},
 * or one that cannot be parsed — describes nothing on a request without a body, so it is dropped there (Spring
 * MVC would fail on it with a 500); on a request with a body it is answered 415 problem+json.
 */
@Component
@Order(ContentTypeFilter.ORDER)
class ContentTypeFilter extends OncePerRequestFilter {

    /** Right after the size limit, before anything reads the body or the header. */
    static final int ORDER = RequestSizeLimitFilter.ORDER + 1;

    private final JsonMapper json;

    ContentTypeFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String declared = request.getContentType();
        if (declared == null || namesAMediaType(declared)) {
            chain.doFilter(request, response);
        }
        else if (request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "The Content-Type names no media type; JSON bodies are sent as application/json.");
            problem.setType(ApiExceptionHandler.BLANK);
            problem.setTitle("Unsupported Media Type");
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        }
        else {
            chain.doFilter(new WithoutContentType(request), response);
        }
    }

    private static boolean namesAMediaType(String value) {
        try {
            return MediaType.parseMediaType(value).isConcrete();
        }
        catch (InvalidMediaTypeException ex) {
            return false;
        }
    }

    /** The request as if it had no {@code Content-Type}. */
    private static final class WithoutContentType extends HttpServletRequestWrapper {

        WithoutContentType(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? Collections.emptyEnumeration()
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)).toList());
        }
    }
}
