"""Small lxml helpers for writing ISO 19139 (gmd/gco/gmx/srv) documents.

Kept separate from the record writers so they read as a list of ISO elements in schema order, not as
string plumbing. Every code list value is written the same way (``codeList`` URL + ``codeListValue`` +
text), as the GDI-DE conventions and TG 2.0 examples do.
"""
from __future__ import annotations

from lxml import etree

NS = {
    "gmd": "http://www.isotc211.org/2005/gmd",
    "gco": "http://www.isotc211.org/2005/gco",
    "gmx": "http://www.isotc211.org/2005/gmx",
    "srv": "http://www.isotc211.org/2005/srv",
    "gml": "http://www.opengis.net/gml/3.2",
    "xlink": "http://www.w3.org/1999/xlink",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
SCHEMA_LOCATION = ("http://www.isotc211.org/2005/gmd "
                   "http://inspire.ec.europa.eu/draft-schemas/inspire-md-schemas-temp/apiso-inspire/apiso-inspire.xsd")
ISO_CODELISTS = "http://standards.iso.org/iso/19139/resources/gmxCodelists.xml"
LANG_CODELIST = "http://www.loc.gov/standards/iso639-2/"


def qn(name: str) -> str:
    """'gmd:title' -> '{http://www.isotc211.org/2005/gmd}title'."""
    prefix, _, local = name.partition(":")
    return f"{{{NS[prefix]}}}{local}"


def sub(parent: etree._Element, path: str, text: str | None = None, **attrs: str) -> etree._Element:
    """Append a chain of elements 'gmd:a/gmd:b' and return the last; ``attrs`` use 'prefix_name' keys
    for namespaced attributes (``xlink_href``) and plain keys otherwise."""
    el = parent
    for part in path.split("/"):
        el = etree.SubElement(el, qn(part))
    if text is not None:
        el.text = str(text)
    for key, val in attrs.items():
        if val is None:
            continue
        prefix, _, local = key.partition("_")
        el.set(qn(f"{prefix}:{local}") if local and prefix in NS else key, str(val))
    return el


def root(tag: str = "gmd:MD_Metadata") -> etree._Element:
    el = etree.Element(qn(tag), nsmap={k: v for k, v in NS.items()})
    el.set(qn("xsi:schemaLocation"), SCHEMA_LOCATION)
    return el


def char(parent: etree._Element, path: str, text: str) -> etree._Element:
    """``<path><gco:CharacterString>text</gco:CharacterString></path>``."""
    el = sub(parent, path)
    sub(el, "gco:CharacterString", text)
    return el


def anchor(parent: etree._Element, path: str, text: str, href: str) -> etree._Element:
    """``<path><gmx:Anchor xlink:href=…>text</gmx:Anchor></path>`` (TG 2.0 / GDI-DE for coded URIs)."""
    el = sub(parent, path)
    sub(el, "gmx:Anchor", text, xlink_href=href)
    return el


def code(parent: etree._Element, path: str, codelist_el: str, value: str,
         codelist: str | None = None, text: str | None = None) -> etree._Element:
    """``<path><gmd:XxxCode codeList=… codeListValue=value>value</gmd:XxxCode></path>``."""
    el = sub(parent, path)
    name = codelist_el.split(":", 1)[1]
    sub(el, codelist_el, text if text is not None else value,
        codeList=codelist or f"{ISO_CODELISTS}#{name}", codeListValue=value)
    return el


def language(parent: etree._Element, path: str, lang: str = "ger") -> etree._Element:
    return code(parent, path, "gmd:LanguageCode", lang, codelist=LANG_CODELIST)


def date(parent: etree._Element, path: str, value: str, date_type: str) -> etree._Element:
    """A CI_Date (gco:Date) with its CI_DateTypeCode."""
    el = sub(parent, path)
    ci = sub(el, "gmd:CI_Date")
    sub(ci, "gmd:date/gco:Date", value)
    code(ci, "gmd:dateType", "gmd:CI_DateTypeCode", date_type)
    return el


def tostring(el: etree._Element) -> bytes:
    return etree.tostring(el, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def xpath(el: etree._Element, expr: str) -> list:
    return el.xpath(expr, namespaces=NS)
