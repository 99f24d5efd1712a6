#!/usr/bin/env bash
# Tamper-evident chain benchmark: 1,000,000 events generated in SQL on a fresh embedded PostgreSQL (temp dir), chained
# by the background chainer, then POST /api/v1/audit/verify over all of them, with baselines of the same run
# (select count(*), a JDBC read of every row, PostgreSQL hashing every row). Not part of ./mvnw verify.
# Usage: bench/audit-benchmark.sh [-Dbench.events=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."

OFFLINE=${OFFLINE:--o}
CP_FILE=$PWD/ledger-app/target/bench-classpath.txt
# Compiles through the reactor (no install); the last module built, ledger-app, writes its test classpath, in which
# the other modules are their target/classes directories.
./mvnw -q $OFFLINE -pl ledger-app -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"

echo "command: $0 $*"
echo "date: $(date -Iseconds)"
echo "nproc: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs); mem: $(grep MemTotal /proc/meminfo | xargs)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
exec java -Xmx2g -Duser.timezone=UTC -Daxoniq.update-checker.disabled=true "$@" \
    -cp "ledger-app/target/test-classes:ledger-app/target/classes:$(cat "$CP_FILE")" \
    org.creditledger.bench.AuditBenchmark
