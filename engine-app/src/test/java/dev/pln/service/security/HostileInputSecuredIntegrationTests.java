package dev.pln.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Hostile input with security on, where a filter fills in who acts before the body is read: the strict reading
 * must still see the bytes as they were sent.
 */
class HostileInputSecuredIntegrationTests extends SecuredIntegrationTest {

    @Test
    void bytesThatAreNotUtf8AreRefusedAlsoWhenWhoActsIsFilledIn() throws IOException, InterruptedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"comment\": \"x".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] { (byte) 0xC0, (byte) 0x80 }); // an overlong NUL
        body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        String flags = "/api/v1/decisions/" + decisionOf.get("case-2-wang") + "/flags";
        SecuredService.Caller reviewer = callers.get("REVIEWER");

        HttpResponse<String> refused = reviewer.http.send(HttpRequest.newBuilder(URI.create(reviewer.base + flags))
                .header("Authorization", reviewer.authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("errors").get(0).get("pointer").asString())
                .isEqualTo("/comment");
    }
}
