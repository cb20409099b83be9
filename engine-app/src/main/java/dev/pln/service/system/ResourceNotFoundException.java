package dev.pln.service.system;

/** A looked-up resource does not exist; answered 404 problem+json. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String detail) {
        super(detail);
    }
}
