#!/usr/bin/env bash
# benchmarks/run.sh: smtpspec against swaks, smtp-source and Python's smtplib, side by side, in one run.
#
# Usage: benchmarks/run.sh [-n SESSIONS] [-r RUNS] [-p PAUSE] [-t sink[,mock]] [-c CLIENT,...] [-j JOBS]
#                          [-o FILE] [--no-install] [--no-build]
#
#   -n SESSIONS  sessions per run and client (default 500, at most 2000: more leaves too many sockets
#                in TIME-WAIT on a small machine and skews the later runs)
#   -r RUNS      runs per client; the table shows the median (default 5)
#   -p PAUSE     seconds of pause after every run (default 3)
#   -t TARGETS   sink: Postfix's smtp-sink on 127.0.0.1:2626 (default); mock: smtpspec's own mock server
#                (persona exchange) on 127.0.0.1:2627; "sink,mock" for both
#   -c CLIENTS   which rows (default all): smtpspec, smtpspec-jobs, swaks, smtp-source, smtp-source-s10, smtplib
#   -j JOBS      concurrency of the smtpspec-jobs and smtp-source-s10 rows (default 10)
#   -o FILE      where the markdown results go (default benchmarks/RESULTS.md)
#   --no-install do not apt-get install the missing packages (postfix, swaks, python3, time, iproute2)
#   --no-build   do not build smtpspec; use $SMTPSPEC or .build-bench/release/smtpspec
#   SMTPSPEC=/path/to/smtpspec  use that binary (implies --no-build)
#   SMTPSPEC_BASELINE=/path/to/smtpspec  an earlier build to compare with in the same sitting: adds the rows
#                smtpspec-baseline and smtpspec-baseline-jobs (name them in -c), interleaved with the others
#
# The workload is the seed walkthrough session: EHLO contoso.com, MAIL FROM:<chris@contoso.com>,
# RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE, DATA with a small message, QUIT. Every client plays
# it SESSIONS times per run, one session after another (the -s10 / --jobs rows: JOBS at a time):
#   smtpspec         one process; benchmarks/walkthrough.smtp.yaml with `matrix: {session: [1..N]}`
#   smtpspec-jobs    one process, --jobs JOBS over JOBS copies of that file with N/JOBS cases each
#   swaks            one swaks process per session, in a shell loop (the way admins script it)
#   smtp-source      Postfix's load generator, one process, -s 1 (sessions one after another)
#   smtp-source-s10  the same with -s JOBS parallel sessions
#   smtplib          benchmarks/smtplib_client.py: one /usr/bin/python3 process, smtplib.SMTP per session
# The rounds interleave the clients (round 1: every client, round 2: every client, ...) so a slow
# minute on the machine hits all of them alike. Wall time is measured around each process; peak memory
# is the maximum resident set size from GNU time (for the swaks loop: of its largest single process).
# Each run must exit 0 and add exactly SESSIONS sessions and messages to the server's own counters
# (smtp-sink's -c counters, the mock's log), or the script stops.
#
# Before every run the script samples the CPU for a second and waits (up to BENCH_QUIET_WAIT s, default
# 30) until other work takes under 15% of it, and records that figure, so the table says whether the
# machine was quiet. It starts the sink (and the mock) itself, on loopback only, and
# stops exactly those processes when it ends. Raw figures: $WORK/raw.tsv (the path is printed).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/benchmarks"
SESSIONS=500
RUNS=5
PAUSE=3
TARGETS=sink
CLIENTS="smtpspec,smtpspec-jobs,swaks,smtp-source,smtp-source-s10,smtplib"
JOBS=10
OUT="$BENCH/RESULTS.md"
INSTALL=1
BUILD=1
SINK_ADDR=127.0.0.1:2626
MOCK_ADDR=127.0.0.1:2627
PYTHON=/usr/bin/python3
GNU_TIME=/usr/bin/time
QUIET_WAIT="${BENCH_QUIET_WAIT:-30}"
COMMAND_LINE="${BENCH_QUIET_WAIT:+BENCH_QUIET_WAIT=$BENCH_QUIET_WAIT }${SMTPSPEC_BASELINE:+SMTPSPEC_BASELINE=$SMTPSPEC_BASELINE }benchmarks/run.sh $*"

