"""ISO 19139 building blocks shared by dataset and service records (contacts, keywords, constraints,
extent, conformity, online resources)."""
from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from core.config import Contact, Dataset

from . import gdide
from .xml import anchor, char, code, date, sub

# the municipal GDI contact used for service records and as metadata contact of the services
GDI_CONTACT = Contact(organisation="Stadt Hildesheim, Geodatenmanagement", email="geodaten@stadt-hildesheim.de",
                      url="https://www.hildesheim.de", address="Markt 1", postcode="31134")


def responsible_party(parent: etree._Element, path: str, contact: Contact, role: str) -> etree._Element:
    el = sub(parent, path)
    rp = sub(el, "gmd:CI_ResponsibleParty")
    char(rp, "gmd:organisationName", contact.organisation)
    ci = sub(rp, "gmd:contactInfo/gmd:CI_Contact")
    if contact.phone:
        char(ci, "gmd:phone/gmd:CI_Telephone/gmd:voice", contact.phone)
    addr = sub(ci, "gmd:address/gmd:CI_Address")
    if contact.address:
        char(addr, "gmd:deliveryPoint", contact.address)
    if contact.city:
        char(addr, "gmd:city", contact.city)
    if contact.postcode:
        char(addr, "gmd:postalCode", contact.postcode)
    if contact.country:
        char(addr, "gmd:country", contact.country)
    char(addr, "gmd:electronicMailAddress", contact.email)
    if contact.url:
        sub(ci, "gmd:onlineResource/gmd:CI_OnlineResource/gmd:linkage/gmd:URL", contact.url)
    code(rp, "gmd:role", "gmd:CI_RoleCode", role)
    return el


def free_keywords(ident: etree._Element, words: Iterable[str]) -> None:
    words = [w for w in words if w]
    if not words:
        return
    kw = sub(ident, "gmd:descriptiveKeywords/gmd:MD_Keywords")
    for w in words:
        char(kw, "gmd:keyword", w)


def theme_keyword(ident: etree._Element, theme: str) -> None:
    label, href = gdide.inspire_theme(theme)
    kw = sub(ident, "gmd:descriptiveKeywords/gmd:MD_Keywords")
    anchor(kw, "gmd:keyword", label, href)
    cit = sub(kw, "gmd:thesaurusName/gmd:CI_Citation")
    anchor(cit, "gmd:title", gdide.GEMET_THESAURUS, gdide.GEMET_THESAURUS_HREF)
    date(cit, "gmd:date", gdide.GEMET_THESAURUS_DATE, "publication")


def service_category_keyword(ident: etree._Element, kind: str) -> None:
    cat = gdide.SERVICE_CATEGORIES[kind]
    kw = sub(ident, "gmd:descriptiveKeywords/gmd:MD_Keywords")
    anchor(kw, "gmd:keyword", cat, f"{gdide.SERVICE_CATEGORY_REGISTER}/{cat}")


def access_constraints(ident: etree._Element, datasets: list[Dataset] | None, restricted: bool) -> None:
    """Access constraints in their own MD_LegalConstraints (TG 2.0 Req 3.7 / GDI-DE)."""
    if datasets is not None and len(datasets) == 1:
        value, label, href = gdide.access_limitation(datasets[0])
    elif restricted:
        value = gdide.DEFAULT_RESTRICTED
        label, href = gdide.ACCESS_RESTRICTED[value], f"{gdide.ACCESS_REGISTER}/{value}"
    else:
        (value, label), href = gdide.ACCESS_PUBLIC, f"{gdide.ACCESS_REGISTER}/{gdide.ACCESS_PUBLIC[0]}"
    lc = sub(ident, "gmd:resourceConstraints/gmd:MD_LegalConstraints")
    code(lc, "gmd:accessConstraints", "gmd:MD_RestrictionCode", "otherRestrictions")
    anchor(lc, "gmd:otherConstraints", label, href)


def use_constraints(ident: etree._Element, ds: Dataset) -> None:
    """Use constraints in a second MD_LegalConstraints: licence text, then (open data) the GDI-DE JSON."""
    lc = sub(ident, "gmd:resourceConstraints/gmd:MD_LegalConstraints")
    code(lc, "gmd:useConstraints", "gmd:MD_RestrictionCode", "otherRestrictions")
    char(lc, "gmd:otherConstraints", gdide.licence_text(ds))
    if gdide.is_open(ds):
        char(lc, "gmd:otherConstraints", gdide.licence_json(ds))


def bbox(parent: etree._Element, path: str, box: list[float] | tuple[float, ...]) -> etree._Element:
    """EX_Extent with one EX_GeographicBoundingBox (CRS84 lon/lat), 6 decimals (~0.1 m)."""
    el = sub(parent, path)
    geo = sub(el, "gmd:EX_Extent/gmd:geographicElement/gmd:EX_GeographicBoundingBox")
    w, s, e, n = box
    for tag, v in (("westBoundLongitude", w), ("eastBoundLongitude", e),
                   ("southBoundLatitude", s), ("northBoundLatitude", n)):
        sub(geo, f"gmd:{tag}/gco:Decimal", f"{v:.6f}")
    return el


def conformity(dq: etree._Element, spec: tuple[str, str, str], passed: bool | None, explanation: str) -> None:
    """DQ_DomainConsistency/DQ_ConformanceResult; ``passed=None`` = not evaluated (gco:nilReason)."""
    title, href, pub = spec
    res = sub(dq, "gmd:report/gmd:DQ_DomainConsistency/gmd:result/gmd:DQ_ConformanceResult")
    cit = sub(res, "gmd:specification/gmd:CI_Citation")
    anchor(cit, "gmd:title", title, href)
    date(cit, "gmd:date", pub, "publication")
    char(res, "gmd:explanation", explanation)
    if passed is None:
        sub(res, "gmd:pass", gco_nilReason="unknown")
    else:
        sub(res, "gmd:pass/gco:Boolean", "true" if passed else "false")


def online(parent: etree._Element, url: str, name: str, description: str | None = None,
           function: str = "information", protocol: str | None = None) -> None:
    res = sub(parent, "gmd:onLine/gmd:CI_OnlineResource")
    sub(res, "gmd:linkage/gmd:URL", url)
    if protocol:
        char(res, "gmd:protocol", protocol)
    char(res, "gmd:name", name)
    if description:
        char(res, "gmd:description", description)
    code(res, "gmd:function", "gmd:CI_OnLineFunctionCode", function)


def union_bbox(boxes: Iterable[list[float] | None]) -> list[float] | None:
    given = [b for b in boxes if b]
    if not given:
        return None
    return [min(b[0] for b in given), min(b[1] for b in given), max(b[2] for b in given), max(b[3] for b in given)]
