from __future__ import annotations

import re

from scheduleto.extract.checkboxes import extract_checkboxes

from .helpers import doc

BOX_LINES = [
    "Check the box if the filing relates solely to preliminary communications made before the commencement of a tender offer.",
    "third-party tender offer subject to Rule 14d-1.",
    "issuer tender offer subject to Rule 13e-4.",
    "going-private transaction subject to Rule 13e-3.",
    "amendment to Schedule 13D under Rule 13d-2.",
]
KEYS = ["preliminary_communication", "third_party_tender_offer", "issuer_tender_offer",
        "going_private", "schedule_13d_amendment"]  # fmt: skip


def _cover(marks: list[str], final: str = "", sep: str = "\t") -> str:
    lines = ["SCHEDULE TO"]
    lines += [f"{m}{sep}{t}" for m, t in zip(marks, BOX_LINES, strict=True)]
    lines.append(f"Check the following box if the filing is a final amendment reporting the results of the tender offer: {final}")
    return "\n".join(lines)


def test_seed_three_states(seed_text: str) -> None:
    boxes = extract_checkboxes(doc(seed_text)).checkboxes
    assert boxes.issuer_tender_offer is True
    # The seed lost the third-party mark (an empty leading cell): unchecked, not missing.
    assert boxes.third_party_tender_offer is False
    assert boxes.final_amendment is False
    assert boxes.cross_border_third_party is False


def test_unicode_glyphs_before_text() -> None:
    boxes = extract_checkboxes(doc(_cover(["☐", "☒", "☐", "☐", "☑"], final="☒"))).checkboxes
    assert [boxes.get(k) for k in KEYS] == [False, True, False, False, True]
    assert boxes.final_amendment is True


def test_plain_text_brackets_and_slashes() -> None:
    boxes = extract_checkboxes(doc(_cover(["[ ]", "[X]", "/ /", "/X/", "( )"], sep=" "))).checkboxes
    assert [boxes.get(k) for k in KEYS] == [False, True, False, True, False]


def test_lone_x_in_box_column() -> None:
    boxes = extract_checkboxes(doc(_cover(["o", "X", "o", "o", "o"], sep="  "))).checkboxes
    assert boxes.third_party_tender_offer is True
    assert boxes.issuer_tender_offer is False


def test_mark_alone_on_previous_line() -> None:
    text = "SCHEDULE TO\n\n☒\n\nthird-party tender offer subject to Rule 14d-1.\n"
    assert extract_checkboxes(doc(text)).checkboxes.third_party_tender_offer is True


def test_box_not_found_is_none() -> None:
    boxes = extract_checkboxes(doc("SCHEDULE TO\nNothing here.")).checkboxes
    assert boxes.issuer_tender_offer is None
    assert boxes.final_amendment is None


def test_flattened_line_reads_each_box_by_its_own_mark() -> None:
    line = (
        "☐ third-party tender offer subject to Rule 14d-1. ☒ issuer tender offer subject to "
        "Rule 13e-4. ☐ going-private transaction subject to Rule 13e-3."
    )
    boxes = extract_checkboxes(doc("SCHEDULE TO\n" + line)).checkboxes
    assert (boxes.third_party_tender_offer, boxes.issuer_tender_offer, boxes.going_private) == (
        False,
        True,
        False,
    )


def test_cross_border_boxes() -> None:
    text = (
        "SCHEDULE TO\n☒\tRule 13e-4(i) (Cross-Border Issuer Tender Offer)\n"
        "☐\tRule 14d-1(d) (Cross-Border Third-Party Tender Offer)\n"
    )
    boxes = extract_checkboxes(doc(text)).checkboxes
    assert boxes.cross_border_issuer is True
    assert boxes.cross_border_third_party is False


def test_marks_after_every_wording() -> None:
    text = (
        "SCHEDULE TO\n"
        "Check the box if the filing relates solely to preliminary communications made before the commencement of a tender offer. ☐\n"
        "third-party tender offer subject to Rule 14d-1. ☒\n"
        "issuer tender offer subject to Rule 13e-4. ☐\n"
        "going-private transaction subject to Rule 13e-3. ☐\n"
        "amendment to Schedule 13D under Rule 13d-2. ☐\n"
        "Check the following box if the filing is a final amendment reporting the results of the tender offer. ☒\n"
    )
    boxes = extract_checkboxes(doc(text)).checkboxes
    assert [boxes.get(k) for k in KEYS] == [False, True, False, False, False]
    assert boxes.final_amendment is True


def test_one_read_as_l_in_rule_numbers() -> None:
    boxes = extract_checkboxes(doc("SCHEDULE TO\n☒\tissuer tender offer subject to Rule l3e-4.\n")).checkboxes
    assert boxes.issuer_tender_offer is True


# --- the word anchors of the box patterns follow the vocabulary -----------------------------


def _leading_words(pattern: str) -> set[str]:
    """The lower-cased letters every match of ``pattern`` can start with, branch by branch.

    A branch that opens with anything but letters gives "" (so the test below fails for it).
    """
    import re._constants as c
    import re._parser as p

    def walk(items: list[tuple[object, object]], prefix: str) -> set[str]:
        if not items:
            return {prefix}
        (op, av), rest = items[0], items[1:]
        if op is c.LITERAL and chr(av).isalpha():  # type: ignore[arg-type]
            return walk(rest, prefix + chr(av).lower())  # type: ignore[arg-type]
        if op is c.SUBPATTERN and not prefix:
            return walk(list(av[-1]) + rest, prefix)  # type: ignore[index]
        if op is c.BRANCH and not prefix:
            return set().union(*(walk(list(alt) + rest, prefix) for alt in av[1]))  # type: ignore[index]
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and not prefix and av[0] == 0:  # type: ignore[index]
            return walk(list(av[2]) + rest, prefix) | walk(rest, prefix)  # type: ignore[index]
        return {prefix}

    return walk(list(p.parse(pattern, re.IGNORECASE)), "")


def test_box_patterns_start_with_their_anchor_words() -> None:
    from scheduleto.extract import checkboxes as cb
    from scheduleto.vocab import CHECKBOX_BOUNDARIES, CHECKBOX_PATTERNS

    tables = [(CHECKBOX_PATTERNS[k], cb._FIRST_WORDS[k]) for k in CHECKBOX_PATTERNS]
    tables.append((CHECKBOX_BOUNDARIES, cb._BOUNDARY_FIRST_WORDS))
    for pattern, words in tables:
        anchors = words.pattern.split("|")
        for start in _leading_words(pattern):
            assert any(start.startswith(a) for a in anchors), (start, anchors, pattern)
