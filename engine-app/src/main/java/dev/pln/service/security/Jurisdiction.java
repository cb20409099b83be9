package dev.pln.service.security;

/**
 * Where a user may act: the whole district (no town), one town, or one village of a town. A client's
 * jurisdiction is the {@code jurisdiction} of its facts.
 */
public record Jurisdiction(String town, String village) {

    /** The whole district. */
    public static final Jurisdiction DISTRICT = new Jurisdiction(null, null);

    /**
     * Refuses a blank or padded town or village, and a village without its town: each used to read as "none",
     * which widened the scope (a town of {@code " "} was the whole district).
     */
    public Jurisdiction {
        if (town != null && !isPlaceName(town) || village != null && !isPlaceName(village)) {
            throw new IllegalArgumentException("A town or village must be a name, not blank or padded.");
        }
        if (village != null && town == null) {
            throw new IllegalArgumentException("A village needs its town.");
        }
    }

    public boolean wholeDistrict() {
        return town == null;
    }

    /** Whether the value can name a town or village: not blank, no white space around it, no control character. */
    static boolean isPlaceName(String value) {
        return !value.isBlank() && value.strip().equals(value) && value.chars().noneMatch(Character::isISOControl);
    }
}
