#!/usr/bin/env bash
# benchmarks/run.sh: smtpspec against swaks, smtp-source and Python's smtplib, side by side, and against
# the performance goals (issue 10), in one run.
#
# Usage: benchmarks/run.sh [-g GOALS] [-n SESSIONS] [-r RUNS] [-p PAUSE] [-t sink[,mock]] [-c ROW,...]
#                          [-j JOBS] [-N CASES] [-M SESSIONS] [-R RUNS] [-T SECONDS] [-o FILE]
#                          [--no-install] [--no-build]
#
#   -g GOALS     which goals to measure, e.g. 1,2 (default all: 1,2,3,4,5,6; "none" for only the -c rows).
#                With -g and without -c, only the rows the goals need are played (a quick run).
#                  1  `run --jobs 1` >= 1.0x Python smtplib's sessions/s (rows smtpspec, smtplib; smtp-sink)
#                  2  `run --jobs JOBS` >= 0.5x `smtp-source -s JOBS`'s sessions/s (rows smtpspec-jobs20,
#                     smtp-source-s20; smtp-sink)
#                  3  the mock (default persona) under `smtp-source -s JOBS` >= 1.0x smtp-sink's messages/s,
#                     0.7x the floor (row smtp-source-s20 against the mock and against smtp-sink)
#                  4  `smtpspec check` of a 10,000-case matrix (100 x 100) under 1 s (median of RUNS runs)
#                  5  `smtpspec run FILE --mock --report json:F --report junit:F` over a CASES-case matrix:
#                     peak RSS under 100 MB (GNU time) and the first line on stdout within 1 s (stdout piped
#                     into benchmarks/first_line.py, which timestamps it)
#                  6  a fresh mock's VmRSS stays flat under `smtp-source -s JOBS -m SESSIONS` (-M): sampled
#                     at the start and at every 10% of the sessions; met when the end is within 1.10x of the
#                     10% sample
#                Goals 1, 2 and 3 also play the transport floor beside smtpspec (rows nio-floor,
#                nio-floor-jobs20; target floor) and NIO without NIOAsyncChannel (rows nio-handler,
#                nio-handler-jobs20; target handler): see benchmarks/floor.
#   -n SESSIONS  sessions per run and row (default 500, at most 2000: more leaves too many sockets
#                in TIME-WAIT on a small machine and skews the later runs)
#   -r RUNS      runs per row and of goal 4; the tables show the median (default 5)
#   -p PAUSE     seconds of pause after every run (default 3)
#   -t TARGETS   servers of the -c rows: sink, Postfix's smtp-sink on 127.0.0.1:2626 (default); mock,
#                smtpspec's mock (default persona) on 127.0.0.1:2627; floor, benchmarks/floor's NIOAsyncChannel
#                sink on 127.0.0.1:2629; handler, its plain channel-handler sink on 127.0.0.1:2630;
#                "sink,mock" for two
#   -c ROWS      the rows of the comparison table, from: smtpspec, smtpspec-jobs20, smtpspec-files, swaks,
#                smtp-source, smtp-source-s20, smtplib, nio-floor, nio-floor-jobs20, nio-handler,
#                nio-handler-jobs20, smtpspec-baseline, smtpspec-baseline-jobs20, smtpspec-baseline-files (the
#                baseline rows: see SMTPSPEC_BASELINE). Default when -g is not given: the first seven; the
#                goals add the floor and handler rows they need either way
#   -j JOBS      concurrency of the *-jobs20, *-files and smtp-source-s20 rows and of goal 6 (default 20;
#                "20" in the row names is this default). smtpspec-jobs20 is ONE file of N matrix cases run
#                with --jobs JOBS --max-per-host JOBS (--max-per-host only when `run --help` lists it);
#                smtpspec-files is JOBS files of N/JOBS cases with --jobs JOBS (what older binaries,
#                which play one case of a file at a time, can run in parallel)
#   -N CASES     goal 5's matrix size (default 100000: 100 x 1000; 100 x CASES/100 for a multiple of 100
#                from 10000 up, else one axis of CASES values)
#   -M SESSIONS  goal 6's sessions (default 100000)
#   -R RUNS      runs of goals 5 and 6, each long (default 1)
#   -T SECONDS   time limit of each goal 5 and goal 6 run (default 900); a run stopped there is reported
#                as incomplete (goal not met), with how far it got. Goal 5 is also stopped above
#                BENCH_RSS_CAP_MIB (default 4096) of RSS, to spare a shared machine
#   -o FILE      where the markdown results go (default benchmarks/RESULTS.md); the Goals table is also
#                printed on standard output
#   --no-install do not apt-get install the missing packages (postfix, swaks, python3, time, iproute2)
#   --no-build   do not build smtpspec; use $SMTPSPEC or .build-bench/release/smtpspec (the floor is still
#                built when .build-floor has none; NIO_FLOOR=/path/to/nio-floor uses that one)
#   SMTPSPEC=/path/to/smtpspec  use that binary (implies --no-build)
#   SMTPSPEC_BASELINE=/path/to/smtpspec  an earlier build to compare with in the same sitting: adds the rows
#                smtpspec-baseline, smtpspec-baseline-jobs20 and smtpspec-baseline-files (name them in -c),
#                interleaved with the others
#
# Quick run: benchmarks/run.sh --no-build -g 1,2,3,4,5,6 -n 200 -r 2 -N 2000 -M 5000 -p 1
#
# The workload is the seed walkthrough session: EHLO contoso.com, MAIL FROM:<chris@contoso.com>,
# RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE, DATA with a small message, QUIT. Every row plays
# it SESSIONS times per run, one session after another (the -s / --jobs rows: JOBS at a time):
#   smtpspec          one process; benchmarks/walkthrough.smtp.yaml with `matrix: {session: [1..N]}`
#   smtpspec-jobs20   the same file, --jobs JOBS [--max-per-host JOBS]
#   smtpspec-files    one process, --jobs JOBS over JOBS copies of that file with N/JOBS cases each
#   swaks             one swaks process per session, in a shell loop (the way admins script it)
#   smtp-source       Postfix's load generator, one process, -s 1 (sessions one after another)
#   smtp-source-s20   the same with -s JOBS parallel sessions
#   smtplib           benchmarks/smtplib_client.py: one /usr/bin/python3 process, smtplib.SMTP per session
#   nio-floor         benchmarks/floor: the same session over NIOAsyncChannel with no smtpspec logic (reply
#                     codes only), its task on the channel's event loop as smtpspec's; one at a time
#   nio-floor-jobs20  the same, JOBS at a time, the sessions spread over the event loops as smtpspec's
#   nio-handler       benchmarks/floor's handler-client: the same session as a plain NIO channel handler
#                     (no NIOAsyncChannel, no task per reply; the engineering standards rule this shape out
#                     for smtpspec), to show what NIOAsyncChannel itself costs; one at a time
#   nio-handler-jobs20  the same, JOBS at a time
# The floor target is that program's sink: the mock's transport (NIOAsyncChannel, a task per connection
# on its event loop, every connection on one loop, its fastest arrangement) answering like smtp-sink, with
# no persona, no parsing beyond the verb (scanned as bytes), no log. The handler target is the same sink as a
# plain channel handler (benchmarks/floor's handler-sink): NIO without NIOAsyncChannel.
# The rounds interleave the rows (round 1: every row and goal 4's check, round 2: every row, ...) so a
# slow minute on the machine hits all of them alike. Wall time is measured around each process; peak
# memory is the maximum resident set size from GNU time (for the swaks loop: of its largest single
# process). Each run must exit 0 and add exactly SESSIONS sessions and messages to the server's own
# counters (smtp-sink's -c counters, the mock's log), or the script stops. Goal 5 must exit 0 and print
# "CASES passed, 0 failed" and both reports; goal 6's smtp-source must exit 0 and its mock count exactly
# SESSIONS sessions and messages. Goals 5 and 6 run after the rounds, one after the other.
#
# Before every run the script samples the CPU for a second and waits (up to BENCH_QUIET_WAIT s, default
# 30) until other work takes under 15% of it, and records that figure, so the table says whether the
# machine was quiet. It starts the sink and the mocks itself, on loopback only, and stops exactly those
# processes when it ends. Raw figures: $WORK/raw.tsv and $WORK/g6-samples-RUN.tsv (the path is printed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/benchmarks"
ALL_GOALS="1,2,3,4,5,6"
ALL_ROWS="smtpspec,smtpspec-jobs20,smtpspec-files,swaks,smtp-source,smtp-source-s20,smtplib"
GOALS="$ALL_GOALS"
GOALS_GIVEN=0
SESSIONS=500
RUNS=5
PAUSE=3
TARGETS=sink
CLIENTS="$ALL_ROWS"
CLIENTS_GIVEN=0
JOBS=20
G5_CASES=100000
G6_SESSIONS=100000
LONG_RUNS=1
LIMIT=900
CHECK_CASES=10000 # goal 4 is about 10,000 cases: 100 x 100
OUT="$BENCH/RESULTS.md"
INSTALL=1
BUILD=1
SINK_ADDR=127.0.0.1:2626
MOCK_ADDR=127.0.0.1:2627
MOCK_LONG_ADDR=127.0.0.1:2628
FLOOR_ADDR=127.0.0.1:2629
HANDLER_ADDR=127.0.0.1:2630
PYTHON=/usr/bin/python3
GNU_TIME=/usr/bin/time
QUIET_WAIT="${BENCH_QUIET_WAIT:-30}"
RSS_CAP_MIB="${BENCH_RSS_CAP_MIB:-4096}"
COMMAND_LINE="${BENCH_QUIET_WAIT:+BENCH_QUIET_WAIT=$BENCH_QUIET_WAIT }${SMTPSPEC_BASELINE:+SMTPSPEC_BASELINE=$SMTPSPEC_BASELINE }benchmarks/run.sh $*"

