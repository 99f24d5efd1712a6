#!/usr/bin/env bash
# Counter-check load benchmark: 1,000,000 active list entries, POST /api/v1/checks driven by wrk over loopback, and
# pgbench -S against the same embedded PostgreSQL in the same run as the ceiling. Not part of ./mvnw verify.
# Usage: bench/check-benchmark.sh [-Dbench.entries=1000000] [-Dbench.seconds=20] [-Dbench.connections=4,16]
set -euo pipefail

source "$(dirname "$0")/lib.sh"
if ! command -v wrk >/dev/null || ! command -v pgbench >/dev/null; then
    apt-get install -y -q wrk postgresql-client >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk postgresql-client >/dev/null; }
fi
bench_classpath
bench_java CheckBenchmark "$@"
