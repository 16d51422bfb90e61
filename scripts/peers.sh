#!/usr/bin/env bash
# scripts/peers.sh: the real SMTP/LMTP/IMAP/DNS peers the integration tests talk to.
#
# Usage: scripts/peers.sh install | start | stop | status | env | current
#
#   install  apt-get installs whatever is missing among the peer and consumer packages (postfix,
#            python3-aiosmtpd, dnsmasq-base, dovecot-core, dovecot-lmtpd, dovecot-imapd, swaks, openssl,
#            libxml2-utils, perl, python3-jsonschema, python3-yaml, chromium, ca-certificates, dnsutils, and the
#            Perl modules swaks needs for TLS, IPv6 and CRAM-MD5). Non-interactive; Postfix is preseeded with "No configuration", so
#            installing it neither asks nor starts anything. Debian's own Dovecot service, if the package starts
#            it, uses /etc/dovecot and no port of ours, and is left alone. Runs as root, or through sudo when not
#            root. Chromium is installed here; the screenshot itself is scripts/screenshot.sh.
#   start    stops whatever an earlier `start` left behind, then, under .peers/ in the repository:
#              - makes a test CA and a server certificate (localhost, mail.smtpspec.test, 127.0.0.1, ::1);
#              - writes a private Postfix instance from Tests/Peers/postfix/ and starts it on
#                127.0.0.1:2525 and [::1]:2525 (`postfix -c .peers/postfix/etc`), delivering local mail to
#                maildirs under .peers/postfix/mail and relaying only to loopback (transport.in):
#                relay.example to 127.0.0.1:2526, where a mail-flow test runs its capture server (nothing
#                listens there otherwise; mail waits in the queue, retried every few seconds),
#                deferred.example to 127.0.0.1:2599 where nothing ever listens (mail stays deferred), and
#                lmtp.smtpspec.test to Dovecot's LMTP on 127.0.0.1:2424. It sends DSNs (relayed, failed)
#                to the envelope sender, so chris@relay.example gets them at the capture too;
#              - starts aiosmtpd on 127.0.0.1:8025 (Tests/Peers/aiosmtpd/run.sh);
#              - starts dnsmasq on 127.0.0.1:5353 with the records in Tests/Peers/dnsmasq/records.args;
#              - writes a private Dovecot instance from Tests/Peers/dovecot/ and starts it as root
#                (`dovecot -F -c .peers/dovecot/etc/dovecot.conf`, no system-wide config) speaking LMTP on
#                127.0.0.1:2424 (plaintext, no STARTTLS), IMAP on 127.0.0.1:2143 (STARTTLS) and IMAPS on
#                127.0.0.1:2993 with the test certificate, with passwd-file users (kate@lmtp.smtpspec.test,
#                password kate-secret, ...) and maildirs under .peers/dovecot/mail, one of them
#                (full@lmtp.smtpspec.test) over quota so it is refused with 552 5.2.2 after the message;
#            then waits until each one answers, and fails with the peer's log if one does not.
#            Writes .peers/env (source it) for the tests, and .peers/pids.
#   stop     stops exactly what `start` started (postfix -c DIR stop, and the recorded pids, Dovecot's among
#            them), nothing else.
#   status   prints each peer up or down (reading its banner / asking DNS); exits 1 if any is down.
#   env      prints .peers/env.
#   current  exits 0 when the peers are up and were started from the present config (scripts/peers.sh and
#            everything under Tests/Peers, Tests/Peers/dovecot included, unchanged since), so a caller may reuse
#            them instead of restarting them.
#
# Everything listens on loopback only, Postfix relays only to loopback ports (every other transport is
# `error:`) and Dovecot only stores into its maildirs, so no mail ever leaves the machine.
# .peers/env also names SMTPSPEC_DOVECOT_IMAP, SMTPSPEC_DOVECOT_IMAPS, SMTPSPEC_CAPTURE (127.0.0.1:2526, where a
# test runs its capture) and SMTPSPEC_RELAY_DOMAIN (relay.example).
# SMTPSPEC_PEERS_DIR overrides the state directory (default: <repo>/.peers).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${SMTPSPEC_PEERS_DIR:-$ROOT/.peers}"
PEERS_CONFIG="$ROOT/Tests/Peers"
# Postfix's own tree (config, queue, data, delivered mail). Normally $STATE/postfix; see choose_postfix_home.
POSTFIX_HOME="$(cat "$STATE/postfix-home" 2>/dev/null || echo "$STATE/postfix")"
POSTFIX_ETC="$POSTFIX_HOME/etc"
# Dovecot's tree (config, runtime, state, delivered mail). Normally $STATE/dovecot; see choose_dovecot_home.
DOVECOT_HOME="$(cat "$STATE/dovecot-home" 2>/dev/null || echo "$STATE/dovecot")"
DOVECOT_CONF="$DOVECOT_HOME/etc/dovecot.conf"
PIDS_FILE="$STATE/pids"
ENV_FILE="$STATE/env"

