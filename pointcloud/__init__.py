"""Airborne laser scans (LAS/LAZ) for the GDI: 3D Tiles 1.1 point clouds and tree metrics.

* ``convert``: LAS/LAZ tiles -> one 3D Tiles 1.1 tileset, py3dtiles as the octree engine, every glb it
  writes rewritten by ``glb`` so that it passes Khronos' glTF validator (classification kept as a
  per-point property attribute, EXT_structural_metadata); incremental per input tile, atomic switch.
* ``trees``: height, crown diameter and match quality per cadastre tree from the vegetation returns
  above the DGM, and the list of trees whose recorded height is far off or that have no returns.
* ``generate``: a deterministic synthetic LAS tile (terrain, buildings as blocks, tree crowns) for the
  demo, the tests and the benchmark.

Depends on ``core`` and ``citymodel`` (terrain, georeference helpers) only; see docs/pointcloud.md.
"""
