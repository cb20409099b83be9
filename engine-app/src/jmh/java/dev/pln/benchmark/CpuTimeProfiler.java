package dev.pln.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Operations per CPU-second, so that a shared machine still gives a per-core figure: wall-clock
 * throughput drops when other processes take the cores, CPU time per operation much less so.
 * {@code cpu.thread} counts the benchmark threads only; {@code cpu.process} also charges GC and JIT;
 * {@code cpu.share} is how much of the wall-clock time the benchmark threads actually ran.
 * Use with {@code -prof dev.pln.benchmark.CpuTimeProfiler}.
 */
public class CpuTimeProfiler implements InternalProfiler {

    private static final String WORKER = "-jmh-worker-";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
            .getOperatingSystemMXBean();
    private Map<Long, Long> workerCpuBefore = Map.of();
    private long processCpuBefore;
    private long wallBefore;

    @Override
    public String getDescription() {
        return "Operations per CPU-second of the benchmark threads and of the whole process";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        workerCpuBefore = workerCpu();
        processCpuBefore = os.getProcessCpuTime();
        wallBefore = System.nanoTime();
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long wall = System.nanoTime() - wallBefore;
        long processCpu = os.getProcessCpuTime() - processCpuBefore;
        long workerCpu = 0;
        for (Map.Entry<Long, Long> after : workerCpu().entrySet()) {
            workerCpu += after.getValue() - workerCpuBefore.getOrDefault(after.getKey(), 0L);
        }
        // Measured operations of all benchmark threads together.
        double ops = result.getMetadata().getMeasuredOps();
        int workers = benchmarkParams.getThreads();
        return List.of(
                new ScalarResult("cpu.thread", ops * 1e9 / workerCpu, "ops/cpu-s", AggregationPolicy.AVG),
                new ScalarResult("cpu.process", ops * 1e9 / processCpu, "ops/cpu-s", AggregationPolicy.AVG),
                new ScalarResult("cpu.share", 100.0 * workerCpu / workers / wall, "%", AggregationPolicy.AVG));
    }

    private Map<Long, Long> workerCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(WORKER)) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }
}
