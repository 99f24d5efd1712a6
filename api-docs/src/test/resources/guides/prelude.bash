# Sourced by GuidesIT before every ```bash block of a guide (see Guide.java for the convention).
# A guide's curl must answer 2xx, unless the line before it says "# expect: NNN" (GuidesIT turns that comment
# into GUIDE_EXPECT=NNN): then it must answer exactly NNN. A failure is also written to $GUIDE_FAILURES, so that
# one inside $(…) or behind "export X=$(…)", which bash does not stop on, still fails the guide.
set -eo pipefail

curl() {
    local expected="${GUIDE_EXPECT:-}" headers status rc=0
    unset GUIDE_EXPECT
    headers="$(mktemp)"
    command curl -D "$headers" "$@" || rc=$?
    status="$(tr -d '\r' < "$headers" | awk '/^HTTP\//{s=$2} END{print s}')"
    rm -f "$headers"
    if [ -n "$expected" ]; then
        if [ "$status" != "$expected" ]; then
            echo "guide: expected HTTP $expected but got ${status:-no answer (curl exit $rc)} from: curl $*" | tee -a "$GUIDE_FAILURES" >&2
            return 22
        fi
        return 0
    fi
    if [ "$rc" -ne 0 ] || [[ "$status" != 2?? ]]; then
        echo "guide: expected success but got ${status:-no answer (curl exit $rc)} from: curl $*" | tee -a "$GUIDE_FAILURES" >&2
        return 22
    fi
}