POSTFIX_HOST=127.0.0.1
POSTFIX_PORT=2525
POSTFIX_PORT_V6=2525
AIOSMTPD_HOST=127.0.0.1
AIOSMTPD_PORT=8025
DNS_HOST=127.0.0.1
DNS_PORT=5353
MX_DOMAIN=mx.smtpspec.test
DOVECOT_HOST=127.0.0.1
DOVECOT_PORT=2424
DOVECOT_IMAP_PORT=2143
DOVECOT_IMAPS_PORT=2993
# Where Postfix relays relay.example: a capture server a mail-flow test runs (nothing listens between tests).
CAPTURE_HOST=127.0.0.1
CAPTURE_PORT=2526
# Where Postfix relays deferred.example: nothing ever listens there, so that mail stays deferred.
DEFERRED_PORT=2599
RELAY_DOMAIN=relay.example
# Seconds to wait for each peer to answer after starting it.
WAIT_SECONDS="${SMTPSPEC_PEERS_WAIT:-30}"

# swaks' TLS (--tls, --tls-verify) needs Net::SSLeay, IPv6 needs IO::Socket::INET6, CRAM-MD5 needs Digest::HMAC:
# Debian only recommends them, and we install without recommends.
PACKAGES=(postfix python3-aiosmtpd dnsmasq-base dovecot-core dovecot-lmtpd dovecot-imapd swaks libnet-ssleay-perl libio-socket-inet6-perl libdigest-hmac-perl
    openssl libxml2-utils perl python3-jsonschema python3-yaml chromium ca-certificates dnsutils)

log() { printf 'peers: %s\n' "$*" >&2; }
die() {
    printf 'peers: error: %s\n' "$*" >&2
    exit 1
}

# Runs a command as root: directly when root, through sudo otherwise.
as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        if sudo -n true 2>/dev/null; then
            sudo -n "$@"
        else
            sudo "$@"
        fi
    else
        die "need root (or sudo) to run: $*"
    fi
}

installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

