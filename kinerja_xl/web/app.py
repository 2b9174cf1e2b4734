"""The Starlette application of `kinerja-xl serve`: routes parse the request, call the library,
render a template. Safety lives at the edge: a token when the page listens beyond this
computer, a cap on what an upload may weigh, uploads that never choose where a file goes."""

from __future__ import annotations

import secrets
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..batch import Batch
from ..reading.discover import display_name
from ..words.messages import TEXT, say
from .uploads import Upload, file_into, received
from .views import file_state, file_views, kiriman_rows

HERE = Path(__file__).resolve().parent
TOKEN_COOKIE = "kinerja_token"
LANG_COOKIE = "kinerja_lang"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass
class ServeSettings:
    folder: Path | None = None  # the province's inbox (the Kiriman page and its API)
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None  # required on every request when set
    max_upload_mb: int = 20
    province: str | None = None
    year: int | None = None
    schemas: Path | None = None

    def __post_init__(self) -> None:
        if self.host not in LOOPBACK and not self.token:
            self.token = secrets.token_urlsafe(24)  # beyond this computer: never open


@dataclass
class FolderCache:
    """The folder's check, kept while no file in it changes (the Kiriman page is read often)."""

    key: tuple[Any, ...] = ()
    batch: Batch | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


def create_app(settings: ServeSettings) -> Starlette:
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,  # an office's text is always shown as text, never as HTML
    )
    templates = Jinja2Templates(env=environment)
    templates.env.globals["say"] = say
    templates.env.globals["TEXT"] = TEXT
    cache = FolderCache()

    def page(request: Request, name: str, **context: Any) -> Response:
        lang = language(request)
        context.update(lang=lang, kiriman=settings.folder is not None, settings=settings)
        response = templates.TemplateResponse(request, name, context)
        if request.query_params.get("lang") in ("id", "en"):
            response.set_cookie(LANG_COOKIE, lang, samesite="strict")
        return response

    async def periksa(request: Request) -> Response:
        if request.method == "GET":
            return page(request, "periksa.html", files=None)
        lang = language(request)
        files = await uploaded_files(request)
        views = await run_in_threadpool(check_and_view, files, settings, lang)
        return page(request, "periksa.html", files=views)

    async def api_check(request: Request) -> Response:
        lang = language(request)
        files = await uploaded_files(request)
        batch = await run_in_threadpool(check_only, files, settings)
        return JSONResponse(batch.to_dict(lang))

    async def kiriman(request: Request) -> Response:
        folder = require_folder(settings)
        if request.method == "POST":
            files = await uploaded_files(request)
            await run_in_threadpool(file_uploads, files, folder)
            return RedirectResponse(
                request.url_for("kiriman").include_query_params(filed=len(files)), 303
            )
        batch = await run_in_threadpool(folder_batch, settings, cache)
        rows, summary, documents = kiriman_rows(
            batch, settings.province, settings.year, settings.schemas
        )
        chosen = request.query_params.get("berkas")
        report = next((r for r in batch.files if relative(r.path, folder) == chosen), None)
        return page(
            request,
            "kiriman.html",
            rows=rows,
            summary=summary,
            documents=documents,
            province=settings.province,
            reports=[(relative(r.path, folder), r, file_state(r)) for r in batch.files],
            chosen=report,
            chosen_name=chosen,
            filed=request.query_params.get("filed"),
        )

    async def api_kiriman(request: Request) -> Response:
        folder = require_folder(settings)
        lang = language(request)
        files = await uploaded_files(request)
        batch, saved = await run_in_threadpool(file_and_check, files, folder, settings)
        data = batch.to_dict(lang)
        for entry, path in zip(data["files"], saved, strict=True):
            entry["saved_as"] = path.name
        return JSONResponse(data)

    async def konsolidasi(request: Request) -> Response:
        require_folder(settings)
        lang = language(request)
        batch = await run_in_threadpool(folder_batch, settings, cache)
        path = await run_in_threadpool(build_workbook, batch, settings, lang)
        name = "Konsolidasi" + (f"-{settings.province}" if settings.province else "")
        name += f"-{settings.year}.xlsx" if settings.year else ".xlsx"
        return FileResponse(
            path,
            filename=name.replace(" ", "-"),
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            background=BackgroundTask(lambda: _remove(path)),
        )

    routes = [
        Route("/", periksa, methods=["GET", "POST"], name="periksa"),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/kiriman", kiriman, methods=["GET", "POST"], name="kiriman"),
        Route("/api/kiriman", api_kiriman, methods=["POST"]),
        Route("/konsolidasi.xlsx", konsolidasi, methods=["GET"], name="konsolidasi"),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(
        routes=routes, exception_handlers={HTTPError: http_error, TooLarge: too_large(settings)}
    )
    return UploadLimit(TokenGuard(app, settings.token), settings.max_upload_mb)  # type: ignore[return-value]


# --- what the routes do (in a worker thread: the library is synchronous) -----------------


def check_only(files: list[Any], settings: ServeSettings) -> Batch:
    import kinerja_xl as kx

    with received(files) as uploads:
        batch = kx.check([u.path for u in uploads], schemas=settings.schemas, year=settings.year)
        _show_uploaded_names(batch, uploads)
    return batch


def check_and_view(files: list[Any], settings: ServeSettings, lang: str) -> list[Any]:
    import kinerja_xl as kx

    with received(files) as uploads:
        batch = kx.check([u.path for u in uploads], schemas=settings.schemas, year=settings.year)
        return file_views(batch, [u.name for u in uploads], lang)


def file_uploads(files: list[Any], folder: Path) -> list[Path]:
    with received(files) as uploads:
        return [file_into(folder, upload) for upload in uploads]


def file_and_check(
    files: list[Any], folder: Path, settings: ServeSettings
) -> tuple[Batch, list[Path]]:
    import kinerja_xl as kx

    with received(files) as uploads:
        saved = [file_into(folder, upload) for upload in uploads]
        batch = kx.check(saved, schemas=settings.schemas, year=settings.year)
        _show_uploaded_names(batch, uploads)
    return batch, saved


def folder_batch(settings: ServeSettings, cache: FolderCache) -> Batch:
    """The folder checked, again only when a file in it has changed."""
    import kinerja_xl as kx

    from ..reading.discover import discover

    folder = settings.folder
    assert folder is not None
    found = discover([folder])
    key = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in found.files if p.exists())
    with cache.lock:
        if cache.batch is None or cache.key != key:
            cache.batch = (
                kx.check([folder], schemas=settings.schemas, year=settings.year)
                if found.files
                else Batch()
            )
            cache.key = key
        return cache.batch


