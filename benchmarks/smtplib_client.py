#!/usr/bin/python3
"""N seed-walkthrough sessions with Python's smtplib, one after another, in one process.

Each session: connect, EHLO contoso.com, MAIL FROM:<chris@contoso.com>,
RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE, DATA with the message file, QUIT.
Exits 1 if any session did not get a 2xx for every command; prints "N ok" otherwise.
Only loopback addresses are accepted as the server.
"""
import argparse
import ipaddress
import smtplib
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default="127.0.0.1:2626", help="HOST:PORT (loopback only)")
    parser.add_argument("-n", "--sessions", type=int, default=500)
    parser.add_argument("--message", required=True, help="file with the message (headers and body)")
    args = parser.parse_args()

    host, _, port = args.server.rpartition(":")
    if not ipaddress.ip_address(host.strip("[]")).is_loopback:
        print(f"refusing non-loopback server {host}", file=sys.stderr)
        return 2
    with open(args.message, "rb") as f:
        message = f.read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")

    failures = 0
    for _ in range(args.sessions):
        try:
            with smtplib.SMTP(host.strip("[]"), int(port), local_hostname="contoso.com", timeout=30) as smtp:
                code, _ = smtp.ehlo()
                if code != 250 or not smtp.has_extn("dsn"):
                    raise smtplib.SMTPException(f"EHLO {code}, DSN advertised: {smtp.has_extn('dsn')}")
                refused = smtp.sendmail(
                    "chris@contoso.com",
                    ["kate@fabrikam.com"],
                    message,
                    rcpt_options=["NOTIFY=SUCCESS,FAILURE"],
                )
                if refused:
                    raise smtplib.SMTPException(f"refused: {refused}")
                code, _ = smtp.quit()
                # smtp.quit() closes the connection; the context manager's own QUIT is then skipped.
                if code != 221:
                    raise smtplib.SMTPException(f"QUIT {code}")
        except (OSError, smtplib.SMTPException) as error:
            failures += 1
            if failures <= 3:
                print(f"session failed: {error}", file=sys.stderr)
    print(f"{args.sessions - failures} ok, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
