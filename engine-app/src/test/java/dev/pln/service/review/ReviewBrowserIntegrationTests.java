package dev.pln.service.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pln.rules.Fixtures;
import dev.pln.service.ApiClient;
import dev.pln.service.InMemoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reviewer pages in a real headless Chromium, as a caseworker uses them. Skipped where Chromium or
 * chromedriver is not installed (Debian packages chromium and chromium-driver; .ci/run installs them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewBrowserIntegrationTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static WebDriver browser;
    static Path profile;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        InMemoryStore.register(registry);
        registry.add("pln.security.enabled", () -> "false"); // the pages' content; signing in: the security package
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    ApiClient api;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed");
        profile = Files.createTempDirectory("pln-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + profile, "--window-size=1280,2000", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        mongo.getDb().drop();
    }

    String decided(String workedCase) {
        return api.post("/api/v1/decisions", Fixtures.workedCase(workedCase).request()).json().get("decisionId")
                .asString();
    }

    String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void opensTheListAndADecisionOfEachLevel() {
        decided("case-1-tao");
        decided("case-2-wang");
        decided("case-3-li");

        browser.get(api.base() + "/review/decisions");

        assertThat(browser.getTitle()).isEqualTo("帮扶决定列表");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("陶某某", "王某某", "李某某")
                .doesNotContain("陶某 ", "李某 ");
        List<String> links = browser.findElements(By.cssSelector("a.open")).stream()
                .map(link -> link.getAttribute("href")).toList();
        assertThat(links).hasSize(3);
        record Expected(String level, String decidingRule, String reason) {
        }
        List<Expected> expected = List.of(
                new Expected("三级(难帮扶对象)", "L3-01", "自身就业条件不足"),
                new Expected("二级(较难帮扶对象)", "L2-01", "存在求职误区"),
                new Expected("一级(易帮扶对象)", "L1-01", "定位准确"));
        for (int i = 0; i < links.size(); i++) {
            browser.get(links.get(i));
            assertThat(text("#rules-level")).isEqualTo(expected.get(i).level());
            assertThat(text("#why")).contains(expected.get(i).decidingRule()).contains(expected.get(i).reason())
                    .contains("政策依据");
            assertThat(text("#why-not")).containsPattern("L[123]-0\\d");
            assertThat(text("#counterfactuals")).contains("怎样会改变等级").contains("规则版本 1.0.0");
            assertThat(text("#ruleset-version")).isEqualTo("1.0.0");
        }
        browser.get(links.get(1));
        assertThat(text("#counterfactuals")).contains("就业观念误区").contains("L1-01");
    }

    @Test
    void submitsAnOverrideWithAReasonAndSeesIt() {
        String wang = decided("case-2-wang");
        browser.get(api.base() + "/review/decisions/" + wang);

        new Select(browser.findElement(By.id("override-level"))).selectByValue("3");
        new Select(browser.findElement(By.id("override-reason-code"))).selectByValue("NEEDS_MORE_SUPPORT");
        browser.findElement(By.id("override-reason")).sendKeys("面谈发现需要技能培训");
        browser.findElement(By.id("override-by")).sendKeys("cw-017");
        browser.findElement(By.id("override-submit")).click();

        WebElement override = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr.override")));
        assertThat(override.getText()).contains("面谈发现需要技能培训", "cw-017", "2 → 3", "已生效");
        assertThat(text("#effective-level")).isEqualTo("三级(难帮扶对象)");
        assertThat(text("#rules-level")).isEqualTo("二级(较难帮扶对象)");
    }

    @Test
    void showsFormErrorsInChinese() {
        String wang = decided("case-2-wang");
        browser.get(api.base() + "/review/decisions/" + wang);

        browser.findElement(By.id("override-submit")).click();

        WebElement errors = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("errors")));
        assertThat(errors.getText()).contains("请选择一级、二级或三级", "请填写经办人");
    }

    @Test
    void screenshotsALevel3Decision() throws IOException {
        String li = decided("case-3-li");
        browser.get(api.base() + "/review/decisions/" + li);
        assertThat(text("#rules-level")).isEqualTo("三级(难帮扶对象)");

        Path shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();

        Path target = Path.of("target", "review-decision.png");
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isPositive();
        if (Boolean.getBoolean("pln.docs.update")) {
            Files.copy(shot, Path.of("..", "docs", "review-decision.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
