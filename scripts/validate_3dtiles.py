"""Run CesiumGS' 3d-tiles-validator over every tileset of an installation and summarise its reports.

The validator is not published on the npm registry this project installs from (``npm view 3d-tiles-validator``
answers 404), so it is not part of ``make setup`` or CI: build it from its source (Apache-2.0,
https://github.com/CesiumGS/3d-tiles-validator) where the source can be had, then point this script at it::

    git clone https://github.com/CesiumGS/3d-tiles-validator /opt/3d-tiles-validator && cd /opt/3d-tiles-validator
    npm install && npx tsc          # 0.6.1 needs "3d-tiles-tools": "0.5.4" and an override "sharp": "0.33.5"
    .venv/bin/python scripts/validate_3dtiles.py --validator /opt/3d-tiles-validator/build/main.js var/3dtiles

Each ``tileset.json`` under the folder (buildings, planned variants, point clouds) is validated with
``--writeReports`` (the report lies beside it as ``tileset.report.json``); the script prints errors, warnings
and infos per tileset with the first messages, and exits 1 when any tileset has an error.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any


def leaves(issues: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The innermost causes of the report's issues (what the validator actually found)."""
    out = []
    for i in issues:
        causes = i.get("causes") or []
        out.extend(leaves(causes) if causes else [i])
    return out


def validate(validator: Path, tileset: Path, timeout: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    r = subprocess.run(["node", str(validator), "--tilesetFile", str(tileset), "--writeReports"],
                       capture_output=True, text=True, timeout=timeout)
    report_path = tileset.with_name(tileset.stem + ".report.json")
    if not report_path.is_file():
        return {"tileset": str(tileset), "failed": (r.stderr or r.stdout)[-1000:], "seconds": time.perf_counter() - t0}
    report = json.loads(report_path.read_text(encoding="utf-8"))
    found = leaves(report.get("issues", []))
    kinds = Counter((i["severity"], i["message"].split(":")[0]) for i in found)
    return {"tileset": str(tileset), "errors": report.get("numErrors", 0), "warnings": report.get("numWarnings", 0),
            "infos": report.get("numInfos", 0), "kinds": [[s, m, n] for (s, m), n in kinds.most_common(6)],
            "seconds": round(time.perf_counter() - t0, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--validator", type=Path, required=True, help="the validator's build/main.js")
    ap.add_argument("--timeout", type=int, default=3600, help="seconds per tileset")
    ap.add_argument("--json", type=Path, help="write the summary here as well")
    ap.add_argument("folder", type=Path, help="e.g. var/3dtiles")
    args = ap.parse_args()
    results = [validate(args.validator, t, args.timeout) for t in sorted(args.folder.rglob("tileset.json"))]
    for r in results:
        head = ("FAILED TO RUN" if "failed" in r
                else f"{r['errors']} errors, {r['warnings']} warnings, {r['infos']} infos")
        print(f"{r['tileset']}: {head} ({r['seconds']} s)")
        for severity, message, n in r.get("kinds", []):
            print(f"    {n} x {severity}: {message}")
        if "failed" in r:
            print("    " + r["failed"].replace("\n", "\n    "))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 1 if any("failed" in r or r["errors"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
