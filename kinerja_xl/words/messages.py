"""The one catalogue of words people read (kinerja_xl/words/catalogue/, and each issue code's
messages, declared next to its check: model.issues.declare), and the functions that fill it
in: `render` an issue's message, `say` any other text. Every entry of the catalogue has one
shape: key -> {"id": …, "en": …}."""

from __future__ import annotations

import string
from typing import Any, Protocol

from .catalogue.guide import GUIDE
from .catalogue.issues import UNREADABLE_REASONS, WORDS
from .catalogue.layouts import LAYOUTS
from .catalogue.outputs import OUTPUTS
from .catalogue.web import WEB

# say()'s texts: the outputs', the web's, the templates' guide, a table not found
TEXT = {**OUTPUTS, **WEB, **GUIDE, **LAYOUTS}

LANGS = ("id", "en")


class Declaration(Protocol):
    """An issue code's templates (model.issues.IssueCode has them)."""

    @property
    def fields(self) -> tuple[str, ...]: ...
    def template(self, lang: str) -> str: ...


class Issue(Protocol):
    """What a message is made of (model.issues.Issue has it; words need not know that type)."""

    @property
    def declaration(self) -> Declaration: ...

    @property
    def code(self) -> str: ...
    @property
    def sheet(self) -> str | None: ...
    @property
    def value(self) -> Any: ...
    @property
    def params(self) -> dict[str, Any]: ...


__all__ = ["LANGS", "TEXT", "UNREADABLE_REASONS", "WORDS", "render", "say"]


