#!/usr/bin/env bash
# Red-list revocation delay: per subject, the time from a black listing's 201 until its revocable red entry reads
# EXITED and a check answers 限制 only, against the time the black entry itself takes to be readable (same run).
# On a fresh embedded PostgreSQL (temp dir). Not part of ./mvnw verify.
# Usage: bench/revocation-benchmark.sh [-Dbench.subjects=200]
set -euo pipefail

source "$(dirname "$0")/lib.sh"
bench_classpath
bench_java RevocationBenchmark "$@"
