package dev.pln.service.system;

import java.util.Map;
import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What the caller of the current request may see, when that is less than everything: a town (and village), and,
 * for callers that may read only what they created themselves, their name. Set by the security module once the
 * caller is known; read by the feature modules when they query, so that lists, reports and look-ups hold nothing
 * outside it. Absent while security is off and for callers scoped to the whole district.
 *
 * @param town the only town, or null for every town
 * @param village the only village of that town, or null for all of them
 * @param createdBy when not null, only decisions this caller created
 * @param maskPersonalData whether names are masked and health and low-income status left out of what is shown
 */
public record Scope(String town, String village, String createdBy, boolean maskPersonalData) {

    static final String ATTRIBUTE = Scope.class.getName();

    /** The scope of the request on this thread, if it has one. */
    public static Optional<Scope> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? Optional.empty()
                : Optional.ofNullable((Scope) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    /** The request's scope when it keeps the caller to one town (or village); empty for the whole district. */
    public static Optional<Scope> currentTown() {
        return current().filter(scope -> scope.town() != null);
    }

    /** Sets the scope of the current request. */
    public static void set(Scope scope) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, scope, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /**
     * Whether a client with these facts (their {@code jurisdiction}) lies inside, for something made by
     * {@code creator} (null: not a decision).
     */
    public boolean containsFacts(Map<String, Object> facts, String creator) {
        return contains(jurisdiction(facts, "town"), jurisdiction(facts, "village"), creator);
    }

    private static String jurisdiction(Map<String, Object> facts, String key) {
        return facts != null && facts.get("jurisdiction") instanceof Map<?, ?> where
                && where.get(key) instanceof String value ? value : null;
    }

    /** Whether a decision of a client in this town and village, created by {@code creator}, lies inside. */
    public boolean contains(String clientTown, String clientVillage, String creator) {
        if (createdBy != null && !createdBy.equals(creator)) {
            return false;
        }
        if (town == null) {
            return true;
        }
        return town.equals(clientTown) && (village == null || village.equals(clientVillage));
    }
}
