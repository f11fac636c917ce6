"""The split-sum BRDF lookup table CesiumJS needs for physically based materials, precomputed.

CesiumJS renders this 256 × 256 table on the GPU the first time a model is drawn (``BrdfLutGenerator``:
1,024 GGX importance samples per pixel). With software WebGL (SwiftShader: kiosks without a GPU driver,
headless test browsers) and on weak phone GPUs that single draw costs more than a second before the first
building appears. The viewer therefore loads this table as a file and hands it to the scene instead
(``static/brdf_lut.rg8``, written by ``python -m services.web.brdf_lut``).

This is a line-by-line port of CesiumJS's ``BrdfLutGeneratorFS.glsl`` (pixel centres, Hammersley points,
GGX sampling around N = +z, Smith joint GGX visibility, Schlick Fresnel), so the table matches what
Cesium would render; ``tests/test_viewer_speed.py`` compares it with Cesium's own GPU output.

File layout: ``size × size`` pixels, row ``j`` = roughness ``(j + 0.5) / size``, column ``i`` = N·V
``(i + 0.5) / size``, two bytes per pixel (scale A, bias B as unorm8), rows from roughness 0 upwards.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

SIZE = 256
SAMPLES = 1024
LUT_FILE = Path(__file__).resolve().parent / "static" / "brdf_lut.rg8"


def _radical_inverse(i: np.ndarray) -> np.ndarray:
    """Van der Corput radical inverse in base 2 (``vdcRadicalInverse`` in the shader)."""
    value = np.zeros(i.shape, dtype=np.float64)
    inv_bi = 0.5
    i = i.copy()
    while np.any(i > 0):
        value += (i % 2) * inv_bi
        inv_bi *= 0.5
        i //= 2
    return value


def integrate_brdf(roughness: float, n_dot_v: np.ndarray, samples: int = SAMPLES) -> tuple[np.ndarray, np.ndarray]:
    """(A, B) of the split-sum approximation for one roughness and an array of N·V values."""
    idx = np.arange(samples)
    xi_x, xi_y = idx / samples, _radical_inverse(idx)
    alpha = roughness * roughness
    alpha_sq = alpha * alpha
    phi = 2.0 * np.pi * xi_x
    cos_t = np.sqrt((1.0 - xi_y) / (1.0 + (alpha_sq - 1.0) * xi_y))
    sin_t = np.sqrt(1.0 - cos_t * cos_t)
    hx, hy, hz = sin_t * np.cos(phi), sin_t * np.sin(phi), cos_t
    # tangent frame of N = +z in the shader: tangentX = (0, -1, 0), tangentY = (1, 0, 0)
    h = np.stack([hy, -hx, hz])                                   # (3, samples)
    nv = n_dot_v[:, None]
    v = np.stack([np.sqrt(1.0 - n_dot_v * n_dot_v), np.zeros_like(n_dot_v), n_dot_v])  # (3, n)
    v_dot_h_raw = v[0][:, None] * h[0] + v[2][:, None] * h[2]     # (n, samples)
    l_z = 2.0 * v_dot_h_raw * h[2] - v[2][:, None]
    n_dot_l = np.clip(l_z, 0.0, 1.0)
    n_dot_h = np.clip(h[2], 0.0, 1.0)
    v_dot_h = np.clip(v_dot_h_raw, 0.0, 1.0)
    ggx_v = n_dot_l * np.sqrt(nv * nv * (1.0 - alpha_sq) + alpha_sq)
    ggx_l = nv * np.sqrt(n_dot_l * n_dot_l * (1.0 - alpha_sq) + alpha_sq)
    ggx = ggx_v + ggx_l
    with np.errstate(divide="ignore", invalid="ignore"):
        g = np.where(ggx > 0.0, 0.5 / ggx, 0.0)
        g_vis = np.where(n_dot_l > 0.0, 4.0 * g * v_dot_h * n_dot_l / n_dot_h, 0.0)
    fc = (1.0 - v_dot_h) ** 5
    a = ((1.0 - fc) * g_vis).sum(axis=1) / samples
    b = (fc * g_vis).sum(axis=1) / samples
    return a, b


def brdf_lut(size: int = SIZE, samples: int = SAMPLES) -> np.ndarray:
    """``(size, size, 2)`` uint8 table, rows = roughness, columns = N·V (see the module docstring)."""
    n_dot_v = (np.arange(size) + 0.5) / size
    out = np.empty((size, size, 2), dtype=np.uint8)
    for j in range(size):
        a, b = integrate_brdf((j + 0.5) / size, n_dot_v, samples)
        out[j, :, 0] = np.round(np.clip(a, 0.0, 1.0) * 255.0)
        out[j, :, 1] = np.round(np.clip(b, 0.0, 1.0) * 255.0)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="write the viewer's precomputed BRDF lookup table")
    ap.add_argument("--out", type=Path, default=LUT_FILE)
    args = ap.parse_args(argv)
    args.out.write_bytes(brdf_lut().tobytes())
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
