#!/usr/bin/env bash
# scripts/fuzz.sh: coverage-guided fuzzing (libFuzzer, which ships with this Swift toolchain) of the scenario
# compiler, the persona reader, the reply reader, the mock's session state machine, the message/DSN readers,
# the IMAP response parser and the splitter `merge` finds a JSON report's cases with.
#
# Usage: scripts/fuzz.sh [-t SECONDS] [-j JOBS] [TARGET...]
#
#   TARGET      scenario, persona, reply, mock-session, dsn, imap, report-json (default: all seven)
#   -t SECONDS  how long to fuzz each target (default 60; scripts/test.sh uses 15 per target)
#   -j JOBS     libFuzzer worker processes per target (default 1)
#
# How it is built: a SwiftPM executable cannot simply be linked with -sanitize=fuzzer (its main symbol is
# rewritten at link time), so the SMTPFuzz library target (Sources/SMTPFuzz: the LLVMFuzzerTestOneInput entry
# and the seven targets) and everything below it are compiled with `-sanitize=fuzzer` into .build-fuzz (a scratch
# path of their own, so normal builds are untouched), and their objects are linked here with
# `swiftc -sanitize=fuzzer`, which brings libFuzzer's main. One binary serves every target; SMTPSPEC_FUZZ_TARGET
# picks one.
#
# Inputs: the seed corpus is Examples/ and Tests/Fixtures (scenarios, personas) and Fuzz/seeds/ (replies, client
# sessions, messages); new inputs the fuzzer finds go to .build-fuzz/corpus/TARGET (not committed). Any crash,
# leak or timeout stops the run with a non-zero exit, and the input is written to .build-fuzz/crashes/; keep it as
# a regression test in Fuzz/regressions/TARGET/ (every file there is replayed first, on every run).
#
# Limits per input: 64 KiB (-max_len), 10 s (-timeout), 1 GiB of memory (-rss_limit_mb); a regression input
# must stay within 10 s and 200 MB.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -d /opt/swift/usr/bin ]]; then export PATH="/opt/swift/usr/bin:$PATH"; fi

SECONDS_PER_TARGET=60
JOBS=1
while getopts "t:j:" option; do
    case "$option" in
    t) SECONDS_PER_TARGET="$OPTARG" ;;
    j) JOBS="$OPTARG" ;;
    *) echo "usage: scripts/fuzz.sh [-t SECONDS] [-j JOBS] [TARGET...]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
TARGETS=("$@")
[[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=(scenario persona reply mock-session dsn imap report-json)

SCRATCH="$ROOT/.build-fuzz"
BIN="$SCRATCH/release/smtpspec-fuzz"
log() { printf 'fuzz: %s\n' "$*" >&2; }

log "building SMTPFuzz and its dependencies with -sanitize=fuzzer (release, --scratch-path .build-fuzz)"
swift build -c release --target SMTPFuzz --scratch-path "$SCRATCH" \
    -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library >&2

# Every object of the modules SMTPFuzz needs (only they are built in this scratch path), no executable's.
mapfile -t OBJECTS < <(find "$SCRATCH/release/" -path '*.build/*.o' -not -path '*/smtpspec.build/*' \
    -not -path '*Tests.build/*' -not -path '*-tool.build/*' -not -path '*.product/*' | sort)
log "linking ${#OBJECTS[@]} objects into $BIN"
swiftc -sanitize=fuzzer -O -o "$BIN" "${OBJECTS[@]}" -lstdc++ >&2

seed_dirs() {
    case "$1" in
    scenario) echo "$ROOT/Examples" "$ROOT/Tests/Fixtures" ;;
    persona) echo "$ROOT/Examples/personas" "$ROOT/Sources/SMTPMock/Personas" ;;
    reply | mock-session | dsn | imap | report-json) echo "$ROOT/Fuzz/seeds/$1" ;;
    esac
}

status=0
for target in "${TARGETS[@]}"; do
    corpus="$SCRATCH/corpus/$target"
    crashes="$SCRATCH/crashes/$target"
    seeds="$SCRATCH/seeds/$target"
    mkdir -p "$corpus" "$crashes" "$seeds"
    # libFuzzer reads a directory's files, not its subdirectories: gather the seeds flat.
    for dir in $(seed_dirs "$target"); do
        [[ -d "$dir" ]] || continue
        while IFS= read -r -d '' file; do
            cp "$file" "$seeds/$(printf '%s' "$file" | md5sum | cut -c1-16)"
        done < <(find "$dir" -type f \( -name '*.yaml' -o -name '*.txt' -o -name '*.bin' \) -print0)
    done
    regressions="$ROOT/Fuzz/regressions/$target"
    if [[ -d "$regressions" ]] && compgen -G "$regressions/*" >/dev/null; then
        log "$target: replaying $(find "$regressions" -type f | wc -l) regression inputs"
        # The budget of a regression input: 10 s and 200 MB (what a bomb must stay under).
        SMTPSPEC_FUZZ_TARGET="$target" "$BIN" -timeout=10 -rss_limit_mb=200 "$regressions"/* >&2 || {
            log "$target: a regression input fails again"
            status=1
            continue
        }
    fi
    log "$target: fuzzing for ${SECONDS_PER_TARGET}s"
    parallel=()
    # With -jobs, libFuzzer writes each worker's output to fuzz-N.log in the working directory: keep it there.
    [[ "$JOBS" -gt 1 ]] && parallel=(-jobs="$JOBS" -workers="$JOBS")
    (cd "$SCRATCH" && SMTPSPEC_FUZZ_TARGET="$target" "$BIN" "$corpus" "$seeds" \
        -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 -rss_limit_mb=1024 \
        "${parallel[@]}" -artifact_prefix="$crashes/" -print_final_stats=1) >&2 || {
        log "$target: the fuzzer found a failing input; see $crashes"
        status=1
    }
done
exit $status
