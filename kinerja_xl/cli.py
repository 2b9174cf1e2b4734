"""The command line: parse, call the library, render, exit. Nothing else lives here."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from . import __version__

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    help="Baca, periksa dan gabungkan RKT, IKU dan Anggaran KPU dari berkas Excel.\n\n"
    "Read, check and consolidate KPU performance plans (RKT, IKU, Anggaran) from Excel.",
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

    def stop(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        app(prog_name="kinerja-xl")
    except KeyboardInterrupt:
        sys.stderr.write("kinerja-xl: dihentikan / interrupted\n")
        raise SystemExit(130) from None


def _emit_json(data: dict) -> None:
    """JSON on stdout, always valid UTF-8 (a lone surrogate from a file name becomes '?')."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text.encode("utf-8", "replace").decode("utf-8"))
    else:
        buffer.write(text.encode("utf-8", "replace"))
        buffer.flush()


@app.command()
def inspect(
    file: Annotated[Path, typer.Argument(help="The workbook to read (.xlsx, .xlsm, .xls, .ods).")],
    format: FormatOption = OutputFormat.text,
    lang: LangOption = Lang.id,
) -> None:
    """Tampilkan isi satu buku kerja: satker, tahun, setiap tabel dan barisnya.

    Show what kinerja-xl reads in one workbook: office, year, every table and its rows.

    Example:  kinerja-xl inspect "KPU Kota Banjarmasin - RKT 2024.xlsx" --format json
    """
    from .pipeline import inspect_file
    from .report import BatchReport, inspect_text

    report = inspect_file(file)
    batch = BatchReport(files=[report])
    _say_unreadable(batch.files, lang.value)
    if format == OutputFormat.json:
        _emit_json(batch.to_dict(lang.value, records=True))
    else:
        typer.echo(inspect_text(report, lang.value))
    raise typer.Exit(2 if not report.readable else 0)


def _progress(quiet: bool, total_hint: int):
    """A rich progress bar on stderr for batches; nothing when quiet or not on a terminal."""
    if quiet or total_hint < 2 or not sys.stderr.isatty():
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = progress.add_task("membaca", total=total_hint)

    def advance(path: Path, index: int, total: int) -> None:
        progress.update(task, completed=index - 1, total=total, description=path.name[:40])

    return progress, advance


def _stderr(message: str) -> None:
    typer.echo(message, err=True)


def _rules_or_exit(schemas: Path | None):
    from .rulebook import RulesError, load_rules

    try:
        return load_rules(schemas)
    except (RulesError, OSError, ValueError, KeyError) as exc:
        _stderr(f"kinerja-xl: aturan di '{schemas}' tidak dapat dibaca: {exc}")
        raise typer.Exit(2) from exc


def _check_batch(files: list[Path], rules, quiet: bool):
    """check_files with a progress bar on stderr for batches."""
    from .pipeline import check_files
    from .rulebook import RulesError

    progress, advance = _progress(quiet, len(files))
    if progress:
        progress.start()
    try:
        return check_files(files, rules, advance)
    except RulesError as exc:  # a rule that cannot run on these tables
        _stderr(f"kinerja-xl: {exc}")
        raise typer.Exit(2) from exc
    finally:
        if progress:
            progress.stop()


def _output_failed(exc, output: Path, lang: str) -> NoReturn:
    from .messages import TEXT, say

    key = f"output-{exc.reason}" if f"output-{exc.reason}" in TEXT else "output-failed"
    message = say(key, lang, folder=output.parent, path=output, detail=exc.detail)
    _stderr("kinerja-xl: " + message)
    raise typer.Exit(2) from exc


def _say_unreadable(reports, lang: str) -> None:
    """One line per file that could not be read, naming it, on stderr."""
    for report in reports:
        if not report.readable:
            _stderr(f"kinerja-xl: {report.path}: {report.issues[0].message(lang)}")


def _say_skipped(found, lang: str) -> None:
    from .discover import SKIP_REASONS

    for path, reason in found.skipped:
        _stderr(f"kinerja-xl: {path}: {SKIP_REASONS[reason][lang]}")


@app.command()
def check(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Workbooks or folders (every .xlsx, .xlsm, .xls, .ods below)."),
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
    quiet: QuietOption = False,
) -> None:
    """Periksa buku kerja: setiap sel yang salah, dengan contoh nilai yang sah.

    Check workbooks and name every wrong cell, with what a valid value looks like.

    Kode keluar / exit code: 0 tanpa kesalahan (peringatan boleh) / no errors; 1 ada kesalahan /
    an error; 2 ada berkas yang tidak terbaca / a file could not be read.

    Example:  kinerja-xl check kiriman/ --annotate diperiksa/
    """
    from .discover import discover
    from .report import BatchReport, check_text

    rules = _rules_or_exit(schemas)
    found = discover(paths)
    reports = _check_batch(found.files, rules, quiet)
    batch = BatchReport(files=reports, skipped=found.skipped)
    _say_unreadable(reports, lang.value)
    if format == OutputFormat.json:  # the text report lists them itself
        _say_skipped(found, lang.value)
    copies = _write_annotations(batch, annotate, lang.value) if annotate is not None else 0
    if format == OutputFormat.json:
        _emit_json(batch.to_dict(lang.value))
    else:
        typer.echo(check_text(batch, lang.value))
    raise typer.Exit(max(batch.exit_code, copies) if found.files else 2)


