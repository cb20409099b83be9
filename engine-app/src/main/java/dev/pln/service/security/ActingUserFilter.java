package dev.pln.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With security on, who records a service, a follow-up, an override, a confirmation or a flag is the signed-in
 * caller: the {@code by} field or parameter of those requests may be left out (it is filled in) and, when sent,
 * must name the caller, or the request is refused with 400. JSON bodies are changed only by inserting the missing
 * field, so the strict reading downstream still sees everything else as sent; parameters always read as the
 * caller, whatever the content type.
 */
@Component
@Order(-97)
class ActingUserFilter extends OncePerRequestFilter {

    static final Pattern ACTS = Pattern.compile("/api/v1/clients/[^/]+/(services|follow-ups)"
            + "|(/api/v1|/review)/decisions/[^/]+/(overrides|overrides/[^/]+/confirm|flags)");

    private final JsonMapper json;

    ActingUserFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !ACTS.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Principal> caller = CurrentUser.get();
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String name = caller.get().name();
        // A `by` sent as a parameter, in the query string or a form, must name the caller; then every reader of
        // the parameter gets the caller, whatever the content type.
        String[] sent = request.getParameterValues("by");
        if (sent != null && Arrays.stream(sent).anyMatch(by -> !by.isBlank() && !by.strip().equals(name))) {
            refuse(response, name);
            return;
        }
        HttpServletRequest byCaller = new ByParameter(request, name);
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (!contentType.startsWith("application/json") && !contentType.contains("+json")) {
            chain.doFilter(byCaller, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        JsonNode tree;
        try {
            tree = json.readTree(body);
        }
        catch (JacksonException unreadable) {
            chain.doFilter(new Body(byCaller, body), response); // the controller explains what is wrong
            return;
        }
        if (tree == null || !tree.isObject()) {
            chain.doFilter(new Body(byCaller, body), response);
            return;
        }
        JsonNode by = tree.get("by");
        if (by != null && !by.isNull()) {
            if (!by.isString() || !by.asString().strip().equals(name)) {
                refuse(response, name);
                return;
            }
            chain.doFilter(new Body(byCaller, body), response);
            return;
        }
        // Spliced into the bytes as sent: decoding and encoding them again would turn bytes that are not UTF-8
        // into U+FFFD, which the strict reading downstream could no longer refuse.
        int open = 0;
        while (body[open] != '{') {
            open++;
        }
        byte[] field = ("\"by\":" + json.writeValueAsString(name) + (tree.isEmpty() ? "" : ","))
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBy = new byte[body.length + field.length];
        System.arraycopy(body, 0, withBy, 0, open + 1);
        System.arraycopy(field, 0, withBy, open + 1, field.length);
        System.arraycopy(body, open + 1, withBy, open + 1 + field.length, body.length - open - 1);
        chain.doFilter(new Body(byCaller, withBy), response);
    }

    /** The request with its {@code by} parameter set to the caller. */
    static final class ByParameter extends HttpServletRequestWrapper {

        private final String name;

        ByParameter(HttpServletRequest request, String name) {
            super(request);
            this.name = name;
        }

        @Override
        public String getParameter(String parameter) {
            return "by".equals(parameter) ? name : super.getParameter(parameter);
        }

        @Override
        public String[] getParameterValues(String parameter) {
            return "by".equals(parameter) ? new String[] { name } : super.getParameterValues(parameter);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
            parameters.put("by", new String[] { name });
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }
    }

    private void refuse(HttpServletResponse response, String name) throws IOException {
        response.setStatus(400);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(Map.of("type", "/problems/invalid-input", "title",
                "Invalid input", "status", 400, "detail", "Who acts is the signed-in user.", "errors",
                List.of(Map.of("pointer", "/by", "message",
                        "must be the signed-in user (" + name + ") or left out")))));
    }

    /** The request with the given body. */
    static final class Body extends HttpServletRequestWrapper {

        private final byte[] body;

        Body(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
