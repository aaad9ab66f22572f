"""The error every bundle, key and transport check raises, with a stable code."""

from __future__ import annotations


class BundleError(Exception):
    """A bundle, key or transfer failed a check.

    ``code`` is stable (e.g. ``"bundle.truncated"``) and is what callers map to a message
    for the user; ``params`` holds a few numbers that help (sizes, offsets, versions).
    ``str(e)`` is a short English message for developers and logs: it never contains
    personal data, paths or record contents.
    """

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params: dict[str, object] = params

    def __repr__(self) -> str:
        return f"BundleError({self.code!r}, {str(self)!r}, params={self.params!r})"