log() { printf 'bench: %s\n' "$*" >&2; }
die() {
    printf 'bench: error: %s\n' "$*" >&2
    exit 1
}

while [[ $# -gt 0 ]]; do
    case "$1" in
    -n) SESSIONS="$2"; shift 2 ;;
    -r) RUNS="$2"; shift 2 ;;
    -p) PAUSE="$2"; shift 2 ;;
    -t) TARGETS="$2"; shift 2 ;;
    -c) CLIENTS="$2"; shift 2 ;;
    -j) JOBS="$2"; shift 2 ;;
    -o) OUT="$2"; shift 2 ;;
    --no-install) INSTALL=0; shift ;;
    --no-build) BUILD=0; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
    esac
done
[[ "$SESSIONS" =~ ^[0-9]+$ && "$SESSIONS" -ge 1 && "$SESSIONS" -le 2000 ]] || die "-n must be 1..2000"
[[ "$RUNS" =~ ^[0-9]+$ && "$RUNS" -ge 1 ]] || die "-r must be a positive number"
[[ "$JOBS" =~ ^[0-9]+$ && "$JOBS" -ge 1 && "$JOBS" -le "$SESSIONS" ]] || die "-j must be 1..SESSIONS"
[[ "$PAUSE" =~ ^[0-9]+([.][0-9]+)?$ ]] || die "-p must be a number of seconds"
for target in ${TARGETS//,/ }; do
    [[ "$target" == sink || "$target" == mock ]] || die "unknown target '$target' (sink, mock)"
done
for client in ${CLIENTS//,/ }; do
    case "$client" in
    smtpspec | smtpspec-jobs | smtpspec-baseline | smtpspec-baseline-jobs | swaks | smtp-source | smtp-source-s10 | smtplib) ;;
    *) die "unknown client '$client'" ;;
    esac
done
[[ $(id -u) -eq 0 ]] || die "run as root: smtp-sink must start as root (it then runs as nobody)"

# ---------------------------------------------------------------------------------------------------
# Packages

installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