log() { printf 'bench: %s\n' "$*" >&2; }
die() {
    printf 'bench: error: %s\n' "$*" >&2
    exit 1
}

while [[ $# -gt 0 ]]; do
    [[ $# -ge 2 || "$1" == --no-* || "$1" == -h || "$1" == --help ]] || die "$1 needs a value (see --help)"
    case "$1" in
    -g) GOALS="$2"; GOALS_GIVEN=1; shift 2 ;;
    -n) SESSIONS="$2"; shift 2 ;;
    -r) RUNS="$2"; shift 2 ;;
    -p) PAUSE="$2"; shift 2 ;;
    -t) TARGETS="$2"; shift 2 ;;
    -c) CLIENTS="$2"; CLIENTS_GIVEN=1; shift 2 ;;
    -j) JOBS="$2"; shift 2 ;;
    -N) G5_CASES="$2"; shift 2 ;;
    -M) G6_SESSIONS="$2"; shift 2 ;;
    -R) LONG_RUNS="$2"; shift 2 ;;
    -T) LIMIT="$2"; shift 2 ;;
    -o) OUT="$2"; shift 2 ;;
    --no-install) INSTALL=0; shift ;;
    --no-build) BUILD=0; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
    esac
done
case "$GOALS" in
all) GOALS="$ALL_GOALS" ;;
none) GOALS="" ;;
*) GOALS="$(tr -d 'gG ' <<<"$GOALS")" ;;
esac
for goal in ${GOALS//,/ }; do
    [[ "$goal" =~ ^[1-6]$ ]] || die "unknown goal '$goal' (1 to 6, all, none)"
done
# -g alone is a quick run: only the rows its goals need, unless -c names more.
[[ $GOALS_GIVEN -eq 1 && $CLIENTS_GIVEN -eq 0 ]] && CLIENTS=""
[[ "$SESSIONS" =~ ^[0-9]+$ && "$SESSIONS" -ge 1 && "$SESSIONS" -le 2000 ]] || die "-n must be 1..2000"
[[ "$RUNS" =~ ^[0-9]+$ && "$RUNS" -ge 1 ]] || die "-r must be a positive number"
[[ "$LONG_RUNS" =~ ^[0-9]+$ && "$LONG_RUNS" -ge 1 ]] || die "-R must be a positive number"
[[ "$JOBS" =~ ^[0-9]+$ && "$JOBS" -ge 1 && "$JOBS" -le "$SESSIONS" ]] || die "-j must be 1..SESSIONS"
[[ "$G5_CASES" =~ ^[0-9]+$ && "$G5_CASES" -ge 1 && "$G5_CASES" -le 1000000 ]] || die "-N must be 1..1000000"
[[ "$G6_SESSIONS" =~ ^[0-9]+$ && "$G6_SESSIONS" -ge 10 ]] || die "-M must be at least 10"
[[ "$LIMIT" =~ ^[0-9]+$ && "$LIMIT" -ge 1 ]] || die "-T must be a positive number of seconds"
[[ "$RSS_CAP_MIB" =~ ^[0-9]+$ && "$RSS_CAP_MIB" -ge 1 ]] || die "BENCH_RSS_CAP_MIB must be a number of MiB"
[[ "$PAUSE" =~ ^[0-9]+([.][0-9]+)?$ ]] || die "-p must be a number of seconds"
for target in ${TARGETS//,/ }; do
    [[ "$target" == sink || "$target" == mock || "$target" == floor || "$target" == handler ]] ||
        die "unknown target '$target' (sink, mock, floor, handler)"
done
for client in ${CLIENTS//,/ }; do
    case "$client" in
    smtpspec | smtpspec-jobs20 | smtpspec-files | smtpspec-baseline | smtpspec-baseline-jobs20 | \
        smtpspec-baseline-files | swaks | smtp-source | smtp-source-s20 | smtplib | nio-floor | nio-floor-jobs20 | \
        nio-handler | nio-handler-jobs20) ;;
    *) die "unknown row '$client' (see --help)" ;;
    esac
done
[[ $(id -u) -eq 0 ]] || die "run as root: smtp-sink must start as root (it then runs as nobody)"

has_goal() { [[ ",$GOALS," == *",$1,"* ]]; }

# The interleaved rows, as TARGET:ROW: the -t x -c table, then what the goals need that it lacks.
# Target "-" is goal 4's check (no server).
PAIRS=()
add_pair() {
    local pair
    for pair in "${PAIRS[@]}"; do
        [[ "$pair" == "$1" ]] && return 0
    done
    PAIRS+=("$1")
}
for target in ${TARGETS//,/ }; do
    for client in ${CLIENTS//,/ }; do
        add_pair "$target:$client"
    done
done
if has_goal 1; then
    add_pair sink:smtpspec; add_pair sink:smtplib; add_pair sink:nio-floor; add_pair sink:nio-handler
fi
if has_goal 2; then
    add_pair sink:smtpspec-jobs20; add_pair sink:smtp-source-s20; add_pair sink:nio-floor-jobs20
    add_pair sink:nio-handler-jobs20
fi
if has_goal 3; then
    add_pair sink:smtp-source-s20; add_pair mock:smtp-source-s20; add_pair floor:smtp-source-s20
    add_pair handler:smtp-source-s20
fi
if has_goal 4; then add_pair -:check; fi
uses() { # target or :row -> 0 when some pair has it
    local pair
    for pair in "${PAIRS[@]}"; do
        [[ "$pair" == "$1":* || "$pair" == *"$1" ]] && return 0
    done
    return 1
}
[[ ${#PAIRS[@]} -gt 0 ]] || has_goal 5 || has_goal 6 || die "nothing to measure (-g none and no -c rows)"

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
    (cd "$ROOT" && nice swift build -c release --product smtpspec --scratch-path .build-bench) >&2
fi
[[ -x "$SMTPSPEC" ]] || die "no smtpspec binary at $SMTPSPEC (build it or set SMTPSPEC)"
if uses :smtpspec-baseline || uses :smtpspec-baseline-jobs20 || uses :smtpspec-baseline-files; then
    [[ -x "${SMTPSPEC_BASELINE:-}" ]] || die "the smtpspec-baseline rows need SMTPSPEC_BASELINE=/path/to/smtpspec"
fi

# The transport floor (benchmarks/floor), release build in its own scratch path, when a pair needs it.
FLOOR="${NIO_FLOOR:-$ROOT/.build-floor/release/nio-floor}"
if uses floor || uses handler || uses :nio-floor || uses :nio-floor-jobs20 || uses :nio-handler ||
    uses :nio-handler-jobs20; then
    if [[ -z "${NIO_FLOOR:-}" && ($BUILD -eq 1 || ! -x "$FLOOR") ]]; then
        log "building the transport floor (release, benchmarks/floor, --scratch-path .build-floor)"
        (cd "$ROOT" && nice swift build -c release --package-path benchmarks/floor --scratch-path .build-floor) >&2
    fi
    [[ -x "$FLOOR" ]] || die "no nio-floor binary at $FLOOR"
fi

# --max-per-host (sessions at once to one server) came with `run --jobs` playing a file's cases in
# parallel; a binary that does not list it gets only --jobs.
max_per_host_args() { # binary -> prints "--max-per-host JOBS" when it knows the option
    if "$1" run --help 2>/dev/null | grep -q -- '--max-per-host'; then
        echo "--max-per-host $JOBS"
    fi
}
read -r -a MAX_PER_HOST <<<"$(max_per_host_args "$SMTPSPEC")"
BASELINE_MAX_PER_HOST=()
if [[ -n "${SMTPSPEC_BASELINE:-}" ]]; then
    read -r -a BASELINE_MAX_PER_HOST <<<"$(max_per_host_args "$SMTPSPEC_BASELINE")"
fi

# ---------------------------------------------------------------------------------------------------
# Work directory, servers, clean-up

WORK="$(mktemp -d /tmp/smtpspec-bench.XXXXXX)"
STARTED_PIDS=()
SINK_PID=""
MOCK_PID=""
FLOOR_PID=""
HANDLER_PID=""
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

# start_mock NAME HOST:PORT: smtpspec's mock with its default persona, logging to $WORK/NAME.log; sets
# STARTED_PID.
start_mock() {
    port_answers "$2" && die "something already listens on $2"
    "$SMTPSPEC" mock --listen "$2" >"$WORK/$1.log" 2>&1 &
    STARTED_PIDS+=($!)
    STARTED_PID=$!
    wait_for "$1" "$2" $!
}

start_servers() {
    if uses sink; then
        port_answers "$SINK_ADDR" && die "something already listens on $SINK_ADDR"
        # -c prints the session/QUIT/message counters (to the log, unbuffered); 1000 is the backlog.
        /usr/sbin/smtp-sink -u nobody -c "$SINK_ADDR" 1000 >"$WORK/sink.log" 2>&1 &
        STARTED_PIDS+=($!)
        SINK_PID=$!
        wait_for sink "$SINK_ADDR" $!
    fi
    if uses mock; then
        start_mock mock "$MOCK_ADDR"
        MOCK_PID=$STARTED_PID
    fi
    if uses floor; then
        port_answers "$FLOOR_ADDR" && die "something already listens on $FLOOR_ADDR"
        "$FLOOR" sink "$FLOOR_ADDR" >"$WORK/floor.log" 2>&1 &
        STARTED_PIDS+=($!)
        FLOOR_PID=$!
        wait_for floor "$FLOOR_ADDR" $!
    fi
    if uses handler; then
        port_answers "$HANDLER_ADDR" && die "something already listens on $HANDLER_ADDR"
        "$FLOOR" handler-sink "$HANDLER_ADDR" >"$WORK/handler.log" 2>&1 &
        STARTED_PIDS+=($!)
        HANDLER_PID=$!
        wait_for handler "$HANDLER_ADDR" $!
    fi
}

# A server's counters as "sessions messages": smtp-sink's -c output ("sess=N quit=N mesg=N", each
# ended by CR), the floor sink's answer to STAT, or a mock's log lines ("session closed", "message
# accepted") in $WORK/TARGET.log.
server_counters() {
    if [[ "$1" == floor || "$1" == handler ]]; then
        local address=$FLOOR_ADDR
        [[ "$1" == handler ]] && address=$HANDLER_ADDR
        "$PYTHON" - "$address" <<'EOF'
import socket, sys
host, _, port = sys.argv[1].rpartition(":")
with socket.create_connection((host, int(port)), timeout=5) as s:
    def reply():
        text = b""
        while not text.endswith(b"\r\n"):
            more = s.recv(512)
            if not more:
                break
            text += more
        return text
    reply()
    s.sendall(b"STAT\r\n")
    print(" ".join(reply().decode().split()[1:3]))
EOF
        return
    fi
    if [[ "$1" != sink ]]; then
        echo "$(grep -c 'session closed' "$WORK/$1.log" || true) $(grep -c 'message accepted' "$WORK/$1.log" || true)"
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
# Scenarios: the walkthrough with a matrix of N sessions, JOBS files sharing the N sessions, and the
# large matrices of goals 4 and 5

write_scenario() { # file axis first last [axis first last]...
    local file="$1"
    shift
    {
        sed '/^steps:/,$d' "$BENCH/walkthrough.smtp.yaml"
        printf 'matrix:\n'
        while [[ $# -ge 3 ]]; do
            printf '  %s: [' "$1"
            seq -s ', ' "$2" "$3" | tr -d '\n'
            printf ']\n'
            shift 3
        done
        sed -n '/^steps:/,$p' "$BENCH/walkthrough.smtp.yaml"
    } >"$file"
}

# A CASES-case matrix: 100 x CASES/100 when CASES is a multiple of 100, else one axis.
write_big_scenario() { # file cases
    if [[ $(($2 % 100)) -eq 0 && $2 -ge 10000 ]]; then
        write_scenario "$1" batch 1 100 session 1 $(($2 / 100))
    else
        write_scenario "$1" session 1 "$2"
    fi
}

write_scenarios() {
    write_scenario "$WORK/walkthrough-$SESSIONS.smtp.yaml" session 1 "$SESSIONS"
    mkdir -p "$WORK/files"
    local job first last
    for ((job = 0; job < JOBS; job++)); do
        first=$((job * SESSIONS / JOBS + 1))
        last=$(((job + 1) * SESSIONS / JOBS))
        [[ $first -le $last ]] && write_scenario "$WORK/files/part-$job.smtp.yaml" session "$first" "$last"
    done
    has_goal 4 && write_big_scenario "$WORK/check-$CHECK_CASES.smtp.yaml" "$CHECK_CASES"
    has_goal 5 && write_big_scenario "$WORK/run-$G5_CASES.smtp.yaml" "$G5_CASES"
    return 0
}

# ---------------------------------------------------------------------------------------------------
# Rows: client_command ROW HOST:PORT sets CMD to the argv of one run (N sessions)

client_command() {
    local host="${2%:*}" port="${2##*:}" file="$WORK/walkthrough-$SESSIONS.smtp.yaml"
    local common=(--server "$2" --quiet --no-color)
    case "$1" in
    smtpspec) CMD=("$SMTPSPEC" run "$file" "${common[@]}") ;;
    smtpspec-jobs20) CMD=("$SMTPSPEC" run "$file" "${common[@]}" --jobs "$JOBS" "${MAX_PER_HOST[@]}") ;;
    smtpspec-files) CMD=("$SMTPSPEC" run "$WORK/files" "${common[@]}" --jobs "$JOBS") ;;
    smtpspec-baseline) CMD=("$SMTPSPEC_BASELINE" run "$file" "${common[@]}") ;;
    smtpspec-baseline-jobs20)
        CMD=("$SMTPSPEC_BASELINE" run "$file" "${common[@]}" --jobs "$JOBS" "${BASELINE_MAX_PER_HOST[@]}") ;;
    smtpspec-baseline-files) CMD=("$SMTPSPEC_BASELINE" run "$WORK/files" "${common[@]}" --jobs "$JOBS") ;;
    swaks)
        # shellcheck disable=SC2016 # the loop's own arguments, expanded by the inner bash
        CMD=(bash -c 'for ((i = 0; i < $1; i++)); do
                /usr/bin/swaks --server "$2" --port "$3" --ehlo contoso.com --from chris@contoso.com \
                    --to kate@fabrikam.com --data "$4" --silent 2 || exit 1
            done' swaks-loop "$SESSIONS" "$host" "$port" "$BENCH/message.eml") ;;
    smtp-source)
        CMD=(/usr/sbin/smtp-source -m "$SESSIONS" -s 1 -M contoso.com -f chris@contoso.com -t kate@fabrikam.com "$2") ;;
    smtp-source-s20)
        CMD=(/usr/sbin/smtp-source -m "$SESSIONS" -s "$JOBS" -M contoso.com -f chris@contoso.com
            -t kate@fabrikam.com "$2") ;;
    nio-floor) CMD=("$FLOOR" client "$2" "$SESSIONS" 1) ;;
    nio-floor-jobs20) CMD=("$FLOOR" client "$2" "$SESSIONS" "$JOBS") ;;
    nio-handler) CMD=("$FLOOR" handler-client "$2" "$SESSIONS" 1) ;;
    nio-handler-jobs20) CMD=("$FLOOR" handler-client "$2" "$SESSIONS" "$JOBS") ;;
    smtplib)
        CMD=("$PYTHON" "$BENCH/smtplib_client.py" --server "$2" -n "$SESSIONS" --message "$BENCH/message.eml") ;;
    check) CMD=("$SMTPSPEC" check "$WORK/check-$CHECK_CASES.smtp.yaml") ;;
    esac
}

