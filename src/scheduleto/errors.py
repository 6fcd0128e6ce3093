"""The exceptions :mod:`scheduleto` raises.

All derive from :class:`ScheduleTOError`, so ``except scheduleto.ScheduleTOError`` catches every
problem with an input. Each message names the source and what was expected.
"""

from __future__ import annotations


class ScheduleTOError(Exception):
    """Base class: an input could not be parsed as a Schedule TO filing."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}" if source else message)

    @property
    def kind(self) -> str:
        """The error's class name, as recorded in bulk error logs."""
        return type(self).__name__


class SourceError(ScheduleTOError):
    """The input could not be read at all (missing file, a directory, permission denied)."""


class EmptyDocumentError(ScheduleTOError):
    """The input holds no text (zero bytes, only white space, or an empty document)."""


class DecodeError(ScheduleTOError):
    """The input is not text: binary data (an image, a PDF, an archive) or undecodable bytes."""


class ContainerError(ScheduleTOError):
    """An EDGAR container (SGML submission, feed file) is malformed or truncated."""


class NotScheduleTOError(ScheduleTOError):
    """The input is a filing of another form (a 10-K, an SC 14D9, ...), not a Schedule TO.

    ``form_type`` names the form found, or is ``None`` when no form could be recognised.
    """

    def __init__(self, message: str, *, source: str | None = None, form_type: str | None = None):
        self.form_type = form_type
        super().__init__(message, source=source)