install_packages() {
    local missing=() package
    for package in postfix swaks python3 time iproute2; do
        installed "$package" || missing+=("$package")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    log "installing ${missing[*]}"
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

[[ $INSTALL -eq 1 ]] && install_packages
for tool in /usr/sbin/smtp-sink /usr/sbin/smtp-source /usr/bin/swaks "$PYTHON" "$GNU_TIME"; do
    [[ -x "$tool" ]] || die "$tool is missing (run without --no-install)"
done

# ---------------------------------------------------------------------------------------------------
# smtpspec, release build, in its own scratch path so it never waits for (or blocks) the shared .build

if [[ -n "${SMTPSPEC:-}" ]]; then
    BUILD=0
else
    SMTPSPEC="$ROOT/.build-bench/release/smtpspec"
fi
if [[ $BUILD -eq 1 ]]; then
    log "building smtpspec (release, --scratch-path .build-bench)"
    (cd "$ROOT" && swift build -c release --product smtpspec --scratch-path .build-bench) >&2
fi
[[ -x "$SMTPSPEC" ]] || die "no smtpspec binary at $SMTPSPEC (build it or set SMTPSPEC)"
if [[ ",$CLIENTS," == *",smtpspec-baseline"* ]]; then
    [[ -x "${SMTPSPEC_BASELINE:-}" ]] || die "the smtpspec-baseline rows need SMTPSPEC_BASELINE=/path/to/smtpspec"
fi

# ---------------------------------------------------------------------------------------------------
# Work directory, servers, clean-up

WORK="$(mktemp -d /tmp/smtpspec-bench.XXXXXX)"
STARTED_PIDS=()
SINK_PID=""
MOCK_PID=""
cleanup() {
    local pid
    for pid in "${STARTED_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${STARTED_PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT

port_answers() { # host:port -> 0 when something sends a 220 banner there
    "$PYTHON" - "$1" <<'EOF'
import socket, sys
host, _, port = sys.argv[1].rpartition(":")
try:
    with socket.create_connection((host, int(port)), timeout=1) as s:
        banner = s.recv(512)
        s.sendall(b"QUIT\r\n")
        s.recv(512)
    sys.exit(0 if banner.startswith(b"220") else 1)
except OSError:
    sys.exit(1)
EOF
}

wait_for() { # name host:port pid
    local i
    for ((i = 0; i < 100; i++)); do
        port_answers "$2" && return 0
        kill -0 "$3" 2>/dev/null || die "$1 exited; its log: $(cat "$WORK/$1.log")"
        sleep 0.1
    done
    die "$1 does not answer on $2; its log: $(cat "$WORK/$1.log")"
}

start_servers() {
    local target
    for target in ${TARGETS//,/ }; do
        if [[ "$target" == sink ]]; then
            port_answers "$SINK_ADDR" && die "something already listens on $SINK_ADDR"
            # -c prints the session/QUIT/message counters (to the log, unbuffered); 1000 is the backlog.
            /usr/sbin/smtp-sink -u nobody -c "$SINK_ADDR" 1000 >"$WORK/sink.log" 2>&1 &
            STARTED_PIDS+=($!)
            SINK_PID=$!
            wait_for sink "$SINK_ADDR" $!
        else
            port_answers "$MOCK_ADDR" && die "something already listens on $MOCK_ADDR"
            "$SMTPSPEC" mock --persona exchange --listen "$MOCK_ADDR" >"$WORK/mock.log" 2>&1 &
            STARTED_PIDS+=($!)
            MOCK_PID=$!
            wait_for mock "$MOCK_ADDR" $!
        fi
    done
}

# A server's counters as "sessions messages": smtp-sink's -c output ("sess=N quit=N mesg=N", each
# ended by CR), or the mock's log lines ("session closed", "message accepted").
server_counters() {
    if [[ "$1" == mock ]]; then
        echo "$(grep -c 'session closed' "$WORK/mock.log" || true) $(grep -c 'message accepted' "$WORK/mock.log" || true)"
        return
    fi
    local last
    last="$(tail -c 200 "$WORK/sink.log" | tr '\r' '\n' | grep 'sess=' | tail -n 1 || true)"
    if [[ "$last" =~ sess=([0-9]+)\ quit=[0-9]+\ mesg=([0-9]+) ]]; then
        echo "${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
    else
        echo "0 0"
    fi
}

# ---------------------------------------------------------------------------------------------------
# Scenarios: the walkthrough with a matrix of N sessions, and JOBS files sharing the N sessions

write_scenario() { # file first last
    {
        sed '/^steps:/,$d' "$BENCH/walkthrough.smtp.yaml"
        printf 'matrix:\n  session: ['
        seq -s ', ' "$2" "$3" | tr -d '\n'
        printf ']\n'
        sed -n '/^steps:/,$p' "$BENCH/walkthrough.smtp.yaml"
    } >"$1"
}

write_scenarios() {
    write_scenario "$WORK/walkthrough-$SESSIONS.smtp.yaml" 1 "$SESSIONS"
    mkdir -p "$WORK/jobs"
    local job first last
    for ((job = 0; job < JOBS; job++)); do
        first=$((job * SESSIONS / JOBS + 1))
        last=$(((job + 1) * SESSIONS / JOBS))
        [[ $first -le $last ]] && write_scenario "$WORK/jobs/part-$job.smtp.yaml" "$first" "$last"
    done
}

# ---------------------------------------------------------------------------------------------------
# Clients: client_command NAME HOST:PORT sets CMD to the argv of one run (N sessions)

client_command() {
    local host="${2%:*}" port="${2##*:}"
    case "$1" in
    smtpspec)
        CMD=("$SMTPSPEC" run "$WORK/walkthrough-$SESSIONS.smtp.yaml" --server "$2" --quiet --no-color) ;;
    smtpspec-jobs)
        CMD=("$SMTPSPEC" run "$WORK/jobs" --server "$2" --jobs "$JOBS" --quiet --no-color) ;;
    smtpspec-baseline)
        CMD=("$SMTPSPEC_BASELINE" run "$WORK/walkthrough-$SESSIONS.smtp.yaml" --server "$2" --quiet --no-color) ;;
    smtpspec-baseline-jobs)
        CMD=("$SMTPSPEC_BASELINE" run "$WORK/jobs" --server "$2" --jobs "$JOBS" --quiet --no-color) ;;
    swaks)
        CMD=(bash -c 'for ((i = 0; i < $1; i++)); do
                /usr/bin/swaks --server "$2" --port "$3" --ehlo contoso.com --from chris@contoso.com \
                    --to kate@fabrikam.com --data "$4" --silent 2 || exit 1
            done' swaks-loop "$SESSIONS" "$host" "$port" "$BENCH/message.eml") ;;
    smtp-source)
        CMD=(/usr/sbin/smtp-source -m "$SESSIONS" -s 1 -M contoso.com -f chris@contoso.com -t kate@fabrikam.com "$2") ;;
    smtp-source-s10)
        CMD=(/usr/sbin/smtp-source -m "$SESSIONS" -s "$JOBS" -M contoso.com -f chris@contoso.com
            -t kate@fabrikam.com "$2") ;;
    smtplib)
        CMD=("$PYTHON" "$BENCH/smtplib_client.py" --server "$2" -n "$SESSIONS" --message "$BENCH/message.eml") ;;
    esac
}

