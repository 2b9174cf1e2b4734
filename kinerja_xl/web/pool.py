"""Checks on a pool of worker processes, one per core, so that a province's deadline day uses
every core of its server, and a slow or hostile file never holds up the others:

- a task that runs past its time is stopped by ending its worker (a fresh one takes its place)
  and answered as a failure; a worker that dies (a native reader ending the process) is
  replaced the same way;
- large uploads take at most all but one of the workers, so that small ones always have one;
  and when every worker has been on its current check for two seconds (long checks, however
  small their files), an extra worker is started for the next task (up to twice the cores),
  and goes when idle — many short checks queued up get none (they would only share the cores);
- after every task a worker gives back what it freed (memory.trim), and one still grown past
  its resting size by `recycle_mb` (a large file leaves Python's heap fragmented) is replaced,
  so that after a burst of large files the server comes back near its resting size.

Workers start from a fork server that has imported the library once (Linux), so a new worker
is ready in milliseconds; elsewhere they are spawned. With `size=0` tasks run in a thread of
this process instead (tests, and a machine with one core to spare)."""

from __future__ import annotations

import asyncio
import atexit
import functools
import importlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .uploads import left_by

PRELOAD = ["kinerja_xl.web.warm"]  # what the fork server imports (and runs) once for all workers
WARM = "kinerja_xl.web.tasks:warm"  # a spawned worker readies itself
TRIM_MB = 16.0  # a worker grown by more than this after a task gives the freed memory back


class TaskFailed(Exception):
    """The task's worker ran out of time (`reason` 'timeout') or died ('died')."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _context() -> Any:
    if sys.platform.startswith("linux") and "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def _serve(connection: Any, recycle_mb: float, forked: bool) -> None:
    """A worker's life: take (function, arguments), answer (True, result, retire) or (False,
    error, retire), until told to stop or its parent is gone. After a task that left it larger
    than it rests, it gives back what the task freed (memory.trim); still grown by `recycle_mb`,
    it asks to be replaced (`retire`): it measures itself, so the answer is never a guess. Its
    resting size is the fork server's (which has loaded and run everything a worker needs), or,
    spawned, its own after a first task."""
    from ..reading.workers import worker_started
    from .memory import trim

    worker_started()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's: it stops us
    module, _, name = WARM.partition(":")
    getattr(importlib.import_module(module), name)()  # at once where the fork server did it
    resting = resident_mb(os.getppid()) if forked else None
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return  # the server is gone
        if task is None:
            return
        target, arguments = task
        module, _, name = target.partition(":")
        try:
            ok, value = True, getattr(importlib.import_module(module), name)(*arguments)
        except Exception as exc:  # handed back to the server, which raises it there
            ok, value = False, exc
        del task, arguments
        now = resident_mb(os.getpid()) or 0.0
        if resting is None:
            resting = now  # after a first task: the size it rests at
        elif now - resting > TRIM_MB:
            trim()
            now = resident_mb(os.getpid()) or 0.0
        try:
            connection.send((ok, value, now - resting > recycle_mb))
        except (OSError, ValueError):
            return
        del value


def resident_mb(pid: int) -> float | None:
    """A process's resident memory in MB (Linux; None elsewhere)."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


class Worker:
    def __init__(self, context: Any, recycle_mb: float) -> None:
        parent, child = context.Pipe()
        forked = context.get_start_method() == "forkserver"
        self.process = context.Process(
            target=_serve, args=(child, recycle_mb, forked), name="kinerja-xl-worker"
        )
        self.process.start()
        child.close()
        self.connection = parent
        self.retire = False  # the worker asked to be replaced after its last task
        self.busy_since: float | None = None  # when its task began (None: idle)

    def call(self, target: str, arguments: tuple[Any, ...], seconds: float) -> Any:
        """Blocking: the task's result, its error raised here, or TaskFailed."""
        self.busy_since = time.monotonic()
        try:
            self.connection.send((target, arguments))
            if not self.connection.poll(seconds):
                raise TaskFailed("timeout")
            ok, value, self.retire = self.connection.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            raise TaskFailed("died") from exc
        finally:
            self.busy_since = None
        if not ok:
            raise value
        return value

    def stop(self) -> None:
        try:
            self.connection.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(2)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.connection.close()


@dataclass
class PoolSettings:
    size: int = 0  # workers; 0: tasks run in a thread of this process
    task_seconds: float = 120.0  # a check longer than this is stopped
    recycle_mb: float = 64.0  # a worker still grown by this much is replaced after its task
    patience: float = 2.0  # a task that waited this long for a worker gets an extra one …
    extra: int | None = None  # … up to this many beyond `size` (None: as many as `size`)


