#!/usr/bin/env bash
# Projection replay benchmark: 1,000,000 commitment events stored in SQL on a fresh embedded PostgreSQL (temp dir),
# then: raw JDBC read of the same rows and Axon read+deserialise (baselines), rebuilds of projections through
# ProjectionRebuilds, and Axon's own processor replay (resetTokens) of quota. Not part of ./mvnw verify.
# Usage: bench/replay-benchmark.sh [-Dbench.events=1000000] [-Dbench.projections=commitments,quota]
#        [-Dbench.axon-replay=true] [-Dledger.rebuild.batch-size=1000]
# JFR=1 records a profile to ledger-app/target/replay-benchmark.jfr.
set -euo pipefail

source "$(dirname "$0")/lib.sh"
bench_classpath
JFR_OPTS=()
if [[ "${JFR:-0}" == "1" ]]; then
    JFR_OPTS=(-XX:StartFlightRecording=settings=profile,filename=ledger-app/target/replay-benchmark.jfr)
fi
bench_java ReplayBenchmark "${JFR_OPTS[@]}" "$@"
