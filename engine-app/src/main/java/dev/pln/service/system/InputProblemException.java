package dev.pln.service.system;

import java.util.List;

/** Input that a feature rejects after binding (a header, a query parameter); answered 400 with pointers. */
public class InputProblemException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InputProblemException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One rejected input: a JSON Pointer (or a parameter/header name) and why. */
    public record FieldError(String pointer, String message) {
    }
}
