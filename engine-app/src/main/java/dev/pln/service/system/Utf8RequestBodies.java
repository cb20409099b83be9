package dev.pln.service.system;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Request bodies are UTF-8, as the contract says JSON is: one that declares another charset is refused, and bytes
 * that are not UTF-8 — Jackson takes overlong forms ({@code C0 80} for NUL) and sequences past U+10FFFF, and
 * guesses UTF-16 from zero bytes — are marked with {@link UnacceptableCharacters#NOT_UTF8}, so that the field
 * holding them gets a 400 with its pointer.
 */
@ControllerAdvice
class Utf8RequestBodies extends RequestBodyAdviceAdapter {

    private static final String MARKER = String.valueOf(UnacceptableCharacters.NOT_UTF8);

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        MediaType type = input.getHeaders().getContentType();
        Charset declared = type == null ? null : type.getCharset();
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
            throw otherCharset(parameter, declared);
        }
        byte[] body = utf8(input.getBody().readAllBytes());
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    /** The body as sent when it is UTF-8 without NUL bytes; else with every bad sequence marked. */
    static byte[] utf8(byte[] body) {
        boolean zeroByte = false;
        for (byte b : body) {
            zeroByte |= b == 0;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).replaceWith(MARKER)
                    .decode(ByteBuffer.wrap(body)).toString();
            // A raw NUL is no JSON outside a string and must be escaped inside one: it means UTF-16 or UTF-32.
            return zeroByte ? text.replace("\u0000", MARKER).getBytes(StandardCharsets.UTF_8) : body;
        }
        catch (CharacterCodingException notUtf8) {
            return marked(body).replace("\u0000", MARKER).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String marked(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(MARKER)
                    .decode(ByteBuffer.wrap(body)).toString();
        }
        catch (CharacterCodingException cannotHappen) {
            throw new IllegalStateException(cannotHappen); // replacing, the decoder reports nothing
        }
    }

    /**
     * 415 where the endpoint's documented answers include it (they are the contract's list for the endpoint,
     * e.g. {@code POST /api/v1/decisions}); elsewhere the contract allows only 400 for a bad request.
     */
    private static RuntimeException otherCharset(MethodParameter parameter, Charset declared) {
        String detail = "Request bodies are JSON in UTF-8; this one declares charset=" + declared.name()
                + ". Send UTF-8 (charset=UTF-8, or no charset).";
        boolean may415 = parameter.getMethod() != null && AnnotatedElementUtils
                .findMergedRepeatableAnnotations(parameter.getMethod(), ApiResponse.class).stream()
                .anyMatch(response -> response.responseCode().equals("415"));
        if (may415) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail);
            problem.setTitle("Unsupported Media Type");
            return new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem, null);
        }
        return new InputProblemException(detail, List.of(InputProblemException.FieldError.header("Content-Type",
                "must declare UTF-8 or no charset")));
    }
}
