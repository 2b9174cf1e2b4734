"""Running the page: uvicorn, with what a server on a province's network needs beyond its
settings. uvicorn (0.30 and later) times out an idle keep-alive connection, but not a client
that trickles its headers a byte at a time, and it closes a connection the moment it has
answered, even while the client is still sending (a client that reads only after sending, as
Python's urllib and requests do, then sees "connection reset" instead of the answer). So its
h11 protocol gets three additions here:

- a deadline on the headers of every request (`Limits.header_seconds`), from the moment the
  server waits for them, whatever trickles in meanwhile;
- a limit on open connections (`Limits.max_connections`, kept below the file limit): beyond it
  the connection that has waited longest for its headers makes way, so that a crowd of slow
  clients cannot lock out a real one; with none idle, the newcomer gets 503;
- after an answer given before the request's body was read (413, 401, 403, 408), the server
  stops writing and reads, discarding, what the client still sends (up to `linger_mb`, for
  `linger_seconds`) before it closes, so that any client gets to read that answer.
"""

from __future__ import annotations

import asyncio
import copy
import logging
from collections.abc import Callable
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..words.messages import say
from .settings import Limits, ServeSettings

LOG = logging.getLogger("kinerja_xl.web")
BACKLOG = 128  # connections waiting to be accepted (asyncio takes them all at one wake-up)
RESERVE = 64  # open files kept for the ledger, the workers' pipes and the rest
BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\n"
    b"connection: close\r\ncontent-length: 5\r\n\r\nbusy\n"
)


class Lingering:
    """The connection's transport, as uvicorn sees it: closing it while the client is still
    sending the request's body shuts our side for writing and reads the rest, then closes."""

    def __init__(self, transport: asyncio.Transport, protocol: GuardedH11) -> None:
        self._transport, self._protocol = transport, protocol
        self.lingering = False

    def close(self) -> None:
        if self.lingering or self._transport.is_closing():
            return
        protocol = self._protocol
        if protocol.conn.their_state is not h11.SEND_BODY or not self._transport.can_write_eof():
            self._transport.close()
            return
        self.lingering = True
        protocol.start_lingering()
        self._transport.write_eof()  # the answer is on its way; then the client reads EOF

    def is_closing(self) -> bool:
        return self.lingering or self._transport.is_closing()

    def end(self) -> None:
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class GuardedH11(H11Protocol):
    limits = Limits()  # set per server by `protocol_for`

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timer: asyncio.TimerHandle | None = None
        self._linger_timer: asyncio.TimerHandle | None = None
        self._lingered = 0
        self.waiting_since = 0.0

    # --- connections ----------------------------------------------------------------------

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.transport = Lingering(transport, self)  # type: ignore[assignment]
        self._await_headers()
        self._make_room()

    def connection_lost(self, exc: Exception | None) -> None:
        for timer in (self._header_timer, self._linger_timer):
            if timer is not None:
                timer.cancel()
        super().connection_lost(exc)

    def _make_room(self) -> None:
        """Over the limit: the connection that has waited longest for its headers goes; with
        none waiting, this one is answered 503 and closed."""
        if len(self.connections) <= self.limits.max_connections:
            return
        idle = [
            c
            for c in self.connections
            if c is not self and isinstance(c, GuardedH11) and c.waiting_for_headers()
        ]
        if idle:
            min(idle, key=lambda c: c.waiting_since).drop()
            return
        self.transport.write(BUSY)
        self.drop()

    def waiting_for_headers(self) -> bool:
        return (
            self.conn.their_state is h11.IDLE
            and not self.transport.is_closing()
            and self._header_timer is not None
        )

    def drop(self) -> None:
        self._cancel_header_timer()
        transport = self.transport
        if isinstance(transport, Lingering):
            transport.end()
        else:
            transport.close()

    # --- the headers' deadline ------------------------------------------------------------

    def _await_headers(self) -> None:
        self._cancel_header_timer()
        self.waiting_since = self.loop.time()
        self._header_timer = self.loop.call_later(self.limits.header_seconds, self.drop)

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def data_received(self, data: bytes) -> None:
        if isinstance(self.transport, Lingering) and self.transport.lingering:
            self._lingered += len(data)
            if self._lingered > self.limits.linger_mb * 1024 * 1024:
                self.drop()
            return
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:
            self._cancel_header_timer()  # a request has begun: its headers are in

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self._await_headers()  # the next request on this connection

    # --- reading what a client still sends after an early answer ---------------------------

    def start_lingering(self) -> None:
        self._cancel_header_timer()
        self.flow.resume_reading()
        self._linger_timer = self.loop.call_later(self.limits.linger_seconds, self.drop)

    def eof_received(self) -> None:
        if isinstance(self.transport, Lingering) and self.transport.lingering:
            self.drop()


