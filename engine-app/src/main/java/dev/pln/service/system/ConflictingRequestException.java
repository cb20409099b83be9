package dev.pln.service.system;

/** A request that is well formed but contradicts an earlier one (e.g. a reused Idempotency-Key); answered 422. */
public class ConflictingRequestException extends RuntimeException {

    public ConflictingRequestException(String detail) {
        super(detail);
    }
}
