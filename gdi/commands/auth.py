"""``gdi auth``: staff API keys for restricted data."""
from __future__ import annotations

import click

from core.config import load_settings


@click.group("auth")
def auth_group() -> None:
    """Manage staff API keys (hashed in the auth file)."""


@auth_group.command("add-key")
@click.argument("name")
def add_key_cmd(name: str) -> None:
    """Create a key for NAME; the token is printed once and stored only as a hash."""
    from services.auth import add_key, auth_file
    settings = load_settings()
    token = add_key(settings, name)
    click.echo(f"key for {name!r} stored (hashed) in {auth_file(settings)}")
    click.echo(f"token (shown once): {token}")


commands = [auth_group]
