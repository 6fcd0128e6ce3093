"""Small builders for extractor tests."""

from __future__ import annotations

from scheduleto.containers.text import read_text
from scheduleto.document import Document


def doc(text: str) -> Document:
    """A normalised document from plain text (tabs separate cells, blank lines paragraphs)."""
    return read_text(text)