def _write_annotations(batch, folder: Path, lang: str) -> int:
    """The marked-up copies; 2 when one could not be written (the others still are)."""
    from .annotate import write_copies
    from .messages import say

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _stderr(
            "kinerja-xl: " + say("folder-not-created", lang, folder=folder, detail=exc.strerror)
        )
        raise typer.Exit(2) from exc
    code = 0
    for outcome in write_copies(batch.files, folder, lang):
        if outcome.failed:
            _stderr(
                "kinerja-xl: " + say("copy-failed", lang, path=outcome.source, why=outcome.failed)
            )
            code = 2
        elif outcome.skipped == "generated":
            _stderr("kinerja-xl: " + say("copy-generated", lang, path=outcome.source))
        elif outcome.result is not None:
            line = say("copy-written", lang, path=outcome.result.path)
            if outcome.result.not_carried:
                what = ", ".join(
                    say(f"carried-{k}", lang, count=n)
                    for k, n in outcome.result.not_carried.items()
                )
                line += say("copy-not-carried", lang, what=what)
            _stderr(line)
    return code


@app.command()
def consolidate(
    paths: Annotated[
        list[Path], typer.Argument(help="Workbooks or folders of the offices' submissions.")
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
    year: Annotated[
        int | None, typer.Option("--year", help="Plan year, where a file does not say.")
    ] = None,
    lang: LangOption = Lang.id,
    keep_all: Annotated[
        bool,
        typer.Option("--keep-all", help="Keep every file of an office that sent a document twice."),
    ] = False,
    schemas: SchemasOption = None,
    quiet: QuietOption = False,
) -> None:
    """Gabungkan buku kerja semua satker menjadi satu buku kerja provinsi.

    Merge the offices' workbooks into one provincial workbook (Ringkasan, RKT, IKU, Anggaran,
    Rekap Anggaran, Perbandingan Target, Masalah).

    Example:  kinerja-xl consolidate kiriman/ -o "Konsolidasi Kalsel 2024.xlsx" --province "Kalimantan Selatan"
    """
    from .consolidate import consolidate as build
    from .discover import discover
    from .messages import say
    from .provincial import write_consolidated
    from .write import OutputError, check_output, is_same_file

    try:
        check_output(output)  # before any input is read: say at once what cannot work
    except OutputError as exc:
        _output_failed(exc, output, lang.value)
    found = discover(paths)
    if any(is_same_file(output, f) or output.resolve() == f.resolve() for f in found.files):
        _stderr(
            f"kinerja-xl: '{output}' adalah salah satu berkas masukan; pilih nama lain untuk -o."
        )
        raise typer.Exit(2)
    if not found.files:
        _stderr("kinerja-xl: tidak ada buku kerja (.xlsx, .xlsm, .xls, .ods) di masukan.")
        raise typer.Exit(2)
    reports = _check_batch(found.files, _rules_or_exit(schemas), quiet)
    _say_skipped(found, lang.value)
    _say_unreadable(reports, lang.value)
    if not any(r.readable for r in reports):
        _stderr("kinerja-xl: tidak ada berkas yang terbaca; buku kerja provinsi tidak ditulis.")
        raise typer.Exit(2)
    result = build(reports, province, year, keep_all)
    try:
        write_consolidated(result, output, lang.value)
    except OutputError as exc:
        _output_failed(exc, output, lang.value)
    for key, entry in result.counts().items():
        typer.echo(say("count-line", lang.value, label=say(f"count-{key}", lang.value), **entry))
    errors = sum(r.errors for r in reports)
    warnings = sum(r.warnings for r in reports)
    typer.echo(
        {
            "id": f"{errors} kesalahan, {warnings} peringatan → {output}",
            "en": f"{errors} errors, {warnings} warnings → {output}",
        }[lang.value]
    )
    raise typer.Exit(result.exit_code)


class TemplateKind(str, Enum):
    rkt = "rkt"
    iku = "iku"
    anggaran = "anggaran"


@app.command()
def template(
    kind: Annotated[
        TemplateKind,
        typer.Argument(help="rkt (RKT KPU, RKT Sekretariat, Anggaran), iku or anggaran"),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The blank workbook to write (.xlsx).")
    ],
    office: Annotated[
        str | None, typer.Option("--office", help='e.g. "KPU Kota Banjarmasin"')
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help="Plan year for the titles.")] = None,
    lang: Annotated[
        Lang, typer.Option("--lang", help="Language of the Petunjuk sheet and cell hints")
    ] = Lang.id,
) -> None:
    """Buat templat kosong yang memandu pengisian dan terbaca sempurna oleh kinerja-xl.

    Write a blank plan workbook that guides the office while it types and reads back perfectly.

    Example:  kinerja-xl template rkt -o "RKT 2025.xlsx" --office "KPU Kota Banjarmasin" --year 2025
    """
    from .templates import write_template
    from .write import OutputError

    try:
        written = write_template(kind.value, output, office, year, lang.value)
    except OutputError as exc:
        _output_failed(exc, output, lang.value)
    typer.echo(str(written))
