"""Map frozen model objects to table rows and back, generically.

A model field becomes the column of the same name; nested dataclasses and
tuples go to JSON columns; a field the table has no column for (one added to
the models after the schema) goes into the row's ``extra`` JSON, so nothing
is lost. Decoding reads the field types with ``typing.get_type_hints`` and
rebuilds tuples and nested dataclasses from JSON.
"""
from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import JSON, Table

__all__ = ["decode", "encode", "from_jsonable", "to_jsonable"]


def to_jsonable(value: Any) -> Any:
    """A JSON-ready copy of ``value``: dataclasses become dicts, tuples become lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


#: Where ``encode`` puts a field: its own column as it is, its own JSON column, or the row's ``extra``.
_COLUMN, _JSON_COLUMN, _EXTRA = 0, 1, 2


@functools.cache
def _encode_plan(cls: type, table: Table, skip: frozenset[str], keys: frozenset[str]) -> tuple[tuple[str, int], ...]:
    """(field name, destination) for each field of ``cls`` written to ``table`` (once per call site's shape)."""
    plan = []
    for f in dataclasses.fields(cls):
        if f.name in skip:
            continue
        if f.name in table.c and f.name not in keys and f.name != "extra":
            plan.append((f.name, _JSON_COLUMN if isinstance(table.c[f.name].type, JSON) else _COLUMN))
        else:
            plan.append((f.name, _EXTRA))
    return tuple(plan)


def encode(obj: Any, table: Table, skip: Iterable[str] = (), **keys: Any) -> dict[str, Any]:
    """One row of ``table`` for ``obj``; ``keys`` are the owner/position columns, ``skip`` the fields kept in child tables."""
    row: dict[str, Any] = dict(keys)
    extra: dict[str, Any] = {}
    # The plan is computed once per (class, table, shape): encoding is the hot loop when a report is stored.
    for name, where in _encode_plan(type(obj), table, frozenset(skip), frozenset(keys)):
        value = getattr(obj, name)
        if where == _COLUMN:
            row[name] = value
        elif where == _JSON_COLUMN:
            row[name] = to_jsonable(value)
        else:
            extra[name] = to_jsonable(value)
    if _has_extra(table):
        row["extra"] = extra or None
    return row


@functools.cache
def _has_extra(table: Table) -> bool:
    return "extra" in table.c


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_jsonable(tp: Any, value: Any) -> Any:
    """Rebuild a value of type ``tp`` from its JSON form (the inverse of ``to_jsonable``)."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        # The models only use "X | None"; with several options, take the first that fits.
        for option in options:
            try:
                return from_jsonable(option, value)
            except (TypeError, ValueError):
                continue
        return value
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_jsonable(args[0], v) for v in value)
        return tuple(from_jsonable(a, v) for a, v in zip(args, value))
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, Mapping):
            raise TypeError(f"expected an object for {tp.__name__}")
        return _build(tp, value)
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _build(cls: type, values: Mapping[str, Any]) -> Any:
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in values:
            kwargs[f.name] = from_jsonable(hints[f.name], values[f.name])
    return cls(**kwargs)


_PLAIN = (str, int, bool, type(None))


def _is_plain(tp: Any) -> bool:
    """True when a stored value of this type needs no conversion (str, int, bool and their Optional/Literal forms)."""
    if tp in _PLAIN:
        return True
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        return True
    if origin in (typing.Union, types.UnionType):
        return all(_is_plain(a) for a in typing.get_args(tp))
    return False


@functools.cache
def _plan(cls: type) -> tuple[tuple[str, Any], ...]:
    """(field name, type or None when the value is used as stored) for each field of ``cls``."""
    hints = _hints(cls)
    return tuple((f.name, None if _is_plain(hints[f.name]) else hints[f.name]) for f in dataclasses.fields(cls))


def decode(cls: type, row: Mapping[str, Any], **children: Any) -> Any:
    """Rebuild a ``cls`` object from a row (column values plus its ``extra`` JSON) and its child objects."""
    extra = row.get("extra") or {}
    kwargs: dict[str, Any] = {}
    # The conversion plan is computed once per class: decoding is the hot loop
    # when a large store is read back.
    for name, tp in _plan(cls):
        if name in children:
            kwargs[name] = children[name]
            continue
        if name in row and name != "extra":
            value = row[name]
        elif name in extra:
            value = extra[name]
        else:
            continue
        kwargs[name] = value if tp is None or value is None else from_jsonable(tp, value)
    return cls(**kwargs)