cmd_install() {
    local missing=() package
    for package in "${PACKAGES[@]}"; do
        installed "$package" || missing+=("$package")
    done
    if ((${#missing[@]} == 0)); then
        log "install: every package is present"
        return 0
    fi
    log "install: missing: ${missing[*]}"
    echo "postfix postfix/main_mailer_type select No configuration" | as_root debconf-set-selections
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}"
    for package in "${missing[@]}"; do
        installed "$package" || die "install: $package did not install"
    done
    log "install: done"
}

# --- helpers for start/stop/status -----------------------------------------------------------------

# Reads the first line a TCP server sends (its banner), with a timeout. With a third argument, a CA file, the
# connection is TLS from the start (IMAPS) and the server's certificate is verified against it. Prints the line;
# fails if none.
read_banner() {
    local host=$1 port=$2 ca=${3:-} line
    line="$(timeout 5 /usr/bin/python3 - "$host" "$port" "$ca" <<'PY' 2>/dev/null
import socket, ssl, sys
host, port, ca = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with socket.create_connection((host, port), timeout=4) as raw:
    s = ssl.create_default_context(cafile=ca).wrap_socket(raw, server_hostname=host) if ca else raw
    data = b""
    while not data.endswith(b"\n"):
        chunk = s.recv(1024)
        if not chunk:
            break
        data += chunk
    s.sendall(b"a LOGOUT\r\n" if ca else b"QUIT\r\n")
    print(data.decode("utf-8", "replace").strip())
PY
)" || return 1
    [[ -n "$line" ]] || return 1
    printf '%s\n' "$line"
}

# Asks the test DNS server for the MX of the test domain. Prints the answer; fails if none.
query_mx() {
    local answer
    if command -v dig >/dev/null 2>&1; then
        answer="$(dig @"$DNS_HOST" -p "$DNS_PORT" +short +time=2 +tries=1 "$MX_DOMAIN" MX 2>/dev/null)" || return 1
    else
        return 1
    fi
    [[ -n "$answer" ]] || return 1
    printf '%s\n' "$answer" | tr '\n' ' '
    echo
}

# Waits until `$@` succeeds, at most WAIT_SECONDS.
wait_for() {
    local deadline=$((SECONDS + WAIT_SECONDS))
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || return 1
        sleep 0.3
    done
}

show_log() {
    local file=$1
    if [[ -f "$file" ]]; then
        printf -- '----- %s (last 40 lines) -----\n' "$file" >&2
        tail -n 40 "$file" >&2
        printf -- '-----\n' >&2
    else
        printf -- '(no log at %s)\n' "$file" >&2
    fi
}

# The start time of a process (field 22 of /proc/PID/stat), so a recorded pid that the system has since given
# to another process is never signalled.
start_time() {
    local stat
    stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
    stat="${stat##*) }"
    # After "pid (comm) " the fields start at 3 (state); start time is field 22.
    echo "$stat" | cut -d' ' -f20
}

# Starts a background process, records "name pid start-time" in the pids file.
spawn() {
    local name=$1 logfile=$2
    shift 2
    # 9>&-: the child must not inherit the lock of with_lock, or it would hold it for its whole life.
    setsid "$@" >"$logfile" 2>&1 </dev/null 9>&- &
    local pid=$!
    printf '%s %s %s\n' "$name" "$pid" "$(start_time "$pid")" >>"$PIDS_FILE"
    log "started $name (pid $pid)"
}

postfix_running() {
    [[ -f "$POSTFIX_ETC/main.cf" ]] && as_root postfix -c "$POSTFIX_ETC" status >/dev/null 2>&1
}

# The pid of the Dovecot master running from our config (its master.pid, checked against its command line), if
# any; fails when none is.
dovecot_master() {
    local pid
    pid="$(cat "$DOVECOT_HOME/run/master.pid" 2>/dev/null)" || return 1
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-c $DOVECOT_CONF" || return 1
    printf '%s\n' "$pid"
}

# --- start -----------------------------------------------------------------------------------------

make_certificates() {
    local dir="$STATE/tls"
    mkdir -p "$dir"
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -sha256 \
        -subj "/O=smtpspec tests/CN=smtpspec test CA" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -keyout "$dir/ca.key" -out "$dir/ca.pem" >/dev/null 2>&1 || die "openssl: cannot make the test CA"
    openssl req -newkey rsa:2048 -nodes -sha256 -subj "/O=smtpspec tests/CN=mail.smtpspec.test" \
        -keyout "$dir/server.key" -out "$dir/server.csr" >/dev/null 2>&1 || die "openssl: cannot make the CSR"
    cat >"$dir/server.ext" <<'EOF'
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:mail.smtpspec.test, DNS:localhost, IP:127.0.0.1, IP:::1
EOF
    openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
        -days 30 -sha256 -extfile "$dir/server.ext" -out "$dir/server.pem" >/dev/null 2>&1 ||
        die "openssl: cannot sign the server certificate"
    cat "$dir/server.pem" "$dir/ca.pem" >"$dir/server-chain.pem"
    chmod 600 "$dir/ca.key" "$dir/server.key"
    # A c_rehash-style directory, for clients that want a CA *path* (swaks --tls-ca-path, openssl -CApath).
    mkdir -p "$dir/ca-dir"
    cp "$dir/ca.pem" "$dir/ca-dir/ca.pem"
    ln -sf ca.pem "$dir/ca-dir/$(openssl x509 -hash -noout -in "$dir/ca.pem").0"
}

# Renders a template: every @NAME@ is replaced by the value of the shell variable NAME.
render() {
    local template=$1 output=$2
    sed -e "s|@STATE@|$STATE|g" -e "s|@POSTFIX_HOME@|$POSTFIX_HOME|g" -e "s|@POSTFIX_ETC@|$POSTFIX_ETC|g" -e "s|@POSTFIX_PORT@|$POSTFIX_PORT|g" \
        -e "s|@POSTFIX_PORT_V6@|$POSTFIX_PORT_V6|g" -e "s|@NOBODY_UID@|$(id -u nobody)|g" \
        -e "s|@NOBODY_GID@|$(id -g nobody)|g" -e "s|@DOVECOT_HOME@|$DOVECOT_HOME|g" \
        -e "s|@DOVECOT_HOST@|$DOVECOT_HOST|g" -e "s|@DOVECOT_PORT@|$DOVECOT_PORT|g" \
        -e "s|@DOVECOT_IMAP_PORT@|$DOVECOT_IMAP_PORT|g" -e "s|@DOVECOT_IMAPS_PORT@|$DOVECOT_IMAPS_PORT|g" \
        -e "s|@CAPTURE_HOST@|$CAPTURE_HOST|g" -e "s|@CAPTURE_PORT@|$CAPTURE_PORT|g" \
        -e "s|@DEFERRED_PORT@|$DEFERRED_PORT|g" "$template" >"$output"
}

# Postfix's unprivileged processes (user postfix) and its delivery agent (user nobody) must be able to reach the
# queue and the maildirs. When the checkout sits below a directory they cannot enter (a clone inside a mode-700
# temporary directory, say), Postfix's tree goes to /var/tmp/smtpspec-peers-<hash of the state dir> instead.
choose_postfix_home() {
    local home="$STATE/postfix"
    if [[ $(id -u) -eq 0 ]] && command -v runuser >/dev/null 2>&1; then
        if ! runuser -u postfix -- test -x "$STATE/." 2>/dev/null ||
            ! runuser -u nobody -- test -x "$STATE/." 2>/dev/null; then
            home="/var/tmp/smtpspec-peers-$(printf '%s' "$STATE" | sha256sum | cut -c1-12)"
            log "the postfix and nobody users cannot enter $STATE; Postfix's tree goes to $home"
        fi
    fi
    POSTFIX_HOME=$home
    POSTFIX_ETC="$POSTFIX_HOME/etc"
    printf '%s\n' "$POSTFIX_HOME" >"$STATE/postfix-home"
}

start_postfix() {
    command -v postfix >/dev/null 2>&1 || die "postfix is not installed (run: scripts/peers.sh install)"
    local src="$PEERS_CONFIG/postfix"
    choose_postfix_home
    rm -rf "$POSTFIX_ETC"
    mkdir -p "$POSTFIX_ETC" "$POSTFIX_HOME/queue" "$POSTFIX_HOME/data" "$POSTFIX_HOME/mail"
    render "$src/main.cf.in" "$POSTFIX_ETC/main.cf"
    render "$src/master.cf.in" "$POSTFIX_ETC/master.cf"
    cp "$src/recipients" "$POSTFIX_ETC/recipients"
    render "$src/transport.in" "$POSTFIX_ETC/transport"
    # The listener on ::1 only when the kernel has IPv6 on loopback.
    if ! ip -6 addr show dev lo 2>/dev/null | grep -q '::1'; then
        sed -i '/^\[::1\]/d' "$POSTFIX_ETC/master.cf"
    fi
    # Postfix wants its config and queue owned by root and not group/other writable; the maildir is written
    # by the virtual delivery agent as nobody.
    chmod 755 "$STATE" "$POSTFIX_HOME" "$POSTFIX_ETC" "$POSTFIX_HOME/queue"
    chmod 644 "$POSTFIX_ETC/main.cf" "$POSTFIX_ETC/master.cf" "$POSTFIX_ETC/recipients" "$POSTFIX_ETC/transport"
    as_root chown -R "$(id -u nobody):$(id -g nobody)" "$POSTFIX_HOME/mail"
    as_root chown "$(id -u postfix 2>/dev/null || echo 0)" "$POSTFIX_HOME/data"
    : >"$STATE/postfix.log"
    chmod 644 "$STATE/postfix.log"
    if ! as_root postfix -c "$POSTFIX_ETC" check >"$STATE/postfix-check.log" 2>&1; then
        show_log "$STATE/postfix-check.log"
        show_log "$STATE/postfix.log"
        die "postfix check failed for $POSTFIX_ETC"
    fi
    if ! as_root postfix -c "$POSTFIX_ETC" start >>"$STATE/postfix-check.log" 2>&1 9>&-; then
        show_log "$STATE/postfix-check.log"
        show_log "$STATE/postfix.log"
        die "postfix start failed for $POSTFIX_ETC"
    fi
    printf 'postfix-instance %s\n' "$POSTFIX_ETC" >>"$PIDS_FILE"
    log "started postfix (-c $POSTFIX_ETC)"
}

start_aiosmtpd() {
    [[ -x /usr/bin/python3 ]] || die "/usr/bin/python3 is missing"
    /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null ||
        die "/usr/bin/python3 cannot import aiosmtpd (run: scripts/peers.sh install)"
    spawn aiosmtpd "$STATE/aiosmtpd.log" bash "$PEERS_CONFIG/aiosmtpd/run.sh" "$AIOSMTPD_HOST" "$AIOSMTPD_PORT"
}

start_dnsmasq() {
    local dnsmasq
    dnsmasq="$(command -v dnsmasq || true)"
    [[ -n "$dnsmasq" ]] || dnsmasq=/usr/sbin/dnsmasq
    [[ -x "$dnsmasq" ]] || die "dnsmasq is not installed (run: scripts/peers.sh install)"
    local args=()
    local line
    while IFS= read -r line || [[ -n "$line" ]]; do
        line="${line%%#*}"
        line="$(echo "$line" | xargs)"
        [[ -n "$line" ]] && args+=("$line")
    done <"$PEERS_CONFIG/dnsmasq/records.args"
    spawn dnsmasq "$STATE/dnsmasq.log" "$dnsmasq" --keep-in-foreground --log-facility=- --conf-file=/dev/null \
        --port="$DNS_PORT" --listen-address="$DNS_HOST" --bind-interfaces --no-resolv --no-poll --no-hosts \
        --user=nobody --group=nogroup --pid-file= "${args[@]}"
}

# Dovecot's auth process (user dovecot) reads the users file and its LMTP delivery (user nobody) writes the
# maildirs; when they cannot enter the state directory, Dovecot's tree goes to
# /var/tmp/smtpspec-dovecot-<hash of the state dir> instead, as Postfix's does.
choose_dovecot_home() {
    local home="$STATE/dovecot"
    if [[ $(id -u) -eq 0 ]] && command -v runuser >/dev/null 2>&1; then
        if ! runuser -u dovecot -- test -x "$STATE/." 2>/dev/null ||
            ! runuser -u nobody -- test -x "$STATE/." 2>/dev/null; then
            home="/var/tmp/smtpspec-dovecot-$(printf '%s' "$STATE" | sha256sum | cut -c1-12)"
            log "the dovecot and nobody users cannot enter $STATE; Dovecot's tree goes to $home"
        fi
    fi
    DOVECOT_HOME=$home
    DOVECOT_CONF="$DOVECOT_HOME/etc/dovecot.conf"
    printf '%s\n' "$DOVECOT_HOME" >"$STATE/dovecot-home"
}

start_dovecot() {
    local dovecot
    dovecot="$(command -v dovecot || true)"
    [[ -n "$dovecot" ]] || dovecot=/usr/sbin/dovecot
    [[ -x "$dovecot" ]] || die "dovecot is not installed (run: scripts/peers.sh install)"
    [[ -x /usr/lib/dovecot/lmtp ]] || die "Dovecot's LMTP server is not installed (run: scripts/peers.sh install)"
    [[ -x /usr/lib/dovecot/imap ]] || die "Dovecot's IMAP server is not installed (run: scripts/peers.sh install)"
    getent passwd dovecot >/dev/null && getent passwd dovenull >/dev/null ||
        die "the users dovecot and dovenull are missing (dovecot-core makes them; run: scripts/peers.sh install)"
    local src="$PEERS_CONFIG/dovecot"
    choose_dovecot_home
    # A fresh tree each time: no mail, quota or state from an earlier start.
    as_root rm -rf "$DOVECOT_HOME"
    mkdir -p "$DOVECOT_HOME/etc" "$DOVECOT_HOME/mail"
    render "$src/dovecot.conf.in" "$DOVECOT_CONF"
    render "$src/users.in" "$DOVECOT_HOME/etc/users"
    chmod 755 "$STATE" "$DOVECOT_HOME" "$DOVECOT_HOME/etc"
    chmod 644 "$DOVECOT_CONF" "$DOVECOT_HOME/etc/users"
    # Every user's mail belongs to nobody (Tests/Peers/dovecot/users.in).
    as_root chown "$(id -u nobody):$(id -g nobody)" "$DOVECOT_HOME/mail"
    # doveconf reads the config the way dovecot will, so a bad template fails here with Dovecot's message.
    if ! as_root "$dovecot" -c "$DOVECOT_CONF" -n >"$STATE/dovecot-check.log" 2>&1; then
        show_log "$STATE/dovecot-check.log"
        die "dovecot -n failed for $DOVECOT_CONF"
    fi
    # -F: in the foreground, so the recorded pid is the master's and stop ends its process group. Its log goes
    # to stderr (log_path = /dev/stderr), that is to .peers/dovecot.log.
    local sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo -n)
    spawn dovecot "$STATE/dovecot.log" "${sudo[@]}" "$dovecot" -F -c "$DOVECOT_CONF"
}

