"""How text fits a column: widths measured in Calibri's own metrics, lines counted as Excel
and LibreOffice wrap them, and column widths shared out so that a sheet prints legibly on as
few pages as its text allows.

A provincial sheet holds more words than an A4 page is wide. At a legible size (8 points on
paper, `printing.LEGIBLE_SCALE`) the columns together have a fixed width; how it is shared
decides how tall the rows are: a file name in a column one word too narrow makes every row a
line taller. `balanced_widths` shares it out to make the rows as short as they can be.
"""

from __future__ import annotations

from collections.abc import Sequence

from .printing import column_pixels

# How wide each character is in Calibri (and Carlito, its metric twin that LibreOffice uses),
# in font units of 2048 to the em.
_CHAR_UNITS = {
    452: "'", 463: " ", 470: "il", 490: "j", 511: ",", 516: "I", 517: ".", 548: ":;",
    596: "`", 621: "()", 625: "f", 627: "-", 628: "[]", 644: "{}", 653: "J", 667: "!",
    686: "t", 714: "r", 791: "/\\", 801: "s", 809: "z", 821: '"', 861: "L", 866: "c",
    887: "x", 925: "v", 927: "y", 931: "k", 941: "FS", 943: "|", 949: "?", 959: "Z",
    964: "g", 981: "a", 998: "TY", 1000: "E", 1019: "e", 1020: "#*+<=>^_~",
    1038: "$0123456789", 1058: "P", 1063: "X", 1064: "K", 1076: "bdhnpqu", 1080: "o",
    1092: "C", 1112: "R", 1114: "B", 1162: "V", 1185: "A", 1260: "D", 1276: "H",
    1292: "G", 1314: "U", 1322: "N", 1356: "O", 1378: "Q", 1397: "&", 1464: "%w",
    1636: "m", 1751: "M", 1822: "W", 1831: "@",
}  # fmt: skip
CHAR_WIDTH = {char: units for units, chars in _CHAR_UNITS.items() for char in chars}
OTHER_CHAR = 1076  # a letter outside ASCII: as wide as an 'n'
PIXELS_PER_UNIT = 11 / 72 * 96 / 2048  # 11-point text at 96 dots per inch
# pixels of a column's width text never takes: calibrated on LibreOffice's own row heights
# (its optimal height, through UNO) so that a row is never given fewer lines than it needs
CELL_PADDING = 4
BOLD = 1.03  # Calibri Bold is about 3 % wider


# The same widths in eighths, one byte a character, so that a text is measured by a bytes
# translation and a sum (C speed: the consolidated workbook measures every wrapped cell); a
# character outside Latin-1 is measured as an 'n'. An eighth of a unit is 1/200 of a pixel.
_EIGHTHS = bytes(
    round(CHAR_WIDTH.get(chr(code), OTHER_CHAR) / 8) if code < 256 else 0 for code in range(256)
)


def text_pixels(text: str, bold: bool = False) -> float:
    """How wide `text` is in 11-point Calibri, in pixels at 96 dpi."""
    eighths = sum(text.encode("latin-1", "replace").translate(_EIGHTHS))
    if not text.isascii():  # encode's '?' for what Latin-1 lacks: as wide as an 'n'
        others = sum(1 for char in text if ord(char) > 255)
        eighths += others * (round(OTHER_CHAR / 8) - _EIGHTHS[ord("?")])
    return eighths * 8 * PIXELS_PER_UNIT * (BOLD if bold else 1.0)


def word_pixels(text: str, bold: bool = False) -> list[list[float]]:
    """Each paragraph's words, as their widths in pixels."""
    return [[text_pixels(w, bold) for w in p.split()] for p in text.split("\n")]


SPACE = text_pixels(" ")


# A row is at most 409 points tall (30 lines of 11-point text): past that, a count of lines
# changes nothing, so counting stops there (a 30,000-letter cell cost seconds a width tried)
MOST_LINES = 30


