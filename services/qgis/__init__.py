"""QGIS projects for the city's planners, generated from the registry (tracker issue 20).

``spec.py`` collects what the project shows (one OGC API – Features layer per WMS layer, grouped by INSPIRE
theme, German aliases, value maps, map tips, metadata); ``cartography.py`` translates the WMS classes of
``services.wms.styles`` into QGIS rule-based renderers, so the city's map is defined once; ``build.py`` runs
under Debian's ``/usr/bin/python3`` with PyQGIS and writes the ``.qgz`` files; ``project.py`` is the
``gdi qgis-project`` command's and the post-publish hook's entry point. Planner documentation: docs/qgis.md.
"""