# ---------------------------------------------------------------------------------------------------
# Measurement

# Percentage of both cores' time spent outside idle during one second, i.e. what other work takes.
cpu_busy_percent() {
    local a b
    a=($(head -n 1 /proc/stat))
    sleep 1
    b=($(head -n 1 /proc/stat))
    # fields: cpu user nice system idle iowait irq softirq steal ...
    awk -v t1=$((a[1] + a[2] + a[3] + a[4] + a[5] + a[6] + a[7] + a[8])) -v i1=$((a[4] + a[5])) \
        -v t2=$((b[1] + b[2] + b[3] + b[4] + b[5] + b[6] + b[7] + b[8])) -v i2=$((b[4] + b[5])) \
        'BEGIN { d = t2 - t1; printf "%d", (d > 0 ? 100 * (d - (i2 - i1)) / d : 0) }'
}

# Waits (up to $QUIET_WAIT s) until the other work on the machine takes under 15% of its CPU time;
# sets BUSY to the last sample.
wait_quiet() {
    local waited=0
    BUSY=$(cpu_busy_percent)
    while [[ $BUSY -ge 15 && $waited -lt $QUIET_WAIT ]]; do
        [[ $waited -eq 0 ]] && log "CPU ${BUSY}% busy with other work; waiting up to ${QUIET_WAIT}s"
        sleep 4
        waited=$((waited + 5))
        BUSY=$(cpu_busy_percent)
    done
}

time_wait_sockets() {
    ss -Htan state time-wait 2>/dev/null | wc -l
}

measure() { # target address client round
    local target="$1" address="$2" client="$3" round="$4" before after start end status=0 i
    client_command "$client" "$address"
    wait_quiet
    local busy=$BUSY tw
    tw=$(time_wait_sockets)
    before=($(server_counters "$target"))
    start=$(date +%s.%N)
    "$GNU_TIME" -f '%M' -o "$WORK/rss" "${CMD[@]}" >"$WORK/$target-$client-$round.log" 2>&1 || status=$?
    end=$(date +%s.%N)
    [[ $status -eq 0 ]] || die "$client against $target exited $status; see $WORK/$target-$client-$round.log"
    # The server may count the last disconnect a moment after the client has exited.
    for ((i = 0; i < 50; i++)); do
        after=($(server_counters "$target"))
        [[ $((after[0] - before[0])) -ge $SESSIONS && $((after[1] - before[1])) -ge $SESSIONS ]] && break
        sleep 0.1
    done
    [[ $((after[0] - before[0])) -eq $SESSIONS && $((after[1] - before[1])) -eq $SESSIONS ]] ||
        die "$client: the $target server counted $((after[0] - before[0])) sessions and" \
            "$((after[1] - before[1])) messages, not $SESSIONS"
    local wall rss
    wall=$(echo "$start $end" | awk '{printf "%.3f", $2 - $1}')
    rss=$(tail -n 1 "$WORK/rss")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$client" "$round" "$wall" "$rss" "$busy" "$tw" >>"$WORK/raw.tsv"
    log "$target $client run $round: ${wall}s, max RSS ${rss} KiB"
    sleep "$PAUSE"
}

