package dev.pln.service.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.model.FollowUpKind;
import dev.pln.model.Measure;
import dev.pln.model.MeetingKind;
import dev.pln.model.RecommendationMode;
import dev.pln.service.engine.DecisionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Load driver for docs/performance.md "Reports": 100 000 cases on the embedded store (H2 file), then the outcome
 * report and the due list, timed and printed. Not part of the test suite (the name does not end in Tests); run
 * {@code ./mvnw -q -B install -pl engine-app -am -Dtest=ReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read target/surefire-reports/dev.pln.service.services.ReportBenchmark-output.txt.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = "pln.storage.data-dir=target/benchmark-data/${random.uuid}")
class ReportBenchmark {

    static final int CLIENTS = Integer.getInteger("pln.benchmark.clients", 100_000);
    static final String[] TOWNS = { "西红门镇", "黄村镇", "旧宫镇", "亦庄镇", "瀛海镇" };

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Casework casework;

    @Test
    void outcomeReportAndDueListOver100000Cases() {
        long loadStart = System.nanoTime();
        List<CaseDocument> batch = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            batch.add(someCase(i));
            if (batch.size() == 1000) {
                mongo.insertAll(batch);
                batch.clear();
            }
        }
        mongo.insertAll(batch);
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;

        long[] report = timed(5, () -> casework.summaries(null, null, null).size());
        long[] townReport = timed(5, () -> casework.summaries(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 6, 30),
                TOWNS[0]).size());
        long[] due = timed(5, () -> casework.due(LocalDate.of(2020, 12, 1), null).size());

        System.out.printf("cases=%d load=%dms%n", CLIENTS, loadMillis);
        System.out.printf("report all: best=%dms median=%dms%n", report[0], report[1]);
        System.out.printf("report one town, half a year: best=%dms median=%dms%n", townReport[0], townReport[1]);
        System.out.printf("due list: best=%dms median=%dms%n", due[0], due[1]);
        assertThat(casework.summaries(null, null, null)).hasSize(CLIENTS);
    }

    /** Best and median of n runs, in milliseconds. */
    static long[] timed(int runs, java.util.function.IntSupplier work) {
        long[] millis = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.getAsInt();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(millis);
        return new long[] { millis[0], millis[runs / 2] };
    }

    /** A case like the worked ones: decided, four services, one follow-up (seven in ten employed). */
    static CaseDocument someCase(int i) {
        CaseDocument kase = CaseDocument.open(String.format("BM-%06d", i));
        LocalDate assessed = LocalDate.of(2019, 1, 1).plusDays(i % 700);
        int level = 1 + i % 3;
        kase.decided("d-" + i, Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i), DecisionStatus.TIERED, level,
                assessed, TOWNS[i % TOWNS.length], null);
        Measure[] measures = { Measure.N2, Measure.N4, Measure.N3, Measure.N6 };
        for (int m = 0; m < measures.length; m++) {
            boolean n3 = measures[m] == Measure.N3;
            LocalDate on = assessed.plusDays(3L * (m + 1));
            kase.delivered(new ServiceRecord("s-" + i + "-" + m, measures[m], measures[m].getTitle(), on,
                    "caseworker-017", "服务内容", n3 ? RecommendationMode.DIRECT : null,
                    n3 ? MeetingKind.EMPLOYER_INTERVIEW : null, null, null, null, null, Instant.now(), "hash"),
                    n3 ? Optional.of(new DueFollowUp(FollowUpKind.AFTER_RECOMMENDATION, on.plusDays(14), "推荐后回访"))
                            : Optional.empty());
        }
        LocalDate followed = assessed.plusDays(30);
        if (i % 10 < 7) {
            FollowUpRecord employed = new FollowUpRecord("f-" + i, followed, "caseworker-017",
                    FollowUpKind.AFTER_RECOMMENDATION, true, null, "岗位", followed.minusDays(2), 4000,
                    ContractKind.FORMAL, 4, null, List.of(), List.of(), Instant.now(), "hash");
            kase.foundEmployed(employed, List.of(
                    new DueFollowUp(FollowUpKind.RETENTION_3M, followed.plusMonths(3), "稳岗回访"),
                    new DueFollowUp(FollowUpKind.RETENTION_6M, followed.plusMonths(6), "稳岗回访")));
        }
        return kase;
    }
}
