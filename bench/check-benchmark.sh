#!/usr/bin/env bash
# Counter-check load benchmark: 1,000,000 active list entries, POST /api/v1/checks driven by wrk over loopback, and
# pgbench -S against the same embedded PostgreSQL in the same run as the ceiling. Not part of ./mvnw verify.
# Usage: bench/check-benchmark.sh [-Dbench.entries=1000000] [-Dbench.seconds=20] [-Dbench.connections=4,16]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null || ! command -v pgbench >/dev/null; then
    apt-get install -y -q wrk postgresql-client >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk postgresql-client >/dev/null; }
fi

OFFLINE=${OFFLINE:--o}
if [[ ! -d ledger-app/target/test-classes/org/creditledger/bench || "${REBUILD:-0}" == "1" ]]; then
    ./mvnw -q $OFFLINE install -DskipTests
    ./mvnw -q $OFFLINE -pl ledger-app test-compile
fi
CP_FILE=ledger-app/target/bench-classpath.txt
./mvnw -q $OFFLINE -pl ledger-app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$CP_FILE"

echo "command: $0 $*"
echo "date: $(date -Iseconds)"
echo "nproc: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs); mem: $(grep MemTotal /proc/meminfo | xargs)"
java -version 2>&1 | head -1
wrk --version 2>&1 | head -1 || true
pgbench --version
exec java -Xmx2g -Duser.timezone=UTC -Daxoniq.update-checker.disabled=true "$@" \
    -cp "ledger-app/target/test-classes:ledger-app/target/classes:$(cat "$CP_FILE")" \
    org.creditledger.bench.CheckBenchmark
