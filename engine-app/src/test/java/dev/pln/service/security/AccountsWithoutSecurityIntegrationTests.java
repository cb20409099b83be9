package dev.pln.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.service.ApiClient.Reply;
import dev.pln.service.ApiIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** With security off (the default): user management takes the admin token; nobody has a password to change. */
class AccountsWithoutSecurityIntegrationTests extends ApiIntegrationTest {

    @Test
    void listingUsersAndKeysTakesTheAdminToken() {
        Reply without = api.get("/api/v1/admin/users");
        assertThat(without.status()).isEqualTo(403);
        assertThat(without.json().get("type").asString()).isEqualTo("/problems/admin-token");
        assertThat(api.get("/api/v1/admin/api-keys").status()).isEqualTo(403);

        Reply with = api.get("/api/v1/admin/users", "X-Admin-Token", ADMIN_TOKEN);
        assertThat(with.status()).isEqualTo(200);
        assertThat(with.json().isArray()).isTrue();
    }

    @Test
    void nobodyIsSignedInSoNoPasswordCanBeChanged() {
        Reply change = put("/api/v1/account/password",
                "{\"currentPassword\": \"x\", \"newPassword\": \"long enough, surely\"}");
        assertThat(change.status()).isEqualTo(403);
        assertThat(change.json().get("type").asString()).isEqualTo("/problems/no-password");
        assertThat(api.get("/account/password").status()).isEqualTo(403);
    }

    private Reply put(String path, String json) {
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }
}
