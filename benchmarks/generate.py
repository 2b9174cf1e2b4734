"""Generate N office workbooks for the benchmarks, drawn from the layouts offices really send.

    python benchmarks/generate.py N OUT_DIR [--seed 7]      # N workbooks, in proportion
    python benchmarks/generate.py N OUT_DIR --each          # N offices of every layout

Every file is a copy of one of `sample_workbooks/` — the two seed plans (Banjarmasin's RKT KPU,
RKT Sekretariat and Anggaran; Banjarbaru's IKU with program rows), the other offices' layouts
(one sheet with merged sasaran, text targets and page-break headers, `.xls`, `.ods`, the
mistakes offices make), the rest of the SAKIP cycle (PK, Rencana Aksi, IKU matrix, an LKj
beside its RKT) and, rarely, the faulty ones — in the proportions a province receives them.
With `--each`, the official forms of other provinces (`sample_workbooks/public/`) too.

Each copy is a different office: the office's name is replaced, inside the workbook and in its
file name, by an invented one of the same length (letters for letters, spaces kept), so that the
copies are not duplicates of one another and every byte of the layout stays as the office wrote
it (`.xls` strings keep their length; `.xlsx` and `.ods` are zip archives of XML).

`OUT_DIR/layouts.json` says which layout each file is, for `run.py`'s per-layout table (and
which layouts hold no plan at all, left out of its median).
"""

from __future__ import annotations

import argparse
import json
import random
import zipfile
from dataclasses import dataclass
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "sample_workbooks"
SYLLABLES = "ba ra ku ma ta lo ngi sa pu de wi jo ha ne ri ka su li mo tu".split()


@dataclass(frozen=True)
class Layout:
    name: str
    files: tuple[str, ...]  # relative to sample_workbooks/; sent together by one office
    office: str  # the office's name as the files write it ("Hulu Sungai Selatan")
    weight: float  # how often a province receives it, relative to the others
    also: tuple[str, ...] = ()  # other spellings in the files ("Kota Baru")
    plan: bool = True  # False: a file with no plan in it (a letter, a CSV), read and set aside


LAYOUTS = [
    Layout(
        "seed Banjarmasin: RKT KPU, RKT Sekretariat, Anggaran (3 sheets)",
        ("KPU Kota Banjarmasin - RKT 2024.xlsx",),
        "Banjarmasin",
        3,
    ),
    Layout(
        "seed Banjarbaru: IKU with program rows",
        ("KPU Kota Banjarbaru - IKU 2024.xlsx",),
        "Banjarbaru",
        2,
    ),
    Layout(
        "Tapin: one sheet, merged sasaran, JUMLAH formula",
        ("KPU Kabupaten Tapin - RKT 2024.xlsx",),
        "Tapin",
        2,
    ),
    Layout(
        "Tanah Laut: Sekretariat, Anggaran (text amounts), IKU sheets",
        ("KPU Kabupaten Tanah Laut - RKT dan IKU 2024.xlsx",),
        "Tanah Laut",
        2,
    ),
    Layout(
        "Banjar: .xls, RKT and Anggaran side by side",
        ("KPU Kabupaten Banjar - RKT Sekretariat 2024.xls",),
        "Banjar",
        1,
    ),
    Layout(
        "Hulu Sungai Selatan: .ods IKU",
        ("KPU Kabupaten Hulu Sungai Selatan - IKU 2024.ods",),
        "Hulu Sungai Selatan",
        1,
    ),
    Layout(
        "Kotabaru: the mistakes offices make",
        ("KPU Kabupaten Kotabaru - RKT 2024.xlsx",),
        "Kotabaru",
        1,
        also=("Kota Baru",),
    ),
    Layout(
        "Hulu Sungai Tengah: PK with its budget",
        ("KPU Kabupaten Hulu Sungai Tengah - PK 2024.xlsx",),
        "Hulu Sungai Tengah",
        1,
    ),
    Layout(
        "Tanah Bumbu: Rencana Aksi with quarters",
        ("KPU Kabupaten Tanah Bumbu - Rencana Aksi 2024.xlsx",),
        "Tanah Bumbu",
        1,
    ),
    Layout(
        "Hulu Sungai Utara: five-year IKU matrix",
        ("KPU Kabupaten Hulu Sungai Utara - IKU 2020-2024.xlsx",),
        "Hulu Sungai Utara",
        1,
    ),
    Layout(
        "Tapin: an LKj beside its RKT (2 files)",
        ("KPU Kabupaten Tapin - RKT 2024.xlsx", "KPU Kabupaten Tapin - LKj 2024.xlsx"),
        "Tapin",
        1,
    ),
    Layout(
        "Balangan: every in-table fault",
        ("faulty/KPU Kabupaten Balangan - RKT 2024.xlsx",),
        "Balangan",
        0.5,
    ),
    Layout(
        "Tabalong: a covering letter, no plan",
        ("faulty/Surat Pengantar KPU Kabupaten Tabalong.xlsx",),
        "Tabalong",
        0.2,
        plan=False,
    ),
    Layout(
        "Barito Kuala: a CSV renamed .xlsx",
        ("faulty/KPU Kabupaten Barito Kuala - RKT 2024.xlsx",),
        "Barito Kuala",
        0.2,
        plan=False,
    ),
]