def protocol_for(limits: Limits) -> type[GuardedH11]:
    return type("GuardedH11", (GuardedH11,), {"limits": limits})


def raise_file_limit(wanted: int) -> int:
    """The soft limit on open files raised towards the hard one (Unix); what it is now. Every
    connection is a file: the connection limit stays below this, so that accepting never fails
    (asyncio logs a traceback a second while it does)."""
    try:
        import resource
    except ImportError:  # Windows: no such limit to raise
        return wanted + 64
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted + 64 if hard == resource.RLIM_INFINITY else min(hard, wanted + 64)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass
    return wanted + 64 if soft == resource.RLIM_INFINITY else int(soft)


def connection_budget(wanted: int, files: int) -> tuple[int, int]:
    """(backlog, connections) a server may take with `files` open files. asyncio accepts a
    whole backlog of waiting connections at one wake-up, before the oldest can make way, and
    perhaps a second before those it dropped are closed; each connection may also hold an
    upload spooled to a temporary file; RESERVE files stay for the ledger, the workers' pipes
    and the rest. Beyond its files a server accepts no one, and asyncio logs a traceback for
    every connection it could not take."""
    backlog = max(8, min(BACKLOG, (files - RESERVE) // 8))
    return backlog, max(16, min(wanted, (files - RESERVE - 2 * backlog) // 2))


class QuietAccept:
    """The event loop's handler of errors nobody awaits: out of files while accepting is one
    line in the log every 10 s at most (asyncio writes a traceback for each connection it
    could not take, hundreds a second); anything else as asyncio says it."""

    def __init__(self, lang: str) -> None:
        self.lang, self.said = lang, float("-inf")

    def __call__(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        if context.get("message") != "socket.accept() out of system resource":
            loop.default_exception_handler(context)
            return
        if loop.time() - self.said >= 10:
            self.said = loop.time()
            LOG.warning(say("web-log-out-of-files", self.lang, error=context.get("exception")))


class Server(uvicorn.Server):
    """uvicorn's server, which says it is ready once it listens (the address printed before
    then could not be opened yet: starting the workers takes seconds on a busy machine), and
    whose event loop is quiet when out of files."""

    def __init__(self, config: Any, lang: str, ready: Callable[[], None]) -> None:
        super().__init__(config)
        self.lang, self.ready = lang, ready

    async def startup(self, sockets: Any = None) -> None:
        asyncio.get_running_loop().set_exception_handler(QuietAccept(self.lang))
        await super().startup(sockets=sockets)
        if self.started and not self.should_exit:
            self.ready()


def log_config() -> dict[str, Any]:
    """uvicorn's logging, with our one-line messages (a dropped client) beside its own."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["kinerja_xl.web"] = {
        "handlers": ["default"],
        "level": "INFO",
        "propagate": False,
    }
    return config


def config(settings: ServeSettings, app: Any, **options: Any) -> Any:
    """The uvicorn configuration of `kinerja-xl serve` (the tests start a server from it)."""
    import uvicorn

    limits = settings.limits
    files = raise_file_limit(2 * limits.max_connections + 2 * BACKLOG)
    backlog, limits.max_connections = connection_budget(limits.max_connections, files)
    return uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        backlog=backlog,
        http=protocol_for(limits),
        timeout_keep_alive=limits.keep_alive_seconds,
        h11_max_incomplete_event_size=32 * 1024,  # headers: 32 KB at most
        server_header=False,
        proxy_headers=False,
        log_config=log_config(),
        log_level=options.pop("log_level", "warning"),
        **options,
    )


def serve(settings: ServeSettings, ready: Callable[[], None] = lambda: None) -> None:
    """Serve until interrupted; `ready` is called once the server listens."""
    from .app import create_app

    Server(config(settings, create_app(settings)), settings.lang, ready).run()
