#!/usr/bin/python3
"""Sample a server's resident set as the sessions it has closed reach each tenth of a total.

benchmarks/run.sh uses it for goal 6 (the mock's RSS stays flat over 100,000 sessions). It follows the
server's log from its current end (reading only the new bytes), counts the lines saying LINE ("session
closed" for smtpspec's mock), and writes one sample at the start and one each time the count passes 10%,
20%, ... 100% of --total: "sample<TAB>percent<TAB>sessions<TAB>seconds<TAB>VmRSS KiB". It also reads VmRSS
every --interval seconds for the maximum, and ends with "end<TAB>sessions<TAB>seconds<TAB>max sampled
VmRSS KiB<TAB>VmHWM KiB<TAB>reason". It stops at 100%, when the process is gone, after --timeout seconds,
or on SIGTERM.
"""
import argparse
import os
import signal
import sys
import time


def status(pid: int, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--log", required=True, help="the server's log, followed from its current end")
    parser.add_argument("--line", default="session closed", help="the text that marks one finished session")
    parser.add_argument("--total", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--interval", type=float, default=0.2)
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()

    stop = {"signal": False}
    signal.signal(signal.SIGTERM, lambda *_: stop.update(signal=True))
    marker = args.line.encode()
    started = time.monotonic()
    with open(args.log, "rb") as log, open(args.out, "w", buffering=1) as out:
        log.seek(0, os.SEEK_END)
        pending = b""
        count = 0
        next_tenth = 1
        first = status(args.pid, "VmRSS")
        max_rss = first
        out.write(f"sample\t0\t0\t0.000\t{first}\n")
        reason = "done"
        while True:
            chunk = log.read(1 << 20)
            if chunk:
                pending += chunk
                cut = pending.rfind(b"\n") + 1
                count += pending[:cut].count(marker)
                pending = pending[cut:]
            rss = status(args.pid, "VmRSS")
            max_rss = max(max_rss, rss)
            elapsed = time.monotonic() - started
            while next_tenth <= 10 and count * 10 >= next_tenth * args.total:
                out.write(f"sample\t{next_tenth * 10}\t{count}\t{elapsed:.3f}\t{rss}\n")
                next_tenth += 1
            if next_tenth > 10:
                break
            if not os.path.exists(f"/proc/{args.pid}"):
                reason = "server gone"
                break
            if stop["signal"]:
                reason = "stopped"
                break
            if elapsed > args.timeout:
                reason = "time limit"
                break
            if not chunk:
                time.sleep(args.interval)
        hwm = status(args.pid, "VmHWM")
        out.write(f"end\t{count}\t{time.monotonic() - started:.3f}\t{max_rss}\t{hwm}\t{reason}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
