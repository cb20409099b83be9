package dev.pln.service.system;

import java.util.Optional;

/**
 * The characters no string of a request may hold: control characters (tab, line feed and carriage return only in
 * {@link FreeText}), a half of a surrogate pair, and {@link #NOT_UTF8}, which marks bytes that were not UTF-8.
 */
final class UnacceptableCharacters {

    /**
     * What {@link Utf8RequestBodies} puts where a body's bytes are not UTF-8: a noncharacter, so that the field
     * that held them is named in the 400 like any other bad value.
     */
    static final char NOT_UTF8 = '\uFFFF';

    private UnacceptableCharacters() {
    }

    /** Why this text is refused, or empty when it is acceptable. */
    static Optional<String> in(String text, boolean freeText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == NOT_UTF8) {
                return Optional.of("is not valid UTF-8");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c)) {
                return Optional.of("holds half of a surrogate pair, which is no character");
            }
            else if (Character.isISOControl(c) && !(freeText && (c == '\t' || c == '\n' || c == '\r'))) {
                return Optional.of(freeText ? "must not hold control characters other than tab and line breaks"
                        : "must not hold control characters (tabs and line breaks included)");
            }
        }
        return Optional.empty();
    }
}
