"""Predefined full-dataset downloads (GML, GeoPackage, GeoJSON) with an INSPIRE-style Atom feed."""
