"""The layers of DESIGN.md: ui → services → (domain, store, sync, letters, spreadsheets)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"

FORBIDDEN = {
    "ui": ("desktop.store", "sqlalchemy", "sqlmodel", "sqlite3"),
    "services": ("PySide6", "desktop.ui"),
    "store": ("PySide6", "desktop.ui", "desktop.services", "desktop.spreadsheets"),
    "spreadsheets": ("PySide6", "desktop.ui", "desktop.services", "desktop.store"),
    "domain": ("PySide6", "desktop.ui", "desktop.services", "desktop.store",
               "desktop.spreadsheets", "sqlalchemy", "sqlmodel"),
}  # fmt: skip


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(layer: str) -> None:
    wrong = []
    for path in sorted((DESKTOP / layer).rglob("*.py")):
        for name in _imports(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer]):
                wrong.append(f"{path.relative_to(DESKTOP)} imports {name}")
    assert wrong == []