def lines_of(paragraphs: list[list[float]], width: float, space: float = SPACE) -> int:
    """How many lines words of these widths take in a column `width` characters wide, wrapped
    at spaces (a word longer than the line is broken over lines of its own); past
    `MOST_LINES`, `MOST_LINES + 1`."""
    room = max(column_pixels(width) - CELL_PADDING, 1)
    count = 0
    for words in paragraphs:
        line, lines = 0.0, 1
        for size in words:
            if size > room:
                lines += (line > 0) + int(size // room)
                line = size % room
            elif line and line + space + size > room:
                lines, line = lines + 1, size
            else:
                line += size + (space if line else 0)
            if count + lines > MOST_LINES:
                return MOST_LINES + 1
        count += lines
        if count > MOST_LINES:
            return MOST_LINES + 1
    return max(count, 1)


SAMPLED_ROWS = 40  # rows the widths are balanced on (spread over the sheet)
STEP = 1.0  # width units given out at a time


def balanced_widths(
    widths: Sequence[float],
    wrapped: Sequence[int],
    texts: Sequence[Sequence[str | None]],
    titles: Sequence[str],
    budget: float,
) -> list[float]:
    """Widths of the `wrapped` columns (the others keep theirs) that take at most `budget`
    pixels in all and make the rows as short as they can be: each wrapped column starts as
    narrow as its title's and its text's longest words allow (never wider than it was) and
    the room is given out a unit at a time to the column that shortens the sampled rows
    most. `texts[r][i]` is row r's text in the i-th wrapped column, `titles[i]` its title."""
    if not wrapped or not texts:
        return list(widths)
    fixed = sum(column_pixels(w) for i, w in enumerate(widths) if i not in wrapped)
    step = max(len(texts) // SAMPLED_ROWS, 1)
    sample = [[word_pixels(t) if t else [] for t in row] for row in texts[::step]]
    current = []
    for i, c in enumerate(wrapped):
        title = max(_flat(word_pixels(titles[i], bold=True)), default=0.0)
        longest = max((size for row in sample for size in _flat(row[i])), default=0.0)
        needed = (max(title, min(longest, MOST_WORD)) + CELL_PADDING) / 7
        current.append(min(float(widths[c]), max(needed, 4.0)))
    known: dict[tuple[int, float], list[int]] = {}

    def column_lines(i: int, width: float) -> list[int]:
        if (i, width) not in known:
            known[(i, width)] = [lines_of(row[i], width) if row[i] else 1 for row in sample]
        return known[(i, width)]

    columns = [column_lines(i, w) for i, w in enumerate(current)]
    lines = [list(r) for r in zip(*columns, strict=True)]
    room = budget - fixed - sum(column_pixels(w) for w in current)
    while room >= 7 * STEP:
        best, best_rate, best_units = -1, 0.0, 0
        for i in range(len(wrapped)):
            for units in range(1, min(LOOK_AHEAD, int(room // (7 * STEP))) + 1):
                gain = _gain(lines, i, column_lines(i, current[i] + units * STEP))
                if gain:
                    if gain / units > best_rate:
                        best, best_rate, best_units = i, gain / units, units
                    break  # the nearest width that shortens a row: no need to look further
        if best < 0:
            break  # no column shortens any sampled row: the room left is shared below
        current[best] += best_units * STEP
        room -= 7 * STEP * best_units
        for r, value in enumerate(column_lines(best, current[best])):
            lines[r][best] = value
    if room > 0:  # in proportion to the widths the columns were given
        share = room / 7 / (sum(widths[c] for c in wrapped) or 1)
        current = [w + widths[c] * share for w, c in zip(current, wrapped, strict=True)]
    result = [float(w) for w in widths]
    for i, c in enumerate(wrapped):
        result[c] = current[i]
    return result


def _gain(lines: list[list[int]], i: int, wider: list[int]) -> int:
    """How much column i at the widths giving `wider` shortens the rows: a line off a row's
    height counts a thousand, a line off the column alone one (it may count later)."""
    gain = 0
    for r, row in enumerate(lines):
        if wider[r] < row[i]:
            others = max(row[:i] + row[i + 1 :], default=1)
            gain += 1000 * (max(row[i], others) - max(wider[r], others)) + row[i] - wider[r]
    return gain


LOOK_AHEAD = 12  # width units: how far a column is tried wider for a row to lose a line
MOST_WORD = 140.0  # pixels: a longer word (a URL, a file name) is broken, not given the room


def _flat(paragraphs: list[list[float]]) -> list[float]:
    return [size for words in paragraphs for size in words]
