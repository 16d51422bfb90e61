"""A TCP server on 127.0.0.1 that misbehaves on purpose, for the failure-report golden tests.

Usage: misbehaving_server.py MODE. It binds an ephemeral port, prints it on the first line of standard output,
and serves until standard input closes (so it never outlives the test that started it). MODE is:
  silent   accept and never send a greeting
  garbage  greet with a line that is not an SMTP reply
"""

import socket
import sys
import threading

MODE = sys.argv[1]


def serve(connection):
    try:
        if MODE == "garbage":
            connection.sendall(b"HELLO there, I am not an SMTP server\r\n")
        connection.settimeout(30)
        while connection.recv(1024):
            pass
    except OSError:
        pass
    finally:
        connection.close()


def accept(listener):
    while True:
        try:
            connection, _ = listener.accept()
        except OSError:
            return
        threading.Thread(target=serve, args=(connection,), daemon=True).start()


listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 0))
listener.listen(16)
print(listener.getsockname()[1], flush=True)
threading.Thread(target=accept, args=(listener,), daemon=True).start()
sys.stdin.read()
listener.close()
