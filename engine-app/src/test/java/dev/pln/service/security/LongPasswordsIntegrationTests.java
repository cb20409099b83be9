package dev.pln.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.service.security.SecuredService.Caller;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Passwords of 12–128 characters, as docs/security.md promises, also beyond BCrypt's 72 bytes (a Chinese character
 * is three bytes in UTF-8): set by an admin, changed by their user through the API and the page, signed in with by
 * HTTP Basic and the login form.
 */
class LongPasswordsIntegrationTests extends SecuredIntegrationTest {

    /** 25 characters, 75 bytes. */
    static final String SENTENCE = "我的密码是一句很长的中文句子用来确认超过七十二字节";
    /** 128 characters, 384 bytes. */
    static final String LONGEST = "长".repeat(128);

    @Autowired
    MongoTemplate mongo;

    String body(String field, String password) {
        return JSON.createObjectNode().put(field, password).toString();
    }

    @Test
    void aPasswordOfMoreThan72BytesIsAcceptedBySigningInAndEveryWayOfSettingIt() {
        assertThat(SENTENCE.length()).isEqualTo(25);
        assertThat(SENTENCE.getBytes(StandardCharsets.UTF_8)).hasSize(75);
        HttpResponse<String> created = admin().post("/api/v1/admin/users", JSON.createObjectNode()
                .put("username", "lp-user").put("password", SENTENCE)
                .set("roles", JSON.createArrayNode().add("REVIEWER")).toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Caller.basic(port, "lp-user", SENTENCE).get("/api/v1/decisions").statusCode()).isEqualTo(200);
        assertThat(Caller.basic(port, "lp-user", SENTENCE.substring(0, 24)).get("/api/v1/decisions")
                .statusCode()).as("every character counts").isEqualTo(401);
        assertThat(signIn(Caller.nobody(port), "lp-user", SENTENCE)).endsWith("/review/decisions");

        HttpResponse<String> reset = admin().put("/api/v1/admin/users/lp-user/password", body("password", LONGEST));
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);
        Caller user = Caller.basic(port, "lp-user", LONGEST);
        assertThat(user.get("/api/v1/decisions").statusCode()).isEqualTo(200);

        HttpResponse<String> own = user.put("/api/v1/account/password", JSON.createObjectNode()
                .put("currentPassword", LONGEST).put("newPassword", SENTENCE + "之一").toString());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(204);
        assertThat(Caller.basic(port, "lp-user", SENTENCE + "之一").get("/api/v1/decisions").statusCode())
                .isEqualTo(200);

        Caller browser = Caller.nobody(port);
        signIn(browser, "lp-user", SENTENCE + "之一");
        HttpResponse<String> page = browser.postForm("/account/password", "/account/password", "currentPassword="
                + form(SENTENCE + "之一") + "&newPassword=" + form(SENTENCE + "之二") + "&repeated="
                + form(SENTENCE + "之二"));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login?passwordChanged");
        assertThat(signIn(Caller.nobody(port), "lp-user", SENTENCE + "之二")).endsWith("/review/decisions");
    }

    @Test
    void aPasswordOfMoreThan128CharactersIsRefusedWithAPointer() {
        HttpResponse<String> created = admin().post("/api/v1/admin/users", JSON.createObjectNode()
                .put("username", "lp-too-long").put("password", LONGEST + "长")
                .set("roles", JSON.createArrayNode().add("REVIEWER")).toString());
        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(created.body()).get("errors").get(0).get("pointer").asString())
                .isEqualTo("/password");
    }

    @Test
    void aPasswordHashedBeforeBcryptSha256StillSignsIn() {
        // As an earlier version stored it: plain BCrypt, no prefix.
        Date now = new Date();
        mongo.getCollection(UserAccount.COLLECTION).insertOne(new Document("_id", "lp-legacy")
                .append("passwordHash", new BCryptPasswordEncoder().encode(PASSWORD))
                .append("roles", List.of("REVIEWER")).append("jurisdiction", new Document())
                .append("createdAt", now).append("changedAt", now));
        JsonNode stored = JSON.readTree(mongo.getCollection(UserAccount.COLLECTION)
                .find(new Document("_id", "lp-legacy")).first().toJson());
        assertThat(stored.get("passwordHash").asString()).startsWith("$2a$");

        assertThat(Caller.basic(port, "lp-legacy", PASSWORD).get("/api/v1/decisions").statusCode()).isEqualTo(200);
        assertThat(Caller.basic(port, "lp-legacy", PASSWORD + "x").get("/api/v1/decisions").statusCode())
                .isEqualTo(401);
    }

    @Test
    void newPasswordsAreStoredAsBcryptOfTheirSha256() {
        createUser(admin(), "lp-new", List.of("REVIEWER"), null);
        JsonNode stored = JSON.readTree(mongo.getCollection(UserAccount.COLLECTION)
                .find(new Document("_id", "lp-new")).first().toJson());
        assertThat(stored.get("passwordHash").asString()).startsWith("{bcrypt-sha256}$2a$");
    }

    static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Signs in with the login form; where it sends the browser. */
    static String signIn(Caller browser, String username, String password) {
        return browser.signIn(username, password).headers().firstValue("Location").orElse("");
    }
}
