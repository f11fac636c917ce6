"""Build a pycsw repository from a folder of ISO 19139 records (executed by the pycsw venv's python; imports
nothing from the project).

    .venv-pycsw/bin/python services/csw/_load.py --db /path/new.db --dir var/metadata
    GDI_CSW_DATABASE=postgresql://… .venv-pycsw/bin/python services/csw/_load.py \
        --pg-schema gdi_csw --table gdi_csw_records --dir var/metadata

SQLite: a new file (the caller renames it over the live one). PostgreSQL (the URL comes from the environment,
not the command line, which other users can read): the records are loaded into the schema ``<schema>_load``
and, only if every record loaded, that schema replaces ``<schema>`` in one transaction (the old one is dropped),
so a running pycsw serves the old or the new catalogue, never a half-loaded one. Loads of the same schema are
serialised with an advisory lock.

Prints a JSON summary; exits 1 if any record in the folder did not load (pycsw's own loader only logs).
"""
import argparse
import glob
import json
import logging
import os
import sys
import warnings
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

warnings.filterwarnings("ignore", category=FutureWarning)  # OWSLib/shapely deprecation noise

SWAP_LOCK_TIMEOUT = "30s"  # a pycsw request holding the old table delays the swap at most this long


def record_files(folder, recursive):
    pattern = os.path.join(folder, "**", "*.xml") if recursive else os.path.join(folder, "*.xml")
    return sorted(glob.glob(pattern, recursive=recursive))


def load(database, table, folder, recursive):
    """pycsw's loader into an existing repository; returns the files that did not load."""
    from pycsw.core import admin
    from pycsw.core.config import StaticContext
    files = record_files(folder, recursive)
    loaded = admin.load_records(StaticContext(), database, table, folder, recursive=recursive) if files else ()
    return files, sorted(set(files) - set(loaded))


def load_sqlite(args):
    from pycsw.core import admin
    if os.path.exists(args.db):
        os.remove(args.db)
    database = f"sqlite:///{os.path.abspath(args.db)}"
    admin.setup_db(database, args.table, os.path.dirname(os.path.abspath(args.db)))
    files, missing = load(database, args.table, args.dir, args.recursive)
    return {"files": len(files), "loaded": len(files) - len(missing), "failed": missing}


def with_search_path(url, schemas):
    """``url`` whose connections resolve unqualified names in ``schemas`` first (libpq ``options``): pycsw's
    setup_db creates its table, indexes, trigger function and PostGIS column with unqualified names."""
    u = urlsplit(url)
    query = parse_qsl(u.query, keep_blank_values=True)
    opts = " ".join([v for k, v in query if k == "options"] + [f"-csearch_path={','.join(schemas)}"])
    query = [(k, v) for k, v in query if k != "options"] + [("options", opts)]
    return urlunsplit((u.scheme, u.netloc, u.path, urlencode(query), u.fragment))


def ident(name):
    return '"' + name.replace('"', '""') + '"'


def load_postgres(args):
    import psycopg2
    from pycsw.core import admin

    url = os.environ.get("GDI_CSW_DATABASE")
    if not url:
        raise SystemExit("GDI_CSW_DATABASE (the PostgreSQL URL) is not set")
    live, staging, table = args.pg_schema, f"{args.pg_schema}_load", args.table
    conn = psycopg2.connect(url)
    conn.autocommit = True
    try:
        cur = conn.cursor()
        cur.execute("SELECT pg_advisory_lock(hashtext(%s))", (f"gdi-csw-load {live}",))
        cur.execute("SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'postgis'")
        row = cur.fetchone()
        if row is None:
            raise SystemExit("pycsw's PostgreSQL repository needs the PostGIS extension in the store's database "
                             "(CREATE EXTENSION postgis, as the PostGIS store does)")
        postgis_schema = row[0]
        cur.execute(f"DROP SCHEMA IF EXISTS {ident(staging)} CASCADE")  # left by a killed load
        cur.execute(f"CREATE SCHEMA {ident(staging)}")
        database = with_search_path(url, [staging, postgis_schema])
        try:
            admin.setup_db(database, table, os.getcwd(), create_plpythonu_functions=False)
            # pycsw adds a full-text index for PostgreSQL and then answers csw:AnyText with plainto_tsquery
            # ('english', whole words: "Baum" no longer finds "Baumkataster"); without it AnyText is an
            # ILIKE '%…%' as with SQLite, so the catalogue answers the same with either store
            qualified = f"{ident(staging)}.{ident(table)}"
            cur.execute(f"DROP TRIGGER IF EXISTS ftsupdate ON {qualified}")
            cur.execute(f"DROP INDEX IF EXISTS {ident(staging)}.fts_gin_idx")
            cur.execute(f"ALTER TABLE {qualified} DROP COLUMN IF EXISTS anytext_tsvector")
            files, missing = load(database, table, args.dir, args.recursive)
            if missing:
                cur.execute(f"DROP SCHEMA {ident(staging)} CASCADE")
                return {"files": len(files), "loaded": len(files) - len(missing), "failed": missing}
            conn.autocommit = False
            cur.execute("SET LOCAL lock_timeout = %s", (SWAP_LOCK_TIMEOUT,))
            cur.execute(f"DROP SCHEMA IF EXISTS {ident(live)} CASCADE")
            cur.execute(f"ALTER SCHEMA {ident(staging)} RENAME TO {ident(live)}")
            conn.commit()
            conn.autocommit = True
        except BaseException:
            if not conn.autocommit:
                conn.rollback()
                conn.autocommit = True
            cur.execute(f"DROP SCHEMA IF EXISTS {ident(staging)} CASCADE")
            raise
        cur.execute(f"SELECT count(*) FROM {ident(live)}.{ident(table)}")
        rows = cur.fetchone()[0]
        return {"files": len(files), "loaded": len(files), "failed": [], "rows": rows,
                "schema": live, "table": table}
    finally:
        conn.close()  # ends the session: the advisory lock goes with it


def main() -> int:
    ap = argparse.ArgumentParser()
    target = ap.add_mutually_exclusive_group(required=True)
    target.add_argument("--db", help="SQLite: the new repository file")
    target.add_argument("--pg-schema", help="PostgreSQL ($GDI_CSW_DATABASE): the schema of the repository")
    ap.add_argument("--dir", required=True)
    ap.add_argument("--table", default="records")
    ap.add_argument("--recursive", action="store_true", help="include sub-folders (staff: restricted/)")
    args = ap.parse_args()
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    summary = load_postgres(args) if args.pg_schema else load_sqlite(args)
    print(json.dumps(summary))
    return 1 if summary["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