class _Words(string.Formatter):
    """str.format with one addition for English plurals: "{count:error|errors}" is the first
    word when the field is 1, else the second ("1 error", "2 errors", "0 errors")."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        if "|" in format_spec:
            one, many = format_spec.split("|", 1)
            return one if str(value).strip() == "1" else many
        return super().format_field(value, format_spec)


_WORDS = _Words()


def fill(template: str, fields: dict[str, Any]) -> str:
    """`template` with its {fields} filled in, plurals chosen ("{count:line|lines}")."""
    if "|" not in template:  # no plural: str.format's own (C) filling, the same text
        return template.format_map(fields)
    return _WORDS.vformat(template, (), fields)


def word(key: str, lang: str) -> str:
    return WORDS.get(key, {}).get(lang, "")


# an issue's param: its message as a provincial workbook's Masalah wrote it (the national
# roll-up carries what the province found: provincial/readback.py)
CARRIED = "carried"


def render(issue: Issue, lang: str = "id") -> str:
    """The issue's message in `lang`: its template, every declared placeholder filled (an
    undeclared one is a KeyError, caught by tests/test_catalogue.py, never an empty gap)."""
    lang = lang if lang in LANGS else "id"
    if CARRIED in issue.params:  # the province's words, in the language it wrote them
        return str(issue.params[CARRIED])
    declared = issue.declaration
    params: dict[str, Any] = dict.fromkeys(declared.fields, "")
    params.update(
        {key: value for key, value in issue.params.items() if key in params},
        value=issue.value if issue.value is not None else "",
        sheet=issue.sheet or "",
    )
    params.update(_derived(issue, lang))
    filled = {k: params[k] if k in COMPOSED else _shown(params[k]) for k in declared.fields}
    text = fill(declared.template(lang), filled)
    note = issue.params.get(f"note_{lang}")  # a province's words for the rule (messages:)
    return f"{text} {note}" if note else text


SHOWN_LETTERS = 200  # a message quotes an office's text up to this long, then "…"
COMPOSED = {"candidates"}  # our own words around the office's texts (each shortened apart)


def _shown(value: Any) -> Any:
    """A long cell text quoted in a message is cut: the message names the cell, and a line of
    thousands of letters hides what it says."""
    if isinstance(value, str) and len(value) > SHOWN_LETTERS:
        return value[: SHOWN_LETTERS - 1].rstrip() + "…"
    return value


def _derived(issue: Issue, lang: str) -> dict[str, str]:
    """Placeholders whose words depend on the language: a reason, a field, a side …"""
    p = issue.params
    other = "to-" + ("program" if p.get("side") == "sasaran" else "sasaran")
    derived = {
        name: word(p.get(name, ""), lang)
        for name in ("why", "what", "field", "category", "side", "hint")
    }
    derived["other"] = word(other, lang)
    if "kind" in p:
        derived["kind"] = word(f"kind-{p['kind']}", lang) or str(p["kind"])
    if issue.code == "budget-total-mismatch":
        uncounted = p.get("uncounted") or 0
        derived["uncounted"] = (
            fill(WORDS["uncounted"][lang], {"count": uncounted}) if uncounted else ""
        )
    if issue.code == "table-not-found":
        derived["candidates"] = _candidates(p.get("candidates") or [], lang)
    if issue.code == "rule-failed":
        text = p.get(f"rule_{lang}", "")
        derived["rule"] = f": {text}" if text else ""
    if issue.code == "file-unreadable":
        reason = UNREADABLE_REASONS.get(p.get("reason", ""), UNREADABLE_REASONS["corrupt"])
        derived["reason_text"] = reason[lang].format(detail=p.get("detail", ""))
    if lang == "en":
        for key in ("expected", "found"):
            if f"{key}_en" in p:
                derived[key] = p[f"{key}_en"]
    return derived


def _candidates(candidates: list[dict[str, Any]], lang: str) -> str:
    """ "Baris yang hampir menjadi judul tabel: lembar 'RKT' baris 5 menyebut 'INDIKATOR' dan
    'TARGET', tetapi tidak ada kolom di bawahnya yang berisi target …" ('' when none)."""
    said = []
    for found in candidates if isinstance(candidates, list) else []:
        if "more" in found:
            said.append(say("why-more", lang, count=found["more"]))
            continue
        named = _listed([f"'{_shown(text)}'" for text in found["named"]], "why-and", lang)
        where = {"sheet": found["sheet"], "row": found["row"], "named": named}
        if found.get("body"):
            what = say(f"holds-{found['body']}", lang)
            said.append(say("why-body", lang, what=what, **where))
        elif found.get("missing"):
            needs = [say(f"need-{need}", lang) for need in found["missing"]]
            missing = _listed(needs, "why-or", lang)
            said.append(say("why-missing", lang, missing=missing, **where))
        else:
            said.append(say("why-no-table", lang, **where))
    if not said:
        return ""
    text = "; ".join(s for s in said if not s.startswith(";"))
    more = "".join(s for s in said if s.startswith(";"))
    return say("why-intro", lang) + text + more + say("why-end", lang)


def _listed(items: list[str], joiner: str, lang: str) -> str:
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {say(joiner, lang)} {items[-1]}"


def sheet_name(name: str, lang: str = "id") -> str:
    """A sheet of the provincial workbook by its contract name ('Ringkasan'), in `lang`."""
    entry = TEXT.get(f"sheet:{name}")
    return entry[lang if lang in LANGS else "id"] if entry else name


def heading(title: str, lang: str = "id") -> str:
    """A column title of the provincial workbook (the contract's Indonesian one), in `lang`;
    a title that is not ours (an office's name over its column) stays as it is."""
    entry = TEXT.get(f"heading:{title}")
    return entry[lang if lang in LANGS else "id"] if entry else title


def contract_name(text: str) -> str:
    """The contract's Indonesian name of a sheet or column title written in any language
    ('Summary' -> 'Ringkasan', 'Office' -> 'Satker'): how a reader of our own workbook finds
    its parts whatever --lang it was made with."""
    for key, entry in TEXT.items():
        if key.startswith(("sheet:", "heading:")) and text in entry.values():
            return entry["id"]
    return text


def say(key: str, lang: str = "id", **fields: Any) -> str:
    """The catalogue's text for `key` in `lang`, with its {fields} filled in."""
    entry = TEXT[key]
    return fill(entry[lang if lang in LANGS else "id"], fields)
