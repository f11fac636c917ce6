"""Errors of the web edge and the one table that maps every project error to an HTTP status.

The core's errors (``core.errors``) know no HTTP; a handler asks :func:`http_status` instead of
repeating ``try/except`` blocks (titiler ``errors.py`` style).
"""
from __future__ import annotations

from core.errors import (
    ConfigError,
    GdiError,
    MappingError,
    PluginError,
    PublicationError,
    SourceError,
    ValidationError,
)


class RequestError(GdiError, ValueError):
    """A malformed web request (bad parameter); mapped to 400 with an OGC exception body."""


class NotFoundError(GdiError, LookupError):
    """A requested resource does not exist."""


class AuthError(GdiError, PermissionError):
    """Credentials missing or wrong."""


# most specific class first; the first match wins
STATUS: tuple[tuple[type[GdiError], int, str], ...] = (
    (RequestError, 400, "InvalidParameterValue"),
    (AuthError, 401, "NotAuthorized"),
    (NotFoundError, 404, "NotFound"),
    (SourceError, 400, "InvalidParameterValue"),
    (MappingError, 400, "InvalidParameterValue"),
    (ConfigError, 500, "NoApplicableCode"),
    (PluginError, 500, "NoApplicableCode"),
    (ValidationError, 500, "NoApplicableCode"),
    (PublicationError, 500, "NoApplicableCode"),
)


def http_status(exc: BaseException) -> int:
    """HTTP status for ``exc``: 500 for anything not in the table."""
    for cls, status, _code in STATUS:
        if isinstance(exc, cls):
            return status
    return 500


def ogc_code(exc: BaseException) -> str:
    """OGC exception code for ``exc`` (``NoApplicableCode`` for anything not in the table)."""
    for cls, _status, code in STATUS:
        if isinstance(exc, cls):
            return code
    return "NoApplicableCode"
