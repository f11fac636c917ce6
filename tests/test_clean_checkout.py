"""`make demo` leaves `git status` clean (issue 13): everything the demo generates (pygeoapi configs, mapfiles,
metadata, tiles, publications) goes under the var dir, which git ignores, never into the checkout.

The demo runs with the *default* var dir, exactly as ``make demo`` runs it (minus serving), but in a copy of
this working tree (its tracked files and its untracked, not ignored ones, with its ``.gitignore``) made into
a git repository of its own. So the check neither touches this checkout's ``var/`` nor depends on what else
is being edited here, and it behaves the same in CI's fresh clone and in a working copy with changes.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SCHEMAS, free_port

GIT = shutil.which("git")


def _git(cwd: Path, *args: str) -> str:
    assert GIT, "git not found: the clean-checkout check needs it"
    r = subprocess.run([GIT, "-c", "user.name=gdi-test", "-c", "user.email=gdi-test@example.invalid",
                        "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null", *args],
                       cwd=cwd, capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 0, f"git {' '.join(args)} failed in {cwd}:\n{r.stdout}\n{r.stderr}"
    return r.stdout


def copy_working_tree(dest: Path) -> int:
    """Copy what ``git status`` looks at (tracked files and untracked files that are not ignored, as they are
    now) into ``dest`` and commit it there; returns the number of files."""
    top = Path(_git(ROOT, "rev-parse", "--show-toplevel").strip()).resolve()
    assert top == ROOT.resolve(), f"{ROOT} is not the top of a git checkout (top: {top})"
    names = [n for n in _git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0") if n]
    n = 0
    for name in names:
        src, dst = ROOT / name, dest / name
        if not src.is_symlink() and not src.is_file():
            continue  # deleted in the working tree, not committed yet
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_symlink():
            os.symlink(os.readlink(src), dst)
        else:
            shutil.copy2(src, dst)
        n += 1
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "--no-verify", "-m", "working tree before the demo")
    return n


def demo_env(copy: Path) -> dict[str, str]:
    """The environment of ``make demo`` in ``copy``: its code first on the path, the default var dir."""
    env = {k: v for k, v in os.environ.items() if k not in ("GDI_VAR", "GDI_SETTINGS", "GDI_DATASETS", "PYTHONPATH")}
    env.update(PYTHONPATH=str(copy), GDI_PORT=str(free_port()), GDI_SCHEMAS=str(SCHEMAS),
               GDI_DEMO_BUILDINGS="200",  # a small city model: the paths are the same as with 100,000
               GDI_PYCSW_PYTHON=os.environ.get("GDI_PYCSW_PYTHON", str(ROOT / ".venv-pycsw" / "bin" / "python")))
    return env


def test_default_var_dir_keeps_the_ogc_config_out_of_the_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fast check of the one path that used to be written to the project root."""
    monkeypatch.delenv("GDI_VAR", raising=False)
    monkeypatch.delenv("GDI_SETTINGS", raising=False)
    from core.config import PROJECT_ROOT, load_settings
    from services.ogcapi.config import config_paths
    settings = load_settings()
    assert settings.var_dir.resolve() == (PROJECT_ROOT / "var").resolve()
    for kind, path in config_paths(settings).items():
        assert path.resolve().is_relative_to(settings.var_dir.resolve()), (kind, path)


@pytest.mark.slow
def test_demo_leaves_git_status_clean(tmp_path: Path) -> None:
    copy = tmp_path / "checkout"
    copy.mkdir()
    assert copy_working_tree(copy) > 50
    assert _git(copy, "status", "--porcelain", "--untracked-files=all") == ""
    gdi = str(Path(sys.executable).parent / "gdi")
    r = subprocess.run([gdi, "demo", "--no-serve"], cwd=copy, env=demo_env(copy), capture_output=True, text=True,
                       timeout=1800, check=False)
    assert r.returncode == 0, f"gdi demo --no-serve failed in {copy}:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    # the demo ran from the copy with the default var dir (else this test proves nothing)
    assert (copy / "var" / "publish" / "trees" / "current").exists(), r.stdout[-2000:]
    assert (copy / "var" / "pygeoapi" / "pygeoapi-config.yml").exists()
    status = _git(copy, "status", "--porcelain", "--untracked-files=all")
    assert status == "", ("`make demo` changed the checkout (generated files must go under var/, which is "
                          f"ignored):\n{status}")