write_env() {
    local tmp="$ENV_FILE.tmp"
    cat >"$tmp" <<EOF
# Written by scripts/peers.sh start. Source it: set -a; . .peers/env; set +a
SMTPSPEC_PEERS=1
SMTPSPEC_POSTFIX=$POSTFIX_HOST:$POSTFIX_PORT
SMTPSPEC_POSTFIX_V6=$( [[ -f "$POSTFIX_ETC/master.cf" ]] && grep -q '^\[::1\]' "$POSTFIX_ETC/master.cf" && echo "[::1]:$POSTFIX_PORT_V6")
SMTPSPEC_POSTFIX_HOSTNAME=mail.smtpspec.test
SMTPSPEC_POSTFIX_MAILDIR=$POSTFIX_HOME/mail
SMTPSPEC_AIOSMTPD=$AIOSMTPD_HOST:$AIOSMTPD_PORT
SMTPSPEC_DNS=$DNS_HOST:$DNS_PORT
SMTPSPEC_DOVECOT_LMTP=$DOVECOT_HOST:$DOVECOT_PORT
SMTPSPEC_DOVECOT_MAILDIR=$DOVECOT_HOME/mail
SMTPSPEC_DOVECOT_IMAP=$DOVECOT_HOST:$DOVECOT_IMAP_PORT
SMTPSPEC_DOVECOT_IMAPS=$DOVECOT_HOST:$DOVECOT_IMAPS_PORT
SMTPSPEC_CAPTURE=$CAPTURE_HOST:$CAPTURE_PORT
SMTPSPEC_RELAY_DOMAIN=$RELAY_DOMAIN
SMTPSPEC_MX_DOMAIN=$MX_DOMAIN
SMTPSPEC_MX_DEAD_HOST=mx-dead.smtpspec.test
SMTPSPEC_MX_LIVE_HOST=mx-live.smtpspec.test
SMTPSPEC_TEST_CA=$STATE/tls/ca.pem
SMTPSPEC_TEST_CA_DIR=$STATE/tls/ca-dir
SMTPSPEC_TLS_CERT=$STATE/tls/server.pem
SMTPSPEC_TLS_KEY=$STATE/tls/server.key
SMTPSPEC_TLS_SERVER_NAME=mail.smtpspec.test
SMTPSPEC_PEERS_DIR=$STATE
EOF
    mv "$tmp" "$ENV_FILE"
}

