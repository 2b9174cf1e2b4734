"""What the rules compute of each record, once, for every command that reads workbooks (`check`
and `inspect` alike): an indicator's direction (higher or lower is better, units.yaml), a
report's capaian as computed from its target and realisasi, and one name per unit of target
across offices. Validation reads these and only returns issues: it changes no record."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.records import FileReport, Record
from .rulebook import Rules, frames_of


@dataclass(frozen=True)
class Capaian:
    """A record's capaian as the rules compute it."""

    direction: str  # "higher" or "lower" is better
    value: float | None  # exact; None where it cannot be computed
    inputs: tuple[str, float, float] | None = None  # the formula, target and realisasi used


def capaian_of(record: Record, rules: Rules) -> Capaian:
    """The capaian the rules compute from target and realisasi (the indicator's direction
    decides the formula), without touching the record."""
    direction = rules.direction_of(record.get("indikator"))
    target, realisasi = record.target, record.realisasi
    numbers = [t.value for t in (target, realisasi) if t and isinstance(t.value, int | float)]
    if len(numbers) < 2 or target is None or realisasi is None or target.unit != realisasi.unit:
        return Capaian(direction, None)
    computed = rules.capaian(float(numbers[0]), float(numbers[1]), direction)
    formula = rules.formulas.get(direction)
    inputs = None
    if computed is not None and formula is not None:
        inputs = (formula.text, float(numbers[0]), float(numbers[1]))
    return Capaian(direction, computed, inputs)


def complete_records(reports: list[FileReport], rules: Rules) -> None:
    """Each plan row's direction, computed capaian and unit name, as the rules give them (the
    pipeline does this once, before validation, for `check` and `inspect` alike)."""
    for report in reports:
        for table in report.tables:
            if "rkt" not in frames_of(table):
                continue
            for record in table.records:
                capaian = capaian_of(record, rules)
                record.direction = capaian.direction
                value = capaian.value
                record.capaian_dihitung = None if value is None else round(value, 2)
                record.capaian_inputs = capaian.inputs
                expected = rules.expected_kind(record.get("indikator"), record.get("satuan"))
                record.unit_name = rules.unit_name(record, expected)
