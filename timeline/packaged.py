"""The package's own YAML data files (lexicons, timex rules, the pipeline, the taxonomy), parsed by
PyYAML's C parser: every process read them with the Python one, half a second before its first
document (a 5 MB document's stage profile and MUC-3's 1,700 reports both paid it)."""

from __future__ import annotations

from typing import IO, Any

import yaml

# libyaml when PyYAML was built with it; the same SafeConstructor builds the objects either way
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(source: str | IO[str]) -> Any:
    """A trusted data file as plain data, as ``yaml.safe_load`` gives it (a test compares every
    file), in a tenth of the time; user files keep their own readers (``yamlread``)."""
    return yaml.load(source, Loader=_LOADER)  # noqa: S506 - a safe loader, only the parser is C
