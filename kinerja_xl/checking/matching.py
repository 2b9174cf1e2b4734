"""Tolerant matching of names written by different people.

* `match_names` pairs a secretariat's sasaran kegiatan with its budget programs
  ("Terbentuknya Badan Adhoc …" ≡ "Pembentukan Badan Adhoc"), forgiving leading words
  and small spelling slips ("Penyelenggaraaan", compared with rapidfuzz).
* `indicator_key` makes indicators of different offices comparable by replacing the office's
  own name ("Persentase KPU Kota Surabaya yang …" ≡ "Persentase KPU Kabupaten Tapin yang …").
* `name_key` is the normalised program name used to line budgets up across offices.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ..knowledge.programs import FORM
from ..knowledge.registry import load_registry, squash
from ..layouts.normalise import clean_text, without_numbering
from ..reading.caching import text_cache

LEADING_WORDS = {
    "terlaksananya",
    "telaksananya",
    "terlaksanakannya",
    "terbentuknya",
    "terwujudnya",
    "terfasilitasinya",
    "tersedianya",
    "terselenggaranya",
    "tercapainya",
    "meningkatnya",
    "terkelolanya",
    "kegiatan",
    "masa",
    "program",
    "dukungan",
}
STOP_WORDS = {
    "dan",
    "serta",
    "yang",
    "di",
    "dalam",
    "untuk",
    "dengan",
    "atau",
    "pada",
    "ke",
    "dari",
    "oleh",
    "sesuai",
    "baik",
    "tepat",
    "efektif",
    "efisien",
    "dapat",
    "rangka",
    "secara",
    "the",
    "of",
}
PREFIXES = ("penye", "peng", "peny", "pem", "pen", "per", "pe", "ter", "ke", "me")
MATCH_THRESHOLD = 0.6
SAME_TOKEN = 85  # per cent of characters in common (2 × common / both lengths) for one word


def stem(word: str) -> str:
    """A crude Indonesian stem, enough to equate 'Pembentukan' and 'Terbentuknya'."""
    for suffix in ("nya", "an", "kan"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 5:
            word = word[: -len(suffix)]
            break
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            return word[len(prefix) :]
    return word


@text_cache(maxsize=8192)  # a secretariat's sasaran are compared with every budget line
def content_tokens(text: str) -> tuple[str, ...]:
    words = re.findall(r"[a-z0-9]+", clean_text(text).lower())
    while words and words[0] in LEADING_WORDS:
        words = words[1:]
    return tuple(stem(w) for w in words if w not in STOP_WORDS and w not in LEADING_WORDS)


@text_cache(maxsize=65536)  # the same few hundred words meet again in every office's plan
def same_token(a: str, b: str) -> bool:
    """One word, allowing a slip ('penyelenggaraaan'): 85 % of its characters in common, by
    rapidfuzz's ratio (difflib's, computed exactly; tests/test_matching.py compares them)."""
    if a == b:
        return True
    shorter, longer = sorted((len(a), len(b)))
    if shorter < 4 or 200 * shorter < SAME_TOKEN * (shorter + longer):
        return False  # too short, or too different in length for any ratio to reach 85 %
    from rapidfuzz.fuzz import ratio  # only plans with a secretariat and a budget need it

    return ratio(a, b, score_cutoff=SAME_TOKEN) >= SAME_TOKEN


def coverage(short: Sequence[str], long: Sequence[str]) -> float:
    """Share of `short`'s tokens found in `long` (the same word, or one slip away)."""
    if not short:
        return 0.0
    exact = set(long)
    found = sum(1 for s in short if s in exact or any(same_token(s, t) for t in long))
    return found / len(short)


def match_names(left: list[str], right: list[str]) -> list[tuple[int, int]]:
    """One-to-one pairs (i, j) of names that describe the same thing, best pairs first."""
    left_tokens = [content_tokens(t) for t in left]
    right_tokens = [content_tokens(t) for t in right]
    scored = []
    for i, lt in enumerate(left_tokens):
        for j, rt in enumerate(right_tokens):
            short, long = (lt, rt) if len(lt) <= len(rt) else (rt, lt)
            score = coverage(short, long)
            if score >= MATCH_THRESHOLD:
                scored.append((-score, abs(i - j), i, j))
    pairs: list[tuple[int, int]] = []
    used_left: set[int] = set()
    used_right: set[int] = set()
    for _score, _distance, i, j in sorted(scored):
        if i not in used_left and j not in used_right:
            pairs.append((i, j))
            used_left.add(i)
            used_right.add(j)
    return sorted(pairs)


@functools.cache
def _office_phrase() -> re.Pattern[str]:
    """A commission and a kind word followed by up to six words ("… di KPU Kota Surabaya yang
    …"): which of those words name the office is the registry's to say (`_own_name`)."""
    registry = load_registry()
    commissions = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for c in registry.commissions.items() for w in c
    )
    return re.compile(
        rf"\b(?:{commissions})\s+(kota|kabupaten|kab\.?)\s+([a-z][a-z'.-]*(?:\s+[a-z][a-z'.-]*){{0,5}})",
        re.IGNORECASE,
    )


def _own_name(found: re.Match[str]) -> str:
    """An office naming itself in an indicator, by its region's name or an alias (the longest
    that the registry knows), or by one word before "yang": 'kpu {satker}' and the rest."""
    registry = load_registry()
    kind = "kota" if found.group(1).lower() == "kota" else "kabupaten"
    words = found.group(2).split()
    for size in range(len(words), 0, -1):
        name = squash("".join(words[:size]))
        # "KPU Kota Baru": an older spelling of Kabupaten Kotabaru, as titles are read
        if (kind, name) in registry.typed or squash(found.group(1)) + name in registry.bare:
            return " ".join(["kpu {satker}", *words[size:]])
    if len(words) > 1 and words[1].lower() == "yang":
        return " ".join(["kpu {satker}", *words[1:]])
    return found.group(0)


@text_cache(maxsize=65536)  # offices copy the same indicators: most texts come back many times
def indicator_key(text: str | None) -> str:
    """Case, spacing, final punctuation and the office's own name do not matter."""
    lowered = _office_phrase().sub(_own_name, clean_text(text))
    lowered = re.sub(r"\s+", " ", lowered.lower()).strip(" .;,")
    return without_numbering(lowered)  # "1.1 Persentase …" is "Persentase …"


KIND_WORDS = ("program", "kegiatan", "sub")
BRACKETED_NUMBER = re.compile(
    r"^\(?\s*(\d{1,3}|[a-z])\s*\)\s*", re.IGNORECASE
)  # "(1) ", "2) ", "a) "


# a program's code, wherever the name carries it: "076.01.WA Program …", "Program … (076.01.WA)"
PROGRAM_CODE = re.compile(rf"[(\[]?\s*\b(?:{FORM})\b\s*[)\]]?", re.IGNORECASE)


@text_cache(maxsize=65536)
def name_key(text: str | None) -> str:
    """A program's name as offices compare it: "1. Program Dukungan Manajemen" ≡ "Dukungan
    Manajemen" ≡ "Program Dukungan Manajemen (076.01.WA)" (no numbering, no code, no leading
    "Program"/"Kegiatan", case and punctuation aside)."""
    coded = PROGRAM_CODE.sub(" ", clean_text(text)).strip() or clean_text(text)  # "(076.01.WA)"
    bare = without_numbering(BRACKETED_NUMBER.sub("", coded))
    words = re.findall(r"[a-z0-9]+", bare.lower())
    named = list(words)
    while named and named[0] in KIND_WORDS:
        named = named[1:]
    return " ".join(named or words)
