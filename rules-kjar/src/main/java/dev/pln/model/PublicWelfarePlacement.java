package dev.pln.model;

/** The rules recommend fallback placement on a public-welfare post (托底安置); the inserting rule says why. */
public final class PublicWelfarePlacement implements Conclusion {
}
