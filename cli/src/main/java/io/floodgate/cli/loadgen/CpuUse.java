package io.floodgate.cli.loadgen;

import io.floodgate.kit.process.FloodgateService;
import io.floodgate.kit.process.ServiceProcess;
import io.floodgate.kit.stack.LocalStack;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time each process of the run used, from the operating system's accounts: the services by
 * name, PostgreSQL's processes together, and this JVM (the Kafka brokers and the load generator).
 * On a machine of two cores, this is what says where the time went.
 */
final class CpuUse {
    static final String THIS_JVM = "Kafka broker(s) + load generator (this JVM)";

    private final String home;
    private final Map<Long, Duration> start;

    private CpuUse(String home) {
        this.home = home;
        this.start = snapshot();
    }

    /** Starts counting for the stack whose data lives under {@code home}. */
    static CpuUse start(String home) {
        return new CpuUse(home);
    }

    /** CPU seconds per process since {@link #start(String)}, largest first; processes that died are not counted. */
    Map<String, Double> since(LocalStack stack) {
        Map<Long, String> names = new HashMap<>();
        for (FloodgateService service : FloodgateService.values()) {
            for (ServiceProcess p : stack.instances(service)) {
                names.put(p.pid(), service.module() + (stack.instances(service).size() > 1 ? " pid " + p.pid() : ""));
            }
        }
        names.put(ProcessHandle.current().pid(), THIS_JVM);
        Map<String, Double> seconds = new TreeMap<>();
        snapshot().forEach((pid, now) -> seconds.merge(names.getOrDefault(pid, "postgres (all its processes)"),
                (now.toMillis() - start.getOrDefault(pid, Duration.ZERO).toMillis()) / 1000.0, Double::sum));
        Map<String, Double> largestFirst = new LinkedHashMap<>();
        seconds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> largestFirst.put(e.getKey(), e.getValue()));
        return largestFirst;
    }

    /** This JVM, the services it started, and PostgreSQL, which detaches from its starter but runs on the stack's data. */
    private Map<Long, Duration> snapshot() {
        Map<Long, Duration> cpu = new HashMap<>();
        ProcessHandle self = ProcessHandle.current();
        count(self, cpu);
        self.descendants().forEach(p -> count(p, cpu));
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(home)).orElse(false))
                .forEach(postmaster -> {
                    count(postmaster, cpu);
                    postmaster.descendants().forEach(p -> count(p, cpu));
                });
        return cpu;
    }

    private static void count(ProcessHandle p, Map<Long, Duration> cpu) {
        p.info().totalCpuDuration().ifPresent(d -> cpu.put(p.pid(), d));
    }
}
