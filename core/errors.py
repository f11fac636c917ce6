"""One exception root for the whole project (rasterio ``errors.py`` style).

Every error names what a person needs to fix it: the file, the record, the field and the value.
The core knows no web: which HTTP status an error becomes is decided by one table in
``services/errors.py``.
"""
from __future__ import annotations


class GdiError(Exception):
    """Root of all project errors."""

    def __init__(self, message: str, *, file: str | None = None, record: str | int | None = None,
                 field: str | None = None, value: object = None):
        self.file, self.record, self.field, self.value = file, record, field, value
        self.bare_message = message
        super().__init__(self._compose(message))

    def _compose(self, message: str) -> str:
        where = []
        if self.file is not None:
            where.append(f"{self.file}")
        if self.record is not None:
            where.append(f"record {self.record}")
        if self.field is not None:
            where.append(f"field '{self.field}'")
        if self.value is not None:
            v = repr(self.value)
            where.append(f"value {v[:120] + '…' if len(v) > 120 else v}")
        return (": ".join([", ".join(where), message])) if where else message


class ConfigError(GdiError, ValueError):
    """A dataset.yml or settings file is wrong."""


class PluginError(GdiError, LookupError):
    """An unknown reader/mapper/encoder name."""


class SourceError(GdiError, ValueError):
    """A source file cannot be read at all (encoding, truncation, hostile XML, size limit...)."""


class MappingError(GdiError, ValueError):
    """A record cannot be mapped to its INSPIRE target."""


class ValidationError(GdiError, ValueError):
    """Encoded output does not validate against its schema; nothing is published."""


class PublicationError(GdiError, RuntimeError):
    """Publishing failed; the previous publication stays current."""
