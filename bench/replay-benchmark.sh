#!/usr/bin/env bash
# Projection replay benchmark: 1,000,000 commitment events stored in SQL on a fresh embedded PostgreSQL (temp dir),
# then: raw JDBC read of the same rows and Axon read+deserialise (baselines), rebuilds of projections through
# ProjectionRebuilds, and Axon's own processor replay (resetTokens) of quota. Not part of ./mvnw verify.
# Usage: bench/replay-benchmark.sh [-Dbench.events=1000000] [-Dbench.projections=commitments,quota]
#        [-Dbench.axon-replay=true] [-Dledger.rebuild.batch-size=1000]
# JFR=1 records a profile to ledger-app/target/replay-benchmark.jfr.
set -euo pipefail
cd "$(dirname "$0")/.."

OFFLINE=${OFFLINE:--o}
# Compiles this checkout's modules and resolves them from the reactor (their target/classes), never from a jar
# that an earlier `mvn install` left in ~/.m2. Each module writes the file; ledger-app, built last, wins.
CP_FILE=ledger-app/target/bench-classpath.txt
./mvnw -q $OFFLINE -pl ledger-app -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$CP_FILE"

JFR_OPTS=()
if [[ "${JFR:-0}" == "1" ]]; then
    JFR_OPTS=(-XX:StartFlightRecording=settings=profile,filename=ledger-app/target/replay-benchmark.jfr)
fi

echo "command: $0 $*"
echo "date: $(date -Iseconds)"
echo "nproc: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs); mem: $(grep MemTotal /proc/meminfo | xargs)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
exec java -Xmx2g -Duser.timezone=UTC -Daxoniq.update-checker.disabled=true "${JFR_OPTS[@]}" "$@" \
    -cp "ledger-app/target/test-classes:ledger-app/target/classes:$(cat "$CP_FILE")" \
    org.creditledger.bench.ReplayBenchmark