# ---------------------------------------------------------------------------------------------------
# Versions and machine

versions() {
    local commit
    commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    git -C "$ROOT" diff --quiet HEAD -- Sources Package.swift 2>/dev/null || commit="$commit (with uncommitted changes)"
    echo "- smtpspec: commit $commit, release build (\`swift build -c release --product smtpspec\`), $SMTPSPEC"
    if [[ -n "${SMTPSPEC_BASELINE:-}" ]]; then
        echo "- baseline smtpspec: $SMTPSPEC_BASELINE ($("$SMTPSPEC_BASELINE" --version 2>/dev/null || echo unknown))"
    fi
    echo "- Swift: $(swift --version 2>/dev/null | head -n 1)"
    echo "- swaks: $(/usr/bin/swaks --version 2>/dev/null | head -n 1 | sed 's/^swaks version //')"
    echo "- Postfix (smtp-sink, smtp-source): $(/usr/sbin/postconf -d -h mail_version 2>/dev/null || dpkg-query -W -f='${Version}' postfix)"
    echo "- Python: $("$PYTHON" --version 2>&1) (/usr/bin/python3, smtplib from its standard library)"
    echo "- GNU time: $(dpkg-query -W -f='${Version}' time 2>/dev/null)"
}

machine() {
    local cpu
    cpu="$(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "- CPU: $(nproc) cores, ${cpu:-unknown model}"
    echo "- Memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "- Kernel: $(uname -sr); $(. /etc/os-release && echo "$PRETTY_NAME")"
}

# ---------------------------------------------------------------------------------------------------
# Main

