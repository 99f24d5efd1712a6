# Sourced by GuidesIT before every ```bash block of a guide (see Guide.java for the convention).
# A guide's curl must answer 2xx, unless the line before it says "# expect: NNN" (GuidesIT turns that comment
# into GUIDE_EXPECT=NNN): then it must answer exactly NNN. A failure is also written to $GUIDE_FAILURES, with the
# answer's first 2000 bytes, so that one inside $(…) or behind "export X=$(…)", which bash does not stop on, still
# fails the guide and shows why.
set -eo pipefail

curl() {
    local expected="${GUIDE_EXPECT:-}" headers body status rc=0 verdict=""
    unset GUIDE_EXPECT
    headers="$(mktemp)"
    body="$(mktemp)"
    command curl -D "$headers" "$@" | tee "$body" || rc=$?
    status="$(tr -d '\r' < "$headers" | awk '/^HTTP\//{s=$2} END{print s}')"
    if [ -n "$expected" ]; then
        [ "$status" = "$expected" ] || verdict="expected HTTP $expected but got ${status:-no answer (curl exit $rc)}"
    elif [ "$rc" -ne 0 ] || [[ "$status" != 2?? ]]; then
        verdict="expected success but got ${status:-no answer (curl exit $rc)}"
    fi
    if [ -n "$verdict" ]; then
        echo "guide: $verdict from: curl $*" >&2
        { echo "guide: $verdict from: curl $*"; head -c 2000 "$body"; echo; } >> "$GUIDE_FAILURES"
    fi
    rm -f "$headers" "$body"
    [ -z "$verdict" ] || return 22
}
