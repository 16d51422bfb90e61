#!/usr/bin/env bash
# scripts/test.sh: run all the tests. This is the README's test command and what CI (.ci/run) runs.
#
#   1. scripts/peers.sh install   apt-get installs whatever is missing (nothing, the second time).
#   2. scripts/peers.sh start     Postfix on 127.0.0.1:2525, aiosmtpd on 127.0.0.1:8025, dnsmasq on
#                                 127.0.0.1:5353, with certificates and state under .peers/. Peers that are
#                                 already up from the same config are reused and left running; otherwise
#                                 whatever an earlier run left is stopped, fresh peers are started, and
#                                 exactly those are stopped when this script exits (trap).
#   3. swift build --build-tests, then swift test with .peers/env exported (SMTPSPEC_PEERS=1: a test that
#      needs a peer fails, not skips, when its peer is down).
#   4. swift format lint --strict on Sources, Tests and Package.swift: any output fails.
#   5. scripts/validate-examples.sh: examples and the invalid corpus against the schemas with Python's
#      jsonschema, and through `smtpspec check`, so schema, corpus and compiler cannot drift apart.
#   6. scripts/check-reports.sh: `smtpspec run Examples --mock` with every report format, each checked by its
#      real consumer (xmllint, prove, jsonschema, headless Chromium screenshot).
#   7. scripts/fuzz.sh: libFuzzer on the scenario compiler, the persona reader, the reply reader and the mock
#      session, SMTPSPEC_FUZZ_SECONDS (default 15) each, after replaying every saved regression input.
#
# Exits non-zero when any step fails; every step runs even after an earlier one failed, and a summary
# closes the output. Runs from a fresh clone, as root (or with sudo for the installs). Twice in a row works.
#
# Environment:
#   SMTPSPEC_RESTART_PEERS=1   always restart the peers, even when healthy ones are up.
#   SMTPSPEC_KEEP_PEERS=1      leave peers this run started running at the end.
#   SWIFT_TEST_ARGS            extra arguments for `swift test` (e.g. "--filter SMTPCoreTests").
#   SMTPSPEC_FUZZ_SECONDS      seconds of fuzzing per target (default 15; 0 skips the fuzz step).
#   SMTPSPEC_BUILD_TIMEOUT / SMTPSPEC_TEST_TIMEOUT   limits for the build (40m) and the tests (30m), so a hung
#                              test fails the run well inside CI's 90 minutes instead of eating them.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -d /opt/swift/usr/bin ]]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi

failures=()
step() { printf '\n==> %s\n' "$*"; }
fail() {
    failures+=("$1")
    printf '==> FAILED: %s\n' "$1" >&2
}

step "peers: install"
scripts/peers.sh install || {
    echo "test: cannot install the peers; giving up" >&2
    exit 1
}

started_peers=0
stop_peers() {
    if ((started_peers)) && [[ "${SMTPSPEC_KEEP_PEERS:-0}" != 1 ]]; then
        step "peers: stop"
        scripts/peers.sh stop || true
    fi
}
trap stop_peers EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "peers: start"
if [[ "${SMTPSPEC_RESTART_PEERS:-0}" != 1 ]] && scripts/peers.sh current; then
    echo "reusing the peers that are already up (they stay up)"
    scripts/peers.sh status
else
    started_peers=1
    scripts/peers.sh start || {
        echo "test: the peers did not start; giving up" >&2
        exit 1
    }
fi
set -a
# shellcheck source=/dev/null
. .peers/env
set +a

step "swift build --build-tests"
if timeout "${SMTPSPEC_BUILD_TIMEOUT:-40m}" swift build --build-tests; then
    step "swift test"
    # shellcheck disable=SC2086
    # SIGINT, not TERM: on INT swift-test stops the test process it started (its own process group); on TERM
    # that process would be left running.
    timeout -s INT -k 60s "${SMTPSPEC_TEST_TIMEOUT:-30m}" swift test --skip-build ${SWIFT_TEST_ARGS:-} ||
        fail "swift test"
else
    fail "swift build"
fi

step "swift format lint --strict"
lint_output="$(swift format lint --strict -r Sources Tests Package.swift 2>&1)"
lint_status=$?
if ((lint_status != 0)) || [[ -n "$lint_output" ]]; then
    printf '%s\n' "$lint_output"
    fail "swift format lint"
else
    echo "clean"
fi

step "scripts/validate-examples.sh (schemas, the invalid corpus, and smtpspec check on both)"
SMTPSPEC="$ROOT/.build/debug/smtpspec" bash scripts/validate-examples.sh || fail "validate-examples"

step "scripts/validate-reasons.sh (the reasons catalogue against its schema)"
bash scripts/validate-reasons.sh || fail "validate-reasons"

if [[ -f scripts/check-reports.sh ]]; then
    step "scripts/check-reports.sh"
    bash scripts/check-reports.sh || fail "check-reports"
fi

# A short fuzzing run of every target (its instrumented build goes to .build-fuzz); SMTPSPEC_FUZZ_SECONDS=0
# skips it.
if [[ "${SMTPSPEC_FUZZ_SECONDS:-15}" != 0 ]]; then
    step "scripts/fuzz.sh -t ${SMTPSPEC_FUZZ_SECONDS:-15} (scenario, persona, reply, mock-session, dsn, imap, report-json)"
    timeout "${SMTPSPEC_FUZZ_TIMEOUT:-40m}" bash scripts/fuzz.sh -t "${SMTPSPEC_FUZZ_SECONDS:-15}" || fail "fuzz"
fi

echo
if ((${#failures[@]})); then
    echo "test: FAILED: ${failures[*]}"
    exit 1
fi
echo "test: all passed"
