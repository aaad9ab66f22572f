"""Update the English translation of Sigap: extract every string, merge, compile, report.

Run it after adding or changing any user-visible string::

    .venv/bin/python scripts/translations.py            # update .ts, compile .qm, list the gaps
    .venv/bin/python scripts/translations.py --check    # change nothing; exit 1 on any gap
    .venv/bin/python scripts/translations.py --drop-obsolete   # also forget removed strings

What it does:

1. ``pyside6-lupdate`` scans every ``.py`` file under ``desktop/`` and merges the strings into
   ``resources/translations/sigap_en.ts``. Existing translations are kept; new strings are
   added as *unfinished*; strings no longer in the code are kept as *vanished* (so a reworded
   string's old translation is still there to copy) until ``--drop-obsolete``.
2. A second, independent extraction with Python's ``ast`` checks that lupdate saw every
   string; any string lupdate missed is added to the .ts as well (and reported).
3. ``pyside6-lrelease`` compiles every .ts of the folder into its .qm (unfinished entries
   are left out, so the UI shows the Indonesian source text for them). That includes
   ``qtbase_id.ts``: Indonesian for Qt's own strings (standard buttons, the text-field
   context menu, the file dialog), which Qt does not ship. It is edited by hand — add a
   message there (context and English source exactly as in Qt) when an English Qt string
   shows up in the Indonesian UI.
4. It lists every string that still has no finished English translation. Translate them
   with ``.venv/bin/pyside6-linguist resources/translations/sigap_en.ts`` or by editing the
   ``<translation>`` elements (remove ``type="unfinished"``), then run the script again.
   ``tests/unit/test_translations.py`` fails while any string is untranslated or the .qm is
   stale.

What is extracted (Indonesian source text, context in brackets):

* ``self.tr("…")`` — [the enclosing class]. PySide6 looks the string up under the class of
  the *object* at run time, so do not call ``self.tr`` in a base class whose subclasses are
  instantiated: use ``QCoreApplication.translate("Ctx", "…")`` there.
* ``QCoreApplication.translate("Ctx", "…")`` and ``translate("Ctx", "…")`` (desktop.ui.i18n).
* ``QT_TRANSLATE_NOOP("Ctx", "…")`` — for strings defined outside Qt (domain, services, store,
  spreadsheets use ``desktop.domain.findings.QT_TRANSLATE_NOOP``) and module-level headers;
  translate them where they are shown with ``translate("Ctx", text)``.

Only literal strings are extracted: write ``self.tr("Baris {row}").format(row=n)``, never an
f-string or a variable inside ``tr()``.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = ROOT / "desktop"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("en",)
SOURCE_LANGUAGE = "id_ID"
TARGET_LANGUAGES = {"en": "en_GB"}

_NOOP_FUNCTIONS = {"QT_TRANSLATE_NOOP", "translate"}


@dataclass(frozen=True, order=True)
class Message:
    """One translatable string and where it was found."""

    context: str
    source: str
    location: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """Context and source text: what identifies a message in a .ts file."""
        return self.context, self.source


def ts_path(language: str) -> Path:
    """The translation source of *language*."""
    return TRANSLATIONS / f"sigap_{language}.ts"


def qm_path(language: str) -> Path:
    """The compiled translation of *language*."""
    return TRANSLATIONS / f"sigap_{language}.qm"


def ts_files() -> list[Path]:
    """Every translation source: Sigap's own (from the code) and the hand-made Qt ones."""
    return sorted(TRANSLATIONS.glob("*.ts"))