# the official forms other provinces send (sample_workbooks/public/, `make samples`): in the
# per-layout table (`--each`) only; a province's own inbox is the layouts above
PUBLIC_LAYOUTS = [
    Layout(f"public: {Path(file).stem}", (f"public/{file}",), office, 0)
    for file, office in [
        ("BPS Kabupaten Tapin - PK 2024.xlsx", "Tapin"),
        ("KIP Aceh - IKU 2025-2029.xlsx", "Aceh"),
        ("KIP Kabupaten Aceh Besar - LKj 2024.xlsx", "Aceh Besar"),
        ("KPU Kabupaten Jayawijaya - RKA-KL 2025.xlsx", "Jayawijaya"),
        ("KPU Kabupaten Malang - Rincian Pagu 2024.xlsx", "Malang"),
        ("KPU Kabupaten Sidoarjo - Rekap Capaian Kinerja 2024.xlsx", "Sidoarjo"),
        ("KPU Kota Jakarta Timur - PK dan Rencana Aksi 2024.xlsx", "Jakarta Timur"),
        ("KPU Kota Malang - Cascading Kinerja 2024.xlsx", "Malang"),
        ("KPU Kota Surabaya - Evaluasi Renja 2024.xlsx", "Surabaya"),
        ("KPU Provinsi DKI Jakarta - Renstra 2020-2024.xlsx", "DKI Jakarta"),
        ("KPU Provinsi Jawa Timur - RKT 2025.xlsx", "Jawa Timur"),
    ]
]


def invented_name(index: int, like: str) -> str:
    """A made-up office name shaped like `like`: same length, spaces where it has spaces."""
    letters, n = "", index * 7919 + 13
    while len(letters) < len(like):
        n, rem = divmod(n, len(SYLLABLES))
        letters += SYLLABLES[rem]
        if n == 0:
            n = index * 31 + len(letters)
    out, k = [], 0
    for char in like:
        if char.isalpha():
            out.append(letters[k])
            k += 1
        else:
            out.append(char)
    words = "".join(out).split(" ")
    return " ".join(w.capitalize() for w in words)


def spellings(name: str, new: str) -> list[tuple[str, str]]:
    """The ways a workbook writes the name: as is, in capitals, in small letters."""
    return [(name, new), (name.upper(), new.upper()), (name.lower(), new.lower())]


def copy_renamed(source: Path, target: Path, layout: Layout, index: int) -> None:
    pairs = []
    for spelling in (layout.office, *layout.also):
        pairs += spellings(spelling, invented_name(index, spelling))
    if source.suffix.lower() in (".xlsx", ".ods") and zipfile.is_zipfile(source):
        _copy_zip(source, target, pairs)
    elif source.suffix.lower() == ".xls":
        _copy_bytes(source, target, pairs, ("latin-1", "utf-16-le"))
    else:  # not a workbook at all (the renamed CSV): text
        _copy_bytes(source, target, pairs, ("utf-8",))


def _copy_zip(source: Path, target: Path, pairs: list[tuple[str, str]]) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename.endswith((".xml", ".rels")):
                for before, after in pairs:
                    data = data.replace(before.encode("utf-8"), after.encode("utf-8"))
            new.writestr(item, data)


def _copy_bytes(
    source: Path, target: Path, pairs: list[tuple[str, str]], encodings: tuple[str, ...]
) -> None:
    data = source.read_bytes()
    for before, after in pairs:
        for encoding in encodings:  # same length in every encoding: .xls records stay valid
            data = data.replace(before.encode(encoding), after.encode(encoding))
    target.write_bytes(data)


def generate(count: int, folder: Path, seed: int = 7, each: bool = False) -> dict[str, str]:
    """`count` workbooks (an office sending two files counts two) → {file name: layout}: every
    layout once, then in proportion; with `each`, `count` offices of every layout."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    weights = [layout.weight for layout in LAYOUTS]
    made: dict[str, str] = {}
    if each:
        order = [layout for layout in (*LAYOUTS, *PUBLIC_LAYOUTS) for _ in range(count)]
        count = sum(len(layout.files) for layout in order)
    else:
        order = list(LAYOUTS)
    index = 0
    while len(made) < count:
        layout = order.pop(0) if order else rng.choices(LAYOUTS, weights)[0]
        index += 1
        new = invented_name(index, layout.office)
        for file in layout.files:
            if len(made) >= count:
                break
            name = Path(file).name.replace(layout.office, new)
            copy_renamed(SAMPLES / file, folder / name, layout, index)
            made[name] = layout.name
    manifest = {
        "files": made,
        "not_plans": [layout.name for layout in (*LAYOUTS, *PUBLIC_LAYOUTS) if not layout.plan],
    }
    (folder / "layouts.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return made


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--each", action="store_true", help="COUNT offices of every layout")
    arguments = parser.parse_args()
    print(
        len(generate(arguments.count, arguments.folder, arguments.seed, arguments.each)),
        "workbooks in",
        arguments.folder,
    )
