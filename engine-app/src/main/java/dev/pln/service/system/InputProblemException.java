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

    /**
     * One rejected input and why. {@code pointer} is always a JSON Pointer: into the request body, or, for a
     * query parameter, {@code /name} with the name in {@code parameter}; a header is named in {@code header}
     * with the pointer {@code ""}, since it is no part of the body.
     */
    public record FieldError(String pointer, String message, String parameter, String header) {

        /** An error at a JSON Pointer into the request body. */
        public FieldError(String pointer, String message) {
            this(pointer, message, null, null);
        }

        /** An error in a query (or form) parameter. */
        public static FieldError parameter(String name, String message) {
            return new FieldError("/" + name.replace("~", "~0").replace("/", "~1"), message, name, null);
        }

        /** An error in a request header. */
        public static FieldError header(String name, String message) {
            return new FieldError("", message, null, name);
        }
    }
}