class Pool:
    """The pool of one server (one event loop: uvicorn's; a test client used as a context
    manager)."""

    def __init__(self, settings: PoolSettings) -> None:
        self.settings = settings
        self._workers: asyncio.Queue[Worker] | None = None
        self._large: asyncio.Semaphore | None = None
        self._all: list[Worker] = []
        self._lock = threading.Lock()
        self._context: Any = None

    @property
    def size(self) -> int:
        return self.settings.size

    async def start(self) -> None:
        if self._workers is not None:
            return
        self._workers = asyncio.Queue()
        self._large = asyncio.Semaphore(max(1, self.size - 1))
        if self.size:
            atexit.register(self.close)  # before multiprocessing waits for its children
            self._context = _context()
            started = await asyncio.gather(
                *(asyncio.to_thread(self._new_worker) for _ in range(self.size))
            )
            for worker in started:
                self._workers.put_nowait(worker)

    def _new_worker(self) -> Worker:
        worker = Worker(self._context, self.settings.recycle_mb)
        with self._lock:
            self._all.append(worker)
        return worker

    def _retire(self, worker: Worker, killed: bool) -> Worker:
        worker.kill() if killed else worker.stop()
        if killed and worker.process.pid:
            left_by(worker.process.pid)
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
        return self._new_worker()

    async def run(self, function: Callable[..., Any], *arguments: Any, large: bool = False) -> Any:
        """`function(*arguments)` on a worker (a module-level function of this package)."""
        await self.start()
        assert self._workers is not None and self._large is not None
        if not self.size:
            return await asyncio.to_thread(function, *arguments)
        target = f"{function.__module__}:{function.__qualname__}"
        if large:
            async with self._large:
                return await self._on_a_worker(target, arguments)
        return await self._on_a_worker(target, arguments)

    async def _a_worker(self) -> Worker:
        """An idle worker; when none is and every one has been on its current task for
        `patience` seconds (long checks, not merely many short ones), an extra one, so that a
        short check never waits behind long ones."""
        assert self._workers is not None
        while True:
            try:
                return await asyncio.wait_for(self._workers.get(), self.settings.patience)
            except TimeoutError:
                if self._all_long():
                    return await asyncio.to_thread(self._new_worker)

    def _all_long(self) -> bool:
        extra = self.size if self.settings.extra is None else self.settings.extra
        since = time.monotonic() - self.settings.patience
        with self._lock:
            busy = [w.busy_since for w in self._all]
            room = len(busy) < self.size + extra
        return room and all(b is not None and b < since for b in busy)

    def _surplus(self, queue: asyncio.Queue[Worker]) -> bool:
        """More workers than the pool's size, and enough of them idle: an extra one goes."""
        with self._lock:
            return len(self._all) > self.size and queue.qsize() >= self.size

    async def _on_a_worker(self, target: str, arguments: tuple[Any, ...]) -> Any:
        assert self._workers is not None
        worker = await self._a_worker()
        loop = asyncio.get_running_loop()
        if hasattr(loop, "add_reader") and sys.platform != "win32":
            return await self._in_loop(loop, worker, target, arguments)
        return await asyncio.to_thread(self._in_a_thread, loop, worker, target, arguments)

    async def _in_loop(
        self, loop: Any, worker: Worker, target: str, arguments: tuple[Any, ...]
    ) -> Any:
        """The task sent, and its answer read, by the event loop itself when the worker's pipe
        has it: no thread between, so that on a busy machine no wake-up is waited for twice
        (each costs a turn of the scheduler, and the worker idles meanwhile)."""
        done: asyncio.Future[Any] = loop.create_future()
        descriptor = worker.connection.fileno()

        def finish(failed: TaskFailed | None, ok: bool = True, value: Any = None) -> None:
            loop.remove_reader(descriptor)
            timer.cancel()
            worker.busy_since = None
            if not done.done():
                if failed is not None:
                    done.set_exception(failed)
                elif ok:
                    done.set_result(value)
                else:
                    done.set_exception(value)
            if failed is not None or worker.retire:
                replace = functools.partial(self._retire, worker, killed=failed is not None)
                loop.run_in_executor(None, self._hand_back_later, loop, replace)
            else:
                self._hand_back(loop, worker)

        def answered() -> None:
            try:
                ok, value, worker.retire = worker.connection.recv()
            except (EOFError, OSError):
                finish(TaskFailed("died"))
                return
            finish(None, ok, value)

        timer = loop.call_later(self.settings.task_seconds, finish, TaskFailed("timeout"))
        worker.busy_since = time.monotonic()
        try:
            worker.connection.send((target, arguments))
        except (OSError, ValueError):
            timer.cancel()
            finish(TaskFailed("died"))
            return await done
        loop.add_reader(descriptor, answered)
        return await done

    def _in_a_thread(
        self, loop: Any, worker: Worker, target: str, arguments: tuple[Any, ...]
    ) -> Any:
        """Where the event loop cannot watch a pipe (Windows): the task in a thread, which gives
        the worker back when the task is over, even if the request has gone meanwhile."""
        current = worker
        try:
            return current.call(target, arguments, self.settings.task_seconds)
        except TaskFailed:
            current = self._retire(current, killed=True)
            raise
        finally:
            if current.retire:
                current = self._retire(current, killed=False)
            try:
                loop.call_soon_threadsafe(self._hand_back, loop, current)
            except RuntimeError:  # the server is stopping: its loop is closed
                current.stop()

    def _hand_back(self, loop: Any, worker: Worker) -> None:
        """A worker free again: back to the idle ones, or gone if it was an extra one."""
        if self._workers is None:
            worker.stop()
        elif self._surplus(self._workers):
            loop.run_in_executor(None, self._drop, worker)
        else:
            self._workers.put_nowait(worker)

    def _hand_back_later(self, loop: Any, replace: Callable[[], Worker]) -> None:
        """In a thread: a worker replaced (ending one and forking another takes a moment)."""
        fresh = replace()
        try:
            loop.call_soon_threadsafe(self._hand_back, loop, fresh)
        except RuntimeError:
            fresh.stop()

    def _drop(self, worker: Worker) -> None:
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
        worker.stop()

    def close(self) -> None:
        with self._lock:
            workers, self._all = list(self._all), []
        for worker in workers:
            worker.stop()
        self._workers = None
        atexit.unregister(self.close)

    def pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._all if w.process.pid]
