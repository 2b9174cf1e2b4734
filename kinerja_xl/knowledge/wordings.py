"""The little notation of `schemas/layouts.yaml` in which a column's wordings are written, read
into a regular expression (to match a header) and into the plain phrases it stands for (to
forgive a slip of the pen).

    word word      the words in this order           "sasaran kegiatan"
    [a|b c]        optionally one of these            "satuan [target|ukuran]"
    (a|b)          exactly one of these               "(no|nomor) [urut]"
    [ … ]...       optionally, as many times as needed  "kode [[dan] (program|kegiatan)]..."
    {year}         a year of four digits              "target [{year}]"
    *              any words here; glued to a word (*formulasi*), any letters

Words are compared as `header_key` leaves them: lower case, punctuation read as spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

PUNCTUATION = re.compile(r"[.:*()\[\]_/\\-]+")
SPACES = re.compile(r"\s+")
YEAR = r"\d{4}"


class WordingError(ValueError):
    """A wording that cannot be read: `problem` names what is wrong (the catalogue's
    "rules-wording-…"), `part` the part of the wording that is."""

    def __init__(self, problem: str, part: str = "") -> None:
        self.problem, self.part = problem, part
        super().__init__(f"{problem}: {part}")


def key_of(text: str) -> str:
    """A word as header texts are compared: 'Sasaran/Kegiatan' -> 'sasaran kegiatan'."""
    return SPACES.sub(" ", PUNCTUATION.sub(" ", text.lower())).strip()


# --- the parsed wording ---------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    text: str  # may hold '*' (any letters)


@dataclass(frozen=True)
class Year:
    pass


@dataclass(frozen=True)
class Anything:
    pass


@dataclass(frozen=True)
class Choice:
    branches: tuple[tuple[object, ...], ...]  # each a sequence of elements
    optional: bool = False
    repeat: bool = False


TOKEN = re.compile(r"\s*(\.\.\.|\[|\]|\(|\)|\||\{year\}|[^\s\[\]()|{}]+)")


def parse(wording: str) -> tuple[object, ...]:
    """The elements of a wording, or WordingError."""
    tokens = _tokens(wording)
    elements, at = _sequence(tokens, 0)
    if at != len(tokens):
        raise WordingError("unopened", tokens[at])
    if not any(not _optional(e) for e in elements):
        raise WordingError("all-optional")
    return elements


def _tokens(wording: str) -> list[str]:
    tokens, at = [], 0
    text = wording.rstrip()
    while at < len(text):
        found = TOKEN.match(text, at)
        if not found or found.end() == at:
            raise WordingError("unreadable", text[at:])
        tokens.append(found.group(1))
        at = found.end()
    if not tokens:
        raise WordingError("empty")
    return tokens


def _sequence(tokens: list[str], at: int) -> tuple[tuple[object, ...], int]:
    elements: list[object] = []
    while at < len(tokens) and tokens[at] not in ("]", ")", "|"):
        token = tokens[at]
        if token in ("[", "("):
            close = "]" if token == "[" else ")"
            branches, at = _branches(tokens, at + 1, close)
            repeat = token == "[" and at < len(tokens) and tokens[at] == "..."
            if repeat:
                at += 1
            elements.append(Choice(branches, optional=token == "[", repeat=repeat))
            continue
        if token == "...":
            raise WordingError("repeat-alone", "...")
        if token == "{year}":
            elements.append(Year())
        elif token == "*":
            elements.append(Anything())
        elif "*" in token:  # glued to a word: any letters there
            elements.append(Word(key_of(token.replace("*", "\x00")).replace("\x00", "*")))
        else:
            elements.extend(Word(word) for word in key_of(token).split(" ") if word)
        at += 1
    return tuple(elements), at


def _branches(tokens: list[str], at: int, close: str) -> tuple[tuple[tuple[object, ...], ...], int]:
    branches = []
    while True:
        elements, at = _sequence(tokens, at)
        if not elements:
            raise WordingError("empty-choice")
        branches.append(elements)
        if at >= len(tokens):
            raise WordingError("unclosed", close)
        if tokens[at] == "|":
            at += 1
            continue
        if tokens[at] != close:
            raise WordingError("mismatched", tokens[at])
        return tuple(branches), at + 1


def _optional(element: object) -> bool:
    return isinstance(element, Anything) or (isinstance(element, Choice) and element.optional)


# --- as a regular expression ---------------------------------------------------------------


def regex_of(elements: tuple[object, ...]) -> str:
    """The regular expression a sequence stands for, words joined by single spaces."""
    out, started = [], False
    for element in elements:
        if isinstance(element, Anything):
            out.append(r"(?:\W.*)?" if started else r"(?:.*\W)?")
            continue
        body = _element_regex(element)
        if _optional(element):
            assert isinstance(element, Choice)
            times = "*" if element.repeat else "?"
            out.append(f"(?: {body}){times}" if started else f"(?:{body} ){times}")
        else:
            out.append(f" {body}" if started else body)
            started = True
    return "".join(out)


def _element_regex(element: object) -> str:
    if isinstance(element, Word):
        return ".*".join(re.escape(part) for part in element.text.split("*"))
    if isinstance(element, Year):
        return YEAR
    assert isinstance(element, Choice)
    return "(?:" + "|".join(regex_of(branch) for branch in element.branches) + ")"


# --- as the phrases it stands for (to forgive slips) ------------------------------------------

PHRASE_LIMIT = 5000


def words_of(elements: tuple[object, ...]) -> set[str]:
    """Every word a wording may hold (the words a slip is corrected to)."""
    found: set[str] = set()
    for element in elements:
        if isinstance(element, Word) and "*" not in element.text:
            found.add(element.text)
        elif isinstance(element, Choice):
            for branch in element.branches:
                found |= words_of(branch)
    return found


def phrases_of(elements: tuple[object, ...], limit: int = PHRASE_LIMIT) -> set[str] | None:
    """The plain phrases a wording stands for ({year} as '2000', a repeat at most once), or
    None when it holds '*' or stands for more than `limit`."""
    options: list[list[str]] = []
    for element in elements:
        if isinstance(element, Anything) or (isinstance(element, Word) and "*" in element.text):
            return None
        if isinstance(element, Word):
            options.append([element.text])
        elif isinstance(element, Year):
            options.append(["2000"])
        else:
            assert isinstance(element, Choice)
            inner: list[str] = [""] if element.optional else []
            for branch in element.branches:
                phrases = phrases_of(branch, limit)
                if phrases is None:
                    return None
                inner.extend(sorted(phrases))
            options.append(inner)
        size = 1
        for option in options:
            size *= len(option)
        if size > limit:
            return None
    return {" ".join(w for w in combo if w) for combo in product(*options)}
