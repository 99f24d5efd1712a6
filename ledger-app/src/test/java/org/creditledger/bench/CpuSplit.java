package org.creditledger.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the CPU of a load run went: this JVM (by thread group: request threads, each event processor, the recorder …,
 * and the JVM's own threads that {@link ThreadMXBean} does not list: its JIT compilers and its GC), PostgreSQL's
 * processes, and everything else on the machine, from {@code /proc} and {@link ThreadMXBean} before and after; plus the
 * JVM's garbage collections in between. Read per check, it says which part of the stack a check costs. (A JIT compiler
 * thread the JVM stops between the two readings takes its ticks with it: those groups may count a little low.)
 */
final class CpuSplit {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

    private final Map<Long, Long> threadCpu;
    private final Map<Long, Long> threadAllocated;
    private final Map<Long, String> threadNames;
    private final Map<String, Long> vmThreadTicks;
    private final long jvmTicks;
    private final Map<String, Long> postgresTicks;
    private final long machineTicks;
    private final long gcCount;
    private final long gcMillis;
    private final long wallNanos = System.nanoTime();

    private CpuSplit() {
        threadCpu = new HashMap<>();
        threadAllocated = new HashMap<>();
        threadNames = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                threadCpu.put(info.getThreadId(), THREADS.getThreadCpuTime(info.getThreadId()));
                threadAllocated.put(info.getThreadId(), THREADS.getThreadAllocatedBytes(info.getThreadId()));
                threadNames.put(info.getThreadId(), info.getThreadName());
            }
        }
        vmThreadTicks = vmThreadTicks();
        jvmTicks = processTicks(Path.of("/proc/self/stat"));
        postgresTicks = postgresTicksByKind();
        machineTicks = machineTicks();
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        gcCount = count;
        gcMillis = millis;
    }

    static CpuSplit now() {
        return new CpuSplit();
    }

    /** CPU milliseconds per unit of work ({@code units}, e.g. checks answered) from {@code before} to now, as one line. */
    String since(CpuSplit before, long units) {
        CpuSplit after = now();
        double perUnit = 1.0 / Math.max(1, units);
        double wallSeconds = (after.wallNanos - before.wallNanos) / 1e9;
        double jvm = (after.jvmTicks - before.jvmTicks) * TICK_NANOS / 1e6;
        Map<String, Double> postgresKinds = new TreeMap<>();
        after.postgresTicks.forEach((kind, ticks) -> postgresKinds.put(kind,
                Math.max(0, ticks - before.postgresTicks.getOrDefault(kind, 0L)) * TICK_NANOS / 1e6));
        double postgres = postgresKinds.values().stream().mapToDouble(Double::doubleValue).sum();
        double machine = (after.machineTicks - before.machineTicks) * TICK_NANOS / 1e6;
        Map<String, Double> groups = new TreeMap<>();
        after.threadCpu.forEach((id, nanos) -> {
            long start = before.threadCpu.getOrDefault(id, 0L);
            if (nanos >= 0 && start >= 0 && nanos > start) {
                groups.merge(group(after.threadNames.get(id)), (nanos - start) / 1e6, Double::sum);
            }
        });
        after.vmThreadTicks.forEach((group, ticks) -> groups.merge(group,
                Math.max(0, ticks - before.vmThreadTicks.getOrDefault(group, 0L)) * TICK_NANOS / 1e6, Double::sum));
        String byGroup = groups.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> e.getValue() * perUnit >= 0.005)
                .map(e -> String.format("%s %.3f", e.getKey(), e.getValue() * perUnit))
                .collect(Collectors.joining(", "));
        String byKind = postgresKinds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> e.getValue() * perUnit >= 0.005)
                .map(e -> String.format("%s %.3f", e.getKey(), e.getValue() * perUnit))
                .collect(Collectors.joining(", "));
        return String.format("CPU ms per check: JVM %.3f (%s), PostgreSQL %.3f (%s), rest of the machine %.3f; machine busy %.0f%% of %d cores over %.1f s; "
                        + "GC %d collections, %d ms",
                jvm * perUnit, byGroup, postgres * perUnit, byKind, Math.max(0, machine - jvm - postgres) * perUnit,
                100 * machine / (wallSeconds * 1000 * Runtime.getRuntime().availableProcessors()),
                Runtime.getRuntime().availableProcessors(), wallSeconds, after.gcCount - before.gcCount,
                after.gcMillis - before.gcMillis);
    }

    /**
     * Heap allocated per unit of work from {@code before} to now, by thread group, as one line. Unlike CPU time it
     * does not depend on how fast or busy the machine is: the figure to compare runs on different days with.
     */
    String allocationSince(CpuSplit before, long units) {
        CpuSplit after = now();
        double perUnit = 1.0 / Math.max(1, units);
        Map<String, Double> groups = new TreeMap<>();
        after.threadAllocated.forEach((id, bytes) -> {
            long start = before.threadAllocated.getOrDefault(id, 0L);
            if (bytes > start && start >= 0) {
                groups.merge(group(after.threadNames.get(id)), (bytes - start) / 1024.0, Double::sum);
            }
        });
        double total = groups.values().stream().mapToDouble(Double::doubleValue).sum();
        String byGroup = groups.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> e.getValue() * perUnit >= 0.5)
                .map(e -> String.format("%s %.1f", e.getKey(), e.getValue() * perUnit))
                .collect(Collectors.joining(", "));
        return String.format("KB allocated per check: JVM %.1f (%s)", total * perUnit, byGroup);
    }

    /** A thread's group: its name without numbers (http-nio-8080-exec-7 → http-nio-exec). */
    static String group(String name) {
        if (name == null) {
            return "?";
        }
        if (name.startsWith("http-nio")) {
            return "requests";
        }
        return name.replaceAll("[-\\[]?\\d+[\\]]?", "").replaceAll("-+$", "");
    }

    /** A process's own CPU ticks: utime + stime (fields 14 and 15 of /proc/<pid>/stat). */
    private static long processTicks(Path stat) {
        return statTicks(stat, 11);
    }

    /** The ticks of a process's children that ended and were waited for: cutime + cstime (fields 16 and 17). */
    private static long childTicks(Path stat) {
        return statTicks(stat, 13);
    }

    /** The sum of two consecutive tick fields of /proc/<pid>/stat, counted from the field after the command name. */
    private static long statTicks(Path stat, int first) {
        try {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[first]) + Long.parseLong(fields[first + 1]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended between listing and reading
        }
    }

    /**
     * The CPU ticks of this JVM's own threads, which {@link ThreadMXBean} does not list, from /proc/self/task: the JIT
     * compilers ("C1 CompilerThre…", "C2 CompilerThre…") and the garbage collector ("GC Thread#…", "G1 …").
     */
    private static Map<String, Long> vmThreadTicks() {
        Map<String, Long> groups = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException e) {
                    return; // the thread ended between listing and reading
                }
                if (name.matches("C\\d CompilerThre.*")) {
                    groups.merge("JIT compilers", processTicks(task.resolve("stat")), Long::sum);
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                    groups.merge("GC threads", processTicks(task.resolve("stat")), Long::sum);
                }
            });
        } catch (IOException e) {
            // no /proc: no figures for these threads
        }
        return groups;
    }

    /**
     * PostgreSQL's CPU ticks by kind of process: client connections ("backends"), each auxiliary process by its title
     * (walwriter, checkpointer, autovacuum worker …), and "exited children": what the postmaster's children that ended
     * used (its cutime + cstime; short-lived autovacuum workers, for one).
     */
    private static Map<String, Long> postgresTicksByKind() {
        Map<String, Long> kinds = new TreeMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(CpuSplit::isPostgres)
                    .forEach(process -> {
                        String title = commandLine(process);
                        if (title.startsWith("postgres: ")) {
                            kinds.merge(kind(title.substring("postgres: ".length())), processTicks(process.resolve("stat")), Long::sum);
                        } else {
                            kinds.merge("postmaster", processTicks(process.resolve("stat")), Long::sum);
                            kinds.merge("exited children", childTicks(process.resolve("stat")), Long::sum);
                        }
                    });
        } catch (IOException e) {
            // no /proc: no PostgreSQL figures
        }
        return kinds;
    }

    /** The kind of a PostgreSQL process from its title: "ledger ledger 127.0.0.1(5432) idle" is a backend. */
    static String kind(String title) {
        if (title.matches("\\S+ \\S+ \\S+\\(\\d+\\).*") || title.matches("\\S+ \\S+ \\[local\\].*")) {
            return "backends";
        }
        return title.startsWith("autovacuum worker") ? "autovacuum worker" : title.strip();
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline"))).replace('\0', ' ').strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip().equals("postgres");
        } catch (IOException e) {
            return false;
        }
    }

    private static long machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // user nice system (idle iowait excluded) irq softirq steal
            return Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3]) + Long.parseLong(cpu[6])
                    + Long.parseLong(cpu[7]) + Long.parseLong(cpu[8]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
