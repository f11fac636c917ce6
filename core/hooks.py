"""Post-publication hooks: whatever is generated from the registry and the publications (pygeoapi
config, mapfile, metadata records, CSW repository) is refreshed after every ETL run.

Hooks register by name in the entry-point group ``gdi.post_publish`` (see ``pyproject.toml``) or
with ``POST_PUBLISH.register``; they run in the order of their names. A hook that cannot be loaded
stops the run with a :class:`~core.errors.PluginError` naming it: a broken installation must not
look like a working one with features missing.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from .plugins import Registry

if TYPE_CHECKING:
    from .config import Settings

LOGGER = logging.getLogger(__name__)

POST_PUBLISH: Registry[Callable[[Settings], object]] = Registry("post-publish hook", "gdi.post_publish")


def run_post_publish(settings: Settings) -> list[str]:
    """Run every hook in name order; returns the names run."""
    done = []
    for name, fn in POST_PUBLISH.items():
        LOGGER.info("post-publish hook %s", name)
        fn(settings)
        done.append(name)
    return done
