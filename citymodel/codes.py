"""Code lists of the city model: ALKIS building function and roof form (German labels, as ENUMs in
the 3D Tiles metadata), the roof kinds the geometry builder knows, and how heights were obtained."""
from __future__ import annotations

from core.alkis import DACHFORM, GEBAEUDEFUNKTION

UNKNOWN = 0  # ENUM value for "no code in the source"

FUNCTION_LABELS: dict[int, str] = {UNKNOWN: "unbekannt", **GEBAEUDEFUNKTION}
ROOF_LABELS: dict[int, str] = {UNKNOWN: "unbekannt", **DACHFORM}

# ALKIS dachform -> roof kind built by citymodel.geometry
ROOF_KIND: dict[int, str] = {1000: "flat", 2100: "shed", 3100: "gable", 3200: "hip", 3300: "halfhip",
                             3400: "mansard"}
PITCHED = {"gable", "hip", "halfhip", "mansard"}

# how a building's height was obtained (ENUM in the metadata, counted in the report)
HEIGHT_SOURCES: dict[int, str] = {0: "gemessen", 1: "First-/Traufhöhe", 2: "Geschosse", 3: "Vorgabewert"}
HEIGHT_SOURCE_KEYS = {0: "measured", 1: "ridge_eaves", 2: "storeys", 3: "default"}


def function_label(code: int | None) -> str:
    if code is None:
        return FUNCTION_LABELS[UNKNOWN]
    return FUNCTION_LABELS.get(int(code), f"Gebäudefunktion {int(code)}")


def enum_values(labels: dict[int, str], extra_codes: set[int] | None = None) -> list[dict]:
    """ENUM ``values`` for EXT_structural_metadata: every known code plus codes seen in the data."""
    codes = set(labels) | set(extra_codes or ())
    return [{"name": labels.get(c, f"Code {c}"), "value": int(c)} for c in sorted(codes)]
