"""Build a pycsw repository (SQLite) from a folder of ISO 19139 records (executed by the pycsw venv's
python; imports nothing from the project).

    .venv-pycsw/bin/python services/csw/_load.py --db /path/new.db --dir var/metadata

Prints a JSON summary; exits 1 if any record in the folder did not load (pycsw's own loader only logs).
"""
import argparse
import glob
import json
import logging
import os
import sys
import warnings

warnings.filterwarnings("ignore", category=FutureWarning)  # OWSLib/shapely deprecation noise


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--table", default="records")
    ap.add_argument("--recursive", action="store_true", help="include sub-folders (staff: restricted/)")
    args = ap.parse_args()
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    from pycsw.core import admin
    from pycsw.core.config import StaticContext

    if os.path.exists(args.db):
        os.remove(args.db)
    database = f"sqlite:///{os.path.abspath(args.db)}"
    admin.setup_db(database, args.table, os.path.dirname(os.path.abspath(args.db)))
    pattern = os.path.join(args.dir, "**", "*.xml") if args.recursive else os.path.join(args.dir, "*.xml")
    files = sorted(glob.glob(pattern, recursive=args.recursive))
    loaded = admin.load_records(StaticContext(), database, args.table, args.dir,
                                recursive=args.recursive) if files else ()
    missing = sorted(set(files) - set(loaded))
    print(json.dumps({"files": len(files), "loaded": len(loaded), "failed": missing}))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
