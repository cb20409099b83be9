package dev.pln.service.system;

import io.micrometer.core.instrument.Metrics;

/**
 * Counts every problem+json answer by its problem type and status ({@code pln.requests.rejected{type, status}}),
 * wherever it is written — the exception handler, the security chain, a store outage while signing in. Static,
 * on Micrometer's global registry (which Boot's registries join), because some of those writers run before or
 * outside any bean.
 */
public final class RejectedRequests {

    private RejectedRequests() {
    }

    public static void count(Object type, int status) {
        Metrics.counter("pln.requests.rejected", "type", String.valueOf(type), "status", Integer.toString(status))
                .increment();
    }
}
