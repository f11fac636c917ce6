"""Khronos' glTF validator (npm ``gltf-validator``, run by node) on glb files, for the tests of the city
model and point cloud tiles: one node process for a whole list of files, issues summed up per file."""
from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
VALIDATOR = ROOT / "node_modules" / "gltf-validator"

VALIDATE_JS = """
const v = require(process.argv[2]);
const fs = require('fs');
(async () => {
  const out = {};
  for (const f of process.argv.slice(3)) {
    const r = await v.validateBytes(new Uint8Array(fs.readFileSync(f)), {maxIssues: 50});
    out[f] = {errors: r.issues.numErrors, warnings: r.issues.numWarnings,
              messages: r.issues.messages.filter(m => m.severity <= 1).map(m => m.code + ': ' + m.message),
              degenerate: r.issues.messages.filter(m => m.code === 'ACCESSOR_INDEX_TRIANGLE_DEGENERATE')
                                           .map(m => m.pointer + ': ' + m.message)};
  }
  console.log(JSON.stringify(out));
})();
"""


def gltf_validate(files: Sequence[Path]) -> dict[str, Any]:
    """``{str(file): {"errors": n, "warnings": n, "messages": [errors and warnings], "degenerate": [accessors
    with triangles of two equal indices (an info of the validator)]}}`` for every file."""
    if not VALIDATOR.is_dir() or shutil.which("node") is None:
        pytest.fail("gltf-validator (npm) or node missing: run scripts/setup.sh (npm ci)")
    with tempfile.TemporaryDirectory(prefix="gltfcheck-") as tmp:
        script = Path(tmp) / "validate.js"
        script.write_text(VALIDATE_JS)
        r = subprocess.run(["node", str(script), str(VALIDATOR), *map(str, files)], capture_output=True,
                           text=True, timeout=600, check=False)
    assert r.returncode == 0, r.stderr
    result: dict[str, Any] = json.loads(r.stdout)
    return result


def block_heights(out: Path) -> dict[str, tuple[float, float]]:
    """Per feature id of a city-model tileset's leaf tiles (coarse parent tiles left out): its (lowest,
    highest) vertex height in the root frame, read back from the written glb files."""
    import numpy as np

    from citymodel.check import accessor, content_positions, is_coarse, read_glb, string_property
    res: dict[str, tuple[float, float]] = {}
    for f in sorted((out / "tiles").glob("*.glb")):
        gltf, blob = read_glb(f)
        if is_coarse(gltf):
            continue
        ids = string_property(gltf, blob, "id")
        up = content_positions(gltf, blob)[:, 2]
        fid = np.concatenate([accessor(gltf, blob, p["attributes"]["_FEATURE_ID_0"])[:, 0]
                              for p in gltf["meshes"][0]["primitives"]]).astype(int)
        for i, key in enumerate(ids):
            z = up[fid == i]
            res[key] = (float(z.min()), float(z.max()))
    return res
