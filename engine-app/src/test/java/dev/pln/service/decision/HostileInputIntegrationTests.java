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
                        "/conditions/certificates/1"),
                bad("blank string for an integer", Fixtures.with(tao(), "/conditions/monthsOutOfWork", " "),
                        "/conditions/monthsOutOfWork"),
                bad("blank string for a number", Fixtures.with(tao(), "/conditions/workExperienceYears", " "),
                        "/conditions/workExperienceYears"),
                bad("blank string for a boolean", Fixtures.with(tao(), "/family/lowIncome", " "), "/family/lowIncome"),
                bad("NUL for a boolean", Fixtures.with(tao(), "/family/lowIncome", "\u0000"), "/family/lowIncome"),
                bad("NUL for an integer", Fixtures.with(tao(), "/conditions/monthsOutOfWork", "\u0000"),
                        "/conditions/monthsOutOfWork"),
                bad("enum value with a trailing space", Fixtures.with(tao(), "/goal/clarity", "CLEAR "), "/goal/clarity"),
                bad("enum value with a trailing NUL", Fixtures.with(tao(), "/willingness", "WILLING\u0000"),
                        "/willingness"),
                bad("enum value with a leading tab", Fixtures.with(tao(), "/sex", "\tFEMALE"), "/sex"),
                bad("padded enum value in a list", Fixtures.with(tao(), "/attitudes/misconceptions", List.of(" LOCATION")),
                        "/attitudes/misconceptions/0"),
                bad("NUL in a string", Fixtures.with(tao(), "/name", "陶\u0000某某"), "/name"),
                bad("escape character in a string", Fixtures.with(tao(), "/goal/occupation", "\u001b[2J"),
                        "/goal/occupation"),
                bad("C1 control character in a string", Fixtures.with(tao(), "/assessedBy", "cw\u0085017"), "/assessedBy"),
                bad("line break in a town", Fixtures.with(tao(), "/jurisdiction/town", "西红门镇\n"), "/jurisdiction/town"),
                bad("control character in a list item", Fixtures.with(tao(), "/conditions/skills", List.of("焊工\u0007")),
                        "/conditions/skills/0"));
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

    /** Tao's facts with these raw bytes as the name, as an intake system with a broken encoder sends them. */
    static byte[] taoNamed(byte... name) {
        String[] around = Fixtures.with(tao(), "/name", "@NAME@").toString().split("@NAME@");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
        body.writeBytes(name);
        body.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    static Stream<Arguments> notUtf8() {
        return Stream.of(Arguments.of("overlong NUL", taoNamed((byte) 0xC0, (byte) 0x80)),
                Arguments.of("overlong letter", taoNamed((byte) 0xC1, (byte) 0x81)),
                Arguments.of("past U+10FFFF", taoNamed((byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80)),
                Arguments.of("encoded surrogate", taoNamed((byte) 0xED, (byte) 0xA0, (byte) 0x80)),
                Arguments.of("lone continuation byte", taoNamed((byte) '_', (byte) 0x80)),
                Arguments.of("escaped lone surrogate", taoNamed("\\ud800".getBytes(StandardCharsets.US_ASCII))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notUtf8")
    void rejectsBytesThatAreNotUtf8WithAPointerToTheField(String why, byte[] body) {
        for (String path : List.of("/api/v1/decisions", "/api/v1/decisions/preview")) {
            Reply reply = sendBytes(path, "application/json", body);

            assertThat(reply.status()).as(why + " on " + path).isEqualTo(400);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.json().get("errors").valueStream().map(e -> e.get("pointer").asString()))
                    .as(why + ": " + reply.body()).contains("/name");
        }
    }

    @Test
    void aBodyInUtf16IsNotJsonEvenUndeclared() {
        byte[] utf16 = tao().toString().getBytes(StandardCharsets.UTF_16LE);

        Reply reply = sendBytes("/api/v1/decisions", "application/json", utf16);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aBodyDeclaringAnotherCharsetIsRefused() {
        byte[] body = tao().toString().getBytes(StandardCharsets.UTF_8);
        Reply latin1 = sendBytes("/api/v1/decisions", "application/json;charset=ISO-8859-1", body);
        Reply utf16 = sendBytes("/api/v1/decisions", "application/json; charset=UTF-16",
                tao().toString().getBytes(StandardCharsets.UTF_16));
        Reply preview = sendBytes("/api/v1/decisions/preview", "application/json;charset=ISO-8859-1", body);
        Reply flag = sendBytes("/api/v1/decisions/none/flags", "application/json;charset=ISO-8859-1",
                "{\"comment\": \"x\", \"by\": \"rv-1\"}".getBytes(StandardCharsets.UTF_8));

        for (Reply refused : List.of(latin1, utf16)) {
            assertThat(refused.status()).as("the contract lists 415 for POST /api/v1/decisions").isEqualTo(415);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).contains("UTF-8");
        }
        for (Reply refused : List.of(preview, flag)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("header").asString()).isEqualTo("Content-Type");
        }
        assertThat(sendBytes("/api/v1/decisions/preview", "application/json; charset=\"utf-8\"", body).status())
                .as("UTF-8 declared").isEqualTo(200);
    }

    /** Free text elsewhere (a flag's comment, a key's name, an activation's reason) under the same rules. */
    static Stream<Arguments> badTextOfOtherEndpoints() {
        return Stream.of(
                Arguments.of("/api/v1/decisions/none/flags", "{\"by\": \"rv-1\", \"comment\": \"@\"}", "/comment"),
                Arguments.of("/api/v1/admin/api-keys", "{\"roles\": [\"INTAKE\"], \"name\": \"@\"}", "/name"),
                Arguments.of("/api/v1/rulesets/1.0.0/activate", "{\"reason\": \"@\"}", "/reason"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTextOfOtherEndpoints")
    void rejectsControlCharactersAndBytesThatAreNotUtf8InEveryBody(String path, String template, String pointer) {
        long keys = mongo.getCollection("apiKeys").countDocuments();
        String[] around = template.split("@");
        List<byte[]> values = List.of("x\\u0000y".getBytes(StandardCharsets.US_ASCII),
                "x\\u001by".getBytes(StandardCharsets.US_ASCII), new byte[] { 'x', (byte) 0xC0, (byte) 0x80 },
                new byte[] { 'x', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, new byte[] { (byte) 0xFF });
        for (byte[] value : values) {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
            body.writeBytes(value);
            body.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));

            Reply reply = sendBytes(path, "application/json", body.toByteArray(), "X-Admin-Token", ADMIN_TOKEN,
                    "X-Actor", "officer-li");

            assertThat(reply.status()).as(path + " " + new String(value, StandardCharsets.ISO_8859_1)).isEqualTo(400);
            assertThat(reply.json().get("errors").get(0).get("pointer").asString()).as(reply.body()).isEqualTo(pointer);
        }
        assertThat(mongo.getCollection("apiKeys").countDocuments()).as("keys made").isEqualTo(keys);
    }

    @Test
    void freeTextMaySpanLinesOtherTextMayNot() {
        Reply comment = api.post("/api/v1/decisions/none/flags", java.util.Map.of("by", "rv-1",
                "comment", "第一行\r\n\t第二行"));
        Reply by = api.post("/api/v1/decisions/none/flags", java.util.Map.of("by", "rv\n1", "comment", "x"));

        assertThat(comment.status()).as("read, then no such decision: " + comment.body()).isEqualTo(404);
        assertThat(by.status()).isEqualTo(400);
        assertThat(by.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/by");
    }

    @Test
    void formFieldsAndQueryParametersRefuseControlCharacters() {
        Reply nul = sendBytes("/review/decisions/none/flags", "application/x-www-form-urlencoded",
                "comment=a%00b&by=rv-1".getBytes(StandardCharsets.US_ASCII));
        Reply twoLines = sendBytes("/review/decisions/none/flags", "application/x-www-form-urlencoded",
                "comment=a%0D%0Ab&by=rv-1".getBytes(StandardCharsets.US_ASCII));
        Reply query = api.get("/review/decisions?town=%1B");

        for (Reply refused : List.of(nul, query)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(nul.json().get("errors").get(0).get("parameter").asString()).isEqualTo("comment");
        assertThat(twoLines.status()).as("free text of a page form").isNotEqualTo(400);
    }

    /** Content types that name no media type: 500 with a stack trace in the log, before. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = { "*/*", "application/*", "text/*", "application/*+json",
            "nonsense" })
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aContentTypeThatNamesNoMediaTypeIsAClearAnswer(String contentType,
            org.springframework.boot.test.system.CapturedOutput log) {
        String body = tao().toString();

        assertThat(api.get("/actuator/health", "Content-Type", contentType).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/decisions", "Content-Type", contentType).status()).isEqualTo(200);
        assertThat(api.get("/review/decisions", "Content-Type", contentType).status()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/decisions/none/replay", contentType, null).status())
                .as("a replay without a body").isEqualTo(404);
        for (String path : List.of("/api/v1/decisions", "/api/v1/decisions/preview", "/api/v1/decisions/none/replay",
                "/api/v1/decisions/none/flags", "/review/decisions/none/flags")) {
            Reply reply = send("POST", path, contentType, path.startsWith("/review") ? "comment=x" : body);

            assertThat(reply.status()).as(path).isEqualTo(415);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(log.getOut() + log.getErr()).doesNotContain("Unexpected failure").doesNotContain("\tat ");
    }

    Reply send(String method, String path, String contentType, String body) {
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    Reply sendBytes(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return api.send(request.build());
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
