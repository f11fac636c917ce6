"""CQL2 parsing for OGC API Features Part 3, on top of pygeofilter.

Why not pygeofilter alone: in pygeofilter 0.4 the CQL2-JSON parser reads ``bbox`` in the wrong
order and ``between`` in an old draft form, and the CQL2-text parser only knows the infix form of
temporal predicates and no ``INTERVAL``. CQL2 JSON is walked here (it is small); CQL2 text is
normalised (function-style ``T_AFTER(a, b)``, intervals) and then parsed by pygeofilter, with ECQL
as fallback. Anything that cannot be parsed raises :class:`FilterError` (-> HTTP 400).
"""
from __future__ import annotations

import json
import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from pygeofilter import ast, values

from services.errors import RequestError


class FilterError(RequestError):
    """A filter expression that cannot be parsed or applied (HTTP 400)."""


def parse_filter(text: str, lang: str | None = None) -> ast.Node:
    text = (text or "").strip()
    if not text:
        raise FilterError("empty filter", field="filter", value=text)
    if lang in ("cql2-json", "cql-json") or (lang is None and text.startswith("{")):
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise FilterError(f"filter is not valid JSON: {exc.msg}", field="filter", value=text) from None
        return parse_json(doc)
    return parse_text(text)


# --------------------------------------------------------------------------- CQL2 text