def build_workbook(batch: Batch, settings: ServeSettings, lang: str) -> Path:
    import kinerja_xl as kx

    folder = Path(tempfile.mkdtemp(prefix="kinerja-web-merge-"))
    out = folder / "Konsolidasi.xlsx"
    if not any(r.readable for r in batch.files):
        raise HTTPError(409, say("output-nothing-readable", lang))
    kx.consolidate(batch, out, province=settings.province, year=settings.year, lang=lang)
    return out


def _remove(path: Path) -> None:
    import shutil

    shutil.rmtree(path.parent, ignore_errors=True)


def _show_uploaded_names(batch: Batch, uploads: list[Upload]) -> None:
    """The JSON names what the office uploaded, not where the server kept it a moment."""
    for report, upload in zip(batch.files, uploads, strict=True):
        report.path = display_name(upload.name)


def relative(path: str, folder: Path) -> str:
    try:
        return Path(path).resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return Path(path).name


# --- the request's edges ----------------------------------------------------------------------


class HTTPError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPError)
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": exc.message}, status_code=exc.status)
    return Response(exc.message, status_code=exc.status, media_type="text/plain; charset=utf-8")


def language(request: Request) -> str:
    asked = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    return asked if asked in ("id", "en") else "id"


def require_folder(settings: ServeSettings) -> Path:
    if settings.folder is None:
        raise HTTPError(404, say("web-no-folder", "id"))
    return settings.folder


async def uploaded_files(request: Request) -> list[Any]:
    """The multipart field `files` (one or more); 400 when there is none."""
    form = await request.form(max_files=200, max_fields=50)
    files = [f for f in form.getlist("files") if hasattr(f, "filename") and f.filename]
    if not files:
        raise HTTPError(400, say("web-no-files", language(request)))
    return files


class TokenGuard:
    """With a token, every request shows it: `?token=` (kept in a cookie after), the cookie, or
    `Authorization: Bearer`. None: 401; a wrong one: 403."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app, self.token = app, token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.token:
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        offered = (
            request.query_params.get("token")
            or request.cookies.get(TOKEN_COOKIE)
            or _bearer(request.headers.get("authorization", ""))
        )
        if not offered:
            await _refuse(scope, receive, send, 401, say("web-token-needed", language(request)))
            return
        if not secrets.compare_digest(offered.encode(), self.token.encode()):
            await _refuse(scope, receive, send, 403, say("web-token-wrong", language(request)))
            return
        if request.query_params.get("token"):

            async def send_with_cookie(message: Message) -> None:
                if message["type"] == "http.response.start":
                    cookie = f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
                    message.setdefault("headers", []).append((b"set-cookie", cookie.encode()))
                await send(message)

            await self.app(scope, receive, send_with_cookie)
            return
        await self.app(scope, receive, send)


def _bearer(header: str) -> str | None:
    kind, _, value = header.partition(" ")
    return value.strip() if kind.lower() == "bearer" and value.strip() else None


class UploadLimit:
    """A request body over `--max-upload-mb` gets 413 and a clear message: refused by its
    Content-Length before a byte is read, or as soon as a body without one grows past it."""

    def __init__(self, app: ASGIApp, max_mb: int) -> None:
        self.app, self.limit = app, max_mb * 1024 * 1024
        self.max_mb = max_mb

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT"):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        lang = language(request)
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await _refuse(scope, receive, send, 413, say("web-too-large", lang, mb=self.max_mb))
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise TooLarge()
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except TooLarge:
            if not started:
                await _refuse(scope, receive, send, 413, say("web-too-large", lang, mb=self.max_mb))


class TooLarge(Exception):
    """Raised while a body is read, once it has grown past the limit."""


def too_large(settings: ServeSettings) -> Any:
    async def handler(request: Request, exc: Exception) -> Response:
        message = say("web-too-large", language(request), mb=settings.max_upload_mb)
        return await http_error(request, HTTPError(413, message))

    return handler


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, message: str) -> None:
    path = scope.get("path", "")
    if path.startswith("/api/"):
        response: Response = JSONResponse({"error": message}, status_code=status)
    else:
        response = Response(message, status_code=status, media_type="text/plain; charset=utf-8")
    await response(scope, receive, send)