# Fails when something this script did not start already holds one of the peers' ports (for example the peers
# of another checkout): the tests would otherwise talk to that instead.
check_ports_free() {
    /usr/bin/python3 - "$POSTFIX_HOST:$POSTFIX_PORT/tcp" "$AIOSMTPD_HOST:$AIOSMTPD_PORT/tcp" \
        "$DNS_HOST:$DNS_PORT/tcp" "$DNS_HOST:$DNS_PORT/udp" "$DOVECOT_HOST:$DOVECOT_PORT/tcp" \
        "$DOVECOT_HOST:$DOVECOT_IMAP_PORT/tcp" "$DOVECOT_HOST:$DOVECOT_IMAPS_PORT/tcp" <<'PY'
import socket, sys
busy = []
for spec in sys.argv[1:]:
    address, proto = spec.rsplit("/", 1)
    host, port = address.rsplit(":", 1)
    kind = socket.SOCK_STREAM if proto == "tcp" else socket.SOCK_DGRAM
    with socket.socket(socket.AF_INET, kind) as s:
        if kind == socket.SOCK_STREAM:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, int(port)))
        except OSError as error:
            busy.append("%s (%s)" % (spec, error.strerror))
if busy:
    print("in use: " + ", ".join(busy))
    sys.exit(1)
