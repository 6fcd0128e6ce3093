from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scheduleto.cusip import check_digit, clean, find_cusips, is_valid


@pytest.mark.parametrize("cusip", ["037833100", "17275R102", "38259P508", "594918104", "09175M101"])
def test_valid_examples(cusip: str) -> None:
    assert is_valid(cusip)


def test_invalid_example() -> None:
    assert not is_valid("68389X106")
    assert not is_valid("0917")


def test_printed_with_spaces_and_hyphens() -> None:
    assert find_cusips("453440 30 7") == ["453440307"]
    assert find_cusips("09175M-10-1 and 037833100") == ["09175M101", "037833100"]
    assert clean("0917 5M-101") == "09175M101"


def test_none_and_na() -> None:
    assert find_cusips("N/A") == []
    assert find_cusips("None") == []


def test_eight_character_cusip_kept_as_printed() -> None:
    assert find_cusips("20586240") == ["20586240"]


@given(st.text(alphabet="0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=8, max_size=8))
def test_check_digit_makes_a_valid_cusip(base: str) -> None:
    assert is_valid(base + str(check_digit(base)))
    wrong = (check_digit(base) + 1) % 10
    assert not is_valid(base + str(wrong))
