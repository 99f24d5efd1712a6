# The prelude the benchmark scripts share (source it; do not run it). It compiles this checkout's modules through the
# reactor and writes ledger-app's test classpath, in which every module is its target/classes directory, never a jar
# an earlier `mvn install` left in ~/.m2. Then `bench_java <main class> [java args]` prints the machine's facts and
# runs that benchmark main (each starts its own ledger on a temporary directory: see BenchLedger.java).
# OFFLINE=-o (the default) keeps Maven offline; when that fails (a new machine without the dependency plugin or the
# test dependencies in ~/.m2) it is run again online. OFFLINE= goes online at once.

cd "$(dirname "${BASH_SOURCE[0]}")/.."
OFFLINE=${OFFLINE:--o}
BENCH_CLASSPATH_FILE=$PWD/ledger-app/target/bench-classpath.txt

bench_classpath() {
    local goals=(-pl ledger-app -am test-compile dependency:build-classpath -Djacoco.skip=true
        -Dmdep.includeScope=test "-Dmdep.outputFile=$BENCH_CLASSPATH_FILE")
    ./mvnw -q $OFFLINE "${goals[@]}" && return
    [ -n "$OFFLINE" ] || return 1
    echo "bench: the offline build failed (above); trying again with downloads" >&2
    ./mvnw -q "${goals[@]}"
}

bench_java() {
    local main=$1
    shift
    echo "command: $0 $*"
    echo "date: $(date -Iseconds)"
    echo "nproc: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs); mem: $(grep MemTotal /proc/meminfo | xargs)"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    java -version 2>&1 | head -1
    exec java ${BENCH_HEAP:--Xmx2g} -Duser.timezone=UTC -Daxoniq.update-checker.disabled=true "$@" \
        -cp "ledger-app/target/test-classes:ledger-app/target/classes:$(cat "$BENCH_CLASSPATH_FILE")" \
        "org.creditledger.bench.$main"
}
