"""Fault injection into the publication of a real ETL run (issue 14): two concurrent runs of one dataset, a
run killed between writing its files and switching ``current``, a full disk (a file size limit, RLIMIT_FSIZE, in
the run's process), and the order of fsync and rename(2) seen by strace. Every run is the real pipeline in
its own process; the previous publication must stay current and intact in every case."""
from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SCHEMAS

DS = "spielplatzkataster"

RUN = """
import sys
from core.config import load_dataset, load_settings
from transforms.pipeline import run_dataset
from core.errors import GdiError
settings = load_settings()
ds = load_dataset(settings.datasets_dir / sys.argv[1] / "dataset.yml")
try:
    res = run_dataset(ds, settings)
except GdiError as exc:
    print("FAILED:", exc, flush=True)
    sys.exit(3)
print("PUBLISHED", res.version, flush=True)
"""

# kill the run (SIGKILL, no clean-up) when it is about to rename its staging folder into place
KILL_BEFORE_SWITCH = """
import os, signal
_replace = os.replace
def replace(src, dst, *a, **kw):
    if os.path.basename(str(src)).startswith(".staging-"):
        os.kill(os.getpid(), signal.SIGKILL)
    return _replace(src, dst, *a, **kw)
os.replace = replace
""" + RUN


def _env(var: Path) -> dict[str, str]:
    return {**os.environ, "GDI_VAR": str(var), "GDI_SCHEMAS": str(SCHEMAS), "GDI_STORE": "gpkg",
            "PYTHONPATH": str(ROOT)}


def _run(var: Path, code: str = RUN, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, DS], env=_env(var), cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False, **kw)


def _snapshot(var: Path) -> tuple[str, dict[str, str]]:
    cur = (var / "publish" / DS / "current").resolve()
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(cur.iterdir()) if p.is_file()}
    return cur.name, files


def _staging(var: Path) -> list[str]:
    return sorted(p.name for p in (var / "publish" / DS).iterdir() if p.name.startswith(".staging-"))


@pytest.fixture
def published(tmp_path: Path) -> Path:
    var = tmp_path / "var"
    r = _run(var)
    assert r.returncode == 0 and "PUBLISHED" in r.stdout, r.stdout + r.stderr
    return var


def test_two_concurrent_runs_take_turns(tmp_path: Path) -> None:
    """Two runs of one dataset started together: the second waits for the first (the per-dataset lock); both
    publish, none loses its staging folder to the other."""
    var = tmp_path / "var"
    procs = [subprocess.Popen([sys.executable, "-c", RUN, DS], env=_env(var), cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0 and "PUBLISHED" in out, out + err
        assert "FileNotFoundError" not in err
    versions = sorted(o.split()[-1] for o, _ in outs)
    hist = json.loads((var / "publish" / DS / "history.json").read_text())
    assert [h["version"] for h in hist] == versions
    assert _snapshot(var)[0] == versions[-1]
    assert _staging(var) == []


def test_kill_between_writing_and_switching_keeps_the_previous_version(published: Path) -> None:
    before = _snapshot(published)
    r = _run(published, KILL_BEFORE_SWITCH)
    assert r.returncode == -signal.SIGKILL, r.stdout + r.stderr
    assert _snapshot(published) == before           # current untouched, byte for byte
    assert len(_staging(published)) == 1             # the killed run's files, never switched
    r = _run(published)                              # the next run cleans up and publishes
    assert r.returncode == 0, r.stdout + r.stderr
    assert _staging(published) == []
    assert _snapshot(published)[0] != before[0]


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write over the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_full_disk_fails_cleanly_and_keeps_the_previous_version(published: Path) -> None:
    before = _snapshot(published)
    biggest = max((published / "publish" / DS / "current").resolve().iterdir(), key=lambda p: p.stat().st_size)
    limit = biggest.stat().st_size // 2   # a disk that fills while the biggest file is written
    r = _run(published, preexec_fn=_limit_file_size(limit))
    assert r.returncode == 3, r.stdout + r.stderr   # a GdiError with a message, not a traceback
    assert "PUBLISHED" not in r.stdout and "Traceback" not in r.stderr
    msg = r.stdout
    assert "FAILED:" in msg and ".staging-" in msg and "free space there" in msg, msg
    assert "previous publication stays current" in msg, msg
    assert _snapshot(published) == before   # the previous version stays current, byte for byte
    assert _staging(published) == []       # the half-written staging folder is gone
    failed = sorted((published / "reports").glob(f"{DS}-*-failed.json"))
    assert failed, "the failed run wrote no report"


def test_files_and_folders_are_fsynced_before_current_switches(published: Path, tmp_path: Path) -> None:
    assert shutil.which("strace"), "strace is missing (scripts/setup.sh installs it)"
    log = tmp_path / "strace.log"
    r = subprocess.run(["strace", "-f", "-qq", "-e", "trace=fsync,fdatasync,rename,renameat,renameat2,openat",
                        "-o", str(log), sys.executable, "-c", RUN, DS], env=_env(published), cwd=ROOT,
                       capture_output=True, text=True, timeout=600, check=False)
    assert r.returncode == 0, r.stdout + r.stderr
    lines = log.read_text().splitlines()
    fd_path: dict[str, str] = {}
    events: list[tuple[str, str]] = []
    for line in lines:
        m = re.search(r'openat\(AT_FDCWD, "([^"]+)".*= (\d+)$', line)
        if m:
            fd_path[m.group(2)] = m.group(1)
            continue
        m = re.search(r"\bfsync\((\d+)", line)
        if m:
            events.append(("fsync", fd_path.get(m.group(1), "?")))
            continue
        m = re.search(r'rename\w*\((?:AT_FDCWD, )?"([^"]+)", (?:AT_FDCWD, )?"([^"]+)"', line)
        if m:
            events.append(("rename", f"{m.group(1)} -> {m.group(2)}"))
    switch = next(i for i, (k, v) in enumerate(events) if k == "rename" and "/.staging-" in v.split(" -> ")[0])
    current = next(i for i, (k, v) in enumerate(events) if k == "rename" and v.endswith(f"{DS}/current"))
    staging = events[switch][1].split(" -> ")[0]
    synced = {v for k, v in events[:switch] if k == "fsync"}
    staged_files = {str(p) for p in Path(events[switch][1].split(" -> ")[1]).iterdir()}
    for f in staged_files:  # every file of the new version, under its staging name, before the rename
        assert f.replace(events[switch][1].split(" -> ")[1], staging) in synced, f
    assert staging in synced                                               # the folder itself
    assert ("fsync", str(published / "publish" / DS)) in events[switch:current]   # the rename reached the disk
    assert ("fsync", str(published / "publish" / DS)) in events[current:]         # and so did the new link
