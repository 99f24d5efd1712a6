#!/usr/bin/env bash
# Tamper-evident chain benchmark: 1,000,000 events generated in SQL on a fresh embedded PostgreSQL (temp dir), chained
# by the background chainer, then POST /api/v1/audit/verify over all of them, with baselines of the same run
# (select count(*), a JDBC read of every row, PostgreSQL hashing every row). Not part of ./mvnw verify.
# Usage: bench/audit-benchmark.sh [-Dbench.events=1000000]
set -euo pipefail

source "$(dirname "$0")/lib.sh"
bench_classpath
bench_java AuditBenchmark "$@"
