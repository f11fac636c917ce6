"""What both SQL translators (``sqlfilter.py`` for GeoPackage, ``sqlfilter_pg.py`` for PostGIS) share about
CQL2's semantics (OGC 21-065r2), so both stores give the same answer or the same 400:

* **Types.** :func:`check_types` walks a parsed filter once, before any SQL is written, and rejects
  comparisons of values of different types with a 400 that names the property and both types
  (``populationSize = 'abc'``: "property 'populationSize' is a number, 'abc' is a string"). A property's
  type is that of its queryable schema (string, number/integer, boolean, date, date-time). Allowed beyond
  strict CQL2, because common clients send them: a string literal in ISO 8601 form compared with a date or
  date-time property (GDAL's OAPIF driver writes dates so), and DATE compared with TIMESTAMP (the date
  is midnight UTC).
* **Case and accent folding** (``CASEI``, ``ACCENTI``; ``LOWER``/``UPPER`` alike): one mapping of
  single characters, applied in Python (a function registered on the SQLite connection) and in
  PostgreSQL (``translate()`` with the same two strings), so neither depends on the database's locale.
  ``CASEI`` maps every upper-case letter of the Latin, Greek and Cyrillic blocks (U+0041–U+052F,
  U+1E00–U+1EFF) to its lower-case letter; ``ACCENTI`` maps every letter of these blocks whose
  canonical decomposition is a base letter plus combining marks to the base letter and drops
  combining marks (U+0300–U+036F). ``ß`` stays ``ß``.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from pygeofilter import ast, values

from .cql import INTDIV, MOD, POW, FilterError

_RANGES = ((0x41, 0x5B), (0xC0, 0x530), (0x1E00, 0x1F00))
_COMBINING = (0x300, 0x370)
ISO_RX = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|z|[+-]\d{2}:?\d{2})?)?$")
FOLD_FUNCTIONS = ("casei", "accenti", "lower", "upper")
ARITH_FUNCTIONS = (INTDIV, MOD, POW)
UNSUPPORTED_ARITH = (MOD, POW)


@lru_cache(maxsize=1)
def fold_tables() -> dict[str, tuple[str, str]]:
    """``{"casei": (from, to), "accenti": (from, to)}`` for ``translate()``; characters of ``from`` beyond
    the length of ``to`` are deleted (PostgreSQL's rule, and :func:`fold`'s)."""
    up, low, acc, base = [], [], [], []
    for lo, hi in _RANGES:
        for cp in range(lo, hi):
            c = chr(cp)
            lc = c.lower()
            if lc != c and len(lc) == 1 and c.isupper():
                up.append(c)
                low.append(lc)
            stripped = "".join(ch for ch in unicodedata.normalize("NFD", c) if not unicodedata.combining(ch))
            if stripped != c and len(stripped) == 1:
                acc.append(c)
                base.append(stripped)
    marks = [chr(cp) for cp in range(*_COMBINING)]
    rev: dict[str, str] = {}
    for u, lc in zip(up, low, strict=True):
        rev.setdefault(lc, u)
    casei = ("".join(up), "".join(low))
    return {"casei": casei, "lower": casei, "upper": ("".join(rev), "".join(rev.values())),
            "accenti": ("".join(acc + marks), "".join(base))}


@lru_cache(maxsize=4)
def _py_table(kind: str) -> dict[int, int | None]:
    src, dst = fold_tables()[kind]
    return {ord(c): (ord(dst[i]) if i < len(dst) else None) for i, c in enumerate(src)}


def fold(kind: str, text: Any) -> Any:
    """``CASEI``/``ACCENTI`` of a value (None and non-text stay as they are)."""
    if not isinstance(text, str):
        return text
    return text.translate(_py_table(kind))


# --------------------------------------------------------------------------- types

def field_kind(schema: dict[str, Any]) -> str:
    t = schema.get("type")
    if t in ("integer", "number"):
        return "number"
    if t == "boolean":
        return "boolean"
    if t == "string" and schema.get("format") == "date":
        return "date"
    if t == "string" and schema.get("format") == "date-time":
        return "timestamp"
    return "string"


_TEMPORAL = ("date", "timestamp")
_ARTICLE = {"number": "a number", "string": "a string", "boolean": "a boolean", "date": "a date",
            "timestamp": "a timestamp", "geometry": "a geometry"}


class TypeChecker:
    """Infers the CQL2 type of every expression of a filter and rejects what CQL2 does not allow."""

    def __init__(self, fields: dict[str, dict[str, Any]], geometry_names: tuple[str, ...] = ("geometry",)):
        self.fields = fields
        self.geometry_names = geometry_names

    # -------------------------------------------------------------- expressions
    def kind(self, v: Any) -> str:
        if isinstance(v, ast.Attribute):
            if v.name in self.geometry_names:
                return "geometry"
            if v.name not in self.fields:
                raise FilterError(f"unknown property '{v.name}' (queryables: {', '.join(sorted(self.fields))})",
                                  field="filter", value=v.name)
            return field_kind(self.fields[v.name])
        if v is None:
            return "null"
        if isinstance(v, bool):
            return "boolean"
        if isinstance(v, (int, float)):
            return "number"
        if isinstance(v, str):
            return "string"
        if isinstance(v, datetime):
            return "timestamp"
        if isinstance(v, date):
            return "date"
        if isinstance(v, (values.Geometry, values.Envelope)):
            return "geometry"
        if isinstance(v, ast.Function):
            return self.function(v)
        if isinstance(v, ast.Arithmetic):
            self.numbers(v.op.value, v.lhs, v.rhs)
            return "number"
        if isinstance(v, list):
            raise FilterError("a list is not allowed here", field="filter", value=str(v)[:100])
        raise FilterError(f"unsupported operand {type(v).__name__}", field="filter", value=str(v)[:100])

    def function(self, f: ast.Function) -> str:
        name = f.name.lower()
        if name in FOLD_FUNCTIONS:
            if len(f.arguments) != 1:
                raise FilterError(f"{name.upper()} takes one argument", field="filter", value=str(f)[:100])
            k = self.kind(f.arguments[0])
            if k not in ("string", "null"):
                raise FilterError(f"{name.upper()} needs a string, {self.describe(f.arguments[0])} is {_ARTICLE[k]}",
                                  field="filter", value=str(f.arguments[0])[:100])
            return "string"
        if name in UNSUPPORTED_ARITH:
            raise FilterError(f"the arithmetic operator '{name}' is not supported (supported: + - * / div)",
                              field="filter", value=name)
        if name == INTDIV and len(f.arguments) == 2:
            self.numbers("div", *f.arguments)
            return "number"
        raise FilterError(f"function '{f.name}' is not supported (CASEI, ACCENTI, LOWER, UPPER)", field="filter",
                          value=f.name)

    def numbers(self, op: str, *args: Any) -> None:
        for a in args:
            k = self.kind(a)
            if k not in ("number", "null"):
                raise FilterError(f"'{op}' needs numbers, {self.describe(a)} is {_ARTICLE[k]}", field="filter",
                                  value=str(a)[:100])

    @staticmethod
    def describe(v: Any) -> str:
        if isinstance(v, ast.Attribute):
            return f"property '{v.name}'"
        if isinstance(v, str):
            return f"'{v}'"
        if isinstance(v, (date, datetime)):
            return v.isoformat()
        if isinstance(v, ast.Function):
            return f"{v.name.upper()}(…)"
        return str(v)[:60]

    def comparable(self, *vs: Any) -> str | None:
        """The common type of operands compared with each other (None: all NULL), or a 400."""
        kinds = [(v, self.kind(v)) for v in vs]
        common: str | None = None
        for v, k in kinds:
            if k == "geometry":
                raise FilterError(f"{self.describe(v)} is a geometry: use a spatial function (S_INTERSECTS …)",
                                  field="filter", value=str(v)[:100])
            if k == "null":
                continue
            if common is None or common == k or (common in _TEMPORAL and k in _TEMPORAL):
                common = common or k
                continue
            if k == "string" and common in _TEMPORAL and isinstance(v, str) and ISO_RX.match(v):
                continue
            if common == "string" and k in _TEMPORAL and all(
                    isinstance(w, str) and ISO_RX.match(w) for w, kw in kinds if kw == "string"):
                common = k
                continue
            a = next((w for w, kw in kinds if kw == common), kinds[0][0])
            first, second = (a, v) if isinstance(a, ast.Attribute) or not isinstance(v, ast.Attribute) else (v, a)
            k1 = self.kind(first)
            k2 = self.kind(second)
            raise FilterError(f"type mismatch: {self.describe(first)} is {_ARTICLE[k1]}, {self.describe(second)} is "
                              f"{_ARTICLE[k2]}", field="filter",
                              value=f"{self.describe(first)}, {self.describe(second)}"[:200])
        return common

    # -------------------------------------------------------------- predicates
    def check(self, n: Any) -> None:
        if isinstance(n, ast.Not):
            self.check(n.sub_node)
        elif isinstance(n, (ast.And, ast.Or)):
            self.check(n.lhs)
            self.check(n.rhs)
        elif isinstance(n, ast.Comparison):
            self.comparable(n.lhs, n.rhs)
        elif isinstance(n, ast.Between):
            k = self.comparable(n.lhs, n.low, n.high)
            if k not in ("number", "null", *_TEMPORAL):
                raise FilterError(f"BETWEEN needs numbers or dates, {self.describe(n.lhs)} is "
                                  f"{_ARTICLE[k or 'string']}", field="filter", value=str(n.lhs)[:100])
        elif isinstance(n, ast.In):
            self.comparable(n.lhs, *n.sub_nodes)
        elif isinstance(n, ast.Like):
            k = self.kind(n.lhs)
            if k not in ("string", "null"):
                raise FilterError(f"LIKE needs a string, {self.describe(n.lhs)} is {_ARTICLE[k]}", field="filter",
                                  value=str(n.lhs)[:100])
            p = n.pattern
            while isinstance(p, ast.Function) and p.name.lower() in FOLD_FUNCTIONS and len(p.arguments) == 1:
                p = p.arguments[0]
            if not isinstance(p, str):
                raise FilterError("LIKE needs a string pattern", field="filter", value=str(n.pattern)[:100])
        elif isinstance(n, ast.IsNull):
            self.kind(n.lhs)
        elif isinstance(n, ast.TemporalPredicate) and not isinstance(n.rhs, values.Interval):
            for v in (n.lhs, n.rhs):
                k = self.kind(v)
                if k not in (*_TEMPORAL, "null") and not (isinstance(v, str) and ISO_RX.match(v)):
                    raise FilterError(f"temporal functions need dates or timestamps, {self.describe(v)} is "
                                      f"{_ARTICLE[k]}", field="filter", value=str(v)[:100])


def check_types(node: Any, fields: dict[str, dict[str, Any]], geometry_names: tuple[str, ...]) -> None:
    """Raise :class:`FilterError` (400) if the filter compares values of different types."""
    TypeChecker(fields, geometry_names).check(node)


def like_fold(pattern: Any) -> tuple[str, list[str]]:
    """A LIKE pattern as a string and the fold functions wrapped around it (innermost last)."""
    kinds: list[str] = []
    while isinstance(pattern, ast.Function) and pattern.name.lower() in FOLD_FUNCTIONS and len(pattern.arguments) == 1:
        kinds.append(pattern.name.lower())
        pattern = pattern.arguments[0]
    if not isinstance(pattern, str):
        raise FilterError("LIKE needs a string pattern", field="filter", value=str(pattern)[:100])
    return pattern, kinds


def apply_folds(kinds: list[str], text: str) -> str:
    for k in reversed(kinds):
        text = fold(k, text)
    return text
