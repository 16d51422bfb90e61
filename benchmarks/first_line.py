#!/usr/bin/python3
"""Run a command with its stdout piped in, and time the first line it prints there.

benchmarks/run.sh uses it for goal 5 (a 100,000-case `smtpspec run`): the clock starts just before the
command is launched; the first line read from the pipe stops the first-line clock. Every line is copied to
--log. The command is usually GNU time wrapping smtpspec; on --timeout, or when that process's resident set
passes --rss-cap-mib (a guard for a shared machine), the process under GNU time is killed with SIGKILL so
GNU time still writes its figures. Prints key=value lines (first_line_s, first_line, lines, last_line,
exit_status, wall_s, stopped, sampled_max_rss_kib) to --out.
"""
import argparse
import os
import signal
import subprocess
import sys
import threading
import time


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="where the key=value results go")
    parser.add_argument("--log", required=True, help="where the command's stdout is copied")
    parser.add_argument("--stderr", required=True, help="where the command's stderr goes")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before the command is killed")
    parser.add_argument("--rss-cap-mib", type=int, default=4096, help="kill the command above this RSS")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- COMMAND ARGS...")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command")

    state = {"first": None, "first_line": b"", "lines": 0, "last": b""}

    started = time.monotonic()
    with open(args.stderr, "wb") as err, open(args.log, "wb") as log:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err, start_new_session=True)

        def read() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                now = time.monotonic()
                if state["first"] is None:
                    state["first"] = now - started
                    state["first_line"] = line
                state["lines"] += 1
                if line.strip():
                    state["last"] = line
                log.write(line)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        stopped = ""
        max_rss = 0
        while process.poll() is None:
            # The measured process: GNU time's child when the command is GNU time, else the command itself.
            targets = children(process.pid) or [process.pid]
            max_rss = max([max_rss] + [rss_kib(pid) for pid in targets])
            elapsed = time.monotonic() - started
            if not stopped and (elapsed > args.timeout or max_rss > args.rss_cap_mib * 1024):
                stopped = "time limit" if elapsed > args.timeout else "RSS cap"
                for pid in targets:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
            time.sleep(0.1)
        wall = time.monotonic() - started
        if stopped:
            # Whatever the killed process left behind in its session (it was started in a new one).
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        reader.join(timeout=10)

    def text(line: bytes) -> str:
        return line.decode("utf-8", "replace").strip().replace("\t", " ")

    results = {
        "first_line_s": "" if state["first"] is None else f"{state['first']:.3f}",
        "first_line": text(state["first_line"])[:200],
        "lines": str(state["lines"]),
        "last_line": text(state["last"])[:200],
        "exit_status": str(process.returncode),
        "wall_s": f"{wall:.3f}",
        "stopped": stopped,
        "sampled_max_rss_kib": str(max_rss),
    }
    with open(args.out, "w") as out:
        for key, value in results.items():
            out.write(f"{key}={value}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
