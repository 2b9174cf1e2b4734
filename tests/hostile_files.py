"""The crafted files of hostile inputs round three (issue 20), built in code: each is what an
attacker or an unlucky office could send, and each has a bound (docs/robustness.md).

    python tests/hostile_files.py OUT_DIR        # writes every file into OUT_DIR
    python benchmarks/hostile_costs.py           # builds them and measures each through the CLI
"""

from __future__ import annotations

import random
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import HEAD, ODS_CONTENT, _xlsx  # noqa: E402

PLAN = [HEAD, ["1", "Terwujudnya A", "Persentase a", "90%"], [None, None, "Indeks b", 80]]

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    "{overrides}</Types>"
)
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)


def sheet_xml(rows: list[list[object]], cells: str = "") -> str:
    """A worksheet of inline strings and numbers (row 1 first); `cells` is raw XML appended
    inside <sheetData> (crafted cells)."""
    body = []
    for r, values in enumerate(rows, start=1):
        row = []
        for c, value in enumerate(values):
            if value is None:
                continue
            ref = f"{chr(65 + c)}{r}"
            if isinstance(value, int | float):
                row.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                row.append(f'<c r="{ref}" t="inlineStr"><is><t>{_escape(value)}</t></is></c>')
        body.append(f'<row r="{r}">{"".join(row)}</row>')
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
        f"<sheetData>{''.join(body)}{cells}</sheetData></worksheet>"
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return _escape(text).replace('"', "&quot;")


def package(
    path: Path,
    sheets: list[tuple[str, str]],
    shared: list[str] | None = None,
    styles: str | None = None,
) -> None:
    """An .xlsx written part by part: `sheets` = [(name, worksheet xml)], names as given (a
    duplicate, a 40-letter or a case-variant name is written as it is)."""
    entries, rels, overrides = [], [], []
    for index, (name, _xml) in enumerate(sheets, start=1):
        entries.append(f'<sheet name="{_attr(name)}" sheetId="{index}" r:id="rId{index}"/>')
        rels.append(
            f'<Relationship Id="rId{index}" Type="{REL}/worksheet" '
            f'Target="worksheets/sheet{index}.xml"/>'
        )
        overrides.append(
            f'<Override PartName="/xl/worksheets/sheet{index}.xml" ContentType="{SHEET_TYPE}"/>'
        )
    extra = len(sheets)
    if shared is not None:
        extra += 1
        rels.append(
            f'<Relationship Id="rId{extra}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        )
        overrides.append(f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST_TYPE}"/>')
    if styles is not None:
        extra += 1
        rels.append(f'<Relationship Id="rId{extra}" Type="{REL}/styles" Target="styles.xml"/>')
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
        f"<sheets>{''.join(entries)}</sheets></workbook>"
    )
    workbook_rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{''.join(rels)}</Relationships>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(overrides="".join(overrides)))
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        for index, (_name, xml) in enumerate(sheets, start=1):
            archive.writestr(f"xl/worksheets/sheet{index}.xml", xml)
        if shared is not None:
            items = "".join(f"<si><t>{_escape(s)}</t></si>" for s in shared)
            archive.writestr(
                "xl/sharedStrings.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">{items}</sst>',
            )
        if styles is not None:
            archive.writestr("xl/styles.xml", styles)


# --- 4. one long shared string used by many cells ---------------------------------------------


