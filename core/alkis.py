"""ALKIS/GeoInfoDok code lists shared by the ETL, the city model and the generators
(German labels as in the GeoInfoDok)."""
from __future__ import annotations

# ALKIS/GeoInfoDok AX_Gebaeudefunktion (subset used by the generator and the city model)
GEBAEUDEFUNKTION: dict[int, str] = {
    1000: "Wohngebäude", 1010: "Wohnhaus", 1100: "Gemischt genutztes Gebäude mit Wohnen",
    1210: "Land- und forstwirtschaftliches Wohngebäude",
    2000: "Gebäude für Wirtschaft oder Gewerbe", 2020: "Bürogebäude", 2050: "Geschäftsgebäude",
    2100: "Gebäude für Gewerbe und Industrie", 2463: "Garage", 2500: "Gebäude zur Versorgung",
    2720: "Land- und forstwirtschaftliches Betriebsgebäude", 3000: "Gebäude für öffentliche Zwecke",
    3010: "Verwaltungsgebäude", 3021: "Allgemein bildende Schule", 3041: "Kirche",
    3051: "Krankenhaus", 3065: "Kindergarten",
}
# ALKIS/GeoInfoDok AX_Dachform
DACHFORM: dict[int, str] = {
    1000: "Flachdach", 2100: "Pultdach", 2200: "Versetztes Pultdach", 3100: "Satteldach",
    3200: "Walmdach", 3300: "Krüppelwalmdach", 3400: "Mansardendach", 3500: "Zeltdach",
    3600: "Kegeldach", 3700: "Kuppeldach", 3800: "Sheddach", 3900: "Bogendach", 4000: "Turmdach",
    5000: "Mischform", 9999: "Sonstiges",
}
