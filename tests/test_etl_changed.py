"""Scheduled updates (issue 19, item 2): ``gdi etl --changed`` publishes only datasets whose ``dataset.yml``
or source files changed since their current publication (SHA-256 recorded in the manifest), then runs the
post-publish steps; a failed run notifies a webhook (a local ``http.server``) and a mailbox (a minimal SMTP
server of our own on 127.0.0.1). Real ``gdi etl`` processes on copies of two bundled datasets."""
from __future__ import annotations

import email
import email.policy
import hashlib
import json
import os
import shutil
import socketserver
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from core import changes
from core.changes import source_hashes, why_run
from core.config import Settings, load_dataset, load_settings
from core.notify import notify_failure
from tests.conftest import GDI, ROOT, SCHEMAS, free_port


# ------------------------------------------------------------------------------------------ receivers
class _Hook(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.server.received.append((self.headers.get("Content-Type"), json.loads(body)))  # type: ignore[attr-defined]
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


class _Smtp(socketserver.StreamRequestHandler):
    """Just enough ESMTP for smtplib (EHLO, MAIL, RCPT, DATA, QUIT): every message is kept."""

    def handle(self) -> None:
        def say(line: str) -> None:
            self.wfile.write(line.encode() + b"\r\n")
        say("220 sink.test ESMTP")
        env: dict[str, Any] = {"rcpt": []}
        while line := self.rfile.readline():
            cmd = line.decode("ascii", "replace").strip()
            verb = cmd.split(" ", 1)[0].upper()
            if verb == "EHLO":
                say("250-sink.test")
                say("250 8BITMIME")
            elif verb == "HELO" or verb in ("NOOP", "RSET"):
                say("250 OK")
            elif verb == "MAIL":
                env["from"] = cmd.split(":", 1)[1].strip()
                say("250 OK")
            elif verb == "RCPT":
                env["rcpt"].append(cmd.split(":", 1)[1].strip())
                say("250 OK")
            elif verb == "DATA":
                say("354 end with .")
                data = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
                    data.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                self.server.received.append((env, b"".join(data)))  # type: ignore[attr-defined]
                env = {"rcpt": []}
                say("250 queued")
            elif verb == "QUIT":
                say("221 bye")
                return
            else:
                say("502 not implemented")


@pytest.fixture
def receivers() -> Iterator[tuple[Any, Any]]:
    hook = ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    smtp = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Smtp)
    hook.received, smtp.received = [], []  # type: ignore[attr-defined]
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in (hook, smtp)]
    for t in threads:
        t.start()
    yield hook, smtp
    for s in (hook, smtp):
        s.shutdown()
        s.server_close()


def _notify_yml(hook: Any, smtp: Any) -> str:
    return yaml.safe_dump({"notify": {
        "webhook": f"http://127.0.0.1:{hook.server_address[1]}/hooks/gdi?token=s3cret",
        "mail": {"host": "127.0.0.1", "port": smtp.server_address[1], "from": "gdi@hildesheim.test",
                 "to": ["geodaten@hildesheim.test", "bereitschaft@hildesheim.test"]}}})


# ------------------------------------------------------------------------------------------ hashing
def _dataset(tmp: Path, sources: list[str]) -> Path:
    raw = yaml.safe_load((ROOT / "datasets" / "spielplatzkataster" / "dataset.yml").read_text())
    raw["sources"] = [{**raw["sources"][0], "path": s} for s in sources]
    (tmp / "dataset.yml").write_text(yaml.safe_dump(raw, allow_unicode=True))
    return tmp / "dataset.yml"


def test_source_hashes_cover_shapefile_sidecars_folders_and_missing_files(tmp_path: Path) -> None:
    for name in ("a.shp", "a.dbf", "a.shx", "a.prj", "b.dbf"):
        (tmp_path / name).write_bytes(name.encode())
    (tmp_path / "tiles" / "x").mkdir(parents=True)
    (tmp_path / "tiles" / "x" / "1.gml").write_bytes(b"<gml/>")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.csv"
    outside.write_text("x")
    ds = load_dataset(_dataset(tmp_path, ["a.shp", "tiles", "gone.csv", str(outside)]))
    h = source_hashes(ds)
    assert set(h) == {"dataset.yml", "a.shp", "a.dbf", "a.shx", "a.prj", "tiles/x/1.gml", "gone.csv", str(outside)}
    assert h["a.dbf"] == hashlib.sha256(b"a.dbf").hexdigest()
    assert h["dataset.yml"] == hashlib.sha256((tmp_path / "dataset.yml").read_bytes()).hexdigest()
    assert h["gone.csv"] is None  # the reader reports a missing file; hashing never fails the run


