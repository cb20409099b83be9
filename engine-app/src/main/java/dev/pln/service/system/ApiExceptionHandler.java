package dev.pln.service.system;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into RFC 9457 problem+json: input errors carry {@code errors} with JSON Pointers into
 * the request body; a store that cannot be reached is a 503 with Retry-After; nothing leaks a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    static final URI INVALID_INPUT = URI.create("/problems/invalid-input");
    static final URI NOT_FOUND = URI.create("/problems/not-found");
    static final URI CONFLICT = URI.create("/problems/conflicting-request");
    static final URI UNAVAILABLE = URI.create("/problems/store-unavailable");
    static final URI INTERNAL = URI.create("/problems/internal-error");
    /** RFC 9457's type for a problem that needs no more than its status; the contract wants {@code type} on all. */
    static final URI BLANK = URI.create("about:blank");
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimitFilter.BodyTooLargeException) {
                return problem(RequestSizeLimitFilter.tooLarge());
            }
        }
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return problem(invalidInput("The request body is not valid JSON for this endpoint.",
                        List.of(jsonError(jackson))));
            }
        }
        return problem(invalidInput("The request body is missing or unreadable.",
                List.of(new InputProblemException.FieldError("", "a JSON request body is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InputProblemException.FieldError> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new InputProblemException.FieldError(pointer(error.getField()), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new InputProblemException.FieldError("", error.getDefaultMessage())));
        errors.sort((a, b) -> a.pointer().compareTo(b.pointer()));
        return problem(invalidInput("The request has " + errors.size() + " invalid field(s).", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InputProblemException.FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            RequestHeader header = result.getMethodParameter().getParameterAnnotation(RequestHeader.class);
            String name = header != null && !header.name().isEmpty() ? header.name()
                    : result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(header != null
                    ? InputProblemException.FieldError.header(name, error.getDefaultMessage())
                    : InputProblemException.FieldError.parameter(name, error.getDefaultMessage())));
        });
        return problem(invalidInput("The request has invalid parameters.", errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(invalidInput("The request lacks a required parameter.",
                List.of(InputProblemException.FieldError.parameter(ex.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        InputProblemException.FieldError error = ex instanceof MissingRequestHeaderException missing
                ? InputProblemException.FieldError.header(missing.getHeaderName(), "is required")
                : new InputProblemException.FieldError("", "the request cannot be bound to this endpoint");
        return problem(invalidInput("The request lacks a required part.", List.of(error)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String message = ex.getMostSpecificCause() instanceof StrictParameters.UnacceptableParameterException refused
                ? refused.getMessage() : "has an invalid value";
        return problem(invalidInput("The request has invalid parameters.",
                List.of(InputProblemException.FieldError.parameter(ex.getName(), message))));
    }

    /** Tomcat parses the query lazily and throws when a parameter is not valid percent-encoding. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> unreadableParameters(InvalidParameterException ex) {
        return problem(invalidInput("The query string cannot be decoded.",
                List.of(new InputProblemException.FieldError("",
                        "the query string is not valid percent-encoded UTF-8"))));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType() == null) {
            problem.setType(BLANK);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @ExceptionHandler(InputProblemException.class)
    ResponseEntity<Object> inputProblem(InputProblemException ex) {
        return problem(invalidInput(ex.getMessage(), ex.errors()));
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    ResponseEntity<Object> notFound(ResourceNotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        return problem(problem);
    }

    @ExceptionHandler(ConflictingRequestException.class)
    ResponseEntity<Object> conflict(ConflictingRequestException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
        problem.setType(CONFLICT);
        problem.setTitle("Conflicting request");
        return problem(problem);
    }

    @ExceptionHandler({ DataAccessResourceFailureException.class, MongoTimeoutException.class,
            MongoSocketException.class })
    ResponseEntity<Object> storeUnavailable(Exception ex) {
        log.warn("Store unavailable: {}", ex.getClass().getSimpleName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                StoreOutage.DETAIL);
        problem.setType(UNAVAILABLE);
        problem.setTitle("Store unavailable");
        RejectedRequests.count(UNAVAILABLE, 503);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(MongoException.class)
    ResponseEntity<Object> storeFailure(MongoException ex) {
        return storeUnavailable(ex);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        // The message may quote request content, so only the type and the stack are logged.
        log.error("Unexpected failure: {}", ex.getClass().getName(), withoutMessage(ex));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The service failed to handle this request; nothing of it was stored.");
        problem.setType(INTERNAL);
        problem.setTitle("Internal error");
        return problem(problem);
    }

    static ProblemDetail invalidInput(String detail, List<InputProblemException.FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(INVALID_INPUT);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors.stream().map(ApiExceptionHandler::asJson).toList());
        return problem;
    }

    private static Map<String, String> asJson(InputProblemException.FieldError error) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("pointer", error.pointer());
        json.put("message", error.message());
        if (error.parameter() != null) {
            json.put("parameter", error.parameter());
        }
        if (error.header() != null) {
            json.put("header", error.header());
        }
        return json;
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        if (problem.getType() == null) {
            problem.setType(BLANK);
        }
        RejectedRequests.count(problem.getType(), problem.getStatus());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static InputProblemException.FieldError jsonError(JacksonException ex) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                pointer.append('/').append(reference.getPropertyName().replace("~", "~0").replace("/", "~1"));
            }
            else if (reference.getIndex() >= 0) {
                pointer.append('/').append(reference.getIndex());
            }
        }
        return new InputProblemException.FieldError(pointer.toString(), jsonMessage(ex));
    }

    private static String jsonMessage(JacksonException ex) {
        if (ex instanceof StrictJsonConfiguration.UnacceptableTextException text) {
            return text.reason();
        }
        if (ex instanceof UnrecognizedPropertyException unknown) {
            String name = unknown.getPropertyName();
            if (name.startsWith("$") || name.contains(".")) {
                return "keys starting with '$' or containing '.' are not allowed";
            }
            return "unknown property '" + name + "' (known: " + unknown.getKnownPropertyIds() + ")";
        }
        if (ex instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants());
        }
        if (ex instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + describe(mismatched.getTargetType());
        }
        if (ex instanceof InputCoercionException) {
            return "is out of range";
        }
        if (ex instanceof StreamReadException) {
            return "malformed JSON: " + ex.getOriginalMessage().lines().findFirst().orElse("");
        }
        return "invalid value";
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        return "a JSON object";
    }

    /** JSON Pointer from a bean property path such as {@code conditions.skills[2]}. */
    static String pointer(String propertyPath) {
        if (propertyPath == null || propertyPath.isEmpty()) {
            return "";
        }
        return "/" + propertyPath.replaceAll("\\[(\\d+)]", ".$1").replace(".", "/");
    }

    /** The exception and its causes with their types and stacks but none of their messages. */
    static Throwable withoutMessage(Throwable ex) {
        Throwable cause = ex.getCause() == null || ex.getCause() == ex ? null : withoutMessage(ex.getCause());
        Throwable copy = new Throwable(ex.getClass().getName(), cause);
        copy.setStackTrace(ex.getStackTrace());
        return copy;
    }
}