start_servers
write_scenarios
: >"$WORK/raw.tsv"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
STARTED_AT="$(date -u '+%Y-%m-%d %H:%M UTC')"
log "work directory $WORK; $SESSIONS sessions x $RUNS runs; targets $TARGETS; clients $CLIENTS"
for target in ${TARGETS//,/ }; do
    address=$SINK_ADDR
    [[ "$target" == mock ]] && address=$MOCK_ADDR
    for ((round = 1; round <= RUNS; round++)); do
        for client in ${CLIENTS//,/ }; do
            measure "$target" "$address" "$client" "$round"
        done
    done
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
# The servers' own peak memory over the whole run (VmHWM), read before they are stopped.
server_peak() { awk '/^VmHWM/ {printf "%.1f MiB", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo unknown; }
SERVER_PEAKS=""
[[ -n "$SINK_PID" ]] && SERVER_PEAKS="smtp-sink $(server_peak "$SINK_PID")"
[[ -n "$MOCK_PID" ]] && SERVER_PEAKS="${SERVER_PEAKS:+$SERVER_PEAKS, }smtpspec mock $(server_peak "$MOCK_PID")"

{
    echo "## Benchmarks"
    echo
    echo "$SESSIONS seed-walkthrough sessions per run (EHLO, MAIL FROM, RCPT TO with NOTIFY=SUCCESS,FAILURE, DATA with"
    echo "a small message, QUIT), each client against the same local server on loopback, median of $RUNS runs per"
    echo "client, the clients interleaved round by round, $PAUSE s pause after every run. Measured $STARTED_AT with:"
    echo
    echo '```sh'
    echo "$COMMAND_LINE"
    echo '```'
    echo
    "$PYTHON" - "$WORK/raw.tsv" "$SESSIONS" "$CLIENTS" "$TARGETS" "$JOBS" <<'EOF'
import statistics, sys
raw, sessions, clients, targets, jobs = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(","), sys.argv[4].split(","), sys.argv[5]
labels = {
    "smtpspec": "smtpspec run (1 process, N matrix cases)",
    "smtpspec-jobs": f"smtpspec run --jobs {jobs} ({jobs} files of N/{jobs} cases)",
    "smtpspec-baseline": "baseline smtpspec run (1 process, N matrix cases)",
    "smtpspec-baseline-jobs": f"baseline smtpspec run --jobs {jobs}",
    "swaks": "swaks (1 process per session, shell loop)",
    "smtp-source": "smtp-source -s 1",
    "smtp-source-s10": f"smtp-source -s {jobs} (parallel sessions)",
    "smtplib": "Python smtplib (1 process)",
}
target_names = {"sink": "Postfix smtp-sink", "mock": "smtpspec mock (persona exchange)"}
rows = [line.rstrip("\n").split("\t") for line in open(raw) if line.strip()]
busy_runs = sum(1 for r in rows if int(r[5]) >= 15)
for target in targets:
    print(f"Server: {target_names[target]}.")
    print()
    print("| client | median wall time (s) | sessions/s | min – max (s) | peak RSS (MiB) |")
    print("|---|---:|---:|---:|---:|")
    for client in clients:
        runs = [r for r in rows if r[0] == target and r[1] == client]
        if not runs:
            continue
        walls = [float(r[3]) for r in runs]
        rss = [int(r[4]) for r in runs]
        median = statistics.median(walls)
        print(f"| {labels[client]} | {median:.3f} | {sessions / median:,.0f} | {min(walls):.3f} – {max(walls):.3f} "
              f"| {max(rss) / 1024:.1f} |")
    print()
print(f"Runs: {len(rows)}. Other work took {min(int(r[5]) for r in rows)}–{max(int(r[5]) for r in rows)}% of the CPU "
      f"in the second before a run (median {statistics.median(int(r[5]) for r in rows):.0f}%); "
      f"{busy_runs} runs started with 15% or more.")
print()
print("<details><summary>Every run: wall s / peak RSS KiB / CPU % busy before / TIME-WAIT sockets at start</summary>")
print()
print("| server | client | " + " | ".join(f"run {i}" for i in range(1, 1 + max(int(r[2]) for r in rows))) + " |")
print("|---|---|" + "---|" * max(int(r[2]) for r in rows))
for target in targets:
    for client in clients:
        runs = sorted((r for r in rows if r[0] == target and r[1] == client), key=lambda r: int(r[2]))
        if runs:
            print(f"| {target} | {client} | " + " | ".join(f"{r[3]} / {r[4]} / {r[5]} / {r[6]}" for r in runs) + " |")
print()
print("</details>")
EOF
    echo
    echo "Load average (1, 5, 15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER. Servers' peak RSS over the"
    echo "whole run: $SERVER_PEAKS."
    echo
    cat <<EOF
What differs between the rows:

- smtpspec compiles the scenario once, then for every case checks each reply against its expectation
  (code, enhanced status code, the EHLO capabilities PIPELINING and DSN) and keeps a transcript and a
  result per case; the DATA step adds Date, Message-ID, From and To headers. It is one process for all
  N sessions.
- swaks 20201014.0 (Debian 12) has no DSN options (they came in a later release), so its RCPT carries no
  NOTIFY. One Perl process per session, as admins run it from a shell loop: its time is mostly start-up.
  Its peak RSS is that of the largest single process of the loop, not a sum.
- smtp-source sends HELO (not EHLO), no NOTIFY, and its own four-line test message; it checks only that
  each reply is positive. It is Postfix's C load generator, the floor for this workload.
- Python smtplib sends EHLO, MAIL, RCPT with NOTIFY=SUCCESS,FAILURE, DATA and QUIT, checks reply codes
  and that DSN is advertised; one interpreter for all N sessions.
- The "-s $JOBS" and "--jobs $JOBS" rows run $JOBS sessions at a time; the others one after another. On two
  cores the client and the server share the CPU, so concurrency gains little.
- smtp-sink accepts everything and stores nothing, so its rows measure the client and loopback TCP.
  The mock parses every command, applies the persona and assigns queue IDs, so its rows are slower for
  every client.
- Short sessions leave sockets in TIME-WAIT; the count at the start of each run is in the details. A run
  must exit 0 and the server must count exactly N sessions and N messages, or the script stops.
- Figures are for this machine in this sitting only: compare rows with each other, not with other runs.
EOF
    echo
    echo "Machine and versions:"
    echo
    machine
    versions
} >"$OUT"
log "results in $OUT; raw figures in $WORK/raw.tsv"