@pytest.mark.parametrize("change, expected", [
    (None, None),
    ("no manifest", "not published yet"),
    ("no hashes", "records no source hashes"),
    ("damaged", "damaged (trees.gpkg: 5 bytes)"),
    ("sidecar", "a.dbf (modified)"),
    ("dataset.yml", "dataset.yml (modified)"),
    ("removed", "a.prj (missing)"),
    ("added", "a.cpg (new)"),
])
def test_why_run(tmp_path: Path, change: str | None, expected: str | None) -> None:
    for name in ("a.shp", "a.dbf", "a.prj"):
        (tmp_path / name).write_text(name)
    yml = _dataset(tmp_path, ["a.shp"])
    manifest: dict[str, Any] | None = {"version": "v1", "source_hashes": source_hashes(load_dataset(yml))}
    damaged = None
    if change == "no manifest":
        manifest = None
    elif change == "no hashes":
        manifest = {"version": "v1"}
    elif change == "damaged":
        damaged = "trees.gpkg: 5 bytes"
    elif change == "sidecar":
        (tmp_path / "a.dbf").write_text("other attributes")
    elif change == "dataset.yml":
        yml.write_text(yml.read_text().replace("Spielplatz", "Spielplätze", 1))
    elif change == "removed":
        (tmp_path / "a.prj").unlink()
    elif change == "added":
        (tmp_path / "a.cpg").write_text("UTF-8")
    reason = why_run(load_dataset(yml), manifest, damaged)
    if expected is None:
        assert reason is None
    else:
        assert reason is not None and expected in reason, reason