def long_shared_string(path: Path, letters: int = 30_000, cells: int = 60_000) -> None:
    """A plan of `cells // 2` rows whose indicator (column C) and sasaran (column B) are all
    shared string 0, `letters` long, each with a target: `cells` cells show that one text."""
    word = "Persentase pelayanan "
    text = (word * (letters // len(word) + 1))[:letters]
    rows = "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r - 1}</v></c><c r="B{r}" t="s"><v>0</v></c>'
        f'<c r="C{r}" t="s"><v>0</v></c><c r="D{r}"><v>5</v></c></row>'
        for r in range(2, cells // 2 + 2)
    )
    package(path, [("RKT", sheet_xml([HEAD], rows))], shared=[text])


def long_shared_string_column(path: Path, letters: int = 30_000, cells: int = 60_000) -> None:
    """The same text in `cells` rows of one column under an indicator header, nothing else:
    every row an indicator without a target, and a duplicate (two issues a row)."""
    word = "Persentase pelayanan "
    text = (word * (letters // len(word) + 1))[:letters]
    rows = "".join(
        f'<row r="{r}"><c r="C{r}" t="s"><v>0</v></c></row>' for r in range(2, cells + 2)
    )
    package(path, [("RKT", sheet_xml([HEAD], rows))], shared=[text])


# --- 5. an .ods cell whose text is a run of repeated spaces ------------------------------------


def ods_repeated_spaces(path: Path, repeats: int = 2_000_000) -> None:
    """One cell whose paragraph holds `repeats` × <text:s text:c="1000"/> (a billion spaces), each
    written in one of four equivalent ways so that the file compresses like a real one (about
    100×, under the ratio guard) rather than 400×."""
    forms = ['<text:s text:c="1000"/>', "<text:s text:c='1000'/>", '<text:s text:c="1000" />']
    forms.append('<text:s  text:c="1000"/>')
    pick = random.Random(5).choices
    spaces = "".join(pick(forms, k=repeats))
    rows = (
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Sasaran Strategis'
        "</text:p></table:table-cell>"
        '<table:table-cell office:value-type="string"><text:p>Indikator Kinerja</text:p>'
        "</table:table-cell>"
        '<table:table-cell office:value-type="string"><text:p>Target</text:p></table:table-cell>'
        "</table:table-row>"
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Terwujudnya A'
        "</text:p></table:table-cell>"
        f'<table:table-cell office:value-type="string"><text:p>Jumlah b{spaces}</text:p>'
        "</table:table-cell>"
        '<table:table-cell office:value-type="float" office:value="5"><text:p>5</text:p>'
        "</table:table-cell></table:table-row>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", ODS_CONTENT.format(rows=rows))
        archive.writestr("META-INF/manifest.xml", "<manifest/>")


# --- 8. ten thousand and one sheets ------------------------------------------------------------


def many_sheets(path: Path, count: int = 10_001) -> None:
    """A plan on the first sheet, then `count - 1` sheets holding one cell each."""
    tiny = sheet_xml([["x"]])
    package(path, [("RKT", sheet_xml(PLAN))] + [(f"L{n}", tiny) for n in range(2, count + 1)])


# --- 10. sheet names Excel would never have allowed --------------------------------------------


def awkward_sheet_names(path: Path) -> None:
    """The same plan (with a fault: 120 %) under a duplicate name, a case variant and a
    40-letter name."""
    bad = [HEAD, ["1", "Terwujudnya A", "Persentase a", "120%"]]
    package(
        path,
        [
            ("RKT", sheet_xml(bad)),
            ("RKT", sheet_xml(bad)),
            ("rkt", sheet_xml(bad)),
            ("Rencana Kinerja Tahunan KPU Kota Tapin 24", sheet_xml(bad)),
        ],
    )


# --- 11. references outside Excel's grid -------------------------------------------------------


def outside_the_grid(path: Path) -> None:
    crafted = (
        '<row r="3"><c r="E0" t="inlineStr"><is><t>nol</t></is></c></row>'
        '<row r="4"><c r="A1048577" t="inlineStr"><is><t>terlalu jauh</t></is></c>'
        '<c r="XFE4" t="inlineStr"><is><t>terlalu lebar</t></is></c></row>'
    )
    package(
        path, [("RKT", sheet_xml([HEAD, ["1", "Terwujudnya A", "Persentase a", "90%"]], crafted))]
    )


# --- 13. a plain .xls whose text says "EncryptedPackage" ---------------------------------------


def xls_saying_encrypted_package(path: Path) -> None:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("RKT")
    for c, title in enumerate(HEAD):
        sheet.write(0, c, title)
    for c, value in enumerate(["1", "Terwujudnya A", "Persentase EncryptedPackage Ā", "90%"]):
        sheet.write(1, c, value)
    book.save(str(path))


# --- 14. numbers at the edge of a float --------------------------------------------------------

STYLES_PERCENT = (
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
    '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="9"/></cellXfs></styleSheet>'
)


def huge_numbers(path: Path) -> None:
    """1e308 as a target, and 1e308 under a percent format (× 100 overflows to inf)."""
    crafted = '<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><t>Terwujudnya B</t></is></c><c r="C3" t="inlineStr"><is><t>Persentase c</t></is></c><c r="D3" s="1"><v>1E+308</v></c></row>'
    rows = [HEAD, ["1", "Terwujudnya A", "Jumlah a", 1e308]]
    package(path, [("RKT", sheet_xml(rows, crafted))], styles=STYLES_PERCENT)


# --- also: a DDE formula ----------------------------------------------------------------------


def dde_formula(path: Path) -> None:
    """A plan whose target cell is a DDE formula (cmd|' /C calc'!A0, as a CSV injection leaves
    it), with the DDE link part Excel writes for it."""
    crafted = (
        '<row r="3"><c r="A3" t="inlineStr"><is><t>2</t></is></c>'
        '<c r="B3" t="inlineStr"><is><t>Terwujudnya B</t></is></c>'
        '<c r="C3" t="inlineStr"><is><t>Persentase b</t></is></c>'
        '<c r="D3" t="str"><f>cmd|\' /C calc\'!A0</f><v>0</v></c></row>'
    )
    package(path, [("RKT", sheet_xml(PLAN[:2], crafted))])
    link = (
        f'<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="{MAIN}">'
        '<ddeLink ddeService="cmd" ddeTopic=" /C calc"><ddeItems><ddeItem name="A0" advise="1"/>'
        "</ddeItems></ddeLink></externalLink>"
    )
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/externalLinks/externalLink1.xml", link)


# --- every text and count bounded as it is read ----------------------------------------------


def countless_parts(path: Path, parts: int = 400_000) -> None:
    """A plan, then `parts` empty parts: a 36 MB file under every size guard whose zip directory
    alone cost 390 MB (zipfile holds an object for every entry)."""
    package(path, [("RKT", sheet_xml(PLAN))])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as archive:
        for index in range(parts):
            archive.writestr(f"x/{index}", b"")


def long_sheet_name(path: Path, letters: int = 500_000) -> None:
    """The plan (a target of 120 %) on a sheet named with `letters` letters, and again on a
    sheet whose name differs only at its end."""
    bad = [HEAD, ["1", "Terwujudnya A", "Persentase a", "120%"]]
    name = "R" * letters
    package(path, [(name, sheet_xml(bad)), (name + "S", sheet_xml(bad))])


# --- 7. a legal 252-byte file name -------------------------------------------------------------

LONG_NAME = "KPU Kota Banjarmasin - RKT 2024 " + "x" * (252 - 32 - 5) + ".xlsx"
assert len(LONG_NAME.encode()) == 252


def plan(path: Path) -> None:
    _xlsx(PLAN)(path)


BUILDERS: dict[str, Callable[[Path], None]] = {
    "string-30000-x-60000.xlsx": long_shared_string,
    "string-30000-x-60000-kolom.xlsx": long_shared_string_column,
    "ods-spasi-2-juta.ods": ods_repeated_spaces,
    "ods-spasi-600-ribu.ods": lambda path: ods_repeated_spaces(path, 600_000),
    "10001-lembar.xlsx": many_sheets,
    "nama-lembar-kembar.xlsx": awkward_sheet_names,
    "di-luar-grid.xlsx": outside_the_grid,
    "xls-kata-encryptedpackage.xls": xls_saying_encrypted_package,
    "angka-1e308.xlsx": huge_numbers,
    "rumus-dde.xlsx": dde_formula,
    "400000-bagian.xlsx": countless_parts,
    "nama-lembar-500000-huruf.xlsx": long_sheet_name,
    LONG_NAME: plan,
}


def measured(arguments: list[str], timeout: float = 300, cwd: Path | None = None) -> dict:
    """`kinerja-xl ARGUMENTS` as a person runs it, under /usr/bin/time -v: exit code, wall and
    CPU seconds, peak resident memory (MB) of the process, stdout and stderr."""
    command = ["/usr/bin/time", "-v", sys.executable, "-m", "kinerja_xl", *arguments]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=cwd)
    except subprocess.TimeoutExpired:
        return {
            "exit": "timeout",
            "seconds": timeout,
            "cpu": None,
            "mb": None,
            "stdout": "",
            "stderr": "",
            "traceback": False,
        }
    report, _, timing = done.stderr.rpartition("\tCommand being timed")
    fields = dict(line.strip().rsplit(": ", 1) for line in timing.splitlines() if ": " in line)
    wall = fields.get("Elapsed (wall clock) time (h:mm:ss or m:ss)", "0:0")
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    return {
        "exit": done.returncode,
        "seconds": round(seconds, 2),
        "cpu": round(
            float(fields["User time (seconds)"]) + float(fields["System time (seconds)"]), 2
        ),
        "mb": int(fields["Maximum resident set size (kbytes)"]) // 1024,
        "stdout": done.stdout,
        "stderr": report,
        "traceback": "Traceback" in done.stderr or "Traceback" in done.stdout,
    }


def write_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, build in BUILDERS.items():
        paths[name] = folder / name
        build(paths[name])
    return paths


if __name__ == "__main__":
    for written in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")).values():
        print(written, written.stat().st_size)
