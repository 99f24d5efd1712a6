#!/usr/bin/env bash
# Bulk-import benchmark: 100,000 commitment rows through POST /api/v1/commitments/imports versus a raw JDBC batch
# insert of the same rows on the same embedded PostgreSQL (fresh, in a temp dir). Not part of ./mvnw verify.
# Usage: bench/import-benchmark.sh [-Dbench.rows=100000] [-Dbench.chunk=1000] [-Dbench.due-every=2]
set -euo pipefail

source "$(dirname "$0")/lib.sh"
bench_classpath
bench_java ImportBenchmark "$@"