# ---------------------------------------------------------------------------------------------------
# Measurement

# Percentage of both cores' time spent outside idle during one second, i.e. what other work takes.
cpu_busy_percent() {
    local a b
    read -r -a a </proc/stat
    sleep 1
    read -r -a b </proc/stat
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

elapsed() { # start end -> seconds with 3 decimals
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'
}

# One run of one row: N sessions against TARGET (counted by the server), or goal 4's check (target -).
measure() { # target address row round
    local target="$1" address="$2" client="$3" round="$4" before=() after=() start end status=0 i
    client_command "$client" "$address"
    wait_quiet
    local busy=$BUSY tw
    tw=$(time_wait_sockets)
    [[ "$target" != - ]] && read -r -a before <<<"$(server_counters "$target")"
    start=$(date +%s.%N)
    local output="$WORK/${target/#-/none}-$client-$round.log"
    "$GNU_TIME" -f '%M' -o "$WORK/rss" "${CMD[@]}" >"$output" 2>&1 || status=$?
    end=$(date +%s.%N)
    [[ $status -eq 0 ]] || die "$client against $target exited $status; see $output"
    # check says "ok <file>" for a scenario without errors.
    [[ "$client" != check ]] || grep -q '^ok ' "$output" || die "check did not say ok; see $output"
    if [[ "$target" != - ]]; then
        # The server may count the last disconnect a moment after the client has exited.
        for ((i = 0; i < 50; i++)); do
            read -r -a after <<<"$(server_counters "$target")"
            [[ $((after[0] - before[0])) -ge $SESSIONS && $((after[1] - before[1])) -ge $SESSIONS ]] && break
            sleep 0.1
        done
        [[ $((after[0] - before[0])) -eq $SESSIONS && $((after[1] - before[1])) -eq $SESSIONS ]] ||
            die "$client: the $target server counted $((after[0] - before[0])) sessions and" \
                "$((after[1] - before[1])) messages, not $SESSIONS"
    fi
    local wall rss
    wall=$(elapsed "$start" "$end")
    rss=$(tail -n 1 "$WORK/rss")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n' "$target" "$client" "$round" "$wall" "$rss" "$busy" "$tw" >>"$WORK/raw.tsv"
    log "$target $client run $round: ${wall}s, max RSS ${rss} KiB"
    sleep "$PAUSE"
}

# Goal 5: one `run --mock` over the CASES-case matrix with both reports, stdout piped into
# first_line.py. A run stopped at the time limit (or the RSS cap) is recorded as incomplete.
measure_goal5() { # round
    local round="$1" prefix="$WORK/g5-$1" key value
    local -A result=()
    wait_quiet
    local busy=$BUSY tw
    tw=$(time_wait_sockets)
    rm -f "$WORK/g5.json" "$WORK/g5.xml"
    log "goal 5 run $round: smtpspec run --mock over $G5_CASES cases (time limit ${LIMIT}s)"
    "$PYTHON" "$BENCH/first_line.py" --out "$prefix.out" --log "$prefix.stdout" --stderr "$prefix.stderr" \
        --timeout "$LIMIT" --rss-cap-mib "$RSS_CAP_MIB" -- \
        "$GNU_TIME" -f '%M' -o "$prefix.rss" \
        "$SMTPSPEC" run "$WORK/run-$G5_CASES.smtp.yaml" --mock \
        --report "json:$WORK/g5.json" --report "junit:$WORK/g5.xml" ||
        die "first_line.py failed; see $prefix.stderr"
    while IFS='=' read -r key value; do
        result[$key]="$value"
    done <"$prefix.out"
    local rss results json_bytes=0 junit_bytes=0
    rss=$(tail -n 1 "$prefix.rss" 2>/dev/null || true)
    [[ "$rss" =~ ^[0-9]+$ ]] || rss="${result[sampled_max_rss_kib]}"
    if [[ -z "${result[stopped]}" ]]; then
        [[ "${result[exit_status]}" == 0 ]] ||
            die "goal 5: smtpspec run exited ${result[exit_status]}; see $prefix.stdout and $prefix.stderr"
        if ! [[ "${result[last_line]}" =~ ^([0-9]+)\ passed,\ 0\ failed && ${BASH_REMATCH[1]} -eq $G5_CASES ]]; then
            die "goal 5: the last line is '${result[last_line]}', not '$G5_CASES passed, 0 failed'"
        fi
        [[ -s "$WORK/g5.json" && -s "$WORK/g5.xml" ]] || die "goal 5: a report is missing or empty"
        json_bytes=$(stat -c %s "$WORK/g5.json")
        junit_bytes=$(stat -c %s "$WORK/g5.xml")
        results=$G5_CASES
    else
        # Stopped: every line but a summary is one case's result.
        results=${result[lines]}
        log "goal 5 run $round stopped (${result[stopped]}) after ${result[wall_s]}s and $results lines"
    fi
    local first_text
    first_text="$(tr ';\t|`' ',   ' <<<"${result[first_line]}")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' - run-mock "$round" "${result[wall_s]}" "$rss" "$busy" "$tw" \
        "first_line_s=${result[first_line_s]};results=$results;stopped=${result[stopped]};json_bytes=$json_bytes;junit_bytes=$junit_bytes;first_line_text=$first_text" \
        >>"$WORK/raw.tsv"
    log "goal 5 run $round: ${result[wall_s]}s, first line after ${result[first_line_s]:-(none)} s, max RSS $rss KiB"
    rm -f "$WORK/g5.json" "$WORK/g5.xml"
    sleep "$PAUSE"
}

# Goal 6: a fresh mock under smtp-source -s JOBS -m SESSIONS, its VmRSS sampled by rss_sampler.py at
# the start and at every tenth of the sessions.
measure_goal6() { # round
    local round="$1" name="mock-long-$1" pid sampler status=0 start end before=() after=() i
    start_mock "$name" "$MOCK_LONG_ADDR"
    pid=$STARTED_PID
    # The readiness probe's own session is logged a moment after it ends; count from after it.
    for ((i = 0; i < 50; i++)); do
        read -r -a before <<<"$(server_counters "$name")"
        [[ ${before[0]} -ge 1 ]] && break
        sleep 0.1
    done
    wait_quiet
    local busy=$BUSY tw
    tw=$(time_wait_sockets)
    log "goal 6 run $round: smtp-source -s $JOBS -m $G6_SESSIONS against a fresh mock (time limit ${LIMIT}s)"
    "$PYTHON" "$BENCH/rss_sampler.py" --pid "$pid" --log "$WORK/$name.log" --total "$G6_SESSIONS" \
        --out "$WORK/g6-samples-$round.tsv" --timeout $((LIMIT + 60)) &
    sampler=$!
    STARTED_PIDS+=("$sampler")
    for ((i = 0; i < 50; i++)); do
        [[ -s "$WORK/g6-samples-$round.tsv" ]] && break
        sleep 0.1
    done
    start=$(date +%s.%N)
    "$GNU_TIME" -f '%M' -o "$WORK/rss" timeout -s KILL "$LIMIT" /usr/sbin/smtp-source -m "$G6_SESSIONS" -s "$JOBS" \
        -M contoso.com -f chris@contoso.com -t kate@fabrikam.com "$MOCK_LONG_ADDR" >"$WORK/$name-client.log" 2>&1 ||
        status=$?
    end=$(date +%s.%N)
    local stopped=""
    if [[ $status -eq 137 ]]; then
        stopped="time limit"
        kill -TERM "$sampler" 2>/dev/null || true
        log "goal 6 run $round stopped at the time limit"
    elif [[ $status -ne 0 ]]; then
        kill -TERM "$sampler" 2>/dev/null || true
        die "goal 6: smtp-source exited $status; see $WORK/$name-client.log"
    fi
    wait "$sampler" || true
    if [[ -z "$stopped" ]]; then
        read -r -a after <<<"$(server_counters "$name")"
        [[ $((after[0] - before[0])) -eq $G6_SESSIONS && $((after[1] - before[1])) -eq $G6_SESSIONS ]] ||
            die "goal 6: the mock counted $((after[0] - before[0])) sessions and $((after[1] - before[1]))" \
                "messages, not $G6_SESSIONS"
        grep -q $'^end\t'"$G6_SESSIONS"$'\t' "$WORK/g6-samples-$round.tsv" ||
            die "goal 6: the sampler did not see all $G6_SESSIONS sessions; see $WORK/g6-samples-$round.tsv"
    fi
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    local wall
    wall=$(elapsed "$start" "$end")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' mock-long smtp-source-s20 "$round" "$wall" "$(tail -n 1 "$WORK/rss")" \
        "$busy" "$tw" "stopped=$stopped;samples=$WORK/g6-samples-$round.tsv" >>"$WORK/raw.tsv"
    log "goal 6 run $round: ${wall}s; samples in $WORK/g6-samples-$round.tsv"
    sleep "$PAUSE"
}

# ---------------------------------------------------------------------------------------------------
# Versions and machine

versions() {
    local commit
    commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    git -C "$ROOT" diff --quiet HEAD -- Sources Package.swift 2>/dev/null || commit="$commit (with uncommitted changes)"
    echo "- smtpspec: commit $commit, release build (\`swift build -c release --product smtpspec\`), $SMTPSPEC" \
        "(\`run --help\` $([[ ${#MAX_PER_HOST[@]} -gt 0 ]] && echo lists || echo "does not list") --max-per-host)"
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
    # shellcheck disable=SC1091 # the machine's own file
    echo "- Kernel: $(uname -sr); $(. /etc/os-release && echo "$PRETTY_NAME")"
}

# ---------------------------------------------------------------------------------------------------
# Main

start_servers
write_scenarios
: >"$WORK/raw.tsv"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
STARTED_AT="$(date -u '+%Y-%m-%d %H:%M UTC')"
log "work directory $WORK; goals ${GOALS:-none}; $SESSIONS sessions x $RUNS runs of ${PAIRS[*]:-no rows}"
for ((round = 1; round <= RUNS; round++)); do
    for pair in "${PAIRS[@]}"; do
        target="${pair%%:*}"
        address=$SINK_ADDR
        [[ "$target" == mock ]] && address=$MOCK_ADDR
        [[ "$target" == floor ]] && address=$FLOOR_ADDR
        [[ "$target" == handler ]] && address=$HANDLER_ADDR
        measure "$target" "$address" "${pair#*:}" "$round"
    done
done
if has_goal 5; then
    for ((round = 1; round <= LONG_RUNS; round++)); do
        measure_goal5 "$round"
    done
fi
G6_SAMPLES=""
if has_goal 6; then
    for ((round = 1; round <= LONG_RUNS; round++)); do
        measure_goal6 "$round"
        G6_SAMPLES="${G6_SAMPLES:+$G6_SAMPLES,}$WORK/g6-samples-$round.tsv"
    done
fi
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
# The servers' own peak memory over the whole run (VmHWM), read before they are stopped.
server_peak() { awk '/^VmHWM/ {printf "%.1f MiB", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo unknown; }
SERVER_PEAKS=""
[[ -n "$SINK_PID" ]] && SERVER_PEAKS="smtp-sink $(server_peak "$SINK_PID")"
[[ -n "$MOCK_PID" ]] && SERVER_PEAKS="${SERVER_PEAKS:+$SERVER_PEAKS, }smtpspec mock $(server_peak "$MOCK_PID")"
[[ -n "$FLOOR_PID" ]] && SERVER_PEAKS="${SERVER_PEAKS:+$SERVER_PEAKS, }nio-floor sink $(server_peak "$FLOOR_PID")"
[[ -n "$HANDLER_PID" ]] &&
    SERVER_PEAKS="${SERVER_PEAKS:+$SERVER_PEAKS, }nio-floor handler-sink $(server_peak "$HANDLER_PID")"
MOCK_LABEL="smtpspec mock"
for mock_log in "$WORK/mock.log" "$WORK/mock-long-1.log"; do
    if [[ -f "$mock_log" ]] && persona=$(grep -m 1 -o "persona '[^']*'" "$mock_log"); then
        persona="${persona#persona \'}"
        MOCK_LABEL="smtpspec mock (default persona, ${persona%\'})"
        break
    fi
done

report() { # section
    local pairs
    pairs="$(
        IFS=,
        echo "${PAIRS[*]}"
    )"
    "$PYTHON" "$BENCH/report.py" --raw "$WORK/raw.tsv" --section "$1" --sessions "$SESSIONS" --jobs "$JOBS" \
        --pairs "$pairs" --goals "$GOALS" --check-cases "$CHECK_CASES" --g5-cases "$G5_CASES" \
        --g6-total "$G6_SESSIONS" --g6-samples "$G6_SAMPLES" --mock-label "$MOCK_LABEL" \
        --max-per-host "${MAX_PER_HOST[1]:-}"
}

{
    echo "## Benchmarks"
    echo
    if [[ -n "$GOALS" ]]; then
        echo "Goals (issue 10): the ratio is smtpspec's figure over the other tool's, or the measured figure over"
        echo "the goal's limit; targets marked ≥ are floors, ≤ ceilings."
        echo
        report goals
    fi
    echo "$SESSIONS seed-walkthrough sessions per run (EHLO, MAIL FROM, RCPT TO with NOTIFY=SUCCESS,FAILURE, DATA with"
    echo "a small message, QUIT), each row against the same local server on loopback, median of $RUNS runs per"
    echo "row, the rows interleaved round by round, $PAUSE s pause after every run. Measured $STARTED_AT with:"
    echo
    echo '```sh'
    echo "$COMMAND_LINE"
    echo '```'
    echo
    report tables
    report details
    echo
    echo "Load average (1, 5, 15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER."
    [[ -n "$SERVER_PEAKS" ]] && echo "Servers' peak RSS over the whole run: $SERVER_PEAKS."
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
- The "-s $JOBS" and "--jobs $JOBS" rows run $JOBS sessions at a time; the others one after another. A
  binary whose \`run --jobs\` plays only whole files at once plays the one-file --jobs row one case at a
  time; its smtpspec-files row shows what it does in parallel. On two cores the client and the server
  share the CPU, so concurrency gains little.
- nio-floor (benchmarks/floor) plays the same session over NIOAsyncChannel, the transport the
  engineering standards fix for smtpspec, with nothing else: it checks reply codes only, and keeps no
  plan, transcript, result or log. Its task runs on its channel's event loop, as smtpspec's do. Its
  rows show what that transport alone allows on this machine; the gap from them to smtpspec's rows
  is smtpspec's own work. Its sink answers like smtp-sink from a task per connection, every connection
  on one event loop (measured faster than spreading them).
- nio-handler and the handler target are the same client and sink written as plain NIO channel handlers:
  no NIOAsyncChannel, no async sequence, no task woken per reply. The engineering standards rule this
  shape out for smtpspec; these rows show how much of the floor is NIOAsyncChannel itself.
- smtp-sink accepts everything and stores nothing, so its rows measure the client and loopback TCP.
  The mock parses every command, applies the persona and assigns queue IDs, so its rows are slower for
  every client.
- Goal 4 times \`smtpspec check\` of the walkthrough with a 100 x 100 matrix (compile and validate
  every case). Goal 5 plays a ${G5_CASES}-case matrix against the in-process mock and writes a JSON and a
  JUnit report; the first-line clock starts just before the process is launched. Goal 6 starts a fresh
  mock and reads its VmRSS (/proc) at the start and as its log's "session closed" lines pass each tenth.
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
if [[ -n "$GOALS" ]]; then
    report goals
fi
log "results in $OUT; raw figures in $WORK/raw.tsv"
