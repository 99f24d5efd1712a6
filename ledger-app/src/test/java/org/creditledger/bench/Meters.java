package org.creditledger.bench;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;

import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The ledger's own check timers at one moment, so a load run can be read from the server's side: single checks from
 * question to recorded answer without HTTP ({@code ledger.check.latency}, kind=single, p50/p99 from the histogram's
 * buckets between two snapshots), and the recorder's group commits (count, checks per commit, time per commit).
 */
record Meters(TreeMap<Double, Double> checkBuckets, long checks, double checkMillis, long commits, double commitMillis,
              double committedChecks, TreeMap<Double, Double> commitBuckets) {

    static Meters of(MeterRegistry meters) {
        long checks = 0;
        double checkMillis = 0;
        Collection<Timer> single = meters.find("ledger.check.latency").tag("kind", "single").timers();
        for (Timer timer : single) {
            checks += timer.count();
            checkMillis += timer.totalTime(TimeUnit.MILLISECONDS);
        }
        TreeMap<Double, Double> buckets = buckets(single);
        Timer commit = meters.find("ledger.check.recorder.commit").timer();
        DistributionSummary size = meters.find("ledger.check.recorder.batch.size").summary();
        return new Meters(buckets, checks, checkMillis, commit == null ? 0 : commit.count(),
                commit == null ? 0 : commit.totalTime(TimeUnit.MILLISECONDS), size == null ? 0 : size.totalAmount(),
                commit == null ? new TreeMap<>() : buckets(List.of(commit)));
    }

    private static TreeMap<Double, Double> buckets(Collection<Timer> timers) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (Timer timer : timers) {
            for (CountAtBucket bucket : timer.takeSnapshot().histogramCounts()) {
                buckets.merge(bucket.bucket(TimeUnit.MILLISECONDS), bucket.count(), Double::sum);
            }
        }
        return buckets;
    }

    /** What happened between {@code before} and this snapshot, as one line. */
    String since(Meters before) {
        long checks = checks() - before.checks();
        long commits = commits() - before.commits();
        return String.format("single checks %,d, server time (no HTTP) mean %.2f ms, p50 <= %s ms, p99 <= %s ms; "
                        + "recorder: %,d commits, %.1f checks per commit, %.2f ms per commit (p50 <= %s ms, p99 <= %s ms)",
                checks, (checkMillis() - before.checkMillis()) / Math.max(1, checks),
                bucketAt(checkBuckets(), before.checkBuckets(), checks, 0.50),
                bucketAt(checkBuckets(), before.checkBuckets(), checks, 0.99), commits,
                (committedChecks() - before.committedChecks()) / Math.max(1, commits),
                (commitMillis() - before.commitMillis()) / Math.max(1, commits),
                bucketAt(commitBuckets(), before.commitBuckets(), commits, 0.50),
                bucketAt(commitBuckets(), before.commitBuckets(), commits, 0.99));
    }

    /** The upper bound of the histogram bucket holding the given quantile of what was timed between two snapshots. */
    private static String bucketAt(TreeMap<Double, Double> after, TreeMap<Double, Double> before, long total, double quantile) {
        for (var bucket : after.entrySet()) {
            double delta = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (delta >= quantile * total) {
                return String.format("%.2f", bucket.getKey());
            }
        }
        return "∞";
    }
}
