"""Run report: every record accounted for (published / repaired / rejected, flagged notes), as JSON
for machines and HTML for people."""
from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import geopandas as gpd

from .checks import status_of

MAX_LISTED = 20_000  # per-record entries kept in the report; counts are always complete


class Ledger:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()
        self.records: list[dict[str, Any]] = []
        self.sources: list[dict[str, Any]] = []

    def add(self, gdf: gpd.GeoDataFrame, key_col: str = "key") -> list[str]:
        statuses = [status_of(n) for n in gdf["_issues"]]
        self.counts["read"] += len(gdf)
        keys = gdf[key_col] if key_col in gdf else [""] * len(gdf)
        for st, notes, row, key, f in zip(statuses, gdf["_issues"], gdf["_row"], keys, gdf["_file"], strict=True):
            self.counts[st] += 1
            if any(n.startswith("flagged:") for n in notes):
                self.counts["flagged"] += 1
            if notes:
                for n in notes:
                    self.reasons[_reason_class(n)] += 1
                if len(self.records) < MAX_LISTED:
                    self.records.append({"file": f, "record": row, "key": key, "status": st, "notes": list(notes)})
        return statuses

    def summary(self) -> dict[str, int]:
        c = self.counts
        return {"read": c["read"], "published": c["published"] + c["repaired"], "repaired": c["repaired"],
                "rejected": c["rejected"], "flagged": c["flagged"]}


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|-?\d[\d.,]*")


def _reason_class(note: str) -> str:
    """Group notes by kind: values and numbers are blanked, so 145 WKT repairs are one reason."""
    return _QUOTED.sub("…", note)[:140]


def write_report(path_json: Path, path_html: Path, report: dict[str, Any]) -> None:
    path_json.write_text(json.dumps(report, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    path_html.write_text(render_html(report), encoding="utf-8")


def render_html(r: dict[str, Any]) -> str:
    e = html.escape
    s = r.get("summary", {})
    rows = "".join(
        f"<tr class='{e(x['status'])}'><td>{e(str(x['file']))}</td><td>{e(str(x['record']))}</td>"
        f"<td>{e(str(x['key']))}</td><td>{e(x['status'])}</td><td>{'<br>'.join(e(n) for n in x['notes'])}</td></tr>"
        for x in r.get("records", []))
    extra = "".join(f"<h3>{e(k)}</h3><pre>{e(json.dumps(v, indent=1, ensure_ascii=False, default=str))}</pre>"
                    for k, v in (r.get("mapper") or {}).items())
    val = r.get("validation", {})
    return f"""<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>Prüfbericht {e(r.get('dataset', ''))} {e(r.get('version', ''))}</title>
<style>body{{font-family:sans-serif;margin:1.5rem;color:#1a1a1a}}table{{border-collapse:collapse}}
td,th{{border:1px solid #999;padding:.25rem .5rem;vertical-align:top;text-align:left}}
tr.rejected td{{background:#fde2e2}}tr.repaired td{{background:#fff4d6}}</style></head><body>
<h1>Prüfbericht / validation report: {e(r.get('dataset', ''))}</h1>
<p>Version {e(str(r.get('version', '')))}, status <strong>{e(str(r.get('status', '')))}</strong>
{('— ' + e(str(r.get('error')))) if r.get('error') else ''}</p>
<table><tr><th>gelesen / read</th><th>veröffentlicht / published</th><th>repariert / repaired</th>
<th>abgewiesen / rejected</th><th>markiert / flagged</th></tr>
<tr><td>{s.get('read', 0)}</td><td>{s.get('published', 0)}</td><td>{s.get('repaired', 0)}</td>
<td>{s.get('rejected', 0)}</td><td>{s.get('flagged', 0)}</td></tr></table>
<h2>Schema-Validierung</h2><p>GML: {e(str(val.get('gml', 'not run')))}</p>
<h2>Datensätze mit Hinweisen / records with notes</h2>
<table><tr><th>Datei</th><th>Datensatz</th><th>Schlüssel</th><th>Ergebnis</th><th>Hinweise</th></tr>{rows}</table>
{extra}</body></html>"""
