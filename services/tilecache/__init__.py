"""Tile cache of the view service (MapProxy): WMS GetMap from cached tiles, WMTS at ``/wmts``, seeded after
every publication and switched together with it (``build``), served by ``app``; tiles are rendered by the
/wms app's MapScript map in-process (``source``) on the AdV scale set (``grid``)."""
