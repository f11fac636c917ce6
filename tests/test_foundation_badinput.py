"""Issue 2: a table of broken tree exports, each with the exact error or report line it must give.
(The cross-theme hostile-input corpus of issue 3 lives in tests/corpus.)"""
from __future__ import annotations

import json

import pytest

from core.errors import GdiError
from core.publication import current_manifest
from transforms.pipeline import run_dataset

from .conftest import ROOT
from .helpers import trees_dataset

CSV = ROOT / "datasets" / "trees" / "baumkataster_muenster.csv"
HEADER = CSV.read_bytes().split(b"\n")[0].decode("latin-1")
ROW = "T{n};1;7;1;14,96;47;5;2007;16;Mehlbeere;Sorbus spec.;POINT ({x} {y});VG HABICHTSHÖHE;32;53235;20 53235 VG X"


def rows(*specs: dict) -> str:
    out = []
    for i, s in enumerate(specs):
        line = ROW.format(n=s.get("n", i), x=s.get("x", "404924.661"), y=s.get("y", "5755048.169"))
        for old, new in s.get("replace", []):
            line = line.replace(old, new, 1)
        out.append(line)
    return "\n".join(out) + "\n"


# (id, file bytes, dataset overrides, expected failure regex or None, expected report note or None)
FILE_ERRORS = [
    ("empty", b"", {}, r"baumkataster\.csv: file is empty \(0 bytes\)", None),
    ("header-only", (HEADER + "\n").encode("latin-1"), {}, r"file has a header but no data rows", None),
    ("utf8-declared-latin1", (HEADER + "\n" + rows({}, {}, {}, {})).encode("utf-8"), {},
     r"field 'options.encoding', value 'latin-1': file is UTF-8 \(found \d+ UTF-8 umlaut sequences\) but the "
     r"dataset declares encoding 'latin-1'", None),
    ("latin1-declared-utf8", (HEADER + "\n" + rows({})).encode("latin-1"), {"encoding": "utf-8"},
     r"record line 2, field 'options.encoding', value 'utf-8': cannot decode as utf-8 \(invalid continuation byte, "
     r"byte 0xd6\)", None),
    ("bom-declared-latin1", b"\xef\xbb\xbf" + (HEADER + "\n" + rows({})).encode("latin-1"), {},
     r"file starts with a UTF-8 byte-order mark but the dataset declares encoding 'latin-1'", None),
    ("wrong-delimiter", (HEADER.replace(";", ",") + "\n").encode("latin-1") + rows({}).encode("latin-1"), {},
     r"record line 1, field 'options.delimiter', value ';': header has a single column", None),
    ("missing-column", (HEADER.replace(";ref_Baumart_botanisch", "") + "\n" + rows({})).encode("latin-1"), {},
     r"record line 1: required column\(s\) missing: ref_Baumart_botanisch; the header has: ID, ", None),
    ("truncated-quote", (HEADER + "\n" + rows({}) + 'T9;1;"7;1;14\n').encode("latin-1"), {},
     r"malformed CSV .*truncated", None),
    ("all-outside-crs", (HEADER + "\n" + rows({"x": "7.61", "y": "51.94"})).encode("latin-1"), {},
     r"record line 2, field 'crs', value 'EPSG:25832': no coordinate lies inside the area of use of the declared "
     r"CRS EPSG:25832", None),
]

RECORD_NOTES = [
    ("broken-wkt", {"replace": [("POINT (404924.661 5755048.169)", "POINT (405022,4774) (5756025,874)")]},
     "repaired", "repaired: gis_komplex_UTM 'POINT (405022,4774) (5756025,874)' had decimal commas, read as "
                 "'POINT (405022.4774 5756025.874)'"),
    ("unparseable-wkt", {"replace": [("POINT (404924.661 5755048.169)", "POINT (abc def)")]},
     "rejected", "rejected: gis_komplex_UTM is not valid WKT: 'POINT (abc def)'"),
    ("empty-wkt", {"replace": [("POINT (404924.661 5755048.169)", "")]},
     "rejected", "rejected: gis_komplex_UTM is empty (no location)"),
    ("text-in-number", {"replace": [(";2007;", ";zweitausend;")]},
     "repaired", "repaired: field 'Pflanzjahr' value 'zweitausend' is not a number; left empty"),
    ("nan", {"replace": [(";7;1;", ";NaN;1;")]},
     "repaired", "repaired: field 'Baumhoehe_akt_m' value 'NaN' is not a number; left empty"),
    ("planting-year-1522", {"replace": [(";2007;", ";1522;")]},
     "repaired", "repaired: field 'Pflanzjahr' value '1522' is implausible (planting year before 1700 or in the "
                 "future); left empty"),
    ("swapped-xy", {"x": "5755048.169", "y": "404924.661"},
     "repaired", "repaired: coordinates were swapped (y/x or lat/lon): 5.75505e+06 404925 read as 404925 5.75505e+06"),
    ("outside-crs", {"x": "99404924.661"},
     "rejected", "rejected: coordinates 9.94049e+07 5.75505e+06 lie outside the area of use of EPSG:25832"),
    ("duplicate-key", {"n": 0}, "rejected", "rejected: duplicate key 'ID' = 'T0' (first seen at line 2)"),
    ("empty-key", {"replace": [("T;", ";")], "n": ""}, "rejected", "rejected: key field 'ID' is empty"),
    ("no-tree", {"replace": [("Sorbus spec.", "Standort ohne Baum")]},
     "rejected", "rejected: no tree at this site (species field 'Standort ohne Baum')"),
    ("unknown-species", {"replace": [("Sorbus spec.", "Unbekannt")]},
     "published", "flagged: species unknown ('Unbekannt'); published as Plantae"),
]


@pytest.mark.parametrize("name,data,overrides,error,_", FILE_ERRORS, ids=[c[0] for c in FILE_ERRORS])
def test_broken_file_is_refused_and_nothing_published(tmp_settings, tmp_path, name, data, overrides, error, _):
    src = tmp_path / "baumkataster.csv"
    src.write_bytes(data)
    ds = trees_dataset(tmp_path, src, **overrides)
    with pytest.raises(GdiError, match=error) as ei:
        run_dataset(ds, tmp_settings)
    assert str(src) in str(ei.value), "the message names the file"
    assert current_manifest(tmp_settings.publish_dir, "trees") is None


@pytest.mark.parametrize("name,spec,status,note", RECORD_NOTES, ids=[c[0] for c in RECORD_NOTES])
def test_broken_record_gets_exact_report_line(tmp_settings, tmp_path, name, spec, status, note):
    src = tmp_path / "baumkataster.csv"
    # two good records first, then the broken one (line 4)
    src.write_bytes((HEADER + "\n" + rows({"n": 0}, {"n": 1}, spec)).encode("latin-1"))
    res = run_dataset(trees_dataset(tmp_path, src), tmp_settings)
    rep = json.loads(res.report_json.read_text())
    rec = [r for r in rep["records"] if r["record"] == "line 4"]
    assert rec, f"line 4 not in the report: {rep['records']}"
    assert rec[0]["status"] == status
    assert note in rec[0]["notes"]
    assert res.summary["read"] == 3
    assert res.summary["published"] == (3 if status != "rejected" else 2)
