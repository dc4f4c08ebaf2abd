"""The dependency direction of STYLE.md §2, and no CJK characters in code outside docstrings."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "tealeaves"

# layer -> layers it may import (besides itself and third-party code)
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "model": {"errors"},
    "settings": {"errors"},
    "knowledge": {"errors", "model"},
    "text": {"errors", "model", "knowledge"},
    "ingest": {"errors", "model", "settings", "knowledge", "text"},
    "extract": {"errors", "model", "settings", "knowledge", "text"},
    "signals": {"errors", "model", "settings", "knowledge"},
    "pipeline": {"errors", "model", "settings", "knowledge", "text", "extract", "signals"},
    "store": {"errors", "model", "settings"},
    "evaluate": {"errors", "model", "settings"},
    "corpus": {"errors", "model", "settings", "knowledge", "store"},
    "batch": {"errors", "model", "settings", "knowledge", "text", "ingest", "extract", "signals", "pipeline", "store"},
}
TOP = {"cli", "service", "__init__", "__main__", "demo"}  # may import anything

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py"))


def _layer(path: Path) -> str:
    rel = path.relative_to(SRC).parts
    return rel[0].removesuffix(".py")


def _imports(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_layers_imports_follow_dependency_direction(path: Path) -> None:
    layer = _layer(path)
    if layer in TOP:
        return
    assert layer in ALLOWED, f"{path}: layer {layer!r} is not in the table of tests/test_layers.py"
    for name in _imports(ast.parse(path.read_text(encoding="utf-8"))):
        if not name.startswith("tealeaves"):
            continue
        parts = name.split(".")
        target = parts[1] if len(parts) > 1 else "__init__"
        assert target == layer or target in ALLOWED[layer], f"{path.relative_to(SRC)} imports {name}"


def _docstring_nodes(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    # attribute docstrings: a string expression right after an assignment
    for node in ast.walk(tree):
        for field in ("body", "orelse"):
            stmts = getattr(node, field, None)
            if isinstance(stmts, list):
                for prev, cur in zip(stmts, stmts[1:]):
                    if isinstance(prev, ast.Assign | ast.AnnAssign) and isinstance(cur, ast.Expr) and isinstance(cur.value, ast.Constant):
                        ids.add(id(cur.value))
    return ids


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_layers_no_cjk_in_code_outside_docstrings(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    docs = _docstring_nodes(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            written = ast.get_source_segment(source, node) or ""
            assert not CJK.search(written), f"{path.relative_to(SRC)}:{node.lineno}: CJK literal {written[:20]!r}"
