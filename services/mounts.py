"""Which part of the web app lives under which path. Each entry is a factory ``create(settings)``
returning a WSGI app; a part that cannot be loaded stops start-up with a message naming it."""
MOUNTS: dict[str, str] = {
    "/ogc": "services.ogcapi.app:create",            # OGC API Features (pygeoapi)
    "/download": "services.download.app:create",     # predefined datasets + INSPIRE-style feed
    "/wms": "services.wms.app:create",               # WMS 1.3.0 (MapServer via MapScript)
    "/basemap": "services.wms.basemap:create",       # XYZ tiles rendered by the same MapServer map
    "/wmts": "services.tilecache.app:create",        # WMTS from the tile cache (MapProxy)
    "/csw": "services.csw.app:create",               # CSW 2.0.2 (pycsw sidecar, proxied)
    "/3dtiles": "services.tiles.app:create",         # 3D Tiles of the city model
    "/terrain": "services.tiles.terrain:create",     # Cesium terrain (quantized-mesh) of the DGM
    "/viewer": "services.web.viewer:create",         # citizen 3D viewer (CesiumJS)
    "/beteiligung": "services.participation.app:create",  # e-participation, web + kiosk
}
