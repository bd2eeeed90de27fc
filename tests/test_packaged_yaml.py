"""The package's data files read by libyaml give the very objects the Python parser gave."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from timeline import packaged

FILES = sorted((Path(packaged.__file__).parent).rglob("*.yaml"))


def _same(a, b) -> bool:
    """Equal, of the same types all the way down, dict keys in the same order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def test_every_data_file_is_found():
    names = {f.name for f in FILES}
    assert {"taxonomy.yaml", "pipeline.yaml", "dates.yaml", "gazetteer.yaml"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_same_objects_as_safe_load(path: Path):
    text = path.read_text(encoding="utf-8")
    with open(path, encoding="utf-8") as handle:
        from_handle = packaged.load_yaml(handle)
    assert _same(packaged.load_yaml(text), yaml.safe_load(text))
    assert _same(from_handle, yaml.safe_load(text))


def test_c_parser_when_built():
    if getattr(yaml, "__with_libyaml__", False):
        assert packaged._LOADER is yaml.CSafeLoader


def test_tags_still_refused():
    with pytest.raises(yaml.YAMLError):
        packaged.load_yaml("!!python/object:os.system {}")


def test_types_kept():
    data = packaged.load_yaml("a: 2024-01-31\nb: '007'\nc: yes\nd: 1.5\ne: ~\n")
    assert _same(data, yaml.safe_load("a: 2024-01-31\nb: '007'\nc: yes\nd: 1.5\ne: ~\n"))
