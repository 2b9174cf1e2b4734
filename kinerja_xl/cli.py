"""The command line: parse, call the public API (`api.py`), render, exit. Nothing else lives
here; every word it prints comes from the catalogue (`messages.py`)."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from . import __version__
from .words.messages import say

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain help: rich's markdown formatter alone costs 0.15 s a call
    help=f"{say('app-help', 'id')}\n\n{say('app-help', 'en')}",  # --help speaks both
)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


class Lang(str, Enum):
    id = "id"
    en = "en"


# Options that several commands share, declared once.
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="text or json")]
LangOption = Annotated[Lang, typer.Option("--lang", help="id (Bahasa Indonesia) or en")]
SchemasOption = Annotated[
    Path | None, typer.Option("--schemas", help="Use the rules in this folder instead.")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
YearOption = Annotated[
    int | None,
    typer.Option(
        "--year",
        help="Plan year: the column read as the target of a five-year matrix (else its first "
        "year), and the year of a file that does not say.",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kinerja-xl {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = None,
) -> None:
    """kinerja-xl: RKT, IKU and Anggaran workbooks of KPU offices."""


def run() -> None:
    """The program: the typer app, with what only a real process should do. SIGTERM and SIGHUP
    end the run as Ctrl-C does, so that a half-written output and its working files are
    removed (write.atomic_output) instead of left behind; and text a terminal cannot show
    (a file name that is not UTF-8) is replaced, never a crash."""
    import signal

    from .words.messages import say

    def stop(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)
    # pandera imports hypothesis, when installed, for the data synthesis we never use: 0.1 s
    # of every run. This process goes without it (a library user's process is untouched).
    sys.modules.setdefault("hypothesis", None)  # type: ignore[arg-type]
    # pandera builds pydantic models, and pydantic then looks through every installed package
    # for plugins of its own (0.01 s); this process uses none
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        app(prog_name="kinerja-xl")
    except KeyboardInterrupt:
        sys.stderr.write(f"kinerja-xl: {say('interrupted', _lang_of(sys.argv))}\n")
        _end_process(130)
    except SystemExit as exc:
        _end_process(exc.code)
    _end_process(0)


def _end_process(code: int | str | None) -> NoReturn:
    """Leave at once, without the interpreter's teardown: every output is written and closed
    by now, and tearing down pandas and a batch's millions of records only makes the person
    wait (0.2 s after checking one workbook, 0.7 s after merging 1,650). What is printed is
    flushed first; a message as exit code is printed as Python would."""
    if isinstance(code, str):
        sys.stderr.write(f"{code}\n")
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`kinerja-xl check … | head`)
            pass
    os._exit(code or 0)


def _lang_of(argv: list[str]) -> str:
    """--lang from the raw arguments, for a message written before typer parsed them."""
    for index, argument in enumerate(argv):
        if argument == "--lang=en" or (
            argument == "--lang" and argv[index + 1 : index + 2] == ["en"]
        ):
            return "en"
    return "id"


# --- what every command shares -------------------------------------------------------------


def _say(key: str, lang: str, **fields: Any) -> str:
    from .words.messages import say

    return say(key, lang, **fields)


def _stderr(message: str) -> None:
    typer.echo(message, err=True)


def _fail(message: str, code: int = 2) -> NoReturn:
    _stderr(f"kinerja-xl: {message}")
    raise typer.Exit(code)


def _emit_json(data: dict) -> None:
    """JSON on stdout, always valid UTF-8 (a lone surrogate from a file name becomes '?'),
    written piece by piece: a batch of 30,000 issues is never one string held three times."""
    from .outputs.report import json_pieces

    _emit((piece.encode("utf-8", "replace").decode("utf-8") for piece in json_pieces(data)), "")
    sys.stdout.write("\n")
    sys.stdout.flush()


def _echo_lines(lines: Any) -> None:
    """A long report for people, a few thousand lines at a time (never one string)."""
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) == 2_000:
            typer.echo("\n".join(chunk))
            chunk = []
    typer.echo("\n".join(chunk))


def _emit(pieces: Any, between: str = "\n") -> None:
    """Pieces of a long report on stdout, a few thousand at a time."""
    chunk: list[str] = []
    for piece in pieces:
        chunk.append(piece)
        if len(chunk) == 2_000:
            sys.stdout.write(between.join(chunk) + between)
            chunk = []
    sys.stdout.write(between.join(chunk))


class _ProgressBar:
    """A rich progress bar on stderr for batches; nothing when quiet or not on a terminal."""

    def __init__(self, quiet: bool, lang: str) -> None:
        self.bar: Any = None
        if quiet or not sys.stderr.isatty():
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.task = self.bar.add_task(_say("progress-reading", lang), total=None)

    def advance(self, path: Path, done: int, total: int) -> None:
        if self.bar is None or total < 2:
            return
        if not self.bar.live.is_started:
            self.bar.start()
        self.bar.update(self.task, completed=done - 1, total=total, description=path.name[:40])

    def __enter__(self) -> _ProgressBar:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.bar is not None and self.bar.live.is_started:
            self.bar.stop()


def _checked(
    paths: Any,
    schemas: Path | None,
    quiet: bool,
    lang: str,
    year: int | None = None,
    each_file_once: bool = False,
):
    """kx.check with a progress bar, the rules loading while the files are read (a bad rule
    is one line, exit 2)."""
    import kinerja_xl as kx
    from kinerja_xl.checking.rulebook import RulesError, RulesLoading

    try:
        rules = RulesLoading(schemas)
        with _ProgressBar(quiet, lang) as bar:
            return kx.check(
                paths,
                schemas=rules,
                progress=bar.advance,
                year=year,
                each_file_once=each_file_once,
            )
    except RulesError as exc:
        if exc.at_load:  # the folder's rules cannot be loaded
            folder = schemas or exc.path.parent
            _fail(_say("rules-refused", lang, folder=folder, detail=exc.message(lang)))
        _fail(exc.message(lang))  # a rule that cannot run on these tables


def _rules_usable(schemas: Path, lang: str) -> None:
    """The rules of `schemas` load, or one line and exit 2."""
    from kinerja_xl.checking.rulebook import RulesError, load_rules

    try:
        load_rules(schemas)
    except RulesError as exc:
        _fail(_say("rules-refused", lang, folder=schemas, detail=exc.message(lang)))


def _province(name: str | None, schemas: Path | None, lang: str) -> str | None:
    """The province asked, as the registry names it; a name that is none of the 38 is refused
    (exit 2) naming the nearest, before any file is read."""
    if not name:
        return None
    from .checking.rulebook import RulesError
    from .knowledge.document import SchemaError
    from .knowledge.registry import load_registry

    try:
        registry = load_registry(schemas)
    except SchemaError as exc:
        error = RulesError.of(exc)
        folder = schemas or exc.path.parent
        _fail(_say("rules-refused", lang, folder=folder, detail=error.message(lang)))
    office = registry.province(name)
    if office is None:
        nearest = ", ".join(registry.nearest_provinces(name))
        _fail(_say("province-unknown", lang, name=name, nearest=nearest))
    return office.region


def _output_failed(exc: Any, output: Path, lang: str) -> NoReturn:
    from .words.messages import TEXT

    key = f"output-{exc.reason}" if f"output-{exc.reason}" in TEXT else "output-failed"
    _fail(_say(key, lang, folder=output.parent, path=output, detail=exc.detail))


def _say_unreadable(reports: list[Any], lang: str) -> None:
    """One line per file that could not be read, naming it, on stderr."""
    from .reading.discover import display_name

    for report in reports:
        if not report.readable:
            _stderr(f"kinerja-xl: {display_name(report.path)}: {report.issues[0].message(lang)}")


def _say_skipped(skipped: list[tuple[Path, str]], lang: str) -> None:
    for path, reason in skipped:
        _stderr(f"kinerja-xl: {path}: {_say(f'skip-{reason}', lang)}")


# --- the commands --------------------------------------------------------------------------


@app.command()
def inspect(
    file: Annotated[
        Path,
        typer.Argument(help="The workbook to read (.xlsx, .xlsm, .xls, .ods).", metavar="FILE"),
    ],
    format: FormatOption = OutputFormat.text,
    lang: LangOption = Lang.id,
    schemas: SchemasOption = None,
) -> None:
    """Tampilkan isi satu buku kerja: satker, tahun, setiap tabel dan barisnya.

    Show what kinerja-xl reads in one workbook: office, year, every table and its rows.

    Example:  kinerja-xl inspect "KPU Kota Surabaya - RKT 2024.xlsx" --format json
    """
    import kinerja_xl as kx
    from kinerja_xl.checking.rulebook import RulesError

    from .outputs.report import inspect_text

    try:
        batch = kx.inspect(file, schemas=schemas)
    except RulesError as exc:
        _fail(_say("rules-refused", lang.value, folder=schemas, detail=exc.message(lang.value)))
    _say_unreadable(batch.files, lang.value)
    if format == OutputFormat.json:
        _emit_json(batch.to_dict(lang.value, records=True))
    else:
        typer.echo(inspect_text(batch.files[0], lang.value))
    raise typer.Exit(0 if batch.files[0].readable else 2)


@app.command()
def check(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Workbooks or folders (every .xlsx, .xlsm, .xls, .ods below).",
            metavar="FILE_OR_DIR",
        ),
    ],
    format: FormatOption = OutputFormat.text,
    lang: LangOption = Lang.id,
    annotate: Annotated[
        Path | None,
        typer.Option(
            "--annotate", help="Write an annotated copy of each workbook into this folder."
        ),
    ] = None,
    schemas: SchemasOption = None,
    year: YearOption = None,
    quiet: QuietOption = False,
) -> None:
    """Periksa buku kerja: setiap sel yang salah, dengan contoh nilai yang sah.

    Check workbooks and name every wrong cell, with what a valid value looks like.

    Kode keluar / exit code: 0 tanpa kesalahan (peringatan boleh) / no errors; 1 ada kesalahan /
    an error; 2 ada berkas yang tidak terbaca / a file could not be read.

    Example:  kinerja-xl check kiriman/ --annotate diperiksa/
    """
    from .outputs.report import check_lines

    batch = _checked(paths, schemas, quiet, lang.value, year, each_file_once=True)
    _say_unreadable(batch.files, lang.value)
    if format == OutputFormat.json:  # the text report lists them itself
        _say_skipped(batch.skipped, lang.value)
    copies = _write_annotations(batch, annotate, lang.value) if annotate is not None else 0
    if format == OutputFormat.json:
        _emit_json(batch.to_dict(lang.value))
    else:
        _echo_lines(check_lines(batch.files, batch.skipped, lang.value))
    raise typer.Exit(max(batch.exit_code, copies))


def _write_annotations(batch: Any, folder: Path, lang: str) -> int:
    """The marked-up copies; 2 when one could not be written (the others still are)."""
    import kinerja_xl as kx

    try:
        outcomes = kx.annotate(batch, folder, lang=lang)
    except OSError as exc:
        _fail(_say("folder-not-created", lang, folder=folder, detail=exc.strerror))
    code = 0
    for outcome in outcomes:
        if outcome.failed:
            _stderr(
                "kinerja-xl: " + _say("copy-failed", lang, path=outcome.source, why=outcome.failed)
            )
            code = 2
        elif outcome.skipped == "generated":
            _stderr("kinerja-xl: " + _say("copy-generated", lang, path=outcome.source))
        elif outcome.result is not None:
            line = _say("copy-written", lang, path=outcome.result.path)
            if outcome.result.not_carried:
                what = ", ".join(
                    _say(f"carried-{kind}", lang, count=count)
                    for kind, count in outcome.result.not_carried.items()
                )
                line += _say("copy-not-carried", lang, what=what)
            _stderr(line)
    return code


@app.command()
def consolidate(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Workbooks or folders of the offices' submissions.", metavar="FILE_OR_DIR"
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The provincial workbook to write (.xlsx).")
    ],
    province: Annotated[
        str | None,
        typer.Option(
            "--province", help='e.g. "Kalimantan Selatan": list offices that sent nothing.'
        ),
    ] = None,
    year: YearOption = None,
    lang: LangOption = Lang.id,
    keep_all: Annotated[
        bool,
        typer.Option("--keep-all", help="Keep every file of an office that sent a document twice."),
    ] = False,
    schemas: SchemasOption = None,
    quiet: QuietOption = False,
) -> None:
    """Gabungkan buku kerja semua satker menjadi satu buku kerja provinsi.

    Merge the offices' workbooks into one provincial workbook (Ringkasan, Status Kiriman, RKT,
    IKU, Anggaran, Rekap Anggaran, Perbandingan Target, Masalah).

    Example:  kinerja-xl consolidate kiriman/ -o "Konsolidasi Kalsel 2024.xlsx" --province "Kalimantan Selatan"
    """
    import kinerja_xl as kx

    from .api import InputIsOutput, consolidation_inputs
    from .outputs.write import OutputError, check_output
    from .provincial.consolidation import submissions
    from .provincial.workbook import offices_summary

    language = lang.value
    try:
        check_output(output)  # before any input is read: say at once what cannot work
    except OutputError as exc:
        _output_failed(exc, output, language)
    province = _province(province, schemas, language)
    try:
        found = consolidation_inputs(paths, output)
    except InputIsOutput:
        _fail(_say("output-is-input", language, path=output))
    if not found.files:
        _fail(_say("no-inputs", language))
    batch = _checked(found, schemas, quiet, language, year)
    _say_skipped(batch.skipped, language)
    _say_unreadable(batch.files, language)
    try:
        merged = kx.consolidate(
            batch,
            output,
            province=province,
            year=year,
            keep_all=keep_all,
            lang=language,
            schemas=schemas,
        )
    except OutputError as exc:
        _output_failed(exc, output, language)
    for key, entry in merged.counts().items():
        label = merged.result.count_label(key, language)
        typer.echo(_say("count-line", language, label=label, **entry))
    result = merged.result
    if result.provinces:
        summary = offices_summary(result)
        typer.echo(_say("offices-summary", language, **summary))
        apart = [o for o in submissions(result) if not o.expected]
        other = [o.label for o in apart if o.province]
        unknown = [o.label for o in apart if not o.province]
        if other:
            line = _say("offices-other", language, count=len(other), province=result.province)
            typer.echo(line + ", ".join(other))
        if unknown:
            typer.echo(_say("offices-unknown", language, count=len(unknown)) + ", ".join(unknown))
    typer.echo(
        _say("consolidated", language, errors=batch.errors, warnings=batch.warnings, path=output)
    )
    raise typer.Exit(merged.exit_code)


class TemplateKind(str, Enum):
    rkt = "rkt"
    iku = "iku"
    anggaran = "anggaran"


@app.command()
def template(
    kind: Annotated[
        TemplateKind,
        typer.Argument(
            help="rkt (RKT KPU, RKT Sekretariat, Anggaran), iku or anggaran",
            metavar="rkt|iku|anggaran",
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The blank workbook to write (.xlsx).")
    ],
    office: Annotated[str | None, typer.Option("--office", help='e.g. "KPU Kota Surabaya"')] = None,
    year: Annotated[int | None, typer.Option("--year", help="Plan year for the titles.")] = None,
    lang: Annotated[
        Lang, typer.Option("--lang", help="Language of the Petunjuk sheet and cell hints")
    ] = Lang.id,
) -> None:
    """Buat templat kosong yang memandu pengisian dan terbaca sempurna oleh kinerja-xl.

    Write a blank plan workbook that guides the office while it types and reads back perfectly.

    Example:  kinerja-xl template rkt -o "RKT 2025.xlsx" --office "KPU Kota Surabaya" --year 2025
    """
    import kinerja_xl as kx

    from .outputs.write import OutputError

    try:
        written = kx.template(kind.value, output, office=office, year=year, lang=lang.value)
    except OutputError as exc:
        _output_failed(exc, output, lang.value)
    typer.echo(str(written))


@app.command()
def serve(
    folder: Annotated[
        Path | None,
        typer.Argument(
            help="The province's inbox: the Kiriman page files uploads into it, and its ledger "
            "(kinerja-xl-riwayat.sqlite) records every one.",
            metavar="FOLDER",
        ),
    ] = None,
    host: Annotated[
        str,
        typer.Option("--host", help="127.0.0.1: this computer only; 0.0.0.0: the network."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="The port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            help="The province's key, which can do everything; made up when --host is not "
            "local. Offices get their own: kinerja-xl token FOLDER --office NAME.",
        ),
    ] = None,
    max_upload_mb: Annotated[
        int, typer.Option("--max-upload-mb", help="Largest upload, in MB (413 beyond it).")
    ] = 20,
    province: Annotated[
        str | None, typer.Option("--province", help='e.g. "Kalimantan Selatan" (Kiriman page)')
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help="Plan year (Kiriman page).")] = None,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="Another name this server is reached by (a DNS name); loopback names, "
            "--host and this computer's names are allowed already.",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", help="Processes that check files (default: one per core)."),
    ] = None,
    schemas: SchemasOption = None,
    lang: LangOption = Lang.id,
) -> None:
    """Buka halaman web: periksa berkas satker, dan (dengan FOLDER) kiriman untuk provinsi.

    Open the web page: offices check their files; with FOLDER, offices file their submissions
    (each with its own key), the province sees them all and downloads the consolidated workbook.

    Example:  kinerja-xl serve kiriman/ --province "Kalimantan Selatan" --year 2024
    """
    from .web import ServeSettings, addresses
    from .web.server import serve as run_server

    if folder is not None and not folder.is_dir():
        _fail(_say("output-folder-missing", lang.value, folder=folder, path=folder))
    if schemas is not None:
        _rules_usable(schemas, lang.value)  # refused before the server starts, as check does
    province = _province(province, schemas, lang.value)
    settings = ServeSettings(
        folder,
        host,
        port,
        token,
        max_upload_mb,
        province,
        year,
        schemas,
        workers=workers,
        allowed_hosts=tuple(allow_host or ()),
        lang=lang.value,
    )

    def ready() -> None:
        """Said once the server listens: the address opens from then on."""
        for address in addresses(settings):
            typer.echo(_say("web-serving", lang.value, url=address))
        if settings.token and host not in ("127.0.0.1", "localhost", "::1"):
            typer.echo(_say("web-serving-token", lang.value))
        typer.echo(_say("web-stop", lang.value))

    run_server(settings, ready)


@app.command()
def token(
    folder: Annotated[
        Path,
        typer.Argument(
            help="The province's inbox (the FOLDER of kinerja-xl serve).", metavar="FOLDER"
        ),
    ],
    office: Annotated[
        str | None,
        typer.Option(
            "--office",
            help='The office: "KPU Kota Surabaya", "Kota Surabaya" or its code "35.78". '
            "Without it: the keys made so far.",
        ),
    ] = None,
    revoke: Annotated[
        bool, typer.Option("--revoke", help="Withdraw the office's keys instead.")
    ] = False,
    lang: LangOption = Lang.id,
) -> None:
    """Buat kunci untuk satu satker (dicetak sekali), atau cabut kuncinya.

    Make a key for one office (printed once, kept only as a hash in FOLDER's ledger), or revoke
    its keys. With its key an office checks and files its own workbooks only, and sees its own
    submissions; the province's --token sees everything. The key alone goes to stdout.

    Example:  kinerja-xl token kiriman/ --office "KPU Kota Surabaya"
    """
    import kinerja_xl as kx
    from kinerja_xl.inbox import LedgerError, UnknownOffice

    if not folder.is_dir():
        _fail(_say("output-folder-missing", lang.value, folder=folder, path=folder))
    inbox = kx.Inbox(folder)
    try:
        if office is None:
            for key in inbox.keys():
                state = _say("token-revoked" if key.revoked_at else "token-active", lang.value)
                typer.echo(f"{key.name}\t{key.office_code or ''}\t{key.created_at}\t{state}")
            return
        if revoke:
            revoked = inbox.revoke(office)
            _stderr(_say("token-revoked-count", lang.value, count=len(revoked), office=office))
            return
        secret, key = inbox.make_key(office)
    except UnknownOffice:
        _fail(_say("token-unknown-office", lang.value, office=office))
    except LedgerError as exc:
        _fail(_say("token-ledger-failed", lang.value, folder=folder, error=exc))
    typer.echo(secret)
    _stderr(
        _say(
            "token-made", lang.value, office=key.office, code=key.office_code or "-", name=key.name
        )
    )
