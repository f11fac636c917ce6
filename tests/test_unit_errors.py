"""Unit tests (no demo run): error messages name the file, record, field and value; one table maps every
project error to its HTTP status and OGC exception code."""
from __future__ import annotations

import pytest

from core.errors import (
    ConfigError,
    GdiError,
    MappingError,
    PluginError,
    PublicationError,
    SourceError,
    ValidationError,
)
from services.errors import AuthError, NotFoundError, RequestError, http_status, ogc_code


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({}, "bad thing"),
    ({"file": "datasets/trees/baum.csv"}, "datasets/trees/baum.csv: bad thing"),
    ({"record": 17}, "record 17: bad thing"),
    ({"record": "T-0042"}, "record T-0042: bad thing"),
    ({"field": "pflanzjahr"}, "field 'pflanzjahr': bad thing"),
    ({"value": "1066"}, "value '1066': bad thing"),
    ({"value": 0}, "value 0: bad thing"),  # a falsy value is still named
    ({"file": "a.csv", "record": 3, "field": "hoehe", "value": 120.5},
     "a.csv, record 3, field 'hoehe', value 120.5: bad thing"),
])
def test_message_names_file_record_field_and_value(kwargs: dict[str, object], expected: str) -> None:
    err = GdiError("bad thing", **kwargs)  # type: ignore[arg-type]
    assert str(err) == expected
    assert err.bare_message == "bad thing"
    for key, val in kwargs.items():
        assert getattr(err, key) == val


def test_long_values_are_cut_in_the_message_but_kept_on_the_error() -> None:
    value = "x" * 500
    err = MappingError("too long", field="name", value=value)
    text = str(err)
    assert text.startswith("field 'name', value 'xxx") and text.endswith("…: too long")
    assert len(text) < 200
    assert err.value == value


@pytest.mark.parametrize(("cls", "builtin"), [
    (ConfigError, ValueError), (PluginError, LookupError), (SourceError, ValueError),
    (MappingError, ValueError), (ValidationError, ValueError), (PublicationError, RuntimeError),
    (RequestError, ValueError), (NotFoundError, LookupError), (AuthError, PermissionError),
])
def test_errors_are_project_errors_and_the_builtin_they_resemble(cls: type[GdiError], builtin: type) -> None:
    err = cls("m", field="f")
    assert isinstance(err, GdiError) and isinstance(err, builtin)
    with pytest.raises(builtin, match="field 'f': m"):
        raise err


@pytest.mark.parametrize(("exc", "status", "code"), [
    (RequestError("bad bbox", field="bbox"), 400, "InvalidParameterValue"),
    (AuthError("no key"), 401, "NotAuthorized"),
    (NotFoundError("no such collection"), 404, "NotFound"),
    (SourceError("truncated"), 400, "InvalidParameterValue"),
    (MappingError("no geometry"), 400, "InvalidParameterValue"),
    (ConfigError("bad yaml"), 500, "NoApplicableCode"),
    (PluginError("unknown reader"), 500, "NoApplicableCode"),
    (ValidationError("xsd"), 500, "NoApplicableCode"),
    (PublicationError("rename failed"), 500, "NoApplicableCode"),
    (GdiError("plain root"), 500, "NoApplicableCode"),
    (ValueError("not ours"), 500, "NoApplicableCode"),
    (KeyError("not ours"), 500, "NoApplicableCode"),
])
def test_status_table(exc: BaseException, status: int, code: str) -> None:
    assert http_status(exc) == status
    assert ogc_code(exc) == code


def test_subclasses_map_like_their_parent() -> None:
    """A module's own error class (e.g. the CQL parser's FilterError) needs no entry of its own."""
    from services.ogcapi.cql import FilterError

    class LayerMissing(NotFoundError):
        pass

    assert (http_status(FilterError("x")), ogc_code(FilterError("x"))) == (400, "InvalidParameterValue")
    assert (http_status(LayerMissing("x")), ogc_code(LayerMissing("x"))) == (404, "NotFound")
