"""What every table kind shares: a row's cells by role (`RowView`), the state of the walk
down a table (`TableState`), records and their text, lines written across the table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..knowledge.layouts import LayoutWords
from ..knowledge.vocabulary import Vocabulary
from ..model.records import Record, Table
from ..reading.grid import Cell, Sheet, column_letter
from .normalise import clean_text, parse_target, shown_decimals

GOAL_VERB = re.compile(
    r"^(me\w+kan|memperkuat|membangun|menjamin|menjaga|mendorong|mencapai)\b", re.IGNORECASE
)


# "Tujuan 1: Mewujudkan …", "Sasaran Strategis 2: Meningkatnya …" written across the table:
# the goal, or the sasaran, of the rows below
GOAL_LABEL = re.compile(
    r"^tujuan(\s+strategis)?(\s+(\d{1,2}|[ivx]{1,4}))?\s*[:.]\s*(?P<text>\S.*)$", re.IGNORECASE
)


SASARAN_LABEL = re.compile(
    r"^sasaran(\s+(strategis|kegiatan|program))?(\s+(\d{1,2}|[ivx]{1,4}))?\s*[:.]\s*(?P<text>\S.*)$",
    re.IGNORECASE,
)


# words a sentence does not end on: a cell that stops there was split over two rows
DANGLING = {
    "yang",
    "dan",
    "atau",
    "di",
    "dalam",
    "untuk",
    "dengan",
    "serta",
    "tetapi",
    "oleh",
    "ke",
    "dari",
    "pada",
    "bagi",
    "terhadap",
    "sebagai",
    "secara",
    "guna",
    "melalui",
}


INDICATOR_START = re.compile(
    r"^(persentase|prosentase|indeks|nilai|jumlah|opini|tingkat|rasio|predikat|capaian)\b", re.I
)


def continues(previous: str | None, text: str) -> bool:
    """Does `text` carry on the sentence of `previous` (one cell split over two rows by a PDF
    conversion or a page break)? Never when it starts like an indicator of its own."""
    if not previous or not text or INDICATOR_START.match(text):
        return False
    last_word = previous.rstrip(" ,;").rsplit(" ", 1)[-1].lower()
    return text[0].islower() or last_word in DANGLING


def continues_all(record: Record, texts: dict[str, str]) -> bool:
    present = {name: text for name, text in texts.items() if text}
    return bool(present) and all(continues(record.get(n), t) for n, t in present.items())


@dataclass
class RowView:
    """One row of one table: its cells by role and by extra-column header."""

    row: int
    first_cell: str
    by_role: dict[str, Cell]
    extras: dict[str, Cell]
    cells: list[Cell]
    periods: dict[int, Cell] = field(default_factory=dict)  # period column -> its cell

    def text(self, role: str) -> str:
        cell = self.by_role.get(role)
        return clean_text(cell.value if cell.value is not None else cell.error) if cell else ""

    def has(self, role: str) -> bool:
        return bool(self.text(role)) or (
            role in self.by_role and self.by_role[role].formula is not None
        )

    def ref(self, role: str) -> str:
        return self.by_role[role].ref


@dataclass
class TableState:
    table: Table
    sheet: Sheet
    tujuan: tuple[str, str] | None = None  # (text, cell)
    sasaran: tuple[str, str] | None = None
    program: tuple[str, str | None, str] | None = None  # (name, code, cell)
    lines_from: int = 0  # the first record a budget's next "Sub Jumlah" adds up
    after_page_break: bool = False
    last: Record | None = None
    data_rows: set[int] = field(default_factory=set)
    sub_words: frozenset[str] = frozenset()  # the header's second line, if it has one
    line_words: frozenset[frozenset[str]] = frozenset()  # every line of the header under the first
    vocabulary: Vocabulary | None = None  # grades and opinions, from the rules
    words: LayoutWords | None = None  # the layouts' words, from the rules
    previous: str | None = None  # how the row above was used ("record", "item", …)


def shown_text(cell: Cell) -> str:
    """A cell's text as Excel shows it: 0.74 in a percent format is '74%'."""
    if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
        target = parse_target(
            cell.value, cell.is_percent_format, shown_decimals(cell.number_format)
        )
        if target is not None:
            return target.text
    return cell.text()


def new_record(state: TableState, view: RowView) -> Record:
    record = Record(state.table.sheet, view.row, view.first_cell)
    number = view.text("no")
    if number:
        record.number = number
        record.cells["no"] = view.ref("no")
    for header, cell in view.extras.items():
        record.extras[header] = shown_text(cell)
    state.table.records.append(record)
    state.last = record
    return record


def set_text(record: Record, name: str, value: tuple[str, str] | None) -> None:
    if value:
        record.values[name], record.cells[name] = value
    else:
        record.values[name] = None


def append_text(record: Record, name: str, text: str, ref: str) -> None:
    before = record.values.get(name)
    record.values[name] = f"{before} {text}" if before else text
    record.cells.setdefault(name, ref)


def point_at_columns(record: Record, table: Table, roles: tuple[str, ...]) -> None:
    """An empty field still has a cell: the one in its column, where the value belongs."""
    for role in roles:
        if role in table.columns:
            record.cells.setdefault(role, f"{column_letter(table.columns[role])}{record.row}")


def heading_line(state: TableState, view: RowView) -> bool:
    """ "Tujuan 1: …" or "Sasaran 2: …" across the table: it heads the rows below."""
    goal = labelled_line(view, GOAL_LABEL)
    if goal:
        state.tujuan, state.sasaran = goal, None
        return True
    heading = labelled_line(view, SASARAN_LABEL)
    if heading:
        state.sasaran = heading
        return True
    coded = labelled_line(view, HEADING_CODE)
    level = _heading_level(state, view) if coded else None
    if coded and level == "tujuan":
        state.tujuan, state.sasaran = coded, None
        return True
    if coded and level == "sasaran":
        state.sasaran = coded
        return True
    return False


# "T1 - Meningkatnya …", "S2 - Terwujudnya …": a level's code before the text
HEADING_CODE = re.compile(r"^[A-Za-z]{1,3}\s?\d{1,2}(\.\d{1,2})*\s*[-–:.]\s+(?P<text>\S.*)$")


def _heading_level(state: TableState, view: RowView) -> str | None:
    texts = [c.text() for c in view.cells if c.text()]
    code = re.match(r"[A-Za-z]+", texts[0]) if texts else None
    if code is None or state.words is None:
        return None
    return state.words.heading_codes.get(code.group(0).lower())


def is_item(state: TableState, view: RowView, text: str) -> bool:
    """ "- Sosialisasi dan Pendidikan Pemilih" alone on its row, under an indicator (or under
    another such line): one of the indicator's activities, not an indicator of its own."""
    if state.words is None or state.previous not in ("record", "item") or not text:
        return False
    if len([c for c in view.cells if c.text()]) != 1:
        return False
    raw = next(c.text() for c in view.cells if c.text())
    bullet = next((b for b in state.words.item_bullets if raw.startswith(b)), None)
    return bullet is not None and not INDICATOR_START.match(raw[len(bullet) :].strip())


def labelled_line(view: RowView, label: re.Pattern[str]) -> tuple[str, str] | None:
    """(text, cell) of a row holding only "Tujuan 1: …" or "Sasaran 2: …" (in any column, often
    merged across the table)."""
    texts = [c for c in view.cells if c.text()]
    if len(texts) != 1 or not isinstance(texts[0].value, str):
        return None
    match = label.match(texts[0].text())
    return (match.group("text").strip(), texts[0].ref) if match else None
