"""The Starlette application of `kinerja-xl serve`: routes parse the request, hand the work to
the pool's workers (tasks.py, over the library), render a template. Who may do what is decided
at the edge (edge.py) and here by one rule: an office's key concerns its own office only."""

from __future__ import annotations

import asyncio
import logging
import shutil
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from ..batch import Batch
from ..inbox import Inbox, LedgerError, NotYours
from ..reading.discover import discover
from ..words.messages import say
from . import tasks
from .edge import KEY_COOKIE, TooLarge, TooSlow, install, sender_of
from .memory import trim
from .pages import HERE, Pages, for_scripts, language
from .pool import Pool, PoolSettings, TaskFailed
from .settings import ServeSettings
from .uploads import parcels, weight
from .views import file_state, histories, kiriman_rows, visible_to

LARGE_UPLOAD = 1024 * 1024  # cells inflated: an office's plan is 20-40 KB; beyond, a large check
LOG = logging.getLogger("kinerja_xl.web")


@dataclass
class FolderCache:
    """The inbox checked, kept while no file in it changes and nothing is withdrawn (the
    Kiriman page is read often)."""

    key: tuple[Any, ...] = ()
    batch: Batch | None = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def create_app(settings: ServeSettings) -> ASGIApp:
    pages = Pages(kiriman=settings.folder is not None)
    inbox = Inbox(settings.folder) if settings.folder is not None else None
    pool = Pool(PoolSettings(settings.workers or 0, settings.limits.task_seconds))
    options = tasks.Options(settings.schemas, settings.year, settings.province, settings.folder)
    cache = FolderCache()

    def need_inbox(request: Request) -> Inbox:
        if inbox is None:
            raise Refused(404, say("web-no-folder", language(request.scope)))
        return inbox

    async def on_uploads(request: Request, task: Any) -> tasks.Answer:
        """`task` run on the uploads, on a worker."""
        lang = language(request.scope)
        sent = await parcels(await uploaded_files(request))
        large = weight(sent) > LARGE_UPLOAD
        try:
            return await pool.run(task, sent, options, lang, sender_of(request.scope), large=large)
        except TaskFailed as exc:
            seconds = int(settings.limits.task_seconds)
            raise Refused(503, say(f"web-task-{exc.reason}", lang, seconds=seconds)) from exc

    async def folder_batch(lang: str) -> tuple[Batch, dict[str, Any]]:
        """The inbox checked (again only when a file in it has changed), with when each file
        came, which decides the latest of an office's copies."""
        assert inbox is not None and settings.folder is not None

        def state() -> tuple[Any, ...]:
            stats = []
            for path in discover([settings.folder]).files:  # type: ignore[list-item]
                try:
                    stats.append((str(path), path.stat().st_mtime_ns, path.stat().st_size))
                except OSError:
                    continue
            return tuple(stats), tuple(sorted(map(str, inbox.withdrawn())))

        key = await run_in_threadpool(state)
        async with cache.lock:
            if cache.batch is None or cache.key != key:
                try:
                    cache.batch = await pool.run(tasks.folder_check, options, large=True)
                except TaskFailed as exc:
                    seconds = int(settings.limits.task_seconds)
                    raise Refused(
                        503, say(f"web-task-{exc.reason}", lang, seconds=seconds)
                    ) from exc
                cache.key = key
            batch = cache.batch
        arrival = await run_in_threadpool(inbox.arrival, [Path(r.path) for r in batch.files])
        return batch, arrival

    async def periksa(request: Request) -> Response:
        if request.method == "GET":
            return pages.render(request.scope, "periksa.html", active="periksa", files=None)
        answer = await on_uploads(request, tasks.check_pages)
        if answer.status != 200:
            raise Refused(answer.status, answer.data)
        response = pages.render(request.scope, "periksa.html", active="periksa", files=answer.data)
        response.background = BackgroundTask(trim)  # the page of a large file: give it back
        return response

    async def api_check(request: Request) -> Response:
        answer = await on_uploads(request, tasks.check_json)
        return JSONResponse(answer.data, status_code=answer.status)

    async def kiriman(request: Request) -> Response:
        box = need_inbox(request)
        sender = sender_of(request.scope)
        if request.method == "POST":
            answer = await on_uploads(request, tasks.file_json)
            if answer.status != 200:
                raise Refused(answer.status, answer.data["error"])
            filed = len(answer.data["files"])
            return RedirectResponse(
                f"{request.scope.get('root_path', '')}/kiriman?filed={filed}", 303
            )
        batch, arrival = await folder_batch(language(request.scope))
        rows, summary, documents = kiriman_rows(
            batch, settings.province, settings.year, settings.schemas, arrival, sender.key
        )
        folder = settings.folder
        assert folder is not None
        visible = [r for r in batch.files if visible_to(r, sender.key)]
        reports = [(relative(r.path, folder), r, file_state(r)) for r in visible]
        chosen_name = request.query_params.get("berkas")
        chosen = None
        if chosen_name:
            chosen = next((r for r in batch.files if relative(r.path, folder) == chosen_name), None)
            if chosen is not None and not visible_to(chosen, sender.key):
                raise Refused(403, say("web-not-your-file", language(request.scope)))
        entries = await run_in_threadpool(box.history, sender.key)
        return pages.render(
            request.scope,
            "kiriman.html",
            active="kiriman",
            settings=settings,
            sender=sender,
            rows=rows,
            summary=summary,
            documents=documents,
            province=settings.province,
            reports=reports,
            chosen=chosen,
            chosen_name=chosen_name,
            histories=histories(entries),
            filed=request.query_params.get("filed"),
            withdrawn=request.query_params.get("ditarik"),
        )

    async def api_kiriman(request: Request) -> Response:
        need_inbox(request)
        answer = await on_uploads(request, tasks.file_json)
        return JSONResponse(answer.data, status_code=answer.status)

    async def api_riwayat(request: Request) -> Response:
        box = need_inbox(request)
        entries = await run_in_threadpool(box.history, sender_of(request.scope).key)
        return JSONResponse({"submissions": [public(e.to_dict()) for e in entries]})

    async def withdraw(request: Request) -> Response:
        box = need_inbox(request)
        lang = language(request.scope)
        if "id" in request.path_params:
            number = request.path_params["id"]
        else:
            form = await request.form(max_files=0, max_fields=5)
            number = str(form.get("id", ""))
        if not str(number).isdigit():
            raise Refused(400, say("web-withdraw-which", lang))
        try:
            entry = await run_in_threadpool(box.withdraw, int(number), sender_of(request.scope))
        except NotYours as exc:
            raise Refused(403, say("web-not-your-file", lang)) from exc
        if entry is None:
            raise Refused(404, say("web-withdraw-none", lang, id=number))
        if for_scripts(request.scope):
            return JSONResponse(public(entry.to_dict()))
        root = request.scope.get("root_path", "")
        return RedirectResponse(f"{root}/kiriman?ditarik={entry.id}", 303)

    async def konsolidasi(request: Request) -> Response:
        need_inbox(request)
        lang = language(request.scope)
        if sender_of(request.scope).key is not None:
            raise Refused(403, say("web-office-no-merge", lang))
        batch, arrival = await folder_batch(lang)
        if not any(r.readable for r in batch.files):
            raise Refused(409, say("output-nothing-readable", lang))
        try:
            path = await pool.run(tasks.consolidated, batch, options, lang, arrival, large=True)
        except TaskFailed as exc:
            seconds = int(settings.limits.task_seconds)
            raise Refused(503, say(f"web-task-{exc.reason}", lang, seconds=seconds)) from exc
        name = "Konsolidasi" + (f"-{settings.province}" if settings.province else "")
        name += f"-{settings.year}.xlsx" if settings.year else ".xlsx"
        return FileResponse(
            path,
            filename=name.replace(" ", "-"),
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            background=BackgroundTask(shutil.rmtree, path.parent, ignore_errors=True),
        )

    async def keluar(request: Request) -> Response:
        response = RedirectResponse(f"{request.scope.get('root_path', '')}/", 303)
        response.delete_cookie(KEY_COOKIE, path="/")
        return response

    async def refused(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Refused)
        return pages.error(request.scope, exc.status, exc.message)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        lang = language(request.scope)
        message = say("web-http-error", lang, status=exc.status_code)
        return pages.error(request.scope, exc.status_code, message)

    async def too_much(request: Request, exc: Exception) -> Response:
        lang = language(request.scope)
        if isinstance(exc, TooSlow):
            return pages.error(
                request.scope, 408, say("web-too-slow", lang), {"connection": "close"}
            )
        key = "web-too-large-api" if for_scripts(request.scope) else "web-too-large"
        message = say(key, lang, mb=settings.max_upload_mb)
        return pages.error(request.scope, 413, message, {"connection": "close"})

    async def ledger_failed(request: Request, exc: Exception) -> Response:
        LOG.error(say("web-log-ledger", settings.lang, error=exc))
        return pages.error(request.scope, 500, say("web-ledger-failed", language(request.scope)))

    async def failed(request: Request, exc: Exception) -> Response:
        return pages.error(request.scope, 500, say("web-failed", language(request.scope)))

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> Any:
        await pool.start()
        try:
            yield
        finally:
            await asyncio.to_thread(pool.close)

    routes = [
        Route("/", periksa, methods=["GET", "POST"], name="periksa"),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/kiriman", kiriman, methods=["GET", "POST"], name="kiriman"),
        Route("/kiriman/tarik", withdraw, methods=["POST"]),
        Route("/api/kiriman", api_kiriman, methods=["POST"]),
        Route("/api/riwayat", api_riwayat, methods=["GET"]),
        Route("/api/riwayat/{id}/tarik", withdraw, methods=["POST"]),
        Route("/konsolidasi.xlsx", konsolidasi, methods=["GET"], name="konsolidasi"),
        Route("/keluar", keluar, methods=["GET"]),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={
            Refused: refused,
            HTTPException: http_error,
            TooLarge: too_much,
            TooSlow: too_much,
            LedgerError: ledger_failed,
            Exception: failed,
        },
    )
    app.state.pool = pool
    return install(app, settings, inbox, pages)


def public(entry: dict[str, Any]) -> dict[str, Any]:
    """A ledger entry as /api/riwayat shows it (which key, by its name only)."""
    entry = dict(entry)
    entry.pop("key_id", None)
    return entry


async def uploaded_files(request: Request) -> list[Any]:
    """The multipart field `files` (one or more); 400 when there is none."""
    form = await request.form(max_files=200, max_fields=50)
    files = [f for f in form.getlist("files") if hasattr(f, "filename") and f.filename]
    if not files:
        lang = language(request.scope)
        raise Refused(
            400, say("web-no-files-api" if for_scripts(request.scope) else "web-no-files", lang)
        )
    return files


def relative(path: str, folder: Path) -> str:
    try:
        return Path(path).resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return Path(path).name
