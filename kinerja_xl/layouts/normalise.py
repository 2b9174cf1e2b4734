"""Pure parsers for what offices type: "0,16%", "Rp. 814.815.000,00", "B", "WTP", "5 dokumen".

Nothing here raises on bad input: a parser returns a value, or a value with a `problem` key
that the checker turns into an issue at the cell.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ..knowledge.programs import CODE_LIKE
from ..knowledge.vocabulary import Vocabulary, load_vocabulary
from ..model.values import Amount, Target
from ..reading.caching import text_cache

INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u3000\t\r\n"), " ")
CLEANING = {**INVISIBLE, **SPACES}
MULTIPLE_SPACES = re.compile(r" {2,}")
# from a quadrillion up a number is shown with an exponent, as Excel's General format shows it
# (1E+308, never 309 digits), and kept a float (no plan or budget holds one: see MAX_RUPIAH)
HUGE = 10**15

MULTIPLIERS = {
    "ribu": 10**3,
    "rb": 10**3,
    "juta": 10**6,
    "jt": 10**6,
    "m": 10**9,  # "Rp 1,2 M": M is miliar in Indonesian budgets
    "miliar": 10**9,
    "milyar": 10**9,
    "triliun": 10**12,
}


def clean_text(value: Any) -> str:
    """Text with invisible characters removed and every run of spaces made one space."""
    if value is None:
        return ""
    return _cleaned(value if type(value) is str else str(value))


@text_cache(maxsize=1 << 16)  # a cell's text is asked for by several rules; offices share texts
def _cleaned(text: str) -> str:
    text = text.translate(CLEANING)
    if "  " in text:
        text = MULTIPLE_SPACES.sub(" ", text)
    return text.strip()


# "1.1 Persentase …", "a. Jumlah …", "1) …", "(a) …", "- …", "IKU 2: …", "SS 1.1 …": the office's
# own numbering or bullet before an indicator's words
INDICATOR_NUMBERING = re.compile(
    r"^((iku|iks|ik|ss|sk)\s*\d{1,3}(\.\d{1,3})*\s*[.:)-]?"
    r"|\(?\d{1,3}(\.\d{1,3})*[.)]?|\(?[a-z][.)]|[-•–·*])\s+",
    re.IGNORECASE,
)


def without_numbering(text: str) -> str:
    return INDICATOR_NUMBERING.sub("", text)


HEADER_PUNCTUATION = re.compile(r"[.:*()\[\]_/\\-]+")
SPACE_RUNS = re.compile(r"\s+")


def header_key(value: Any) -> str:
    """Header text reduced for matching: 'No. ', 'INDIKATOR\\nKINERJA' -> 'no', 'indikator kinerja'."""
    text = HEADER_PUNCTUATION.sub(" ", clean_text(value).lower())
    return SPACE_RUNS.sub(" ", text).strip()


def parse_indonesian_number(
    text: str, prefer_thousands: bool, comma_is_decimal: bool = False
) -> Decimal | None:
    """ "0,16" -> 0.16; "1.234.567,5" -> 1234567.5; "1,234.5" -> 1234.5; "abc" -> None.

    A lone dot or comma followed by exactly three digits ('1.234', '1,234') is ambiguous: a
    thousands separator when `prefer_thousands` (money, counts), a decimal mark otherwise
    (percentages, where "0.2%" and "0,16%" are written). With `comma_is_decimal` (a typed
    target) a lone comma is the Indonesian decimal mark even then: "3,500" is 3,5.
    """
    match = re.fullmatch(r"([-+]?)(\d(?:[\d.,]*\d)?)", text.replace(" ", ""))
    if not match:
        return None
    sign, digits = match.groups()
    decimal_mark = _decimal_mark(digits, prefer_thousands)
    if comma_is_decimal and decimal_mark == "" and digits.count(",") == 1 and "." not in digits:
        decimal_mark = ","
    integer, fraction = digits, ""
    if decimal_mark:
        integer, _, fraction = digits.rpartition(decimal_mark)
    group_mark = {"": "".join(set(digits) & {".", ","}), ".": ",", ",": "."}[decimal_mark]
    if len(group_mark) > 1 or not _valid_integer_part(integer, group_mark):
        return None
    if not fraction.isdigit() and fraction != "":
        return None
    number = integer.replace(group_mark, "") if group_mark else integer
    try:
        return Decimal(f"{sign}{number}.{fraction}" if fraction else f"{sign}{number}")
    except InvalidOperation:
        return None


def _decimal_mark(digits: str, prefer_thousands: bool) -> str:
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:
        return "," if digits.rfind(",") > digits.rfind(".") else "."
    for mark, count, default in ((",", commas, ","), (".", dots, ".")):
        if count == 1:
            # money has no thousandths: "1,000" and "1.000" are a thousand there
            lone_three = len(digits) - digits.index(mark) - 1 == 3
            return "" if lone_three and prefer_thousands else default
        if count > 1:
            return ""
    return ""


def _valid_integer_part(integer: str, group_mark: str) -> bool:
    if not group_mark or group_mark not in integer:
        return integer.isdigit()
    groups = integer.split(group_mark)
    return (
        1 <= len(groups[0]) <= 3
        and all(g.isdigit() for g in groups)
        and all(len(g) == 3 for g in groups[1:])
    )


def parse_target(
    value: Any,
    percent_format: bool = False,
    decimals: int = 0,
    vocabulary: Vocabulary | None = None,
) -> Target | None:
    """A target cell's value (and whether Excel formats it as a percentage) -> `Target`.
    Grades, opinions and their variants come from `vocabulary` (the rules in `schemas/`)."""
    if value is None or (isinstance(value, str) and clean_text(value) == ""):
        return None
    if isinstance(value, bool):
        return Target(str(value).upper(), None, None, "unparseable")
    if isinstance(value, datetime | date | time):
        return Target(_format_date(value), None, None, "date")
    if isinstance(value, int | float):
        return _numeric_target(value, percent_format, decimals)
    return parse_target_text(clean_text(value), vocabulary)


def _numeric_target(number: float, percent_format: bool, decimals: int) -> Target:
    if not math.isfinite(number):  # a NaN or an infinity stored as a number: no target
        return Target(str(number), None, None, "unparseable")
    if percent_format:
        if not math.isfinite(number * 100):  # 1E+308 shown as a percentage: 1E+310 %
            shown = f"{(Decimal(repr(number)) * 100).normalize():.6G}".replace(".", ",")
            return Target(shown + "%", None, None, "unparseable")
        percent = _tidy(round(number * 100, 10))
        return Target(format_id(percent, decimals) + "%", percent, "persen")
    tidy = _tidy(number)
    return Target(format_id(tidy, decimals), tidy, "angka")


COMPARATOR = re.compile(
    r"^(≥|≤|>=|<=|>|<|=|min(imal|\.)?|maks(imal|\.)?|paling (sedikit|rendah|tinggi))\s*",
    re.IGNORECASE,
)


FOOTNOTE_MARK = re.compile(r"\s*(\*+\)?|\(\*+\))$")
# a word naming the number that follows it ("Nilai 70", "Skor 3,5"); quotation marks around a code
NUMBER_LABEL = re.compile(r"^(nilai|skor|indeks|index|level|tingkat|angka)\s+(?=[-+]?\d)", re.I)
QUOTES = re.compile('["\u201c\u201d\u2018\u2019]')


# No target or amount is written in more letters than this; a longer text is not read as one
# (and a hostile cell of 32,767 stars or spaces costs nothing: the patterns below, searched from
# every position, would take seconds a cell).
MAX_VALUE_TEXT = 300


# full-width forms (Ｕ+FF01–FF5E), as a Japanese or Chinese keyboard types them: '８０％' is 80%
FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
FULL_WIDTH_FORMS = re.compile("[\uff01-\uff5e\u3000]")


def parse_target_text(text: str, vocabulary: Vocabulary | None = None) -> Target:
    """A typed target. A leading comparator ("≥ 90%", "minimal 80") is part of the text as
    written; the value is the number after it."""
    if len(text) > MAX_VALUE_TEXT:
        return Target(text, None, None, "unparseable")
    if FULL_WIDTH_FORMS.search(text):
        parsed = parse_target_text(text.translate(FULL_WIDTH), vocabulary)
        return Target(text, parsed.value, parsed.unit, parsed.problem)
    bare = COMPARATOR.sub("", text, count=1) if COMPARATOR.match(text) else text
    if bare != text and bare:
        parsed = parse_target_text(bare, vocabulary)
        return Target(text, parsed.value, parsed.unit, parsed.problem)
    unmarked = FOOTNOTE_MARK.sub("", text)
    if unmarked != text and unmarked:  # "80%*": the star points to a note under the table
        parsed = parse_target_text(unmarked, vocabulary)
        return Target(text, parsed.value, parsed.unit, parsed.problem)
    bare = QUOTES.sub("", NUMBER_LABEL.sub("", text, count=1)).strip()
    if bare != text and bare:  # 'Nilai 70', 'Skor 3,5', '"BB"', 'Predikat “WTP”'
        parsed = parse_target_text(bare, vocabulary)
        return Target(text, parsed.value, parsed.unit, parsed.problem)
    upper = text.upper()
    percent = re.fullmatch(r"([-+]?\d[\d.,]*)\s*(%|PERSEN)", upper)
    if percent:
        number = parse_indonesian_number(percent.group(1), prefer_thousands=False)
        if number is not None:
            return Target(text, _tidy(float(number)), "persen")
    # an index "3,500" is 3,5 as Indonesian writes it; a count "1.250 orang" is 1250
    number = parse_indonesian_number(text, prefer_thousands=True, comma_is_decimal=True)
    if number is not None:
        return Target(text, _tidy(float(number)), "angka")
    counted = re.fullmatch(r"([-+]?\d[\d.,]*)\s+([A-Za-z][A-Za-z /-]{0,40})", text)
    if counted:
        amount = parse_indonesian_number(counted.group(1), True, comma_is_decimal=True)
        if amount is not None:
            return Target(text, _tidy(float(amount)), counted.group(2).strip().lower())
    category = parse_category(text, vocabulary)
    if category:
        return Target(text, category[0], category[1])
    if text.startswith("#") and (text.endswith(("!", "?", "A")) or set(text) == {"#"}):
        return Target(text, None, None, "error")  # "#REF!", "#N/A", or "#####" (no date)
    spelled = PARENTHESES_OF_WORDS.sub(" ", text).strip()
    if spelled != text and spelled:  # "90% (sembilan puluh persen)", "5 (lima) dokumen"
        parsed = parse_target_text(re.sub(r"\s+", " ", spelled), vocabulary)
        if parsed.problem is None:
            return Target(text, parsed.value, parsed.unit)
    before_note = TRAILING_NOTE.sub("", text)
    if before_note != text and before_note:  # "100% (14 laporan)", "80%."
        parsed = parse_target_text(before_note, vocabulary)
        if parsed.problem is None:
            return Target(text, parsed.value, parsed.unit)
    return Target(text, None, None, "unparseable")


# what may follow a whole target without changing it: a note in parentheses, a full stop
TRAILING_NOTE = re.compile(r"\s*(\([^()]*\)|[.;,])$")


# words in parentheses beside a number: the number spelled out ("(lima)"), or a label ("(Baik)")
PARENTHESES_OF_WORDS = re.compile(r"\s*\([A-Za-z][A-Za-z .,-]*\)\s*")


def parse_category(text: str, vocabulary: Vocabulary | None = None) -> tuple[str, str] | None:
    """'B', 'Predikat BB', 'WTP-DPP', 'E' -> (value, unit) where unit is predikat/opini/kategori
    (the lists and variants are the rules': `vocabulary`).

    An unknown code counts as a category only when typed in capitals ('E', 'AAA'), so that a
    word such as 'abc' stays unparseable.
    """
    words = vocabulary or load_vocabulary()
    upper = text.upper()
    bare = re.sub(r"^(PREDIKAT|NILAI|OPINI)\s+", "", upper.strip())
    bare = re.sub(r"\s*\(.*\)$", "", bare).strip(" .")
    code = words.aliases.get(bare, bare)
    kind = words.kind_of(code)
    if kind in ("predikat", "opini"):
        return code, kind
    if re.fullmatch(r"[A-Z]{1,3}[+-]?", bare) and text.strip() == text.strip().upper():
        return bare, "kategori"
    if kind is not None:  # a named category ("Menuju Informatif")
        return code.title(), "kategori"
    return None


# No budget line of a KPU office comes near a thousand trillion rupiah (the whole state budget is
# about Rp3.300 triliun): past this an amount is a typing slip, never a number to add up.
MAX_RUPIAH = 10**15


def _plausible(amount: Amount) -> Amount:
    if amount.value is not None and abs(amount.value) >= MAX_RUPIAH:
        return Amount(amount.text, None, "implausible")
    return amount


def parse_amount(value: Any, scale: int = 1) -> Amount | None:
    """A budget cell -> whole rupiah (int). Floats are accepted only when whole. `scale` is the
    column's unit in rupiah (1000 under a header "(Rp 000)"). An amount of a thousand trillion
    or more is implausible, and never a number."""
    amount = _parse_amount(value, scale)
    return _plausible(amount) if amount is not None else None


def _parse_amount(value: Any, scale: int = 1) -> Amount | None:
    if value is None or (isinstance(value, str) and clean_text(value) == ""):
        return None
    if isinstance(value, bool):
        return Amount(str(value), None, "unparseable")
    if isinstance(value, datetime | date | time):
        return Amount(_format_date(value), None, "date")
    if isinstance(value, int) and scale == 1:
        return Amount(format_rupiah(value), value)
    if isinstance(value, int | float):
        if not math.isfinite(value):
            return Amount(str(value), None, "unparseable")
        rupiah = Decimal(repr(value)) * scale
        whole = int(round(rupiah))
        if abs(rupiah - whole) > Decimal("0.000001"):
            return Amount(format_id(value), None, "fraction")
        return Amount(format_rupiah(whole) if scale == 1 else format_id(value), whole)
    return parse_rupiah_text(clean_text(value), scale)


NIL_AMOUNT = re.compile(r"^-+(\s*[,.]\s*-+)?$")  # "-", "Rp -", "-,-": nil, as ledgers write it


def parse_rupiah_text(text: str, scale: int = 1) -> Amount:
    if len(text) > MAX_VALUE_TEXT:
        return Amount(text, None, "unparseable")
    if FULL_WIDTH_FORMS.search(text):  # 'Ｒｐ ８１４．８１５．０００'
        parsed = parse_rupiah_text(text.translate(FULL_WIDTH), scale)
        return Amount(text, parsed.value, parsed.problem)
    body = _strip_currency(text.upper())
    body = FOOTNOTE_MARK.sub("", body)  # "Rp 814.815.000*": the star points to a note
    if NIL_AMOUNT.match(body):
        return Amount(text, 0)
    body = re.sub(r"\s*[,.]\s*-+$", "", body)  # "Rp 1.000,-"
    negative = False
    if body.startswith("(") and body.endswith(")"):
        negative, body = True, body[1:-1]
    elif body.startswith(("-", "\u2212")):
        negative, body = True, body[1:]
    body = _strip_currency(body)
    multiplier = 1
    scaled = re.fullmatch(r"(\d[\d.,]*)\s*(RIBU|RB|JUTA|JT|MILIAR|MILYAR|M|TRILIUN)", body)
    if scaled:
        body, multiplier = scaled.group(1), MULTIPLIERS[scaled.group(2).lower()]
    if re.fullmatch(r"\d{1,3}( \d{3})+", body):
        body = body.replace(" ", "")
    number = parse_indonesian_number(body, prefer_thousands=True)
    if number is None:
        return Amount(text, None, "error" if text.startswith("#") else "unparseable")
    number *= multiplier * scale
    if number != number.to_integral_value():
        return Amount(text, None, "fraction")
    return Amount(text, -int(number) if negative else int(number))


def _strip_currency(text: str) -> str:
    return re.sub(r"^(RP\.?|IDR)\s*", "", text.strip()).strip()


def format_rupiah(amount: int) -> str:
    sign = "-" if amount < 0 else ""
    if abs(amount) >= HUGE:
        return f"{sign}Rp{format_id(abs(amount))}"
    return f"{sign}Rp{abs(amount):,}".replace(",", ".")


def format_id(number: float | int, decimals: int | None = None) -> str:
    """A number the Indonesian way: 0.16 -> '0,16', 1234 -> '1234'; from a quadrillion up, as
    Excel's General format shows it: 1e308 -> '1E+308', never 309 digits."""
    if abs(number) >= HUGE:
        return f"{number:.6G}".replace(".", ",")
    if decimals is not None and decimals > 0:  # as Excel rounds what it shows: 0,15 -> 0,2
        step = Decimal(1).scaleb(-decimals)
        shown = Decimal(repr(float(number))).quantize(step, rounding=ROUND_HALF_UP)
        return str(shown).replace(".", ",")
    if isinstance(number, float) and not number.is_integer():
        return repr(round(number, 10)).replace(".", ",")
    return str(int(number))


@text_cache(maxsize=1024)  # a workbook has a handful of number formats
def shown_decimals(number_format: str) -> int:
    """How many decimals a number format shows: '0.00' and '0.0%' -> 2 and 1; General -> 0."""
    positive = re.sub(r'"[^"]*"|\\.', "", number_format or "").split(";")[0]
    match = re.search(r"0\.(0+)", positive)
    return len(match.group(1)) if match else 0


def _tidy(number: float) -> float | int:
    """A whole number as an int, below `HUGE` (1e308 as an int was 309 digits in the JSON)."""
    number = float(number)
    return int(number) if number.is_integer() and abs(number) < HUGE else number


def _format_date(value: datetime | date | time) -> str:
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date().isoformat()
    return value.isoformat()


# the code in brackets at the end, after an optional label ("(Kode: 076.01.WA)"); a bracket of
# words only ("(Sekretariat)") is part of the name, not a code
_BRACKETED = re.compile(
    r"[\[(]\s*(?:kode(?: program)?\s*[:.]?\s*)?([^\])]{0,30}?\d[^\])]{0,30}?)\s*[\])]\s*$",
    re.IGNORECASE,
)
_CODE_LIKE = re.compile(rf"\b({CODE_LIKE})\b")
_CODE_LABEL = re.compile(r"^kode( program)?\s*[:.]?\s*", re.IGNORECASE)


def split_program_heading(text: str) -> tuple[str, str | None]:
    """'PROGRAM DUKUNGAN MANAJEMEN [076.01.WA]' -> ('PROGRAM DUKUNGAN MANAJEMEN', '076.01.WA')."""
    text = clean_text(text)
    match = (
        None if len(text) > MAX_VALUE_TEXT else _BRACKETED.search(text) or _CODE_LIKE.search(text)
    )
    if not match:
        return _program_name(text), None
    name = (text[: match.start()] + text[match.end() :]).strip(" -:–")
    return _program_name(_CODE_LABEL.sub("", name)), re.sub(r"\s+", "", match.group(1))


def _program_name(text: str) -> str:
    """'PROGRAM : DUKUNGAN MANAJEMEN' -> 'PROGRAM DUKUNGAN MANAJEMEN', one space between words."""
    text = re.sub(r"^(program)\s*:\s*", r"\1 ", text, flags=re.IGNORECASE)
    return re.sub(r"\s{2,}", " ", text).strip()
