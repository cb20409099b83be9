package dev.pln.service.ruleset;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls the {@code rulesets} collection every {@code pln.rulesets.poll-interval} so that this instance runs the
 * version the store names active: several instances on one database converge without a restart. The first
 * sync runs at start-up; a store that cannot be reached is retried on the next tick, the engine meanwhile
 * keeping the set it has.
 */
@Component
class ActiveRulesetSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ActiveRulesetSync.class);

    private final Rulesets rulesets;
    private final RulesetSettings settings;
    private ScheduledExecutorService poller;
    private volatile boolean failing;

    ActiveRulesetSync(Rulesets rulesets, RulesetSettings settings) {
        this.rulesets = rulesets;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ruleset-sync");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(settings.pollInterval().toMillis(), 100);
        poller.scheduleWithFixedDelay(this::syncQuietly, 0, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    private void syncQuietly() {
        try {
            rulesets.sync();
            if (failing) {
                log.info("Rule set sync works again");
                failing = false;
            }
        }
        catch (RuntimeException ex) {
            // The store may be down; decisions go on with the rule set this instance has. Said once per outage.
            if (!failing) {
                log.warn("Rule set sync failed, retrying every {}: {}", settings.pollInterval(),
                        ex.getClass().getSimpleName());
                failing = true;
            }
        }
    }
}
