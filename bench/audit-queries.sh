#!/usr/bin/env bash
# Audit read queries on a large ledger: the SQL behind GET /subjects/{code}/timeline, /state and the dispute package's
# global indexes, run on a throw-away PostgreSQL holding 1,000,000 synthetic events (global_index 1..1M, one per 30 s
# of record time) and their timeline rows: 1,000 subjects with 1,000 events each. Timings are server-side
# (EXPLAIN ANALYZE, median of 5 runs after a warm-up). Not part of ./mvnw verify.
# Usage: bench/audit-queries.sh        PG_BIN=<dir with initdb, pg_ctl, postgres> (default: the embedded PostgreSQL
#                                      the tests unpacked under /tmp/embedded-pg, else the PATH); needs psql. Run as
#                                      root, the server runs as the user postgres (PostgreSQL refuses root).
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN=${PG_BIN:-$(dirname "$(ls -d /tmp/embedded-pg/*/bin/postgres 2>/dev/null | head -1)" 2>/dev/null || true)}
PG_BIN=${PG_BIN:-$(dirname "$(command -v postgres)")}
DATA=$(mktemp -d /tmp/audit-bench.XXXXXX)
PORT=${PORT:-55432}
AS_PG=()
if [[ $(id -u) == 0 ]]; then
    AS_PG=(runuser -u postgres --)
    chown postgres "$DATA"
fi
trap '"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$DATA/db" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$DATA"' EXIT

echo "command: $0 $*"
echo "date: $(date -Iseconds); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "nproc: $(nproc); postgres: $("$PG_BIN/postgres" --version)"
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$DATA/db" -U ledger -A trust >/dev/null
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$DATA/db" -o "-p $PORT -k $DATA -c shared_buffers=256MB" -l "$DATA/log" -w start >/dev/null
PSQL=(psql -X -q -h "$DATA" -p "$PORT" -U ledger -d postgres -v ON_ERROR_STOP=1)

"${PSQL[@]}" -f platform/src/main/resources/db/migration/V1_1__axon_event_store.sql
"${PSQL[@]}" -f platform/src/main/resources/db/migration/V1_3__event_record_time_index.sql
"${PSQL[@]}" -f query-side/src/main/resources/db/migration/V3_6__subject_timeline.sql
start=$(date +%s)
"${PSQL[@]}" <<'SQL'
-- 1M events: subject s = i % 1000, record time 2025-01-01 + 30 s × i, ISO text as Axon's JDBC engine writes it.
insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                payload, payload_type, payload_revision, time_stamp)
select i, 'agg-' || (i / 2), i % 2, 'Commitment', 'evt-' || i, convert_to('{"principal":"k"}', 'UTF8'),
       convert_to('{"subject":{"code":"S' || (i % 1000) || '"}}', 'UTF8'), 'CommitmentPostedEvent', '1',
       to_char(timestamp '2025-01-01' + i * interval '30 seconds', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
from generate_series(1, 1000000) i;
insert into subject_timeline (subject_code, global_index, event_identifier, aggregate_identifier, sequence_number, kind,
                              type, recorded_at, business_dates, principal, role, correlation_id, summary)
select 'S' || (i % 1000), i, 'evt-' || i, 'agg-' || (i / 2), i % 2, 'COMMITMENT',
       case when i % 2 = 0 then 'CommitmentPostedEvent' else 'CommitmentFulfilledEvent' end,
       (timestamp '2025-01-01' + i * interval '30 seconds') at time zone 'UTC', '{"signedOn":"2025-03-01"}',
       'k', 'UNIT_CLERK', 'c-' || i,
       '{"unitId":"u","type":"OTHER","matter":"m","signedOn":"2025-03-01"}'
from generate_series(1, 1000000) i;
vacuum analyze;
SQL
echo "loaded 1,000,000 events and 1,000,000 timeline rows in $(( $(date +%s) - start )) s"

# Prints the execution time and the scans of one EXPLAIN ANALYZE.
PLAN='import json, sys
plan = json.load(sys.stdin)[0]
def scans(node):
    found = [node["Node Type"] + (" " + node["Index Name"] if "Index Name" in node else "")] if "Scan" in node["Node Type"] else []
    return found + [s for child in node.get("Plans", []) for s in scans(child)]
print(plan["Execution Time"], "; ".join(dict.fromkeys(scans(plan["Plan"]))), sep="|")'

time_ms() {  # label, SQL: median server time of 5 runs after one warm-up, and how the rows were found
    local label=$1 sql=$2 times=() run
    "${PSQL[@]}" -c "$sql" >/dev/null
    for _ in 1 2 3 4 5; do
        run=$("${PSQL[@]}" -At -c "explain (analyze, format json) $sql" | python3 -c "$PLAN")
        times+=("${run%%|*}")
    done
    printf '%-62s %8.2f ms   %s\n' "$label" "$(printf '%s\n' "${times[@]}" | sort -g | sed -n 3p)" "${run#*|}"
}

LAST="'$("${PSQL[@]}" -At -c "select time_stamp from domain_event_entry order by global_index desc limit 1")'"
LAST_RECORDED_BY="select global_index from domain_event_entry where time_stamp <= %s order by time_stamp desc, global_index desc limit 1"
# shellcheck disable=SC2059
time_ms "ledgerPosition, asOf = now (latest event)" "$(printf "$LAST_RECORDED_BY" "$LAST")"
# shellcheck disable=SC2059
time_ms "ledgerPosition, asOf with 500,000 events recorded since" "$(printf "$LAST_RECORDED_BY" "'2025-06-23T16:40:00.000Z'")"
# shellcheck disable=SC2059
time_ms "ledgerPosition, asOf before every event" "$(printf "$LAST_RECORDED_BY" "'2024-01-01T00:00:00.000Z'")"
FILTER="where subject_code = 'S7' and (cast(null as timestamptz) is null or recorded_at >= null)
        and (cast(null as timestamptz) is null or recorded_at < null) and kind = any(array['COMMITMENT','LIST_ENTRY','JOINT_ACTION','CHECK'])"
time_ms "timeline count, subject with 1,000 events" "select count(*) from subject_timeline $FILTER"
time_ms "timeline page 0 (size 50)" "select * from subject_timeline $FILTER order by global_index limit 50 offset 0"
time_ms "timeline last page (size 50, offset 950)" "select * from subject_timeline $FILTER order by global_index limit 50 offset 950"
time_ms "dispute package: global indexes of a subject (1,000)" \
    "select global_index from subject_timeline where subject_code = 'S7' order by global_index"
time_ms "state: open commitments as of halfway back" "
    with known as (select * from subject_timeline where subject_code = 'S7' and kind = 'COMMITMENT'
                   and global_index <= 500000 and recorded_at <= '2025-06-23T16:40:00Z')
    select posted.aggregate_identifier, posted.summary ->> 'unitId', posted.recorded_at,
           (select min(o.recorded_at) from known o where o.aggregate_identifier = posted.aggregate_identifier
              and o.type = 'CommitmentBecameOverdueEvent')
    from known posted where posted.type = 'CommitmentPostedEvent'
      and not exists (select 1 from known o where o.aggregate_identifier = posted.aggregate_identifier
                      and o.type in ('CommitmentFulfilledEvent', 'CommitmentBreachedEvent'))
    order by posted.global_index"
echo "subject_timeline size: $("${PSQL[@]}" -At -c "select pg_size_pretty(pg_total_relation_size('subject_timeline'))")"
