"""The request's edges, one small ASGI layer each, outermost first:

- `DroppedClients`: a client that goes away mid-upload is one line in the log, not a traceback;
- `SecurityHeaders`: every answer carries CSP (never framed), nosniff, no referrer to another
  site, no caching;
- `HostAllowList`: a Host the server does not serve is 400 (a DNS-rebinding page gets nothing);
- `CrossSite`: a state-changing request from another site is 403, with or without a key;
- `Keys`: who asks — the province (its --token, or no key asked on this computer) or an office
  (its key, from the ledger); a key in a link becomes a cookie and leaves the address;
- `BodyLimits`: an upload over --max-upload-mb is 413; one that stalls or crawls is 408.

The server itself (server.py) adds what ASGI cannot see: a deadline on the headers, a limit on
connections, and reading what a client still sends after an early answer."""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from typing import Any
from urllib.parse import urlencode, urlsplit

from starlette.datastructures import Headers
from starlette.requests import ClientDisconnect, Request
from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..inbox import Inbox, Sender
from ..words.messages import say
from .pages import Pages, csp, for_scripts, language
from .settings import ServeSettings, split_host

KEY_COOKIE = "kinerja_token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
LOG = logging.getLogger("kinerja_xl.web")


def sender_of(scope: Scope) -> Sender:
    """Who is asking (set by `Keys`)."""
    return scope["state"]["sender"]  # type: ignore[no-any-return]


