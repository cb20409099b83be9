package dev.pln.service.system;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;

/**
 * A store that cannot be reached, recognised wherever it surfaces — also before a controller runs, when signing a
 * caller in reads the store — and answered alike: 503 problem+json with {@code Retry-After}, never a 500 and
 * never a 401 that would tell the caller its credentials were wrong.
 */
public final class StoreOutage {

    static final String DETAIL = "The decision store cannot be reached; nothing was stored. Retry later.";

    private StoreOutage() {
    }

    /** Whether {@code failure} or one of its causes says the store could not be reached. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoSocketException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Writes the 503 the API answers for an unreachable store. */
    public static void answer(HttpServletResponse response) throws IOException {
        response.resetBuffer();
        RejectedRequests.count(ApiExceptionHandler.UNAVAILABLE, 503);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, ApiExceptionHandler.RETRY_AFTER_SECONDS);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"" + ApiExceptionHandler.UNAVAILABLE + "\",\"title\":\"Store "
                + "unavailable\",\"status\":503,\"detail\":\"" + DETAIL + "\"}");
    }
}
