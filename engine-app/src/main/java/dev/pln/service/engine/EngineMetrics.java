package dev.pln.service.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * What the engine tells operators: how long the rules take per decision ({@code pln.decision.engine}, a
 * histogram), which rule set decides ({@code pln.ruleset.active{version}} = 1), and that rule set in
 * {@code /actuator/info}.
 */
@Component
class EngineMetrics implements InfoContributor {

    private final DecisionEngine engine;

    EngineMetrics(DecisionEngine engine, MeterRegistry registry) {
        this.engine = engine;
        Timer evaluations = Timer.builder("pln.decision.engine")
                .description("Time the rules take to decide one client (explanation included)").register(registry);
        engine.observeEvaluations(nanos -> evaluations.record(nanos, TimeUnit.NANOSECONDS));
        MultiGauge active = MultiGauge.builder("pln.ruleset.active")
                .description("1 for the rule set new decisions run on").register(registry);
        engine.onActivation(identity -> active.register(
                List.of(MultiGauge.Row.of(Tags.of("version", identity.version()), 1)), true));
    }

    @Override
    public void contribute(Info.Builder builder) {
        RulesetIdentity identity = engine.activeRuleset().identity();
        builder.withDetail("ruleset", Map.of("version", identity.version(), "releaseId",
                identity.releaseId(), "checksum", identity.checksum()));
    }
}