def _tool(name: str) -> str:
    """Find a PySide6 tool beside the running interpreter, else on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6-Essentials in this environment")
    return found


# ---- extraction with ast (the cross-check) -------------------------------------------------


class _Extractor(ast.NodeVisitor):
    def __init__(self, path: str) -> None:
        self.path = path
        self.classes: list[str] = []
        self.messages: list[Message] = []
        self.problems: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        where = f"{self.path}:{node.lineno}"
        args = node.args
        literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args]
        if name in _NOOP_FUNCTIONS and len(args) >= 2 and literal[0] and literal[1]:
            context, text = (a.value for a in args[:2])  # type: ignore[attr-defined]
            self.messages.append(Message(context, text, where))
        elif name in _NOOP_FUNCTIONS and len(args) >= 2 and literal[1] and not literal[0]:
            # translate(CONTEXT, "…"): lupdate sees no context in a name, so the string
            # would never be translated.
            text = args[1].value  # type: ignore[attr-defined]
            self.problems.append(f"{where}: the context must be a literal string: {text!r}")
        elif name in {"tr", "QT_TR_NOOP"} and args and literal[0]:
            text = args[0].value  # type: ignore[attr-defined]
            if self.classes:
                self.messages.append(Message(self.classes[-1], text, where))
            else:
                self.problems.append(f"{where}: tr() outside a class has no context: {text!r}")
        self.generic_visit(node)


def python_files(source_dir: Path = SOURCE_DIR) -> list[Path]:
    """Every Python file whose strings are translated."""
    return sorted(p for p in source_dir.rglob("*.py") if "__pycache__" not in p.parts)


def extract(files: Iterable[Path] | None = None) -> tuple[list[Message], list[str]]:
    """Return the translatable messages in *files* (default: desktop/) and any problems."""
    messages: list[Message] = []
    problems: list[str] = []
    for path in python_files() if files is None else files:
        label = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
        extractor = _Extractor(label)
        extractor.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        messages.extend(extractor.messages)
        problems.extend(extractor.problems)
    return messages, problems


# ---- reading .ts files ---------------------------------------------------------------------


@dataclass(frozen=True)
class TsEntry:
    """A message of a .ts file."""

    context: str
    source: str
    translation: str
    kind: str  # "" (finished), "unfinished", "vanished" or "obsolete"

    @property
    def finished(self) -> bool:
        """True when the translation is done and the message is still in use."""
        return self.kind == "" and bool(self.translation.strip())


def read_ts(path: Path) -> list[TsEntry]:
    """Return every message of a .ts file."""
    entries = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            entries.append(
                TsEntry(
                    context=name,
                    source=message.findtext("source") or "",
                    translation=(translation.text or "") if translation is not None else "",
                    kind=translation.get("type", "") if translation is not None else "",
                )
            )
    return entries


def _iter_missing(messages: Iterable[Message], entries: Iterable[TsEntry]) -> Iterator[Message]:
    known = {(e.context, e.source) for e in entries if e.kind not in ("vanished", "obsolete")}
    seen: set[tuple[str, str]] = set()
    for message in sorted(messages):
        if message.key not in known and message.key not in seen:
            seen.add(message.key)
            yield message


def add_missing(path: Path, missing: Iterable[Message]) -> None:
    """Append messages lupdate did not see to the .ts file, as unfinished."""
    tree = ET.parse(path)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    for message in missing:
        context = contexts.get(message.context)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = message.context
            contexts[message.context] = context
        element = ET.SubElement(context, "message")
        ET.SubElement(element, "source").text = message.source
        ET.SubElement(element, "translation", type="unfinished")
    ET.indent(tree, space="    ")
    with path.open("wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")


# ---- the tool chain ------------------------------------------------------------------------


def lupdate(language: str, *, drop_obsolete: bool = False) -> None:
    """Merge the strings of desktop/ into the .ts of *language*."""
    command = [
        _tool("pyside6-lupdate"),
        "-extensions",
        "py",
        "-locations",
        "none",  # no line numbers: a moved line does not change the .ts
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        TARGET_LANGUAGES[language],
        "-silent",
    ]
    if drop_obsolete:
        command.append("-no-obsolete")
    command += [str(SOURCE_DIR), "-ts", str(ts_path(language))]
    subprocess.run(command, check=True, cwd=ROOT)


def lrelease(ts: Path, qm: Path) -> None:
    """Compile *ts* into *qm*."""
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT
    )


def qm_is_current(ts: Path) -> bool:
    """True when the committed .qm beside *ts* is exactly what *ts* compiles to."""
    qm = ts.with_suffix(".qm")
    if not qm.exists():
        return False
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / qm.name
        lrelease(ts, fresh)
        return fresh.read_bytes() == qm.read_bytes()


def untranslated(language: str, messages: Iterable[Message]) -> list[Message]:
    """The messages of the code that have no finished translation in the .ts."""
    entries = {(e.context, e.source): e for e in read_ts(ts_path(language))}
    gaps = {}
    for message in messages:
        entry = entries.get(message.key)
        if (entry is None or not entry.finished) and message.key not in gaps:
            gaps[message.key] = message
    return sorted(gaps.values())


def main(argv: list[str] | None = None) -> int:
    """Update (or with --check, verify) every translation; exit 1 when something is missing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify only, write nothing")
    parser.add_argument(
        "--drop-obsolete", action="store_true", help="remove strings no longer in the code"
    )
    args = parser.parse_args(argv)
    messages, problems = extract()
    for problem in problems:
        print(f"warning: {problem}")
    failed = False
    if not args.check:
        TRANSLATIONS.mkdir(parents=True, exist_ok=True)
        for language in LANGUAGES:
            ts = ts_path(language)
            lupdate(language, drop_obsolete=args.drop_obsolete)
            missed = list(_iter_missing(messages, read_ts(ts)))
            if missed:
                print(f"lupdate missed {len(missed)} string(s); added from the ast scan:")
                for message in missed:
                    print(f"  {message.location} [{message.context}] {message.source}")
                add_missing(ts, missed)
    for ts in ts_files():
        if not args.check:
            lrelease(ts, ts.with_suffix(".qm"))
        elif not qm_is_current(ts):
            print(f"{ts.with_suffix('.qm').name} is stale: run scripts/translations.py")
            failed = True
    for language in LANGUAGES:
        ts = ts_path(language)
        gaps = untranslated(language, messages)
        entries = read_ts(ts)
        done = sum(1 for e in entries if e.finished)
        print(f"{ts.name}: {done} translated, {len(gaps)} untranslated")
        for message in gaps:
            print(f"  {message.location} [{message.context}] {message.source}")
        failed = failed or bool(gaps)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
