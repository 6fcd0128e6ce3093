"""Passages from real filings (../shared/corpus/snippets) read with ``strict=False``.

At least 95 % of the labelled values must be met and no passage may raise. The figure and the
misses are printed on every run.
"""

from __future__ import annotations

import pytest

from .conftest import CORPUS, needs_corpus

TARGET = 0.95


@needs_corpus
def test_snippets_meet_the_target(capsys: pytest.CaptureFixture[str]) -> None:
    from .snippet_scoring import run

    checks, raised = run(CORPUS / "snippets")
    met = sum(c.ok for c in checks)
    share = met / len(checks)
    misses = [f"  {c.snippet} {c.field}: expected {c.expected!r}, got {c.actual!r}" for c in checks if not c.ok]
    with capsys.disabled():
        print(f"\nsnippets: {met}/{len(checks)} = {100 * share:.1f}% of labelled values met")
        print("\n".join(misses))
    assert not raised, raised
    assert len(checks) > 1000  # every labelled value was scored
    assert share >= TARGET, "\n".join(misses)