_TFUNC = re.compile(r"\b(T_[A-Z]+)\s*\(", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _split_call(s: str, start: int) -> tuple[list[str], int]:
    """Arguments of a call whose '(' is at ``start``; returns (args, index after ')')."""
    depth, quote, args, cur = 0, False, [], []
    i = start
    while i < len(s):
        c = s[i]
        if quote:
            cur.append(c)
            if c == "'":
                quote = False
        elif c == "'":
            quote = True
            cur.append(c)
        elif c == "(":
            depth += 1
            if depth > 1:
                cur.append(c)
        elif c == ")":
            depth -= 1
            if depth == 0:
                args.append("".join(cur).strip())
                return args, i + 1
            cur.append(c)
        elif c == "," and depth == 1:
            args.append("".join(cur).strip())
            cur = []
        else:
            cur.append(c)
        i += 1
    raise FilterError("unbalanced parentheses", field="filter", value=s)


def _instant(lit: str) -> str:
    v = lit.strip().strip("'")
    return f"DATE('{v}')" if _ISO_DATE.match(v) else f"TIMESTAMP('{v}')"


def _interval(arg: str) -> tuple[str | None, str | None] | None:
    m = re.match(r"^INTERVAL\s*\((.*)\)$", arg.strip(), re.IGNORECASE | re.DOTALL)
    if not m:
        return None
    parts = [p.strip().strip("'") for p in m.group(1).split(",")]
    if len(parts) != 2:
        raise FilterError("INTERVAL needs two bounds", field="filter", value=arg)
    return tuple(None if p in ("..", "") else _instant(p) for p in parts)  # type: ignore[return-value]


def _rewrite_temporal(op: str, prop: str, arg: str) -> str:
    op = op.upper()
    iv = _interval(arg)
    if iv is None:
        m = re.match(r"^(TIMESTAMP|DATE)\s*\(\s*'([^']*)'\s*\)$", arg.strip(), re.IGNORECASE)
        if not m:
            raise FilterError(f"{op} needs a TIMESTAMP, DATE or INTERVAL", field="filter", value=arg)
        inst = _instant(m.group(2))
        simple = {"T_AFTER": "T_AFTER", "T_BEFORE": "T_BEFORE", "T_EQUALS": "T_EQUALS",
                  "T_INTERSECTS": "T_EQUALS"}
        if op in simple:
            return f"({prop} {simple[op]} {inst})"
        if op == "T_DISJOINT":
            return f"(NOT ({prop} T_EQUALS {inst}))"
        raise FilterError(f"temporal operator {op} is not supported for instants", field="filter", value=op)
    lo, hi = iv
    if op == "T_BEFORE":
        return f"({prop} T_BEFORE {lo})" if lo else "(1 = 0)"
    if op == "T_AFTER":
        return f"({prop} T_AFTER {hi})" if hi else "(1 = 0)"
    if op in ("T_DURING", "T_INTERSECTS", "T_DISJOINT"):
        # DURING excludes the bounds, INTERSECTS includes them (instant properties)
        if op == "T_DURING":
            conds = ([f"{prop} T_AFTER {lo}"] if lo else []) + ([f"{prop} T_BEFORE {hi}"] if hi else [])
        else:
            conds = ([f"NOT ({prop} T_BEFORE {lo})"] if lo else []) + ([f"NOT ({prop} T_AFTER {hi})"] if hi else [])
        cond = "(" + " AND ".join(conds) + ")" if conds else f"({prop} IS NOT NULL)"
        return f"(NOT {cond})" if op == "T_DISJOINT" else cond
    raise FilterError(f"temporal operator {op} is not supported for intervals", field="filter", value=op)


def _normalise_text(text: str) -> str:
    out, pos = [], 0
    quote = False
    i = 0
    while i < len(text):
        c = text[i]
        if c == "'":
            quote = not quote
        elif not quote:
            m = _TFUNC.match(text, i)
            if m and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
                args, end = _split_call(text, m.end() - 1)
                if len(args) != 2:
                    raise FilterError(f"{m.group(1)} needs two arguments", field="filter", value=text)
                out.append(text[pos:i])
                out.append(_rewrite_temporal(m.group(1), _normalise_text(args[0]), args[1]))
                pos = i = end
                continue
        i += 1
    out.append(text[pos:])
    return "".join(out)


def parse_text(text: str) -> ast.Node:
    from pygeofilter.parsers.ecql import parse as ecql
    norm = _normalise_text(text)
    try:
        return _cql2_parser().parse(norm)
    except FilterError:
        raise
    except Exception as first:  # noqa: BLE001 - lark raises many types; all mean "not parseable"
        try:
            return ecql(norm)
        except Exception:  # noqa: BLE001
            msg = str(first).strip().splitlines()[0][:200] if str(first).strip() else type(first).__name__
            raise FilterError(f"filter is not valid CQL2 text ({msg})", field="filter", value=text) from None


@lru_cache(maxsize=1)
def _cql2_parser() -> Any:
    """Our CQL2 text grammar (``cql2_text.lark``) with pygeofilter's WKT grammar and tree transformer."""
    import os

    import pygeofilter.parsers
    from lark import Lark
    return Lark.open("cql2_text.lark", rel_to=__file__, parser="lalr", maybe_placeholders=False,
                     transformer=_transformer(), import_paths=[os.path.dirname(pygeofilter.parsers.__file__)])


def _transformer() -> Any:
    from lark import v_args
    from pygeofilter.parsers.cql2_text.parser import CQLTransformer

    @v_args(meta=False, inline=True)
    class Transformer(CQLTransformer):  # type: ignore[misc]
        """pygeofilter's transformer with CQL2's literals and functions as OGC 21-065r2 defines them."""

        def SINGLE_QUOTED(self, token: Any) -> str:
            return str(token)[1:-1].replace("''", "'")

        def DOUBLE_QUOTED(self, token: Any) -> str:
            return str(token)[1:-1].replace('""', '"')

        def BOOLEAN(self, token: Any) -> bool:
            return str(token).lower() == "true"

        def function(self, name: Any, *args: Any) -> Any:
            fn = name.name.lower() if isinstance(name, ast.Attribute) else str(name).lower()
            if fn in ("date", "timestamp"):
                if len(args) != 1 or not isinstance(args[0], str):
                    raise FilterError(f"{fn.upper()} takes one string", field="filter", value=fn.upper())
                return _literal_time(args[0], fn.upper())
            if fn == "bbox":
                b = list(args)
                if len(b) not in (4, 6) or not all(isinstance(x, (int, float)) for x in b):
                    raise FilterError("BBOX needs 4 or 6 numbers", field="filter", value=str(b)[:100])
                x1, y1, x2, y2 = (b[0], b[1], b[2], b[3]) if len(b) == 4 else (b[0], b[1], b[3], b[4])
                return values.Envelope(x1, x2, y1, y2)
            return ast.Function(fn, list(args))

        def neg(self, value: Any) -> Any:
            return -value if isinstance(value, (int, float)) else ast.Sub(0, value)

        def intdiv(self, lhs: Any, _op: Any, rhs: Any) -> ast.Node:
            return ast.Function(INTDIV, [lhs, rhs])

        def mod(self, lhs: Any, rhs: Any) -> ast.Node:
            return ast.Function(MOD, [lhs, rhs])

        def pow(self, lhs: Any, rhs: Any) -> ast.Node:
            return ast.Function(POW, [lhs, rhs])

        def binary_temporal_predicate(self, lhs: Any, op: Any, rhs: Any) -> ast.Node:
            cls = {"t_before": ast.TimeBefore, "t_after": ast.TimeAfter, "t_equals": ast.TimeEquals}
            return cls[str(op).lower()](lhs, rhs)

        def binary_spatial_predicate(self, op: Any, lhs: Any, rhs: Any) -> ast.Node:
            from pygeofilter.cql2 import SPATIAL_PREDICATES_MAP
            return SPATIAL_PREDICATES_MAP[str(op).lower()](lhs, rhs)

    return Transformer()


# names of the arithmetic operators that pygeofilter's AST has no node for (ast.Function with these names)
INTDIV, MOD, POW = "div", "%", "^"


def _literal_time(text: str, kind: str) -> date | datetime:
    """``DATE('2000-01-01')`` / ``TIMESTAMP('2000-01-01T00:00:00Z')``: the literal must be of its type."""
    from pygeofilter.util import parse_date, parse_datetime
    rx = _ISO_DATE if kind == "DATE" else _ISO_TIMESTAMP
    if not rx.match(text):
        want = "YYYY-MM-DD" if kind == "DATE" else "YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)"
        raise FilterError(f"{kind} literal must be {want}", field="filter", value=f"{kind}('{text}')")
    try:
        return parse_date(text) if kind == "DATE" else parse_datetime(text)
    except Exception:  # noqa: BLE001 - e.g. month 13
        raise FilterError(f"not a valid {kind}", field="filter", value=f"{kind}('{text}')") from None


# CQL2 wants the zone; without one the instant is taken as UTC (what clients that drop the 'Z' mean)
_ISO_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|z|[+-]\d{2}:?\d{2})?$")


