package dev.pln.model;

/** A fact the caseworker must still collect before a level can be decided, as a JSON Pointer into the request. */
public final class MissingInformation implements Conclusion {

    private final String pointer;

    public MissingInformation(String pointer) {
        this.pointer = pointer;
    }

    public String getPointer() {
        return pointer;
    }
}
