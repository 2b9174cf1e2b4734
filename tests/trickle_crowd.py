"""A crowd of clients trickling their headers, in a process of its own (its own files):
`python tests/trickle_crowd.py PORT COUNT` opens COUNT connections to 127.0.0.1:PORT, each
sending the start of a request's headers, prints how many it opened, then sends a header byte
on every one still open twice a second until it is ended."""

from __future__ import annotations

import socket
import sys
import time


def main(port: int, count: int) -> None:
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        wanted = count + 64 if hard == resource.RLIM_INFINITY else min(hard, count + 64)
        resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))
    except (ImportError, ValueError, OSError):
        pass
    crowd = []
    for _ in range(count):
        try:
            connection = socket.create_connection(("127.0.0.1", port), timeout=10)
            connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            crowd.append(connection)
        except OSError:
            pass
    print(len(crowd), flush=True)
    while True:
        for connection in crowd:
            try:
                connection.send(b"X")
            except OSError:
                pass
        time.sleep(0.5)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
