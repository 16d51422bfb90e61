#!/usr/bin/env bash
# benchmarks/allocations.sh: heap allocations (malloc calls) per session, for smtpspec's client and mock beside
# the transport floor (benchmarks/floor), counted with a uprobe on glibc's malloc.
#
# Usage: benchmarks/allocations.sh [-n SESSIONS] [-o FILE]
#
#   -n SESSIONS  sessions of the shorter run (default 1000); the longer plays twice as many, and a figure is
#                (longer - shorter) / SESSIONS, so what a process does once (start-up, the scenario's
#                compilation, the reasons catalogue) drops out
#   -o FILE      also append the markdown table to FILE
#   SMTPSPEC=/path/to/smtpspec        the binary (default .build-bench/release/smtpspec)
#   SMTPSPEC_BASELINE=/path/to/smtpspec  an earlier build, counted the same way
#   NIO_FLOOR=/path/to/nio-floor      the floor (default .build-floor/release/nio-floor)
#
# Wall and CPU times move with the machine's load; a count of allocations does not, and on this 2-core machine
# they are where much of a session's CPU goes (each is a malloc, a free and reference counting). Needs root
# (perf probe) and perf (Debian linux-perf). Every server listens on 127.0.0.1 only.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SESSIONS=1000
OUT=""
while getopts "n:o:" option; do
    case "$option" in
    n) SESSIONS="$OPTARG" ;;
    o) OUT="$OPTARG" ;;
    *) sed -n '2,16p' "$0" >&2; exit 2 ;;
    esac
done
SMTPSPEC="${SMTPSPEC:-$ROOT/.build-bench/release/smtpspec}"
NIO_FLOOR="${NIO_FLOOR:-$ROOT/.build-floor/release/nio-floor}"
SINK_PORT=2636
SERVER_PORT=2637
LIBC="$(ldd "$SMTPSPEC" 2>/dev/null | awk '$1 == "libc.so.6" {print $3}' || true)"
[[ -n "$LIBC" ]] || LIBC=/lib/x86_64-linux-gnu/libc.so.6
for tool in perf /usr/sbin/smtp-sink /usr/sbin/smtp-source "$SMTPSPEC" "$NIO_FLOOR"; do
    command -v "$tool" >/dev/null || { echo "allocations: $tool is missing" >&2; exit 2; }
done
EVENT=probe_libc:malloc
ADDED_PROBE=0
if ! grep -q "$EVENT" <(perf list 2>/dev/null); then
    perf probe -q -x "$LIBC" malloc || { echo "allocations: cannot probe malloc in $LIBC" >&2; exit 2; }
    ADDED_PROBE=1
fi

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    # The probe goes as it came: only when this script added it.
    if [[ $ADDED_PROBE -eq 1 ]]; then perf probe -q -d "$EVENT" || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# The seed walkthrough with a matrix of N cases, as benchmarks/run.sh writes it.
scenario() { # file cases
    {
        sed '/^steps:/,$d' "$ROOT/benchmarks/walkthrough.smtp.yaml"
        printf 'matrix:\n  session: [%s]\n' "$(seq -s ', ' 1 "$2")"
        sed -n '/^steps:/,$p' "$ROOT/benchmarks/walkthrough.smtp.yaml"
    } >"$1"
}
scenario "$WORK/short.smtp.yaml" "$SESSIONS"
scenario "$WORK/long.smtp.yaml" $((SESSIONS * 2))

count() { # command... : malloc calls of the command
    if ! perf stat -x, -e "$EVENT" -o "$WORK/stat" "$@" >/dev/null 2>"$WORK/stderr"; then
        echo "allocations: failed: $*" >&2
        cat "$WORK/stderr" >&2
        exit 1
    fi
    awk -F, '/probe_libc:malloc/ {print $1}' "$WORK/stat"
}

wait_port() { # port
    for _ in $(seq 100); do
        grep -q LISTEN <(ss -ltn "sport = :$1") && return 0
        sleep 0.1
    done
    echo "allocations: nothing listens on 127.0.0.1:$1" >&2
    return 1
}

/usr/sbin/smtp-sink -u nobody -c "127.0.0.1:$SINK_PORT" 1000 >/dev/null 2>&1 &
PIDS+=($!)
wait_port "$SINK_PORT" || exit 1

client() { # label binary
    local short long
    short=$(count "$2" run "$WORK/short.smtp.yaml" --server "127.0.0.1:$SINK_PORT" --quiet --no-color)
    long=$(count "$2" run "$WORK/long.smtp.yaml" --server "127.0.0.1:$SINK_PORT" --quiet --no-color)
    echo "| $1 | $(((long - short) / SESSIONS)) |"
}

floor_client() {
    local short long
    short=$(count "$NIO_FLOOR" client "127.0.0.1:$SINK_PORT" "$SESSIONS" 1)
    long=$(count "$NIO_FLOOR" client "127.0.0.1:$SINK_PORT" $((SESSIONS * 2)) 1)
    echo "| nio-floor client, one session at a time (NIOAsyncChannel only) | $(((long - short) / SESSIONS)) |"
}

server() { # label command... : the server's malloc calls per session under smtp-source -s 20
    local label="$1" counts=() sessions
    shift
    for sessions in "$SESSIONS" $((SESSIONS * 2)); do
        perf stat -x, -e "$EVENT" -o "$WORK/stat" "$@" >/dev/null 2>"$WORK/stderr" &
        local pid=$!
        PIDS+=("$pid")
        wait_port "$SERVER_PORT" || { cat "$WORK/stderr" >&2; exit 1; }
        /usr/sbin/smtp-source -m "$sessions" -s 20 -M contoso.com -f chris@contoso.com -t kate@fabrikam.com \
            "127.0.0.1:$SERVER_PORT"
        pkill -INT -P "$pid" 2>/dev/null || true
        wait "$pid" || true
        counts+=("$(awk -F, '/probe_libc:malloc/ {print $1}' "$WORK/stat")")
    done
    echo "| $label | $(((counts[1] - counts[0]) / SESSIONS)) |"
}

{
    echo
    echo "Heap allocations per seed-walkthrough session (malloc calls; benchmarks/allocations.sh -n $SESSIONS,"
    echo "$(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git -C "$ROOT" rev-parse --short HEAD)):"
    echo
    echo "| process | allocations per session |"
    echo "|---|---:|"
    client "smtpspec run, one session at a time, against smtp-sink" "$SMTPSPEC"
    if [[ -n "${SMTPSPEC_BASELINE:-}" ]]; then
        client "baseline smtpspec run, one session at a time" "$SMTPSPEC_BASELINE"
    fi
    floor_client
    server "smtpspec mock under smtp-source -s 20" "$SMTPSPEC" mock --listen "127.0.0.1:$SERVER_PORT"
    if [[ -n "${SMTPSPEC_BASELINE:-}" ]]; then
        server "baseline smtpspec mock" "$SMTPSPEC_BASELINE" mock --listen "127.0.0.1:$SERVER_PORT"
    fi
    server "nio-floor sink under smtp-source -s 20 (NIOAsyncChannel only)" "$NIO_FLOOR" sink \
        "127.0.0.1:$SERVER_PORT"
} | if [[ -n "$OUT" ]]; then tee -a "$OUT"; else cat; fi
