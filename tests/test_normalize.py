"""The text repairs every reader shares (scheduleto.normalize)."""

from __future__ import annotations

from scheduleto.document import CHECKED, UNCHECKED
from scheduleto.normalize import box_tokens, normalize_fragment, repair


def test_special_characters_are_rewritten_at_their_step() -> None:
    text = "\u201cOffer\u201d\u00a0to\u2002buy\u00adout \u2010 \u2611 agreed \u2610 no \u2612 yes"
    assert normalize_fragment(text) == f'"Offer" to buyout - {CHECKED} agreed {UNCHECKED} no {CHECKED} yes'


def test_a_token_glyph_is_padded_once() -> None:
    assert normalize_fragment("a\u2612b\u2611c") == f"a {CHECKED} b {CHECKED} c"


def test_text_boxes_with_brackets_and_slashes() -> None:
    assert normalize_fragment("[X] Rule 13e-4 / / Rule 14d-1 /x/ going [ ] final") == (
        f" {CHECKED} Rule 13e-4 {UNCHECKED} Rule 14d-1 {CHECKED} going {UNCHECKED} final"
    )
    # A bracket or slash inside a word or an exhibit code is no box.
    assert normalize_fragment("(a)(5)(X) and/or 1/x/2") == "(a)(5)(X) and/or 1/x/2"


def test_repairs_and_tokens_apart() -> None:
    assert repair("\\$10.00 per Share, Rule 14d-l and l4d-2 ^{*}") == "$10.00 per Share, Rule 14d-1 and 14d-2 *"
    assert repair("\u2018quoted\u2019") == "'quoted'"
    assert box_tokens("\u25a1 issuer \u25a0 third") == f" {UNCHECKED}  issuer  {CHECKED}  third"


def test_a_repair_creating_a_guarded_spelling_is_still_read() -> None:
    # "^{[}X]" becomes "[X]" only after a repair: the box pattern must still see it.
    assert normalize_fragment("^{[}X] final") == f" {CHECKED} final"
