"""The command line: parse, call the library, render, exit. Nothing else lives here."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

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


def _emit_json(data: dict) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@app.command()
def inspect(
    file: Annotated[Path, typer.Argument(help="The workbook to read (.xlsx, .xlsm, .xls, .ods).")],
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text or json")
    ] = OutputFormat.text,
    lang: Annotated[Lang, typer.Option("--lang", help="id (Bahasa Indonesia) or en")] = Lang.id,
) -> None:
    """Show what kinerja-xl reads in one workbook: office, year, every table and its rows.

    Example:  kinerja-xl inspect "KPU Kota Banjarmasin - RKT 2024.xlsx" --format json
    """
    from .pipeline import inspect_file
    from .report import BatchReport, inspect_text

    report = inspect_file(file)
    batch = BatchReport(files=[report])
    if format == OutputFormat.json:
        _emit_json(batch.to_dict(lang.value, records=True))
    else:
        typer.echo(inspect_text(report, lang.value))
    raise typer.Exit(2 if not report.readable else 0)
