package dev.pln.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import dev.pln.rules.Fixtures;
import dev.pln.service.ApiClient.Reply;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts a case full of distinctive personal text through every endpoint that takes or shows personal data,
 * with our own code and the frameworks logging at DEBUG, and checks that none of it reaches a log line, a
 * logged exception or the console.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLoggingIntegrationTests extends ApiIntegrationTest {

    static final String NAME = "测试隐私姓名Zq7";
    static final String OCCUPATION = "隐私职业Kx4";
    static final String MAJOR = "隐私专业Wm2";
    static final String SKILL = "隐私技能Pv9";
    static final String VILLAGE = "隐私村Hj3";
    static final String SERVICE_NOTE = "隐私服务内容Rb8";
    static final String EMPLOYER = "隐私雇主Tn5";
    static final String FOLLOW_UP_NOTE = "隐私回访记录Yc6";
    static final String OVERRIDE_REASON = "隐私调整理由Gd1";
    static final String FLAG_COMMENT = "隐私标记说明Lf0";

    static final List<String> PERSONAL = List.of(NAME, OCCUPATION, MAJOR, SKILL, VILLAGE, SERVICE_NOTE, EMPLOYER,
            FOLLOW_UP_NOTE, OVERRIDE_REASON, FLAG_COMMENT);

    /** Loggers raised to DEBUG for the test: ours, and the frameworks that see requests, queries and rules. */
    static final List<String> DEBUG_LOGGERS = List.of("dev.pln", "org.springframework", "org.mongodb.driver",
            "org.drools", "org.kie", "org.thymeleaf", "org.apache.catalina", "org.apache.coyote", "org.apache.tomcat");

    final List<String> logged = Collections.synchronizedList(new ArrayList<>());

    final Map<String, Level> levelsBefore = new HashMap<>();

    final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {

        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                    .append(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap());
            if (event.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            logged.add(line.toString());
        }
    };

    @BeforeEach
    void captureEveryLogEvent() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : DEBUG_LOGGERS) {
            Logger logger = context.getLogger(name);
            levelsBefore.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        capture.setContext(context);
        capture.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(capture);
    }

    @AfterEach
    void restoreLevels() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(capture);
        capture.stop();
        levelsBefore.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    @Test
    void noPersonalDataReachesTheLogsThroughAnyEndpoint(CapturedOutput output) {
        ObjectNode facts = personalFacts();

        // Decisions: stored, replayed under the same key, refused with the key reused for another body, previewed.
        Reply decided = api.post("/api/v1/decisions", facts, "Idempotency-Key", "privacy-1");
        assertThat(decided.status()).isEqualTo(201);
        String decisionId = decided.json().get("decisionId").asString();
        assertThat(api.post("/api/v1/decisions", facts, "Idempotency-Key", "privacy-1").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/decisions", Fixtures.with(facts, "/name", NAME + "二"), "Idempotency-Key",
                "privacy-1").status()).isEqualTo(422);
        assertThat(api.post("/api/v1/decisions/preview", facts).status()).isEqualTo(200);

        // Bad input carrying the personal text: in an enum, too long, as an unknown key, as malformed JSON.
        assertThat(api.post("/api/v1/decisions", Fixtures.with(facts, "/sex", NAME)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/decisions", Fixtures.with(facts, "/name", NAME.repeat(20))).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/decisions", Fixtures.with(facts, "/" + NAME, 1)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/decisions", "{\"clientId\": \"DX-P\", \"name\": " + NAME + "}").status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/decisions/preview", Fixtures.with(facts, "/age", NAME)).status()).isEqualTo(400);

        // Reads of the client and the decision.
        assertThat(api.get("/api/v1/decisions/" + decisionId).body()).contains(NAME);
        assertThat(api.get("/api/v1/clients/DX-P").body()).contains(NAME);
        assertThat(api.get("/api/v1/clients/DX-P/decisions").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/decisions?clientId=DX-P").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/decisions/" + decisionId + "/replay", Map.of()).status()).isEqualTo(200);

        // Services and follow-ups, accepted and refused.
        assertThat(api.post("/api/v1/clients/DX-P/services", service()).status()).isEqualTo(201);
        Map<String, Object> wrongShape = new LinkedHashMap<>(service());
        wrongShape.put("course", SERVICE_NOTE);
        assertThat(api.post("/api/v1/clients/DX-P/services", wrongShape).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/clients/DX-P/follow-ups", followUp()).status()).isEqualTo(201);
        Map<String, Object> badFollowUp = new LinkedHashMap<>(followUp());
        badFollowUp.put("employer", EMPLOYER);
        assertThat(api.post("/api/v1/clients/DX-P/follow-ups", badFollowUp).status()).isEqualTo(400);

        // Overrides, confirmations and flags through the API and the review pages.
        Reply override = api.post("/api/v1/decisions/" + decisionId + "/overrides",
                Map.of("level", 1, "reasonCode", "JOB_OFFER_IN_HAND", "reason", OVERRIDE_REASON, "by", "cw-017"));
        assertThat(override.status()).isEqualTo(201);
        String overrideId = override.json().get("overrideId").asString();
        assertThat(api.post("/api/v1/decisions/" + decisionId + "/overrides/" + overrideId + "/confirm",
                Map.of("by", "cw-017")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/decisions/" + decisionId + "/overrides/" + overrideId + "/confirm",
                Map.of("by", "cw-002")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/decisions/" + decisionId + "/flags",
                Map.of("comment", FLAG_COMMENT, "by", "reviewer-3")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/decisions/" + decisionId + "/flags",
                Map.of("comment", FLAG_COMMENT.repeat(200), "by", "reviewer-3")).status()).isEqualTo(400);
        assertThat(form("/review/decisions/" + decisionId + "/overrides",
                Map.of("level", "3", "reasonCode", "NEEDS_MORE_SUPPORT", "reason", OVERRIDE_REASON, "by", "cw-9"))
                .status()).isEqualTo(302);
        assertThat(form("/review/decisions/" + decisionId + "/overrides",
                Map.of("level", "9", "reasonCode", NAME, "reason", OVERRIDE_REASON, "by", "")).status())
                .isEqualTo(400);
        assertThat(form("/review/decisions/" + decisionId + "/flags", Map.of("comment", FLAG_COMMENT, "by", "r-4"))
                .status()).isEqualTo(302);

        // The review pages that show the case.
        assertThat(api.get("/review/decisions/" + decisionId).body()).contains("测某某", OVERRIDE_REASON, FLAG_COMMENT)
                .as("the page masks the name").doesNotContain(NAME);
        assertThat(api.get("/review/decisions/" + decisionId + "/sheet").status()).isEqualTo(200);
        assertThat(api.get("/review/decisions?town=" + URLEncoder.encode("西红门镇", StandardCharsets.UTF_8))
                .status()).isEqualTo(200);
        assertThat(api.get("/review/overview").status()).isEqualTo(200);

        assertThat(logged).as("log events were captured at DEBUG").isNotEmpty();
        String everything = String.join("\n", logged) + "\n" + output.getAll();
        for (String personal : PERSONAL) {
            assertThat(everything).as("logs contain %s", personal).doesNotContain(personal);
        }
    }

    ObjectNode personalFacts() {
        JsonNode wang = Fixtures.workedCase("case-2-wang").request();
        ObjectNode facts = Fixtures.with(wang, "/clientId", "DX-P");
        facts = Fixtures.with(facts, "/name", NAME);
        facts = Fixtures.with(facts, "/goal/occupation", OCCUPATION);
        facts = Fixtures.with(facts, "/conditions/major", MAJOR);
        facts = Fixtures.with(facts, "/conditions/skills", List.of(SKILL));
        facts = Fixtures.with(facts, "/conditions/health", "LIMITED");
        return Fixtures.with(facts, "/jurisdiction/village", VILLAGE);
    }

    static Map<String, Object> service() {
        return Map.of("measure", "N2", "deliveredOn", "2020-06-10", "by", "cw-017", "content", SERVICE_NOTE);
    }

    static Map<String, Object> followUp() {
        return Map.of("date", "2020-06-20", "by", "cw-017", "kind", "AFTER_RECOMMENDATION", "employed", false,
                "note", FOLLOW_UP_NOTE);
    }

    Reply form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }
}
