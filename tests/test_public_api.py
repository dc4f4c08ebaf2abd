"""The public API: an explicit, sorted, complete __all__ whose every entry is documented."""

from __future__ import annotations

import inspect

import tealeaves


def test_public_api_all_is_sorted_and_unique() -> None:
    assert list(tealeaves.__all__) == sorted(set(tealeaves.__all__))


def test_public_api_all_names_exist_and_have_docstrings() -> None:
    for name in tealeaves.__all__:
        obj = getattr(tealeaves, name)
        assert inspect.getdoc(obj), f"{name} has no docstring"


def test_public_api_all_lists_every_public_import() -> None:
    public = {n for n, v in vars(tealeaves).items() if not n.startswith("_") and not inspect.ismodule(v)}
    assert public == set(tealeaves.__all__)
