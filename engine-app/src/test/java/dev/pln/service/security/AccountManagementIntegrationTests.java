package dev.pln.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.service.security.SecuredService.Caller;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Users and keys over their whole life, with security on: listed without secrets, changed, reset, deleted;
 * passwords changed by their users through the API and the page; sessions that end when their user changes.
 */
class AccountManagementIntegrationTests extends SecuredIntegrationTest {

    static final String NEW_PASSWORD = "a new passphrase 2026";

    JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void anAdminListsChangesAndDeletesUsersAndNeverSeesAPasswordHash() {
        Caller user = createUser(admin(), "um-caseworker", List.of("CASEWORKER"), null);
        assertThat(user.get("/api/v1/clients/DX-2020-001").statusCode()).isEqualTo(200);

        HttpResponse<String> list = admin().get("/api/v1/admin/users");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("passwordHash").doesNotContain("$2a$").doesNotContain(PASSWORD);
        assertThat(json(list).valueStream().map(u -> u.get("username").asString()))
                .contains("admin", "um-caseworker").isSorted();

        HttpResponse<String> changed = admin().put("/api/v1/admin/users/um-caseworker",
                "{\"roles\": [\"REVIEWER\"], \"jurisdiction\": {\"town\": \"黄村镇\"}}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("roles").valueStream().map(JsonNode::asString)).containsExactly("REVIEWER");
        assertThat(json(changed).get("jurisdiction").get("town").asString()).isEqualTo("黄村镇");
        assertThat(user.get("/api/v1/clients/DX-2020-001").statusCode()).as("no longer a caseworker")
                .isEqualTo(403);
        assertThat(user.get("/api/v1/decisions/" + decisionOf.get("case-2-wang")).statusCode()).isEqualTo(200);
        assertThat(user.get("/api/v1/decisions/" + decisionOf.get("case-1-tao")).statusCode())
                .as("outside its new town").isEqualTo(404);

        assertThat(admin().delete("/api/v1/admin/users/um-caseworker").statusCode()).isEqualTo(204);
        assertThat(user.get("/api/v1/decisions").statusCode()).isEqualTo(401);
        assertThat(admin().get("/api/v1/admin/users/um-caseworker").statusCode()).isEqualTo(404);
        assertThat(admin().delete("/api/v1/admin/users/um-caseworker").statusCode()).isEqualTo(404);
        assertThat(admin().put("/api/v1/admin/users/um-caseworker", "{\"roles\": [\"REVIEWER\"]}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theLastAdminCanBeNeitherDeletedNorDemoted() {
        createUser(admin(), "um-second-admin", List.of("ADMIN"), null);
        assertThat(admin().put("/api/v1/admin/users/um-second-admin", "{\"roles\": [\"REVIEWER\"]}").statusCode())
                .as("demoting the second admin leaves the first").isEqualTo(200);
        boolean onlyAdmin = json(admin().get("/api/v1/admin/users")).valueStream()
                .filter(u -> u.get("roles").valueStream().anyMatch(role -> role.asString().equals("ADMIN")))
                .count() == 1;
        assertThat(onlyAdmin).as("no other class of this context makes admins").isTrue();

        HttpResponse<String> deleted = admin().delete("/api/v1/admin/users/admin");
        assertThat(deleted.statusCode()).isEqualTo(409);
        assertThat(json(deleted).get("type").asString()).isEqualTo("/problems/last-admin");
        assertThat(admin().put("/api/v1/admin/users/admin", "{\"roles\": [\"REVIEWER\"]}").statusCode())
                .isEqualTo(409);
        assertThat(admin().get("/api/v1/admin/audit/verify").statusCode()).as("admin is unchanged").isEqualTo(200);
    }

    @Test
    void anAdminSetsANewPasswordAndThatUnlocksTheAccount() {
        Caller old = createUser(admin(), "um-forgetful", List.of("REVIEWER"), null);
        for (int i = 0; i < 5; i++) {
            Caller.basic(port, "um-forgetful", "wrong-" + i).get("/api/v1/decisions");
        }
        assertThat(old.get("/api/v1/decisions").statusCode()).as("locked").isEqualTo(401);
        assertThat(json(admin().get("/api/v1/admin/users/um-forgetful")).get("locked").asBoolean()).isTrue();

        assertThat(admin().put("/api/v1/admin/users/um-forgetful/password", "{\"password\": \"short\"}")
                .statusCode()).isEqualTo(400);
        assertThat(admin().put("/api/v1/admin/users/um-forgetful/password",
                "{\"password\": \"" + NEW_PASSWORD + "\"}").statusCode()).isEqualTo(204);

        assertThat(old.get("/api/v1/decisions").statusCode()).isEqualTo(401);
        assertThat(Caller.basic(port, "um-forgetful", NEW_PASSWORD).get("/api/v1/decisions").statusCode())
                .isEqualTo(200);
        assertThat(json(admin().get("/api/v1/admin/users/um-forgetful")).get("locked").asBoolean()).isFalse();
        assertThat(admin().put("/api/v1/admin/users/no-such-user/password",
                "{\"password\": \"" + NEW_PASSWORD + "\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void aUserChangesItsOwnPasswordGivingTheCurrentOne() {
        Caller user = createUser(admin(), "um-own", List.of("POLICY_OFFICER"), null);
        String path = "/api/v1/account/password";
        Caller browser = Caller.nobody(port);
        browser.signIn("um-own", PASSWORD);
        assertThat(browser.get("/account/password").statusCode()).isEqualTo(200);

        HttpResponse<String> wrong = user.put(path, "{\"currentPassword\": \"not it\", \"newPassword\": \""
                + NEW_PASSWORD + "\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong).get("errors").get(0).get("pointer").asString()).isEqualTo("/currentPassword");
        HttpResponse<String> tooShort = user.put(path, "{\"currentPassword\": \"" + PASSWORD
                + "\", \"newPassword\": \"short\"}");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(json(tooShort).get("errors").get(0).get("pointer").asString()).isEqualTo("/newPassword");

        assertThat(user.put(path, "{\"currentPassword\": \"" + PASSWORD + "\", \"newPassword\": \"" + NEW_PASSWORD
                + "\"}").statusCode()).isEqualTo(204);
        assertThat(user.get("/api/v1/rulesets").statusCode()).isEqualTo(401);
        assertThat(Caller.basic(port, "um-own", NEW_PASSWORD).get("/api/v1/rulesets").statusCode()).isEqualTo(200);
        assertThat(browser.get("/account/password").statusCode()).as("its other sessions end").isEqualTo(302);

        HttpResponse<String> byKey = callers.get("INTAKE").put(path, "{\"currentPassword\": \"x\", "
                + "\"newPassword\": \"" + NEW_PASSWORD + "\"}");
        assertThat(byKey.statusCode()).isEqualTo(403);
        assertThat(json(byKey).get("type").asString()).isEqualTo("/problems/no-password");
        assertThat(callers.get("nobody").put(path, "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void thePasswordPageChangesItAndTheLoginFormThenAsksForTheNewOne() {
        createUser(admin(), "um-page", List.of("REVIEWER"), null);
        Caller browser = Caller.nobody(port);
        assertThat(browser.signIn("um-page", PASSWORD).statusCode()).isEqualTo(302);
        String list = browser.get("/review/decisions").body();
        assertThat(list).contains("um-page", "href=\"/account/password\"", "action=\"/logout\"");

        HttpResponse<String> wrong = browser.postForm("/account/password", "/account/password",
                "currentPassword=nope&newPassword=" + NEW_PASSWORD.replace(" ", "+") + "&repeated="
                        + NEW_PASSWORD.replace(" ", "+"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("当前密码不正确");
        HttpResponse<String> mismatch = browser.postForm("/account/password", "/account/password",
                "currentPassword=" + PASSWORD.replace(" ", "+") + "&newPassword=" + NEW_PASSWORD.replace(" ", "+")
                        + "&repeated=something+else+entirely");
        assertThat(mismatch.body()).contains("两次输入的新密码不一致");

        HttpResponse<String> changed = browser.postForm("/account/password", "/account/password",
                "currentPassword=" + PASSWORD.replace(" ", "+") + "&newPassword=" + NEW_PASSWORD.replace(" ", "+")
                        + "&repeated=" + NEW_PASSWORD.replace(" ", "+"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(changed.headers().firstValue("Location").orElse("")).endsWith("/login?passwordChanged");
        assertThat(json(admin().get("/api/v1/admin/audit?limit=20")).get("items").valueStream()
                .filter(entry -> entry.get("path").asString().equals("/account/password")).findFirst().orElseThrow()
                .get("actor").asString()).as("the audit trail names who changed it").isEqualTo("um-page");
        assertThat(browser.get("/review/decisions").statusCode()).as("signed out").isEqualTo(302);
        assertThat(Caller.nobody(port).signIn("um-page", PASSWORD).headers().firstValue("Location").orElse(""))
                .endsWith("/login?error");
        assertThat(Caller.nobody(port).signIn("um-page", NEW_PASSWORD).headers().firstValue("Location").orElse(""))
                .endsWith("/review/decisions");
    }

    @Test
    void aSignedInSessionEndsWhenItsUserIsChangedOrDeleted() {
        createUser(admin(), "um-session", List.of("REVIEWER", "CASEWORKER"), null);
        Caller browser = Caller.nobody(port);
        browser.signIn("um-session", PASSWORD);
        Caller other = Caller.nobody(port);
        other.signIn("um-session", PASSWORD);
        assertThat(browser.get("/review/decisions").statusCode()).isEqualTo(200);

        assertThat(admin().put("/api/v1/admin/users/um-session", "{\"roles\": [\"REVIEWER\"]}").statusCode())
                .isEqualTo(200);
        assertThat(browser.put("/api/v1/account/password", "{}").statusCode())
                .as("a write with the ended session alone is a 401, not a CSRF refusal").isEqualTo(401);
        assertThat(browser.signIn("um-session", PASSWORD).statusCode()).isEqualTo(302);
        assertThat(admin().put("/api/v1/admin/users/um-session", "{\"roles\": [\"CASEWORKER\"]}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> afterChange = browser.get("/review/decisions");
        assertThat(afterChange.statusCode()).isEqualTo(302);
        assertThat(afterChange.headers().firstValue("Location").orElse("")).endsWith("/login");

        assertThat(browser.signIn("um-session", PASSWORD).statusCode()).isEqualTo(302);
        assertThat(browser.get("/review/decisions").statusCode()).as("signed in again").isEqualTo(200);
        assertThat(admin().delete("/api/v1/admin/users/um-session").statusCode()).isEqualTo(204);
        assertThat(browser.get("/review/decisions").statusCode()).isEqualTo(302);
        assertThat(other.get("/api/v1/decisions").statusCode()).as("every session of the user").isEqualTo(401);
    }

    @Test
    void aLockedAccountCannotChangeItsPasswordEvenWithTheRightOne() {
        createUser(admin(), "um-locked", List.of("REVIEWER"), null);
        Caller browser = Caller.nobody(port);
        browser.signIn("um-locked", PASSWORD);
        for (int i = 0; i < 5; i++) {
            Caller.basic(port, "um-locked", "wrong-" + i).get("/api/v1/decisions");
        }
        HttpResponse<String> refused = browser.postForm("/account/password", "/account/password",
                "currentPassword=" + PASSWORD.replace(" ", "+") + "&newPassword=" + NEW_PASSWORD.replace(" ", "+")
                        + "&repeated=" + NEW_PASSWORD.replace(" ", "+"));
        assertThat(refused.body()).contains("当前密码不正确");
        assertThat(Caller.basic(port, "um-locked", NEW_PASSWORD).get("/api/v1/decisions").statusCode())
                .isEqualTo(401);
    }

    @Test
    void anAdminActsForTheWholeDistrictOnly() {
        HttpResponse<String> townAdmin = admin().post("/api/v1/admin/users", "{\"username\": \"um-town-admin\", "
                + "\"password\": \"" + PASSWORD + "\", \"roles\": [\"ADMIN\"], "
                + "\"jurisdiction\": {\"town\": \"黄村镇\"}}");
        assertThat(townAdmin.statusCode()).isEqualTo(400);
        assertThat(json(townAdmin).get("errors").get(0).get("pointer").asString()).isEqualTo("/jurisdiction");
        assertThat(admin().post("/api/v1/admin/api-keys", "{\"name\": \"um-admin-key\", \"roles\": [\"ADMIN\"], "
                + "\"jurisdiction\": {\"town\": \"黄村镇\"}}").statusCode()).isEqualTo(400);
        createUser(admin(), "um-to-promote", List.of("REVIEWER"), Map.of("town", "黄村镇"));
        assertThat(admin().put("/api/v1/admin/users/um-to-promote", "{\"roles\": [\"ADMIN\"], "
                + "\"jurisdiction\": {\"town\": \"黄村镇\"}}").statusCode()).isEqualTo(400);
        assertThat(admin().put("/api/v1/admin/users/um-to-promote", "{\"roles\": [\"REVIEWER\"], "
                + "\"jurisdiction\": {\"village\": \"某村\"}}").statusCode()).as("a village needs its town")
                .isEqualTo(400);
        assertThat(admin().get("/api/v1/admin/users/um-to-promote").body()).contains("黄村镇");

        Caller idpTownAdmin = Caller.bearer(port, SecuredService.jwt("idp-town-admin", List.of("ADMIN"),
                Map.of("town", "黄村镇")));
        HttpResponse<String> users = idpTownAdmin.get("/api/v1/admin/users");
        assertThat(users.statusCode()).isEqualTo(403);
        assertThat(json(users).get("type").asString()).isEqualTo("/problems/outside-jurisdiction");
        assertThat(idpTownAdmin.put("/api/v1/admin/users/admin/password", "{\"password\": \"" + NEW_PASSWORD
                + "\"}").statusCode()).isEqualTo(403);
    }

    /** A town of " " used to read as no town: the whole district. */
    @Test
    void aBlankOrPaddedTownOrVillageIsRefusedNeverTheWholeDistrict() {
        createUser(admin(), "um-blank-existing", List.of("REVIEWER"), Map.of("town", "黄村镇"));
        for (String scope : List.of("{\"town\": \" \"}", "{\"town\": \"\\t\"}", "{\"town\": \"\u3000\"}",
                "{\"town\": \" 黄村镇\"}", "{}", "{\"town\": null}", "{\"town\": \"黄村镇\", \"village\": \" \"}")) {
            HttpResponse<String> user = admin().post("/api/v1/admin/users", "{\"username\": \"um-blank\", "
                    + "\"password\": \"" + PASSWORD + "\", \"roles\": [\"REVIEWER\"], \"jurisdiction\": " + scope + "}");
            HttpResponse<String> key = admin().post("/api/v1/admin/api-keys", "{\"name\": \"um-blank-key\", "
                    + "\"roles\": [\"INTAKE\"], \"jurisdiction\": " + scope + "}");
            HttpResponse<String> change = admin().put("/api/v1/admin/users/um-blank-existing",
                    "{\"roles\": [\"REVIEWER\"], \"jurisdiction\": " + scope + "}");

            for (HttpResponse<String> refused : List.of(user, key, change)) {
                assertThat(refused.statusCode()).as(scope + ": " + refused.body()).isEqualTo(400);
                assertThat(json(refused).get("errors").get(0).get("pointer").asString()).startsWith("/jurisdiction/");
            }
        }
        assertThat(admin().get("/api/v1/admin/users/um-blank").statusCode()).isEqualTo(404);
        assertThat(admin().get("/api/v1/admin/api-keys").body()).doesNotContain("um-blank-key");
        assertThat(json(admin().get("/api/v1/admin/users/um-blank-existing")).get("jurisdiction").get("town")
                .asString()).isEqualTo("黄村镇");

        for (Map<String, String> claim : List.of(Map.of("town", " "), Map.of("town", "黄村镇", "village", " "),
                Map.of("town", "黄村镇 "), Map.of("village", "某村"))) {
            Caller idp = Caller.bearer(port, SecuredService.jwt("idp-blank", List.of("REVIEWER"), claim));
            assertThat(idp.get("/api/v1/decisions").statusCode()).as("token with " + claim).isEqualTo(401);
        }
    }

    @Test
    void anAdminListsKeysButNeverTheKeysThemselves() {
        JsonNode made = json(admin().post("/api/v1/admin/api-keys",
                "{\"name\": \"um-listed\", \"roles\": [\"INTAKE\"], \"jurisdiction\": {\"town\": \"黄村镇\"}}"));
        assertThat(admin().delete("/api/v1/admin/api-keys/" + made.get("id").asString()).statusCode())
                .isEqualTo(204);

        HttpResponse<String> keys = admin().get("/api/v1/admin/api-keys");
        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(keys.body()).doesNotContain("pln_").doesNotContain("keyHash").doesNotContain("apiKey");
        JsonNode listed = json(keys).valueStream().filter(k -> k.get("id").asString()
                .equals(made.get("id").asString())).findFirst().orElseThrow();
        assertThat(listed.get("name").asString()).isEqualTo("um-listed");
        assertThat(listed.get("jurisdiction").get("town").asString()).isEqualTo("黄村镇");
        assertThat(listed.get("revokedAt").isNull()).isFalse();
        assertThat(json(keys).valueStream().filter(k -> k.get("revokedAt").isNull()).count())
                .as("the first-start intake key is live").isPositive();
    }
}
