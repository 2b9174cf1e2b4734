"""Where the packaged `schemas/` folder is, and how its YAML is read."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def default_schema_folder() -> Path:
    packaged = Path(str(resources.files("kinerja_xl") / "schemas"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "schemas"  # a source checkout


# libyaml's parser when PyYAML was built with it (the wheels are): the rules load in a fraction
# of the pure-Python parser's time, with the same result
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_LOADER)  # noqa: S506  (a safe loader)