class DroppedClients:
    def __init__(self, app: ASGIApp, lang: str) -> None:
        self.app, self.lang = app, lang

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            return message

        try:
            await self.app(scope, counted, send)
        except ClientDisconnect:
            client = scope.get("client") or ("?", 0)
            LOG.warning(
                say(
                    "web-log-dropped",
                    self.lang,
                    client=f"{client[0]}:{client[1]}",
                    method=scope["method"],
                    path=scope["path"],
                    size=f"{received:,}",
                )
            )


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith("/static/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                wanted = [
                    (b"content-security-policy", csp().encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),  # keeps Origin on our own forms
                    (b"x-frame-options", b"DENY"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                    (b"cross-origin-resource-policy", b"same-origin"),
                    (b"cache-control", b"no-cache" if static else b"no-store"),
                ]
                headers += [(name, value) for name, value in wanted if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class HostAllowList:
    def __init__(self, app: ASGIApp, settings: ServeSettings, pages: Pages) -> None:
        self.app, self.settings, self.pages = app, settings, pages

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host, _port = split_host(Headers(scope=scope).get("host", ""))
        if not host or not self.settings.host_allowed(host):
            message = say("web-host-refused", language(scope), host=host or "?")
            await self.pages.error(scope, 400, message)(scope, receive, send)
            return
        await self.app(scope, receive, send)


def same_origin(origin: str, scope: Scope) -> bool:
    """Whether an Origin header names this server as the request reached it (its Host)."""
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    default = 443 if parts.scheme == "https" else 80
    host, port = split_host(Headers(scope=scope).get("host", ""))
    return parts.hostname.lower() == host.lower() and (parts.port or default) == (port or default)


class CrossSite:
    """Fetch metadata first (`Sec-Fetch-Site`, sent by every current browser), the `Origin`
    header where it is missing; a request with neither is a script's (curl, requests), which a
    page on another site cannot make. Without a key on this computer, this is what keeps a page
    on another site from posting into the inbox with a plain form or `fetch`. A GET from another
    site is let through only as a navigation (a link someone followed), never as an embedded
    or scripted read."""

    def __init__(self, app: ASGIApp, pages: Pages) -> None:
        self.app, self.pages = app, pages

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self._allowed(scope):
            await self.app(scope, receive, send)
            return
        message = say("web-cross-site", language(scope))
        await self.pages.error(scope, 403, message)(scope, receive, send)

    @staticmethod
    def _allowed(scope: Scope) -> bool:
        headers = Headers(scope=scope)
        site = headers.get("sec-fetch-site")
        if scope["method"] in SAFE_METHODS:
            if site in ("cross-site", "same-site"):
                return headers.get("sec-fetch-mode") == "navigate"
            return True
        origin = headers.get("origin")
        if site is not None:  # a browser's own word; its Origin may be 'null' for a form
            if site not in ("same-origin", "none"):
                return False
            return origin in (None, "null") or same_origin(origin, scope)
        return origin is None or same_origin(origin, scope)


class Keys:
    """The province's key (--token) can do everything; an office's key (made with `kinerja-xl
    token`) only what concerns its own office (the routes ask `sender_of`). Offered as
    `?token=` (then kept in a cookie, and the address is cleaned of it), the cookie, or
    `Authorization: Bearer`. None when one is needed: 401; a wrong or revoked one: 403."""

    def __init__(
        self, app: ASGIApp, settings: ServeSettings, inbox: Inbox | None, pages: Pages
    ) -> None:
        self.app, self.settings, self.inbox, self.pages = app, settings, inbox, pages

    def identify(self, offered: str | None) -> Sender | None:
        if not offered:
            return None if self.settings.token else Sender("lokal")
        token = self.settings.token
        if token and secrets.compare_digest(offered.encode(), token.encode()):
            return Sender("provinsi")
        key = self.inbox.key_of(offered) if self.inbox is not None else None
        return Sender(key.name, key) if key is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] == "/keluar":  # forgetting needs no key
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        in_link = request.query_params.get("token")
        offered = in_link or request.cookies.get(KEY_COOKIE) or _bearer(request)
        sender = self.identify(offered)
        if sender is None:
            lang = language(scope)
            if not offered:
                response = self.pages.error(scope, 401, say("web-token-needed", lang))
            else:
                response = self.pages.error(scope, 403, say("web-token-wrong", lang))
                if not in_link and request.cookies.get(KEY_COOKIE):
                    response.delete_cookie(KEY_COOKIE, path="/")  # a revoked key is forgotten
            await response(scope, receive, send)
            return
        scope.setdefault("state", {})["sender"] = sender
        if in_link and scope["method"] in ("GET", "HEAD") and not for_scripts(scope):
            cleaned = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            target = scope.get("root_path", "") + scope["path"]
            target += f"?{urlencode(cleaned)}" if cleaned else ""
            response = RedirectResponse(target, status_code=303)
            response.set_cookie(
                KEY_COOKIE,
                in_link,
                httponly=True,
                samesite="lax",  # 'strict' would drop it on the redirect after a link's click
                secure=scope.get("scheme") == "https",
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _bearer(request: Request) -> str | None:
    kind, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if kind.lower() == "bearer" and value.strip() else None


class TooLarge(Exception):
    """A body has grown past the limit while it was read."""


class TooSlow(Exception):
    """A body stalled, or arrives slower than the minimum rate."""


class BodyLimits:
    """An upload over --max-upload-mb gets 413, by its Content-Length before a byte is read, or
    as soon as a body without one grows past it. An upload that sends nothing for
    `idle_seconds`, or averages less than `min_upload_rate` once `grace_seconds` have passed,
    gets 408. (Either way the server goes on reading what the client still sends for a while,
    so that a client that sends everything before it reads gets the answer: server.py.)"""

    def __init__(self, app: ASGIApp, settings: ServeSettings, pages: Pages) -> None:
        self.app, self.settings, self.pages = app, settings, pages
        self.limit = settings.max_upload_mb * 1024 * 1024

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await self._refuse(scope, receive, send, 413)
            return
        limits = self.settings.limits
        started = time.monotonic()
        seen = 0
        answered = False

        async def bounded() -> Message:
            nonlocal seen
            elapsed = time.monotonic() - started
            # by when the next bytes must come: before the upload stalls, and before its
            # average falls below the minimum rate
            due = max(limits.grace_seconds, seen / max(limits.min_upload_rate, 1)) - elapsed
            wait = max(0.01, min(limits.idle_seconds, due))
            try:
                message = await asyncio.wait_for(receive(), wait)
            except TimeoutError:
                raise TooSlow() from None
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise TooLarge()
            return message

        async def tracked(message: Message) -> None:
            nonlocal answered
            answered = answered or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, bounded, tracked)
        except (TooLarge, TooSlow) as exc:
            if not answered:
                await self._refuse(scope, receive, send, 413 if isinstance(exc, TooLarge) else 408)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, status: int) -> None:
        lang = language(scope)
        if status == 413:
            key = "web-too-large-api" if for_scripts(scope) else "web-too-large"
            message = say(key, lang, mb=self.settings.max_upload_mb)
        else:
            message = say("web-too-slow", lang)
        response = self.pages.error(scope, status, message, {"connection": "close"})
        await response(scope, receive, send)


def install(app: ASGIApp, settings: ServeSettings, inbox: Inbox | None, pages: Pages) -> Any:
    """The layers around the application, outermost first."""
    inner = BodyLimits(app, settings, pages)
    inner = Keys(inner, settings, inbox, pages)  # type: ignore[assignment]
    inner = CrossSite(inner, pages)  # type: ignore[assignment]
    inner = HostAllowList(inner, settings, pages)  # type: ignore[assignment]
    inner = SecurityHeaders(inner)  # type: ignore[assignment]
    return DroppedClients(inner, settings.lang)
