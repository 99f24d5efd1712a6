#!/usr/bin/env bash
# Bulk-import benchmark: 100,000 commitment rows through POST /api/v1/commitments/imports versus a raw JDBC batch
# insert of the same rows on the same embedded PostgreSQL (fresh, in a temp dir). Not part of ./mvnw verify.
# Usage: bench/import-benchmark.sh [-Dbench.rows=100000] [-Dbench.chunk=1000] [-Dbench.due-every=2]
set -euo pipefail
cd "$(dirname "$0")/.."

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
exec java -Xmx2g -Duser.timezone=UTC -Daxoniq.update-checker.disabled=true "$@" \
    -cp "ledger-app/target/test-classes:ledger-app/target/classes:$(cat "$CP_FILE")" \
    org.creditledger.bench.ImportBenchmark
