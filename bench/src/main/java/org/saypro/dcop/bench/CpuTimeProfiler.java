package org.saypro.dcop.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Operations per CPU-second of the benchmark JVM (every thread: the benchmark thread, GC, JIT) for each iteration.
 * Wall-clock throughput drops when other processes take the CPU; CPU time barely does, so this is the cross-check on a
 * shared machine.
 */
public final class CpuTimeProfiler implements InternalProfiler {

  static final String RESULT = "cpu.opsPerCpuSecond";

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long cpuBefore;

  @Override
  public String getDescription() {
    return "operations per CPU-second of the benchmark JVM";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    cpuBefore = os.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long cpuNanos = os.getProcessCpuTime() - cpuBefore;
    long ops = result.getMetadata().getAllOps();
    if (cpuNanos <= 0 || ops <= 0) {
      return List.of();
    }
    return List.of(new ScalarResult(RESULT, ops / (cpuNanos / 1e9), "ops/cpu-s", AggregationPolicy.AVG));
  }
}
