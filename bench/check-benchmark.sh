#!/usr/bin/env bash
# Counter-check load benchmark (issue 13), in one run on one embedded PostgreSQL: 1,000,000 active list entries;
# POST /api/v1/checks driven by wrk over loopback; the baselines on the same database and concurrency: pgbench with one
# point select + one insert per transaction (-M prepared, synchronous_commit on), pgbench -S, and an authenticated GET;
# p99 at a steady 300 checks/s (RateClient, constant rate) next to pgbench's own p99 at the same rate (-R); one
# /checks/batch of 1,000 (server time); JVM RSS.
# Not part of ./mvnw verify.
# Usage: bench/check-benchmark.sh [-Dbench.entries=1000000] [-Dbench.seconds=20] [-Dbench.connections=16]
#        [-Dbench.rate=300] [-Dbench.rate-seconds=30] [-Dbench.jfr=/tmp/checks.jfr]   (JFR profile of the check load)
#        [-Dbench.rate-warmup=60] (seconds at the steady rate, unmeasured, before the steady run: the JIT compilers
#                                  were still busy without it; 0 = none, as before session 11)
#        [-Dbench.steady-jfr=/tmp/steady.jfr] [-Dbench.batch-jfr=/tmp/batch.jfr]      (JFR of the steady run, of the batches)
#        [-Dbench.steady-promotions=/tmp/promotions.jfr] (JFR of only what the GC copies during the steady run;
#                                                           it wrecks that run's latencies: read it for proportions)
#        [-Dbench.batches-alone=10] (measured batches of 1,000 sent alone, each after the follow-up of the one before)
#        [-Dbench.batch-warmup=20] (unmeasured batches sent alone first: the JIT compilers are still at the batch's code;
#                                   with the batches-alone at most 45)
#        [-Dbench.connections=]   (no c=16 load runs: steady run and batches only, on a JVM that is less warm)
#        [-Dbench.follow-up=false] (a diagnosis: stops every processor but the checks' and the chainer for the steady run)
# BENCH_HEAP (default: the -Xmx the README recommends) sets the ledger JVM's heap; README's other JVM option is passed too.
set -euo pipefail

source "$(dirname "$0")/lib.sh"
if ! command -v wrk >/dev/null || ! command -v pgbench >/dev/null; then
    apt-get install -y -q wrk postgresql-client >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk postgresql-client >/dev/null; }
fi
bench_classpath
export BENCH_HEAP=${BENCH_HEAP:--Xmx512m}   # as README recommends
# README's other JVM option; an argument such as -XX:+ClassUnloadingWithConcurrentMark, coming later, overrides it.
bench_java CheckBenchmark -XX:-ClassUnloadingWithConcurrentMark "$@"
