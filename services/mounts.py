"""Which part of the web app lives under which path. Each entry is a factory ``create(settings)``
returning a WSGI app; a part that is not installed yet is skipped with a log line."""
MOUNTS: dict[str, str] = {
    "/ogc": "services.ogcapi.app:create",
}
