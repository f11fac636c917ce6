"""Backup and restore of a GDI installation (``gdi backup DEST``, ``gdi restore SRC``; docs/backup.md).

The core part knows files, SQLite, PostgreSQL and the publication store; which files a service keeps where
(participation database, attachments, staff keys) is said by the CLI orchestration in
``gdi/commands/backup.py``.

* :mod:`.archive`  a backup folder: files copied while their SHA-256 is computed, SQLite databases through the
  online backup API, ``manifest.json`` (checksums, sizes, versions, time) written last, the folder renamed
  into place only when complete; :func:`~.archive.verify` checks a backup before anything is restored.
* :mod:`.pg`       ``pg_dump`` / ``pg_restore`` (custom format) and what a restore needs to know of a database.
* :mod:`.publish`  the publication store: the current version of every dataset (optionally every kept one),
  consistent with the PostGIS catalog when the store is PostgreSQL.
"""
from __future__ import annotations

from ..errors import GdiError


class BackupError(GdiError, RuntimeError):
    """A backup cannot be written, or a backup cannot (or must not) be restored."""


FORMAT = "gdi-backup"
FORMAT_VERSION = 1

__all__ = ["FORMAT", "FORMAT_VERSION", "BackupError"]
