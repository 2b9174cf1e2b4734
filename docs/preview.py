"""Render the demo's outputs as their readers will print them: workbook → PDF (LibreOffice,
headless) → one PNG per page (pdftoppm). `make preview` runs it after `make demo`; it also makes
the provincial workbook and a marked-up copy in English (`--lang en`, in OUT_FOLDER/en/), so that
both languages are looked at.

    python docs/preview.py [OUT_FOLDER]        # default: out/ → out/preview/

Needs `soffice` (Debian: libreoffice-calc-nogui) and `pdftoppm` (poppler-utils); the fonts
Carlito and Caladea (fonts-crosextra-carlito, fonts-crosextra-caladea) make LibreOffice lay text
out with Calibri's metrics, as Excel would.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(out: Path) -> int:
    missing = [tool for tool in ("soffice", "pdftoppm") if shutil.which(tool) is None]
    if missing:
        print(
            f"preview: {', '.join(missing)} not found; on Debian: "
            "apt-get install libreoffice-calc-nogui poppler-utils fonts-crosextra-carlito",
            file=sys.stderr,
        )
        return 2
    workbooks = _outputs(out)
    if not workbooks:
        print(f"preview: nothing to render in {out}; run `make demo` first", file=sys.stderr)
        return 2
    target = out / "preview"
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for name, workbook in workbooks.items():
            pdf = _to_pdf(workbook, Path(work))
            pages = _to_png(pdf, target / name)
            print(f"{workbook} → {len(pages)} page(s): {target / name}-*.png")
    return 0


def _outputs(out: Path) -> dict[str, Path]:
    """The consolidated workbook, one marked-up copy and the three templates."""
    found: dict[str, Path] = {}
    consolidated = sorted(out.glob("Konsolidasi*.xlsx"))
    if consolidated:
        found["konsolidasi"] = consolidated[0]
    copies = sorted((out / "diperiksa").rglob("*Balangan*.xlsx")) or sorted(
        (out / "diperiksa").rglob("*.xlsx")
    )
    if copies:
        found["diperiksa"] = copies[0]
    found.update(_english(out))
    (out / "templat").mkdir(parents=True, exist_ok=True)
    for kind in ("rkt", "iku", "anggaran"):
        template = out / "templat" / f"templat-{kind}.xlsx"
        command = [sys.executable, "-m", "kinerja_xl", "template", kind, "-o", str(template)]
        command += ["--office", "KPU Kota Banjarmasin", "--year", "2025"]
        subprocess.run(command, check=False, capture_output=True)
        if template.exists():
            found[f"templat-{kind}"] = template
    return found


def _english(out: Path) -> dict[str, Path]:
    """The provincial workbook and Balangan's marked-up copy made with --lang en."""
    english = out / "en"
    english.mkdir(parents=True, exist_ok=True)
    samples = ROOT / "sample_workbooks"
    kx = [sys.executable, "-m", "kinerja_xl"]
    consolidated = english / "Consolidated-Kalsel-2024.xlsx"
    subprocess.run(
        [*kx, "consolidate", str(samples), "-o", str(consolidated), "--lang", "en"]
        + ["--province", "Kalimantan Selatan", "--year", "2024", "--quiet"],
        check=False,
        capture_output=True,
    )
    balangan = samples / "faulty" / "KPU Kabupaten Balangan - RKT 2024.xlsx"
    subprocess.run(
        [*kx, "check", str(balangan), "--annotate", str(english), "--lang", "en", "--quiet"],
        check=False,
        capture_output=True,
    )
    found = {}
    if consolidated.exists():
        found["konsolidasi-en"] = consolidated
    copies = sorted(english.glob("*Balangan*.xlsx"))
    if copies:
        found["diperiksa-en"] = copies[0]
    return found


def _to_pdf(workbook: Path, work: Path) -> Path:
    profile = work / "profile"  # a fresh LibreOffice profile: no first-run dialogs, no locks
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return work / (workbook.stem + ".pdf")


def _to_png(pdf: Path, prefix: Path) -> list[Path]:
    for old in prefix.parent.glob(prefix.name + "-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(prefix)], check=True)
    return sorted(prefix.parent.glob(prefix.name + "-*.png"))


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "out"))