PY
}

# A hash of everything that decides how the peers are set up.
fingerprint() {
    (
        cd "$ROOT"
        find scripts/peers.sh Tests/Peers -type f -print0 | sort -z | xargs -0 sha256sum
    ) | sha256sum | cut -d' ' -f1
}

cmd_current() {
    [[ -f "$ENV_FILE" && -f "$STATE/fingerprint" ]] || return 1
    [[ "$(cat "$STATE/fingerprint")" == "$(fingerprint)" ]] || return 1
    cmd_status >/dev/null 2>&1
}

cmd_start() {
    mkdir -p "$STATE"
    if [[ -f "$PIDS_FILE" ]] || postfix_running || dovecot_master >/dev/null; then
        log "start: stopping what an earlier start left behind"
        cmd_stop
    fi
    rm -rf "$STATE/tls" "$ENV_FILE" "$STATE/fingerprint"
    local busy
    if ! busy="$(check_ports_free)"; then
        die "start: $busy; something this script did not start holds a peer port (another checkout's peers? \
stop them with that checkout's scripts/peers.sh stop)"
    fi
    umask 022
    : >"$PIDS_FILE"
    make_certificates
    start_postfix
    start_aiosmtpd
    start_dnsmasq
    start_dovecot
    write_env

    local failed=0
    if ! wait_for read_banner "$POSTFIX_HOST" "$POSTFIX_PORT"; then
        log "postfix did not answer on $POSTFIX_HOST:$POSTFIX_PORT within ${WAIT_SECONDS}s"
        show_log "$STATE/postfix.log"
        failed=1
    fi
    if ! wait_for read_banner "$AIOSMTPD_HOST" "$AIOSMTPD_PORT"; then
        log "aiosmtpd did not answer on $AIOSMTPD_HOST:$AIOSMTPD_PORT within ${WAIT_SECONDS}s"
        show_log "$STATE/aiosmtpd.log"
        failed=1
    fi
    if ! wait_for query_mx; then
        log "dnsmasq did not answer MX $MX_DOMAIN on $DNS_HOST:$DNS_PORT within ${WAIT_SECONDS}s"
        show_log "$STATE/dnsmasq.log"
        failed=1
    fi
    if ! wait_for read_banner "$DOVECOT_HOST" "$DOVECOT_PORT"; then
        log "dovecot did not answer LMTP on $DOVECOT_HOST:$DOVECOT_PORT within ${WAIT_SECONDS}s"
        show_log "$STATE/dovecot.log"
        failed=1
    fi
    if ! wait_for read_banner "$DOVECOT_HOST" "$DOVECOT_IMAP_PORT"; then
        log "dovecot did not answer IMAP on $DOVECOT_HOST:$DOVECOT_IMAP_PORT within ${WAIT_SECONDS}s"
        show_log "$STATE/dovecot.log"
        failed=1
    fi
    if ! wait_for read_banner "$DOVECOT_HOST" "$DOVECOT_IMAPS_PORT" "$STATE/tls/ca.pem"; then
        log "dovecot did not answer IMAPS on $DOVECOT_HOST:$DOVECOT_IMAPS_PORT within ${WAIT_SECONDS}s"
        show_log "$STATE/dovecot.log"
        failed=1
    fi
    if ((failed)); then
        cmd_stop
        die "start: a peer did not come up (see above)"
    fi
    cmd_status
    fingerprint >"$STATE/fingerprint"
    log "start: peers are up; environment in $ENV_FILE"
}

