#!/usr/bin/env bash
# scripts/screenshot.sh HTML PNG [WIDTHxHEIGHT]
#
# Opens a local HTML file (an `smtpspec run --report html:F` report) in headless Chromium (Debian `chromium`,
# installed by `scripts/peers.sh install`) and writes a screenshot to PNG. Fails when Chromium fails, when no
# screenshot appears, or when the page throws an uncaught JavaScript exception. (Chromium logs console.error at
# the same level as console.log, so those cannot be told apart and are not checked.)
#
# Chromium is kept off the network: every host name resolves to nothing and every http(s) request goes to a
# dead proxy on 127.0.0.1:9, so the report must be self-contained (it is, by design). Chromium's own log is
# kept in PNG.log.
set -euo pipefail

if (($# < 2)); then
    sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
    exit 2
fi
html=$1
png=$2
size=${3:-1280x1600}
[[ -f "$html" ]] || {
    echo "screenshot: no such file: $html" >&2
    exit 1
}
browser="$(command -v chromium || command -v chromium-browser || true)"
[[ -n "$browser" ]] || {
    echo "screenshot: chromium is not installed (run: scripts/peers.sh install)" >&2
    exit 1
}
html_abs="$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
mkdir -p "$(dirname "$png")"
png_abs="$(cd "$(dirname "$png")" && pwd)/$(basename "$png")"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
rm -f "$png_abs"

status=0
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars \
    --window-size="${size/x/,}" --user-data-dir="$profile" --no-first-run --disable-default-apps \
    --disable-background-networking --disable-component-update --disable-sync --dns-prefetch-disable \
    --proxy-server=http://127.0.0.1:9 --host-resolver-rules='MAP * ~NOTFOUND' \
    --enable-logging=stderr --v=0 --screenshot="$png_abs" "file://$html_abs" >"$png_abs.log" 2>&1 || status=$?

if ((status != 0)); then
    tail -n 20 "$png_abs.log" >&2
    echo "screenshot: chromium exited with status $status" >&2
    exit 1
fi
if [[ ! -s "$png_abs" ]]; then
    tail -n 20 "$png_abs.log" >&2
    echo "screenshot: chromium wrote no screenshot" >&2
    exit 1
fi
# Page errors: uncaught exceptions show up as CONSOLE lines starting with "Uncaught" in Chromium's log.
if grep -E ':CONSOLE[^]]*\] "Uncaught' "$png_abs.log" >&2; then
    echo "screenshot: the page logged JavaScript errors (above)" >&2
    exit 1
fi
echo "screenshot: $png ($(stat -c %s "$png_abs") bytes) from $html"
