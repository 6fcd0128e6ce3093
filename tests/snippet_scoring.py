"""Score ``parse_text(..., strict=False)`` against the labelled snippets in ../shared/corpus.

Each labelled leaf value is one check. Run ``python -m tests.snippet_scoring`` for a report.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import scheduleto

from .conftest import CORPUS

SNIPPETS = CORPUS / "snippets"


@dataclass(frozen=True)
class Check:
    snippet: str
    field: str
    expected: Any
    actual: Any
    ok: bool


def _norm_text(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    value = unicodedata.normalize("NFKC", value).replace("\u2019", "'").replace("\u2018", "'")
    value = value.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", value).strip().rstrip(",;").strip()


def _money(value: Any) -> Decimal | None:
    if value is None:
        return None
    text = re.sub(r"^(?:US|U\.S\.)?\s*\$\s*", "", str(value)).replace(",", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, str) and isinstance(actual, str):
        return _norm_text(expected).casefold() == _norm_text(actual).casefold()
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) and actual is not None:
        try:
            return Decimal(str(expected)) == Decimal(str(actual))
        except InvalidOperation:
            return False
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(_same(e, a) for e, a in zip(expected, actual, strict=True))
    return bool(expected == actual)


def _deadline(exp: dict[str, Any] | None, which: str) -> tuple[Any, Any]:
    if not exp or not exp.get(which):
        return None, None
    d = exp[which]
    return d.get("date"), d.get("time")


def score_cover(sid: str, expected: dict[str, Any], data: dict[str, Any]) -> list[Check]:
    out: list[Check] = []
    for key in ("form_type", "amendment_number", "subject_company", "securities_class", "cusips"):
        if key in expected:
            out.append(Check(sid, key, expected[key], data.get(key), _same(expected[key], data.get(key))))
    if "filing_persons" in expected:
        names = [p["name"] for p in data.get("filing_persons") or []]
        out.append(Check(sid, "filing_persons", expected["filing_persons"], names,
                         _same(expected["filing_persons"], names)))
    for key, value in (expected.get("checkboxes") or {}).items():
        actual = (data.get("checkboxes") or {}).get(key)
        out.append(Check(sid, f"checkboxes.{key}", value, actual, value == actual))
    if "authorized_person" in expected:
        exp = expected["authorized_person"]
        person = data.get("authorized_person")
        actual = person.get("name") if person else None
        if exp is None:
            ok = actual is None
        else:
            wanted = [_norm_text(x).casefold() for x in str(exp).split(";")]
            ok = actual is not None and _norm_text(actual).casefold() in wanted
        out.append(Check(sid, "authorized_person", exp, actual, ok))
    return out


def score_events(sid: str, expected: dict[str, Any], data: dict[str, Any]) -> list[Check]:
    out: list[Check] = []
    if "expiration" in expected:
        exp = expected["expiration"]
        got = data.get("expiration")
        if exp is None:
            out.append(Check(sid, "expiration", None, got, got is None))
        else:
            for which in ("previous", "new"):
                date, time = _deadline(got, which)
                for part, actual in (("date", date), ("time", time)):
                    key = f"{which}_{part}"
                    want = exp.get(key)
                    ok = _same(want, actual) if want is not None else actual is None
                    out.append(Check(sid, f"expiration.{key}", want, actual, ok))
    if "tendered" in expected:
        want_list = expected["tendered"]
        got_list = [t for t in data.get("tendered") or [] if not t.get("guaranteed_delivery")]
        out.append(Check(sid, "tendered.count", len(want_list), len(got_list), len(want_list) == len(got_list)))
        for i, want in enumerate(want_list):
            got = got_list[i] if i < len(got_list) else {}
            for key, value in want.items():
                actual = got.get(key)
                ok = _same(value, actual) if value is not None else actual is None
                out.append(Check(sid, f"tendered[{i}].{key}", value, actual, ok))
    if "results" in expected:
        want = expected["results"]
        got = data.get("results")
        if want is None:
            out.append(Check(sid, "results", None, got, got is None))
        else:
            got = got or {}
            for key, value in want.items():
                actual = got.get(key)
                if key == "price":
                    ok = _money(value) == _money(actual)
                else:
                    ok = _same(value, actual) if value is not None else actual is None
                out.append(Check(sid, f"results.{key}", value, actual, ok))
    if "expired_or_terminated" in expected:
        want = expected["expired_or_terminated"]
        actual = data.get("expired_or_terminated")
        out.append(Check(sid, "expired_or_terminated", want, actual, want == actual))
    return out


def run(path: Path = SNIPPETS) -> tuple[list[Check], list[str]]:
    """Parse every snippet; return the checks and the ids of snippets that raised."""
    checks: list[Check] = []
    raised: list[str] = []
    for name, scorer in (("covers.jsonl", score_cover), ("events.jsonl", score_events)):
        for line in (path / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            try:
                data = scheduleto.parse_text(item["excerpt"], strict=False).to_dict()
            except Exception as exc:  # a snippet must never raise: record it
                raised.append(f"{item['id']}: {type(exc).__name__}: {exc}")
                data = {}
            checks.extend(scorer(item["id"], item["expected"], data))
    return checks, raised


def main() -> None:
    checks, raised = run()
    ok = sum(c.ok for c in checks)
    for c in checks:
        if not c.ok:
            print(f"MISS {c.snippet} {c.field}: expected {c.expected!r}, got {c.actual!r}")
    for r in raised:
        print(f"RAISED {r}")
    print(f"{ok}/{len(checks)} = {100 * ok / max(1, len(checks)):.1f}% of snippet values met")


if __name__ == "__main__":
    main()