# --------------------------------------------------------------------------- CQL2 JSON

_CMP = {"=": ast.Equal, "<>": ast.NotEqual, "<": ast.LessThan, "<=": ast.LessEqual,
        ">": ast.GreaterThan, ">=": ast.GreaterEqual}
_ARITH: dict[str, Any] = {"+": ast.Add, "-": ast.Sub, "*": ast.Mul, "/": ast.Div, "div": "div", "%": "%", "^": "^"}
_SPATIAL = {"s_intersects": ast.GeometryIntersects, "s_disjoint": ast.GeometryDisjoint,
            "s_contains": ast.GeometryContains, "s_within": ast.GeometryWithin,
            "s_touches": ast.GeometryTouches, "s_crosses": ast.GeometryCrosses,
            "s_overlaps": ast.GeometryOverlaps, "s_equals": ast.GeometryEquals}


def _parse_time(v: str) -> date | datetime:
    from pygeofilter.util import parse_date, parse_datetime
    try:
        return parse_date(v) if _ISO_DATE.match(v) else parse_datetime(v)
    except Exception:  # noqa: BLE001
        raise FilterError("not a valid date/timestamp", field="filter", value=v) from None


def _value(v: Any) -> Any:
    if isinstance(v, dict):
        if "property" in v:
            return ast.Attribute(v["property"])
        if "timestamp" in v:
            return _parse_time(v["timestamp"])
        if "date" in v:
            return _parse_time(v["date"])
        if "interval" in v:
            lo, hi = v["interval"]
            return values.Interval(None if lo == ".." else _parse_time(lo), None if hi == ".." else _parse_time(hi))
        if "bbox" in v:
            b = v["bbox"]
            if len(b) not in (4, 6) or not all(isinstance(x, (int, float)) for x in b):
                raise FilterError("bbox needs 4 or 6 numbers", field="filter", value=json.dumps(v))
            x1, y1, x2, y2 = (b[0], b[1], b[2], b[3]) if len(b) == 4 else (b[0], b[1], b[3], b[4])
            return values.Envelope(x1, x2, y1, y2)
        if "type" in v and "coordinates" in v:
            return values.Geometry(v)
        if "op" in v:
            return parse_json(v)
        raise FilterError("unknown CQL2 JSON value", field="filter", value=json.dumps(v)[:200])
    if isinstance(v, list):
        return [_value(x) for x in v]
    return v


