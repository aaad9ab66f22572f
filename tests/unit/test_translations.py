"""Every user-visible string has a finished English translation, compiled into the .qm.

When this fails after you added or changed a string, run
``.venv/bin/python scripts/translations.py``, translate what it lists in
resources/translations/sigap_en.ts, and run it again.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
FIX = "run `.venv/bin/python scripts/translations.py` and translate what it lists"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "sigap_translations", ROOT / "scripts" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


translations = _load_script()


@pytest.fixture(scope="module")
def code_messages() -> list:
    messages, _problems = translations.extract()
    return messages


@pytest.fixture(scope="module", params=translations.LANGUAGES)
def language(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="module", params=translations.ts_files(), ids=lambda p: p.name)
def ts_file(request: pytest.FixtureRequest) -> Path:
    return request.param


def test_the_code_has_translatable_strings_from_every_layer(code_messages):
    contexts = {m.context for m in code_messages}
    # Module-level QT_TRANSLATE_NOOP in domain/services/store, and self.tr in the UI.
    assert {"Finding", "Progress", "OfficeKind", "Role", "MainWindow"} <= contexts


def test_every_tr_call_has_a_context():
    _messages, problems = translations.extract()
    assert problems == []


def test_every_string_in_the_code_is_translated(language, code_messages):
    gaps = translations.untranslated(language, code_messages)
    listed = "\n".join(f"  {m.location} [{m.context}] {m.source}" for m in gaps)
    assert not gaps, f"{len(gaps)} string(s) without a finished translation ({FIX}):\n{listed}"


def test_translations_keep_the_placeholders(ts_file: Path):
    wrong = []
    for entry in translations.read_ts(ts_file):
        if entry.finished:
            expected = sorted(re.findall(r"\{[^{}]*\}", entry.source))
            if sorted(re.findall(r"\{[^{}]*\}", entry.translation)) != expected:
                wrong.append(f"[{entry.context}] {entry.source!r} -> {entry.translation!r}")
            if entry.source.count("&") != entry.translation.count("&"):
                wrong.append(f"[{entry.context}] shortcut marker: {entry.translation!r}")
    assert wrong == []


def test_the_hand_made_qt_translation_is_complete():
    entries = translations.read_ts(translations.TRANSLATIONS / "qtbase_id.ts")
    assert entries and all(e.finished for e in entries)


def test_the_compiled_file_holds_every_translation(ts_file: Path):
    translator = QTranslator()
    assert translator.load(str(ts_file.with_suffix(".qm")))
    stale = [
        f"[{e.context}] {e.source}"
        for e in translations.read_ts(ts_file)
        if e.finished and translator.translate(e.context, e.source) != e.translation
    ]
    assert stale == [], f"{ts_file.with_suffix('.qm').name} is older than the .ts ({FIX})"


def test_the_compiled_file_is_exactly_what_the_ts_compiles_to(ts_file: Path):
    assert translations.qm_is_current(ts_file), f"the .qm differs from {ts_file.name} ({FIX})"


def test_a_context_held_in_a_name_is_a_problem(tmp_path):
    """lupdate cannot read translate(CONTEXT, "…"): such a string would stay Indonesian."""
    source = tmp_path / "widget.py"
    source.write_text('CONTEXT = "X"\nlabel = translate(CONTEXT, "Simpan")\n', encoding="utf-8")
    _messages, problems = translations.extract([source])
    assert len(problems) == 1 and "literal" in problems[0]
