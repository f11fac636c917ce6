"""A LoD2 CityGML tile of any size with the structure of a real one: the buildings of a real sample file
(``tests/data/lod2``) copied on a grid, every copy with its own gml:ids and moved in x, y and z.

Real LoD2 tiles of a state survey (LGLN: 1 km, about 50 MB) cannot be committed; the benchmark
(``benchmarks/bench_lod2.py``) and the tests build one of the wanted size from the sample instead. The copies
keep the AdV structure byte for byte (attributes, thematic surfaces, polygon ids); only ids and coordinates
change. Deterministic: the same arguments give the same file.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np

_MEMBER = re.compile(r"<(?P<p>(?:core:)?)cityObjectMember>.*?</(?P=p)cityObjectMember>", re.S)
_POS = re.compile(r"(<gml:(?:posList|pos)\b[^>]*>)([^<]*)(</gml:(?:posList|pos)>)")
_ID = re.compile(r'gml:id="([^"]+)"')


def _shift(text: str, dx: float, dy: float, dz: float) -> str:
    def one(m: re.Match) -> str:
        v = np.array(m.group(2).split(), dtype=float).reshape(-1, 3)
        v += (dx, dy, dz)
        return m.group(1) + " ".join(f"{x:.3f} {y:.3f} {z:.3f}" for x, y, z in v) + m.group(3)
    return _POS.sub(one, text)


def replicate(sample: Path, out: Path, *, copies: int | None = None, target_bytes: int | None = None,
              origin: tuple[float, float] | None = None, spacing: float = 200.0, dz: float = 0.0,
              z_step: float = 0.5) -> int:
    """Write ``out`` with ``copies`` (or as many as make ``target_bytes``) copies of the sample's buildings on a
    square grid of ``spacing`` metres starting at ``origin`` (default: the sample's own place); copy k is
    raised by ``dz + (k % 7) * z_step`` m (terrain varies). Returns the number of buildings written."""
    text = Path(sample).read_text(encoding="utf-8")
    members = [m.group(0) for m in _MEMBER.finditer(text)]
    if not members:
        raise ValueError(f"{sample}: no cityObjectMember")
    head = text[:_MEMBER.search(text).start()]  # type: ignore[union-attr]
    tail = text[text.rfind("</"):]
    block = "\n".join(members)
    first = np.array(_POS.search(block).group(2).split()[:2], dtype=float)  # type: ignore[union-attr]
    ox, oy = origin if origin is not None else (float(first[0]), float(first[1]))
    if copies is None:
        copies = max(1, int((target_bytes or len(block)) // len(block)))
    side = int(np.ceil(np.sqrt(copies)))
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(head)
        for k in range(copies):
            i, j = k % side, k // side
            moved = _shift(block, ox + i * spacing - first[0], oy + j * spacing - first[1], dz + (k % 7) * z_step)
            fh.write(_ID.sub(f'gml:id="\\1_c{k}"', moved))
            fh.write("\n")
            n += len(members)
        fh.write(tail)
    return n
