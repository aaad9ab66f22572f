"""Findings: translatable, coded messages about bad input, and the error that carries one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Self


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark a string for Qt's lupdate and return it unchanged."""
    return text


class Severity(StrEnum):
    """How serious a finding is: an error rejects the input, a warning only flags it."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem found in the input, with a stable code and an Indonesian template.

    The template is the untranslated source text (extracted by lupdate under the
    context "Finding"); `message` fills it in. A UI translates with
    `QCoreApplication.translate("Finding", f.template).format(**dict(f.params))`,
    or simply `f.render(translate)`.
    """

    code: str
    template: str
    severity: Severity
    params: tuple[tuple[str, str], ...] = ()

    @property
    def message(self) -> str:
        """The template filled with its parameters (Bahasa Indonesia)."""
        return self.template.format(**dict(self.params))

    def render(self, translate: Callable[[str, str], str] | None = None) -> str:
        """The message, translated first by `translate(context, text)` when given."""
        template = translate("Finding", self.template) if translate else self.template
        return template.format(**dict(self.params))

    @property
    def is_error(self) -> bool:
        """True when this finding rejects the input."""
        return self.severity is Severity.ERROR

    @classmethod
    def error(cls, code: str, template: str, /, **params: object) -> Self:
        """Make an error finding; parameter values are turned into strings."""
        return cls(code, template, Severity.ERROR, _params(params))

    @classmethod
    def warning(cls, code: str, template: str, /, **params: object) -> Self:
        """Make a warning finding; parameter values are turned into strings."""
        return cls(code, template, Severity.WARNING, _params(params))

    def __str__(self) -> str:
        return self.message


def _params(params: dict[str, object]) -> tuple[tuple[str, str], ...]:
    return tuple((key, str(value)) for key, value in params.items())


class DomainError(ValueError):
    """Input that breaks a domain rule; `str(e)` is the Indonesian message."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding

    @property
    def code(self) -> str:
        """The stable code of the finding, e.g. "nik.length"."""
        return self.finding.code

    @classmethod
    def of(cls, code: str, template: str, /, **params: object) -> DomainError:
        """Build the error from an error finding's parts."""
        return cls(Finding.error(code, template, **params))
