package dev.pln.service.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.rules.Fixtures;
import dev.pln.service.ApiIntegrationTest;
import dev.pln.service.ApiClient;
import dev.pln.service.ApiClient.Reply;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReviewPagesIntegrationTests extends ApiIntegrationTest {

    /** Pages depend on nothing from the internet: no absolute or protocol-relative URL anywhere. */
    static final Pattern EXTERNAL = Pattern.compile("https?://|(src|href|action)\\s*=\\s*\"//", Pattern.CASE_INSENSITIVE);

    String decided(String workedCase) {
        return api.post("/api/v1/decisions", Fixtures.workedCase(workedCase).request()).json().get("decisionId")
                .asString();
    }

    Reply form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void listsDecisionsNewestFirstWithMaskedNamesAndFilters() {
        decided("case-1-tao");
        decided("case-3-li");

        Reply all = api.get("/review/decisions");
        Reply level3 = api.get("/review/decisions?level=3");

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.header("Content-Type")).startsWith("text/html");
        assertThat(all.body()).contains("帮扶决定列表").contains("陶某某").contains("李某某").doesNotContain("陶某<")
                .doesNotContainPattern(EXTERNAL);
        assertThat(all.body().indexOf("李某某")).isLessThan(all.body().indexOf("陶某某"));
        assertThat(level3.body()).contains("李某某").doesNotContain("陶某某");
        assertThat(api.get("/review/decisions?town=nowhere").body()).contains("没有符合条件的决定");
        assertThat(api.get("/review/decisions?ruleset=1.0.0&from=2000-01-01").body()).contains("李某某");
    }

    @Test
    void showsWhyThisLevelWhyNotTheOthersAndWhatWouldChangeIt() {
        String wang = decided("case-2-wang");

        Reply page = api.get("/review/decisions/" + wang);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("为什么是这个等级", "为什么不是其他等级", "怎样会改变等级", "六个维度的记录",
                "二级(较难帮扶对象)", "L2-01", "有就业意愿和就业目标,但存在求职误区", "PLN 三(二)2 二级",
                "L2-02", "PRB-04", "L1-01", "目标与自身条件是否相符:否 → 是", "就业观念误区", "EL-N1", "规则版本",
                "王某某").doesNotContain("王某<").doesNotContainPattern(EXTERNAL);
    }

    @Test
    void printsANeutralSheetForTheClient() {
        String li = decided("case-3-li");

        Reply sheet = api.get("/review/decisions/" + li + "/sheet");

        assertThat(sheet.status()).isEqualTo(200);
        assertThat(sheet.body()).contains("支持等级", "三级支持", "如何申请复核", "我们为您提供的帮助")
                .doesNotContain("难帮扶").doesNotContainPattern(EXTERNAL);
    }

    @Test
    void submitsAnOverrideByFormAndShowsItOnThePageAndTheOverview() {
        String wang = decided("case-2-wang");

        Reply posted = form("/review/decisions/" + wang + "/overrides",
                Map.of("level", "3", "reasonCode", "NEEDS_MORE_SUPPORT", "reason", "面谈发现需要技能培训", "by", "cw-017"));

        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.header("Location")).contains("/review/decisions/" + wang);
        assertThat(api.get("/review/decisions/" + wang).body()).contains("面谈发现需要技能培训", "cw-017", "已生效",
                "现行等级(经人工调整)");
        Reply overview = api.get("/review/overview");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains("<svg", "黄村镇", "L2-01", "100%").doesNotContainPattern(EXTERNAL);
    }

    @Test
    void rejectsAnIncompleteFormWithChineseMessages() {
        String wang = decided("case-2-wang");

        Reply posted = form("/review/decisions/" + wang + "/overrides", Map.of("level", "1", "reason", "", "by", ""));

        assertThat(posted.status()).isEqualTo(400);
        assertThat(posted.body()).contains("提交未成功", "请从列表中选择调整理由", "请填写调整说明", "请填写经办人");
        Reply lower = form("/review/decisions/" + wang + "/overrides",
                Map.of("level", "1", "reasonCode", "NEEDS_MORE_SUPPORT", "reason", "x", "by", "cw-1"));
        assertThat(lower.body()).contains("只能选择允许调低的理由");
    }

    @Test
    void flagsByFormAndCountsTheFlagInTheOverview() {
        String li = decided("case-3-li");

        Reply posted = form("/review/decisions/" + li + "/flags", Map.of("comment", "年龄障碍需核实", "by", "reviewer-3"));

        assertThat(posted.status()).isEqualTo(302);
        assertThat(api.get("/review/decisions/" + li).body()).contains("年龄障碍需核实", "reviewer-3");
        assertThat(api.get("/review/overview").body()).contains("年龄障碍需核实");
    }

    @Test
    void answersAnUnknownDecisionPageWith404() {
        assertThat(api.get("/review/decisions/nope").status()).isEqualTo(404);
    }
}
