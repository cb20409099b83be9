package dev.pln.service.ruleset;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Long jobs (impact previews of large populations), run one at a time on a background thread and remembered
 * in memory only: a job is visible on the instance that runs it and is lost on restart, which is acceptable
 * for a preview that can be started again. The oldest finished jobs are forgotten beyond
 * {@code pln.rulesets.jobs-kept}.
 */
@Component
class Jobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    /** Where a job stands. */
    enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED
    }

    /** One job; its fields change as it runs and are read by the job endpoint. */
    static final class Job {

        private final String id;
        private final String kind;
        private final Instant createdAt;
        private final long order;
        private final ImpactReport.Population population;
        private volatile State state = State.QUEUED;
        private volatile double progress;
        private volatile Object result;
        private volatile String error;
        private volatile Instant finishedAt;

        Job(String id, String kind, ImpactReport.Population population, Instant createdAt, long order) {
            this.id = id;
            this.population = population;
            this.kind = kind;
            this.createdAt = createdAt;
            this.order = order;
        }

        JobView view() {
            return new JobView(id, kind, state, progress, result, error, createdAt, finishedAt);
        }

        String id() {
            return id;
        }

        /** The clients the job works on: a caller of another town does not see it. */
        ImpactReport.Population population() {
            return population;
        }
    }

    /** A job as {@code GET /api/v1/jobs/{id}} shows it. */
    record JobView(String id, String kind, State state, double progress, Object result, String error,
            Instant createdAt, Instant finishedAt) {
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "ruleset-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong submitted = new AtomicLong();
    private final RulesetSettings settings;
    private final Clock clock = Clock.systemUTC();

    Jobs(RulesetSettings settings, MeterRegistry registry) {
        this.settings = settings;
        // Bulk job progress for operators: how many run, and how far the least advanced one is.
        Gauge.builder("pln.jobs.running", this, jobs -> jobs.running().count())
                .description("Bulk jobs (impact previews) queued or running").register(registry);
        Gauge.builder("pln.jobs.progress", this, jobs -> jobs.running().mapToDouble(job -> job.progress).min()
                .orElse(1.0)).description("Progress (0..1) of the least advanced unfinished bulk job")
                .register(registry);
    }

    private Stream<Job> running() {
        return jobs.values().stream().filter(job -> job.state == State.QUEUED || job.state == State.RUNNING);
    }

    /**
     * Starts {@code work} on the clients of {@code population} in the background; it reports progress (0..1) and
     * returns the job's result.
     */
    Job submit(String kind, ImpactReport.Population population, Function<DoubleConsumer, Object> work) {
        Job job = new Job(UUID.randomUUID().toString(), kind, population, now(), submitted.incrementAndGet());
        jobs.put(job.id, job);
        forgetOldest();
        runner.execute(() -> {
            job.state = State.RUNNING;
            try {
                job.result = work.apply(progress -> job.progress = Math.min(1.0, Math.max(0.0, progress)));
                job.progress = 1.0;
                job.state = State.SUCCEEDED;
            }
            catch (RuntimeException ex) {
                log.warn("Job {} ({}) failed: {}", job.id, kind, ex.getClass().getSimpleName());
                job.error = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
                job.state = State.FAILED;
            }
            finally {
                job.finishedAt = now();
            }
        });
        return job;
    }

    Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void forgetOldest() {
        while (jobs.size() > settings.jobsKept()) {
            Job oldest = null;
            for (Iterator<Job> it = jobs.values().iterator(); it.hasNext();) {
                Job job = it.next();
                boolean finished = job.state == State.SUCCEEDED || job.state == State.FAILED;
                if (finished && (oldest == null || job.order < oldest.order)) {
                    oldest = job;
                }
            }
            if (oldest == null) {
                return;
            }
            jobs.remove(oldest.id);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