def test_digests_are_cached_until_a_file_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second start reads no unchanged file (the digest cache in the var dir); a touched file, one with
    another size, and one rewritten with its old size and mtime restored are read again."""
    reads: list[str] = []
    real = changes.sha256_file

    def counting(path: Path) -> str:
        reads.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(changes, "sha256_file", counting)
    for name in ("a.shp", "a.dbf", "a.prj"):
        (tmp_path / name).write_text(name)
    yml = _dataset(tmp_path, ["a.shp"])
    old = time.time() - 3600  # exported an hour ago (a file written just now is not cached, see RACY_NS)
    for f in (yml, tmp_path / "a.shp", tmp_path / "a.dbf", tmp_path / "a.prj"):
        os.utime(f, (old, old))
    settings = Settings(var_dir=tmp_path / "var")
    ds = load_dataset(yml)

    first = source_hashes(ds, settings)
    assert sorted(reads) == ["a.dbf", "a.prj", "a.shp", "dataset.yml"]
    assert (tmp_path / "var" / changes.CACHE_FILE).is_file()
    assert first == source_hashes(ds)  # the same digests as without the cache
    reads.clear()
    assert source_hashes(ds, settings) == first and reads == []  # nothing read again
    assert why_run(ds, {"version": "v1", "source_hashes": first}, settings=settings) is None and reads == []

    os.utime(tmp_path / "a.dbf")  # touched: same content, read again
    assert source_hashes(ds, settings) == first and reads == ["a.dbf"]
    reads.clear()
    (tmp_path / "a.prj").write_text("a longer a.prj")  # another size
    assert source_hashes(ds, settings)["a.prj"] == hashlib.sha256(b"a longer a.prj").hexdigest()
    assert reads == ["a.dbf", "a.prj"]  # a.dbf: modified too recently to be cached
    reads.clear()
    (tmp_path / "a.shp").write_text("A.SHP")  # same size, mtime put back: its ctime tells
    os.utime(tmp_path / "a.shp", (old, old))
    reason = why_run(ds, {"version": "v1", "source_hashes": first}, settings=settings)
    assert reason is not None and "a.shp (modified)" in reason and "a.shp" in reads

    (tmp_path / "var" / changes.CACHE_FILE).write_text("{not json")  # a damaged cache: hashed again
    reads.clear()
    assert source_hashes(ds, settings)["a.shp"] == hashlib.sha256(b"A.SHP").hexdigest()
    assert sorted(reads) == ["a.dbf", "a.prj", "a.shp", "dataset.yml"]


# ------------------------------------------------------------------------------------------ notifications
def test_notify_posts_json_and_sends_mail(tmp_path: Path, receivers: tuple[Any, Any]) -> None:
    hook, smtp = receivers
    (tmp_path / "gdi.yml").write_text(_notify_yml(hook, smtp))
    settings = load_settings(tmp_path / "gdi.yml")
    report = tmp_path / "trees-v1-failed.json"
    report.write_text("{}")
    report.with_suffix(".html").write_text("<html></html>")
    problems = notify_failure(settings, {"trees": ("Baumkataster: Spalte 'Baumart' fehlt", report),
                                         "altlasten": ("invalid registry entry: field 'mapper'", None)},
                              command="gdi etl --changed")
    assert problems == []
    [(ctype, payload)] = hook.received
    assert ctype.startswith("application/json")
    assert payload["event"] == "gdi.etl.failed" and payload["command"] == "gdi etl --changed"
    assert payload["host"] and payload["time"].endswith("Z")
    assert [f["dataset"] for f in payload["failed"]] == ["trees", "altlasten"]
    assert payload["failed"][0] == {"dataset": "trees", "message": "Baumkataster: Spalte 'Baumart' fehlt",
                                    "report": str(report), "report_html": str(report.with_suffix(".html"))}
    assert payload["failed"][1]["report"] is None
    assert "Baumart" in payload["text"]
    [(env, raw)] = smtp.received
    assert env["from"] == "<gdi@hildesheim.test>"
    assert env["rcpt"] == ["<geodaten@hildesheim.test>", "<bereitschaft@hildesheim.test>"]
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert "2 dataset(s) failed" in msg["Subject"] and "trees, altlasten" in msg["Subject"]
    body = msg.get_body(preferencelist=("plain",))
    assert body is not None and "Spalte 'Baumart' fehlt" in body.get_content()
    attached = [p for p in msg.iter_attachments() if p.get_filename() == "gdi-etl-failure.json"]
    assert json.loads(attached[0].get_content())["failed"][0]["dataset"] == "trees"


def test_undeliverable_notifications_are_reported_not_raised(tmp_path: Path) -> None:
    dead = free_port()  # nothing listens there
    (tmp_path / "gdi.yml").write_text(yaml.safe_dump({"notify": {
        "webhook": f"http://127.0.0.1:{dead}/hook", "timeout": 2,
        "mail": {"host": "127.0.0.1", "port": dead, "from": "a@b.test", "to": ["c@d.test"], "timeout": 2}}}))
    problems = notify_failure(load_settings(tmp_path / "gdi.yml"), {"trees": ("boom", None)})
    assert len(problems) == 2
    assert problems[0].startswith(f"webhook http://127.0.0.1:{dead}/hook:")
    assert problems[1].startswith(f"mail via 127.0.0.1:{dead}:")


@pytest.mark.parametrize("notify, message", [
    ({"webhook": "ftp://x"}, "notify.webhook"),
    ({"mail": {"host": "smtp", "to": ["a@b"]}}, "notify.mail.from"),
    ({"mail": {"host": "smtp", "from": "a@b", "to": []}}, "notify.mail.to"),
    ({"mail": {"host": "smtp", "from": "a@b", "to": ["c@d"], "securty": "ssl"}}, "did you mean 'security'"),
])
def test_notify_settings_are_validated(tmp_path: Path, notify: dict[str, Any], message: str) -> None:
    from core.config import ConfigErrors
    (tmp_path / "gdi.yml").write_text(yaml.safe_dump({"notify": notify}))
    with pytest.raises(ConfigErrors) as exc:
        load_settings(tmp_path / "gdi.yml")
    assert message in str(exc.value)


# ------------------------------------------------------------------------------------------ the command
def _gdi_etl(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([GDI, "etl", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=900,
                          check=False)


def _current(var: Path, ds: str) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads((var / "publish" / ds / "current" / "manifest.json").read_text())
    return manifest


def test_etl_changed_publishes_only_changed_datasets_and_notifies_failures(
        tmp_path: Path, receivers: tuple[Any, Any]) -> None:
    hook, smtp = receivers
    dsdir, var = tmp_path / "datasets", tmp_path / "var"
    for name in ("spielplatzkataster", "altlasten"):
        shutil.copytree(ROOT / "datasets" / name, dsdir / name)
    (tmp_path / "gdi.yml").write_text(_notify_yml(hook, smtp))
    env = dict(os.environ, GDI_VAR=str(var), GDI_DATASETS=str(dsdir), GDI_SCHEMAS=str(SCHEMAS),
               GDI_SETTINGS=str(tmp_path / "gdi.yml"), GDI_PORT=str(free_port()))

    # 1. first publication records the hashes of dataset.yml and every source file
    r = _gdi_etl(env)
    assert r.returncode == 0, r.stderr[-3000:]
    first = {d: _current(var, d) for d in ("spielplatzkataster", "altlasten")}
    csv = dsdir / "spielplatzkataster" / "spielplaetze.csv"
    assert first["spielplatzkataster"]["source_hashes"] == {
        "dataset.yml": hashlib.sha256((dsdir / "spielplatzkataster" / "dataset.yml").read_bytes()).hexdigest(),
        "spielplaetze.csv": hashlib.sha256(csv.read_bytes()).hexdigest()}
    assert set(first["altlasten"]["source_hashes"]) == {
        "dataset.yml", "altlastenkataster_hildesheim.csv",
        "fnp_bad_liebenwerda_kennzeichnung_schadstoffbelastung.geojson"}

    # 2. nothing changed: nothing runs, nothing is regenerated, exit 0
    pygeoapi_cfg = var / "pygeoapi" / "pygeoapi-config.yml"
    before = pygeoapi_cfg.stat().st_mtime_ns
    r = _gdi_etl(env, "--changed")
    assert r.returncode == 0, r.stderr[-3000:]
    assert "spielplatzkataster: unchanged" in r.stdout and "altlasten: unchanged" in r.stdout
    assert {d: _current(var, d)["version"] for d in first} == {d: m["version"] for d, m in first.items()}
    assert pygeoapi_cfg.stat().st_mtime_ns == before
    assert hook.received == [] and smtp.received == []

    # 3. one source changed: only that dataset is published again, then the post-publish steps run
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    csv.write_text("".join(lines[:-1]), encoding="utf-8")  # the export lost its last playground
    r = _gdi_etl(env, "--changed")
    assert r.returncode == 0, r.stderr[-3000:]
    assert "spielplatzkataster: changed since version" in r.stdout and "spielplaetze.csv (modified)" in r.stdout
    second = {d: _current(var, d) for d in first}
    assert second["altlasten"]["version"] == first["altlasten"]["version"]
    assert second["spielplatzkataster"]["version"] != first["spielplatzkataster"]["version"]
    assert second["spielplatzkataster"]["counts"]["read"] == first["spielplatzkataster"]["counts"]["read"] - 1
    assert pygeoapi_cfg.stat().st_mtime_ns > before  # service configs regenerated
    assert hook.received == [] and smtp.received == []

    # 4. a changed source that fails: exit 1, the previous version stays, webhook and mail say what failed
    bad = dsdir / "altlasten" / "altlastenkataster_hildesheim.csv"
    bad.write_text(bad.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")  # header only
    r = _gdi_etl(env, "--changed")
    assert r.returncode == 1, r.stdout[-2000:] + r.stderr[-2000:]
    assert "spielplatzkataster: unchanged" in r.stdout
    assert _current(var, "altlasten")["version"] == first["altlasten"]["version"]
    assert "notification not delivered" not in r.stderr
    [(_, payload)] = hook.received
    assert [f["dataset"] for f in payload["failed"]] == ["altlasten"]
    failure = payload["failed"][0]
    assert "header but no data rows" in failure["message"] and "altlastenkataster_hildesheim.csv" in failure["message"]
    assert Path(failure["report"]).is_file() and failure["report"].endswith("-failed.json")
    assert json.loads(Path(failure["report"]).read_text())["status"] == "failed"
    assert payload["command"] == "gdi etl --changed"
    [(env_mail, raw)] = smtp.received
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert "altlasten" in msg["Subject"] and env_mail["rcpt"] == ["<geodaten@hildesheim.test>",
                                                                    "<bereitschaft@hildesheim.test>"]

    # 5. the failed dataset is still "changed" (its publication keeps the old hashes): the next run retries
    r = _gdi_etl(env, "--changed", "altlasten")
    assert r.returncode == 1 and "altlasten: changed since version" in r.stdout
    assert len(hook.received) == 2
