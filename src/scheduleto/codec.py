"""Generic JSON codec for the frozen model dataclasses.

The model classes describe their JSON form through their type hints: ``date`` becomes
``YYYY-MM-DD``, tz-aware ``datetime`` ISO 8601 with offset, ``Decimal`` a decimal string (or a JSON
number where the field's metadata says ``{"json": "number"}``), enums their value, tuples lists.
Keeping this in one place means every model class gets ``to_dict``/``from_dict`` that agree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import types
import typing
from decimal import Decimal
from functools import cache
from typing import Any, TypeVar, Union

T = TypeVar("T")

JSONValue = Any


def _number(value: Decimal) -> int | float:
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def encode(value: Any, *, as_number: bool = False) -> JSONValue:
    """Turn a model value into plain JSON-compatible Python data."""
    if isinstance(value, enum.Enum):
        return value.value
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value
    if isinstance(value, Decimal):
        return _number(value) if as_number else format(value, "f")
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, JSONValue] = {}
        for f in dataclasses.fields(value):
            out[f.name] = encode(getattr(value, f.name), as_number=f.metadata.get("json") == "number")
        return out
    if isinstance(value, (tuple, list)):
        return [encode(v, as_number=as_number) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v, as_number=as_number) for k, v in value.items()}
    raise TypeError(f"cannot encode {type(value).__name__} to JSON")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _is_union(tp: Any) -> bool:
    origin = typing.get_origin(tp)
    return origin is Union or origin is types.UnionType


def decode(tp: Any, data: JSONValue) -> Any:
    """Build a value of type ``tp`` from JSON data produced by :func:`encode`."""
    if tp is Any:
        return data
    if _is_union(tp):
        args = typing.get_args(tp)
        if data is None and type(None) in args:
            return None
        errors: list[str] = []
        # Prefer the member whose JSON form matches the data's type exactly.
        ordered = sorted(args, key=lambda a: 0 if _matches(a, data) else 1)
        for arg in ordered:
            if arg is type(None):
                continue
            try:
                return decode(arg, data)
            except (TypeError, ValueError, KeyError, ArithmeticError) as exc:
                errors.append(str(exc))
        raise ValueError(f"value {data!r} matches none of {tp}: {'; '.join(errors)}")
    origin = typing.get_origin(tp)
    if origin is tuple:
        (item_tp, *_rest) = typing.get_args(tp)
        if not isinstance(data, list):
            raise TypeError(f"expected a list, got {type(data).__name__}")
        return tuple(decode(item_tp, v) for v in data)
    if origin is dict:
        _k, v_tp = typing.get_args(tp)
        if not isinstance(data, dict):
            raise TypeError(f"expected an object, got {type(data).__name__}")
        return {k: decode(v_tp, v) for k, v in data.items()}
    if isinstance(tp, type):
        if dataclasses.is_dataclass(tp):
            if not isinstance(data, dict):
                raise TypeError(f"expected an object for {tp.__name__}, got {type(data).__name__}")
            hints = _hints(tp)
            kwargs: dict[str, Any] = {}
            for f in dataclasses.fields(tp):
                if f.name in data:
                    kwargs[f.name] = decode(hints[f.name], data[f.name])
            return tp(**kwargs)
        if issubclass(tp, enum.Enum):
            return tp(data)
        if tp is bool:
            if not isinstance(data, bool):
                raise TypeError(f"expected a boolean, got {data!r}")
            return data
        if tp is int:
            if isinstance(data, bool) or not isinstance(data, int):
                raise TypeError(f"expected an integer, got {data!r}")
            return data
        if tp is float:
            if isinstance(data, bool) or not isinstance(data, (int, float)):
                raise TypeError(f"expected a number, got {data!r}")
            return float(data)
        if tp is str:
            if not isinstance(data, str):
                raise TypeError(f"expected a string, got {data!r}")
            return data
        if tp is Decimal:
            if isinstance(data, bool) or not isinstance(data, (str, int, float)):
                raise TypeError(f"expected a decimal, got {data!r}")
            return Decimal(str(data))
        if tp is dt.datetime:
            if not isinstance(data, str):
                raise TypeError(f"expected an ISO datetime string, got {data!r}")
            return dt.datetime.fromisoformat(data)
        if tp is dt.date:
            if not isinstance(data, str):
                raise TypeError(f"expected an ISO date string, got {data!r}")
            return dt.date.fromisoformat(data)
    raise TypeError(f"cannot decode into {tp!r}")


def _matches(tp: Any, data: JSONValue) -> bool:
    if tp is int:
        return isinstance(data, int) and not isinstance(data, bool)
    if tp is Decimal:
        return isinstance(data, str)
    if tp is float:
        return isinstance(data, float)
    return False


class Serializable:
    """Mixin giving a dataclass ``to_dict``/``to_json``/``from_dict``."""

    def to_dict(self) -> dict[str, JSONValue]:
        """Return the JSON form of this object as plain Python data."""
        out = encode(self)
        assert isinstance(out, dict)
        return out

    def to_json(self, *, indent: int | None = None) -> str:
        """Return the JSON text of this object (``indent`` for pretty printing)."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls: type[T], data: dict[str, JSONValue]) -> T:
        """Rebuild an object from the output of :meth:`to_dict`."""
        result: T = decode(cls, data)
        return result
