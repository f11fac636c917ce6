"""core.crs helpers on the heads of XML documents (the CRS spellings themselves: tests/test_inputs_edges.py)."""
from __future__ import annotations

from core.crs import compound_srs_name_of


def test_compound_srs_name_is_the_first_with_a_height_system():
    """A BU core3D file names its 2D footprint's CRS first and its 3D surfaces' compound CRS after it."""
    compound = ("http://www.opengis.net/def/crs-compound?1=http://www.opengis.net/def/crs/EPSG/0/25833"
                "&amp;2=http://www.opengis.net/def/crs/EPSG/0/7837")
    head = (b'<gml:Polygon srsName="http://www.opengis.net/def/crs/EPSG/0/25832"/>'
            b'<gml:Solid srsName="' + compound.encode() + b'"/>')
    assert compound_srs_name_of(head) == compound.replace("&amp;", "&")
    assert compound_srs_name_of(b'<x srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH"/>') == \
        "urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH"
    assert compound_srs_name_of(b'<x srsName="EPSG:25832"/><y srsName="nonsense"/>') is None