# --- stop ------------------------------------------------------------------------------------------

cmd_stop() {
    if [[ -f "$PIDS_FILE" ]]; then
        local name pid started
        while read -r name pid started; do
            [[ -n "${name:-}" ]] || continue
            if [[ "$name" == postfix-instance ]]; then
                if [[ -f "$pid/main.cf" ]]; then
                    as_root postfix -c "$pid" stop >/dev/null 2>&1 || true
                    log "stopped postfix (-c $pid)"
                fi
                continue
            fi
            [[ "$pid" =~ ^[0-9]+$ ]] || continue
            if [[ -n "${started:-}" && "$(start_time "$pid")" != "$started" ]]; then
                continue # gone, and the pid now belongs to someone else (or to nobody)
            fi
            if kill -0 "$pid" 2>/dev/null; then
                # spawn() used setsid, so the recorded pid leads its own process group: stop the group.
                kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
                local waited=0
                while kill -0 "$pid" 2>/dev/null && ((waited < 50)); do
                    sleep 0.1
                    waited=$((waited + 1))
                done
                if kill -0 "$pid" 2>/dev/null; then
                    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
                fi
                log "stopped $name (pid $pid)"
            fi
        done <"$PIDS_FILE"
        rm -f "$PIDS_FILE"
    fi
    # A Postfix instance whose pids file was lost: it is still ours, its config lives in our state directory.
    if postfix_running; then
        as_root postfix -c "$POSTFIX_ETC" stop >/dev/null 2>&1 || true
        log "stopped postfix (-c $POSTFIX_ETC)"
    fi
    # A Postfix tree moved out to /var/tmp is ours alone and is not kept once stopped.
    if [[ "$POSTFIX_HOME" == /var/tmp/smtpspec-peers-* && -d "$POSTFIX_HOME" ]]; then
        as_root rm -rf "$POSTFIX_HOME"
    fi
    # A Dovecot master whose pids file was lost: it is still ours, it runs from the config in our tree.
    local master
    if master="$(dovecot_master)"; then
        as_root kill -TERM "$master" 2>/dev/null || true
        local waited=0
        while kill -0 "$master" 2>/dev/null && ((waited < 50)); do
            sleep 0.1
            waited=$((waited + 1))
        done
        log "stopped dovecot (pid $master, -c $DOVECOT_CONF)"
    fi
    if [[ "$DOVECOT_HOME" == /var/tmp/smtpspec-dovecot-* && -d "$DOVECOT_HOME" ]]; then
        as_root rm -rf "$DOVECOT_HOME"
    fi
    rm -f "$ENV_FILE" "$STATE/fingerprint"
}

