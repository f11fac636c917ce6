"""Encoders: streamed writers for GML 3.2 (INSPIRE), GeoJSON (INSPIRE GeoJSON rule, CRS84) and GeoPackage."""
