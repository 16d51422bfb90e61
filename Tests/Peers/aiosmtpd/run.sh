#!/usr/bin/env bash
# Tests/Peers/aiosmtpd/run.sh HOST PORT: runs aiosmtpd (Debian python3-aiosmtpd) in the foreground on HOST:PORT.
# Started by scripts/peers.sh. Debian's package is importable only by /usr/bin/python3 (the first python3 on
# PATH may be another one). -n: do not try to drop privileges. The default handler prints each message to
# stdout, which scripts/peers.sh sends to .peers/aiosmtpd.log. exec keeps the recorded pid the server's pid.
set -euo pipefail
exec /usr/bin/python3 -u -m aiosmtpd -n -l "${1:-127.0.0.1}:${2:-8025}"
