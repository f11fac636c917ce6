"""INSPIRE localIds from source keys.

INSPIRE (GCM D2.5, base:Identifier) allows only ``A-Z a-z 0-9 _ . -`` in a ``localId``. A source key with
any other character (a space, brackets, an umlaut, ``/``) is encoded deterministically: each such character
becomes ``_`` + its Unicode code point in lower-case hex + ``_`` (``"Baum 12 (alt)"`` →
``"Baum_20_12_20__28_alt_29_"``), the scheme ``gml:id`` uses too. A key of allowed characters only stays as
it is, so existing identifiers never change. The source key itself stays unchanged in the source view
(``key``); the ETL rejects a record whose encoded localId equals another record's (``checks.check_keys``).
"""
from __future__ import annotations

import re

import pandas as pd

_FORBIDDEN = re.compile(r"[^A-Za-z0-9_.\-]")


def local_id(key: str) -> str:
    """The INSPIRE localId of a source key (unchanged when it has only allowed characters)."""
    return _FORBIDDEN.sub(lambda m: f"_{ord(m.group(0)):x}_", key)


def local_ids(keys: pd.Series) -> pd.Series:
    """``local_id`` of a column of keys; the column is returned as is when no key needs encoding (the
    common case, no per-row Python work on a million trees)."""
    s = keys.astype(str)
    bad = s.str.contains(_FORBIDDEN, regex=True)
    if not bad.any():
        return s
    out = s.copy()
    out[bad] = [local_id(k) for k in s[bad]]
    return out
