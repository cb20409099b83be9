package dev.pln.service.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.rules.Fixtures;
import dev.pln.service.ApiIntegrationTest;
import dev.pln.service.ApiClient.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad and hostile input gets a clear 400 (413, 415) problem+json naming the field, never a 500, and
 * leaves no trace in storage.
 */
class HostileInputIntegrationTests extends ApiIntegrationTest {

    @AfterEach
    void nothingWasStored() {
        assertThat(mongo.getCollection("decisions").countDocuments()).as("decisions stored").isZero();
        assertThat(mongo.getCollection("clients").countDocuments()).as("clients stored").isZero();
    }

    static JsonNode tao() {
        return Fixtures.workedCase("case-1-tao").request();
    }

    static Arguments bad(String why, Object body, String pointer) {
        return Arguments.of(why, body, pointer);
    }

    static Stream<Arguments> invalidBodies() {
        ObjectNode operatorInValue = (ObjectNode) tao().deepCopy();
        operatorInValue.putObject("goal").put("$gt", "").put("clarity", "CLEAR");
        ObjectNode dottedKey = (ObjectNode) tao().deepCopy();
        ((ObjectNode) dottedKey.get("family")).put("low.income", true);
        ObjectNode operatorAsClientId = (ObjectNode) tao().deepCopy();
        operatorAsClientId.putObject("clientId").putNull("$ne");
        return Stream.of(
                bad("unknown property", Fixtures.with(tao(), "/favouriteColour", "blue"), "/favouriteColour"),
                bad("mass assignment of the level", Fixtures.with(tao(), "/level", 1), "/level"),
                bad("mass assignment of a decision id", Fixtures.with(tao(), "/decisionId", "x"), "/decisionId"),
                bad("operator key nested", operatorInValue, "/goal/$gt"),
                bad("dotted key", dottedKey, "/family/low.income"),
                bad("operator object as clientId", operatorAsClientId, "/clientId"),
                bad("string for an integer", Fixtures.with(tao(), "/age", "23"), "/age"),
                bad("fraction for an integer", Fixtures.with(tao(), "/age", 23.5), "/age"),
                bad("number for a string", Fixtures.with(tao(), "/clientId", 123), "/clientId"),
                bad("number for a boolean", Fixtures.with(tao(), "/goal/matchesConditions", 1), "/goal/matchesConditions"),
                bad("string for a boolean", Fixtures.with(tao(), "/family/lowIncome", "yes"), "/family/lowIncome"),
                bad("unknown enum value", Fixtures.with(tao(), "/goal/clarity", "SORT_OF"), "/goal/clarity"),
                bad("lower-case enum value", Fixtures.with(tao(), "/willingness", "willing"), "/willingness"),
                bad("number for an enum", Fixtures.with(tao(), "/sex", 0), "/sex"),
                bad("string for an array", Fixtures.with(tao(), "/conditions/skills", "welding"), "/conditions/skills"),
                bad("object for an array", Fixtures.with(tao(), "/attitudes/misconceptions", java.util.Map.of()),
                        "/attitudes/misconceptions"),
                bad("missing willingness", Fixtures.with(tao(), "/willingness", null), "/willingness"),
                bad("missing goal clarity", Fixtures.with(tao(), "/goal/clarity", null), "/goal/clarity"),
                bad("missing education", Fixtures.with(tao(), "/conditions/education", null), "/conditions/education"),
                bad("missing clientId", Fixtures.with(tao(), "/clientId", null), "/clientId"),
                bad("clientId with a space", Fixtures.with(tao(), "/clientId", "DX 1"), "/clientId"),
                bad("clientId too long", Fixtures.with(tao(), "/clientId", "x".repeat(65)), "/clientId"),
                bad("age below 16", Fixtures.with(tao(), "/age", 15), "/age"),
                bad("age above 100", Fixtures.with(tao(), "/age", 101), "/age"),
                bad("experience above 60 years", Fixtures.with(tao(), "/conditions/workExperienceYears", 60.5),
                        "/conditions/workExperienceYears"),
                bad("negative months out of work", Fixtures.with(tao(), "/conditions/monthsOutOfWork", -1),
                        "/conditions/monthsOutOfWork"),
                bad("too many skills", Fixtures.with(tao(), "/conditions/skills", Collections.nCopies(51, "a")),
                        "/conditions/skills"),
                bad("overlong skill", Fixtures.with(tao(), "/conditions/skills", List.of("a".repeat(101))),
                        "/conditions/skills/0"),
                bad("overlong name", Fixtures.with(tao(), "/name", "名".repeat(101)), "/name"),
                bad("assessed in the future", Fixtures.with(tao(), "/assessedOn", "2999-01-01"), "/assessedOn"),
                bad("not a date", Fixtures.with(tao(), "/assessedOn", "yesterday"), "/assessedOn"),
                bad("null list element", Fixtures.with(tao(), "/conditions/certificates", java.util.Arrays.asList("a", null)),
                        "/conditions/certificates/1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void rejectsWithAPointerToTheField(String why, Object body, String pointer) {
        for (String path : List.of("/api/v1/decisions", "/api/v1/decisions/preview")) {
            Reply reply = api.post(path, body);

            assertThat(reply.status()).as(why + " on " + path).isEqualTo(400);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = reply.json();
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("title").asString()).isNotBlank();
            assertThat(problem.get("detail").asString()).isNotBlank();
            assertThat(problem.get("errors").valueStream().map(e -> e.get("pointer").asString()))
                    .as(why + ": " + problem).contains(pointer);
            assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void operatorKeysAreNamedAsSuch() {
        ObjectNode body = (ObjectNode) tao().deepCopy();
        ((ObjectNode) body.get("goal")).put("$where", "1");

        JsonNode problem = api.post("/api/v1/decisions", body).json();

        assertThat(problem.get("errors").get(0).get("message").asString()).contains("'$'");
    }

    @Test
    void listsEveryMissingRequiredField() {
        JsonNode problem = api.post("/api/v1/decisions", "{\"clientId\": \"A-1\"}").json();

        assertThat(problem.get("errors").valueStream().map(e -> e.get("pointer").asString()))
                .contains("/age", "/willingness", "/goal", "/conditions");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void rejectsMalformedJson(String why, String body) {
        Reply reply = api.post("/api/v1/decisions", body);

        assertThat(reply.status()).as(why).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    static Stream<Arguments> malformedBodies() {
        String tao = tao().toString();
        return Stream.of(Arguments.of("empty body", ""), Arguments.of("truncated", tao.substring(0, tao.length() / 2)),
                Arguments.of("array", "[" + tao + "]"), Arguments.of("string", "\"hello\""),
                Arguments.of("null", "null"), Arguments.of("trailing garbage", tao + " {}"),
                Arguments.of("duplicate key", tao.replaceFirst("\\{", "{\"age\": 30, ")));
    }

    @Test
    void rejectsBodiesOverOneMebibyteWith413() {
        String huge = Fixtures.with(tao(), "/name", "x".repeat(1024 * 1024)).toString();

        Reply declared = api.post("/api/v1/decisions", huge);
        Reply chunked = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/decisions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build());

        for (Reply reply : List.of(declared, chunked)) {
            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.json().get("status").asInt()).isEqualTo(413);
        }
    }

    @Test
    void rejectsOtherContentTypesWith415() {
        Reply reply = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/decisions"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(tao().toString()))
                .build());

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void unknownPathsAndMethodsAreProblemJsonNotHtml() {
        Reply missing = api.get("/api/v1/nothing-here");
        Reply wrongMethod = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/decisions/x"))
                .DELETE().build());

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.body() + wrongMethod.body()).doesNotContain("<html");
    }

    @Test
    void everyProblemNamesItsType() {
        Reply wrongMethod = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/decisions/x"))
                .DELETE().build());
        Reply errorPath = api.get("/error");

        assertThat(wrongMethod.json().get("type").asString()).isNotBlank();
        assertThat(errorPath.status()).isEqualTo(404);
        assertThat(errorPath.header("Content-Type")).startsWith("application/problem+json");
        assertThat(errorPath.json().get("type").asString()).isNotBlank();
    }

    /** Requests Tomcat refuses before the application sees them: still problem+json, no server details. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "GET /api/v1/decisions?clientId=%zz HTTP/1.1", // not percent-encoded UTF-8
            "GET /api/v1/decisions?x=<> HTTP/1.1" }) // characters a request line may not hold
    void requestsTomcatRefusesAreProblemJsonWithoutServerDetails(String requestLine) throws java.io.IOException {
        String response = raw(requestLine);

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).doesNotContain("<html", "Tomcat", "Exception");
    }

    /** What the service answers to a request line no HTTP client library would send. */
    String raw(String requestLine) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aDateIsYearMonthDayAndNothingElse() {
        for (Object date : List.of("2020-06-20T00:00:00Z", "20.06.2020", List.of(2020, 6, 20))) {
            Reply reply = api.post("/api/v1/clients/DX-NONE/follow-ups", java.util.Map.of("date", date,
                    "by", "cw-017", "kind", "AFTER_RECOMMENDATION", "employed", false));

            assertThat(reply.status()).as("date %s", date).isEqualTo(400);
            assertThat(reply.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/date");
        }
    }
}