def parse_json(doc: Any) -> ast.Node:
    if not isinstance(doc, dict) or "op" not in doc:
        raise FilterError("CQL2 JSON expression needs 'op' and 'args'", field="filter", value=json.dumps(doc)[:200])
    op = str(doc["op"]).lower()
    args = doc.get("args", [])
    if not isinstance(args, list):
        raise FilterError("'args' must be a list", field="filter", value=json.dumps(doc)[:200])
    try:
        if op in ("and", "or"):
            nodes = [parse_json(a) for a in args]
            if len(nodes) < 2:
                raise FilterError(f"'{op}' needs at least two arguments", field="filter", value=op)
            cls = ast.And if op == "and" else ast.Or
            out = nodes[0]
            for n in nodes[1:]:
                out = cls(out, n)
            return out
        if op == "not":
            return ast.Not(parse_json(args[0]))
        if op in _CMP:
            return _CMP[op](_value(args[0]), _value(args[1]))
        if op == "like":
            return ast.Like(_value(args[0]), _value(args[1]), nocase=False, wildcard="%", singlechar="_",
                            escapechar="\\", not_=False)
        if op == "between":
            lo, hi = (args[1], args[2]) if len(args) == 3 else tuple(args[1])
            return ast.Between(_value(args[0]), _value(lo), _value(hi), False)
        if op == "in":
            return ast.In(_value(args[0]), [_value(x) for x in args[1]], False)
        if op == "isnull":
            return ast.IsNull(_value(args[0]), False)
        if op in _SPATIAL:
            return _SPATIAL[op](_value(args[0]), _value(args[1]))
        if op.startswith("t_"):
            return _temporal_json(op, _value(args[0]), _value(args[1]))
        if op in ("casei", "accenti", "lower", "upper"):
            if len(args) != 1:
                raise FilterError(f"'{op}' takes one argument", field="filter", value=json.dumps(doc)[:200])
            return ast.Function(op, [_value(args[0])])
        if op in _ARITH:
            if len(args) != 2:
                raise FilterError(f"'{op}' takes two arguments", field="filter", value=json.dumps(doc)[:200])
            a, b = _value(args[0]), _value(args[1])
            cls = _ARITH[op]
            return cls(a, b) if not isinstance(cls, str) else ast.Function(cls, [a, b])
    except (IndexError, TypeError, ValueError) as exc:
        if isinstance(exc, FilterError):
            raise
        raise FilterError(f"wrong arguments for '{op}'", field="filter", value=json.dumps(doc)[:200]) from None
    raise FilterError(f"operator '{op}' is not supported", field="filter", value=op)


def _temporal_json(op: str, lhs: Any, rhs: Any) -> ast.Node:
    if isinstance(rhs, values.Interval):
        lo, hi = rhs.start, rhs.end
        if op == "t_before":
            return ast.TimeBefore(lhs, lo)
        if op == "t_after":
            return ast.TimeAfter(lhs, hi)
        if op in ("t_during", "t_intersects", "t_disjoint"):
            strict = op == "t_during"
            conds: list[ast.Node] = []
            if lo is not None:
                conds.append(ast.TimeAfter(lhs, lo) if strict else ast.Not(ast.TimeBefore(lhs, lo)))
            if hi is not None:
                conds.append(ast.TimeBefore(lhs, hi) if strict else ast.Not(ast.TimeAfter(lhs, hi)))
            node: ast.Node = ast.IsNull(lhs, True) if not conds else conds[0]
            for c in conds[1:]:
                node = ast.And(node, c)
            return ast.Not(node) if op == "t_disjoint" else node
    else:
        simple = {"t_after": ast.TimeAfter, "t_before": ast.TimeBefore, "t_equals": ast.TimeEquals,
                  "t_intersects": ast.TimeEquals}
        if op in simple:
            return simple[op](lhs, rhs)
        if op == "t_disjoint":
            return ast.Not(ast.TimeEquals(lhs, rhs))
    raise FilterError(f"temporal operator '{op}' is not supported here", field="filter", value=op)
