package dev.pln.service.security;

/**
 * Where a user may act: the whole district (no town), one town, or one village of a town. A client's
 * jurisdiction is the {@code jurisdiction} of its facts.
 */
public record Jurisdiction(String town, String village) {

    /** The whole district. */
    public static final Jurisdiction DISTRICT = new Jurisdiction(null, null);

    public Jurisdiction {
        town = blankToNull(town);
        village = town == null ? null : blankToNull(village);
    }


    public boolean wholeDistrict() {
        return town == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