# --- status ----------------------------------------------------------------------------------------

cmd_status() {
    local down=0 answer
    if answer="$(read_banner "$POSTFIX_HOST" "$POSTFIX_PORT")"; then
        printf 'postfix   %-16s up    %s\n' "$POSTFIX_HOST:$POSTFIX_PORT" "$answer"
    else
        printf 'postfix   %-16s DOWN\n' "$POSTFIX_HOST:$POSTFIX_PORT"
        down=1
    fi
    if answer="$(read_banner "$AIOSMTPD_HOST" "$AIOSMTPD_PORT")"; then
        printf 'aiosmtpd  %-16s up    %s\n' "$AIOSMTPD_HOST:$AIOSMTPD_PORT" "$answer"
    else
        printf 'aiosmtpd  %-16s DOWN\n' "$AIOSMTPD_HOST:$AIOSMTPD_PORT"
        down=1
    fi
    if answer="$(query_mx)"; then
        printf 'dnsmasq   %-16s up    MX %s: %s\n' "$DNS_HOST:$DNS_PORT" "$MX_DOMAIN" "$answer"
    else
        printf 'dnsmasq   %-16s DOWN\n' "$DNS_HOST:$DNS_PORT"
        down=1
    fi
    if answer="$(read_banner "$DOVECOT_HOST" "$DOVECOT_PORT")"; then
        printf 'dovecot   %-16s up    %s\n' "$DOVECOT_HOST:$DOVECOT_PORT" "$answer"
    else
        printf 'dovecot   %-16s DOWN\n' "$DOVECOT_HOST:$DOVECOT_PORT"
        down=1
    fi
    if answer="$(read_banner "$DOVECOT_HOST" "$DOVECOT_IMAP_PORT")"; then
        printf 'imap      %-16s up    %s\n' "$DOVECOT_HOST:$DOVECOT_IMAP_PORT" "$answer"
    else
        printf 'imap      %-16s DOWN\n' "$DOVECOT_HOST:$DOVECOT_IMAP_PORT"
        down=1
    fi
    if answer="$(read_banner "$DOVECOT_HOST" "$DOVECOT_IMAPS_PORT" "$STATE/tls/ca.pem")"; then
        printf 'imaps     %-16s up    %s\n' "$DOVECOT_HOST:$DOVECOT_IMAPS_PORT" "$answer"
    else
        printf 'imaps     %-16s DOWN\n' "$DOVECOT_HOST:$DOVECOT_IMAPS_PORT"
        down=1
    fi
    return "$down"
}

# Serialises start/stop across concurrent callers (two test runs at once).
with_lock() {
    mkdir -p "$STATE"
    exec 9>"$STATE/.lock"
    flock -w 120 9 || die "another peers.sh holds $STATE/.lock"
    "$@"
}

case "${1:-}" in
    install) cmd_install ;;
    start) with_lock cmd_start ;;
    stop) with_lock cmd_stop ;;
    status) cmd_status ;;
    env) cat "$ENV_FILE" ;;
    current) cmd_current ;;
    *)
        sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
        exit 2
        ;;
esac
