#!/usr/bin/env bash
# scripts/check-reports.sh: the README's main job, `smtpspec run Examples --mock`, with every report format, each
# checked by a real consumer. scripts/test.sh runs it after `swift build`; it can be run alone after a build.
#
#   smtpspec run Examples --mock --report junit:F --report json:F --report tap:F --report html:F --transcripts D
#     must exit 0 (every example passes against the persona it is written for);
#   JUnit XML  xmllint --noout (well-formed), and --schema with the first JUnit XSD found (Grammar/junit.xsd,
#              or any junit*.xsd under Grammar/ or Tests/);
#   TAP        prove (Test::Harness). Debian 12's prove (3.44) knows TAP up to version 13 and rejects the line
#              "TAP version 14" as a parse error, so that one line is fed to it as version 13; every other line
#              is passed as it is and every test point must be ok;
#   JSON       validated against Grammar/report.schema.json with Python jsonschema (/usr/bin/python3);
#   HTML       opened in headless Chromium by scripts/screenshot.sh: a non-empty screenshot, no JS errors;
#   and the JUnit, TAP and JSON reports of the same run's shard 2/3 (`--shard 2/3`), read the same way.
#
# SMTPSPEC_BIN overrides the smtpspec binary (default: the one `swift build` made).
# Output goes to .peers/reports/. Until the CLI has `run --report` and Examples/ has scenarios this step says
# SKIPPED and exits 0, so it does not block earlier work; from then on any failure fails it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -d /opt/swift/usr/bin ]]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi
OUT="$ROOT/.peers/reports"

skip() {
    echo "check-reports: SKIPPED: $*"
    exit 0
}
fail() {
    echo "check-reports: FAILED: $*" >&2
    status=1
}

bin="${SMTPSPEC_BIN:-$(swift build --show-bin-path)/smtpspec}"
[[ -x "$bin" ]] || skip "no smtpspec binary at $bin (run swift build first)"
"$bin" run --help 2>&1 | grep -q -- '--report' || skip "smtpspec run has no --report option yet"
scenarios="$(find Examples -name '*.smtp.yaml' 2>/dev/null | head -n 1)"
[[ -n "$scenarios" ]] || skip "no *.smtp.yaml under Examples/"

rm -rf "$OUT"
mkdir -p "$OUT"
status=0

echo "check-reports: smtpspec run Examples --mock (reports in $OUT)"
run_status=0
"$bin" run Examples --mock --no-color \
    --report "junit:$OUT/report.xml" --report "json:$OUT/report.json" --report "tap:$OUT/report.tap" \
    --report "html:$OUT/report.html" --transcripts "$OUT/transcripts" || run_status=$?
((run_status == 0)) || fail "smtpspec run Examples --mock exited with status $run_status"

# check_junit|check_tap|check_json NAME: $OUT/NAME.xml, .tap or .json read by its consumer.
check_junit() {
    if [[ -s "$OUT/$1.xml" ]]; then
        xmllint --noout "$OUT/$1.xml" || fail "JUnit report $1.xml is not well-formed XML"
        local xsd
        xsd="$(find Grammar Tests -iname 'junit*.xsd' 2>/dev/null | sort | head -n 1)"
        if [[ -n "$xsd" ]]; then
            xmllint --noout --schema "$xsd" "$OUT/$1.xml" || fail "JUnit report $1.xml does not validate against $xsd"
        else
            echo "check-reports: note: no JUnit XSD in Grammar/ or Tests/; checked well-formedness only"
        fi
    else
        fail "no JUnit report $1.xml written"
    fi
}

check_tap() {
    if [[ -s "$OUT/$1.tap" ]]; then
        sed '1s/^TAP version 14$/TAP version 13/' "$OUT/$1.tap" >"$OUT/$1.prove.tap"
        prove --exec cat "$OUT/$1.prove.tap" || fail "prove does not accept the TAP report $1.tap"
    else
        fail "no TAP report $1.tap written"
    fi
}

check_json() {
    if [[ -s "$OUT/$1.json" ]]; then
        if [[ -f Grammar/report.schema.json ]]; then
            /usr/bin/python3 - Grammar/report.schema.json "$OUT/$1.json" <<'PY' || fail "JSON report $1.json does not validate"
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
document = json.load(open(sys.argv[2], encoding="utf-8"))
validator_class = jsonschema.validators.validator_for(schema)
validator_class.check_schema(schema)
errors = sorted(validator_class(schema).iter_errors(document), key=lambda e: list(e.absolute_path))
for error in errors[:20]:
    print("json: /%s: %s" % ("/".join(str(p) for p in error.absolute_path), error.message), file=sys.stderr)
sys.exit(1 if errors else 0)
PY
        else
            fail "Grammar/report.schema.json is missing"
        fi
    else
        fail "no JSON report $1.json written"
    fi
}

check_junit report
check_tap report
check_json report

# One shard of the same run: its reports say which shard they are (JUnit's name, a TAP comment, JSON's shard
# and suite), and must read as well.
echo "check-reports: smtpspec run Examples --mock --shard 2/3"
run_status=0
"$bin" run Examples --mock --no-color --shard 2/3 \
    --report "junit:$OUT/shard.xml" --report "json:$OUT/shard.json" --report "tap:$OUT/shard.tap" || run_status=$?
((run_status == 0)) || fail "smtpspec run Examples --mock --shard 2/3 exited with status $run_status"
check_junit shard
check_tap shard
check_json shard
grep -q '<testsuites name="smtpspec shard 2/3"' "$OUT/shard.xml" || fail "the shard's JUnit report does not name its shard"
grep -qx '# shard 2/3 of the suite' "$OUT/shard.tap" || fail "the shard's TAP report does not name its shard"

# HTML
if [[ -s "$OUT/report.html" ]]; then
    scripts/screenshot.sh "$OUT/report.html" "$OUT/report.png" || fail "the HTML report did not render cleanly"
else
    fail "no HTML report written"
fi

if ((status == 0)); then
    echo "check-reports: all report formats accepted by their consumers"
fi
exit "$status"
