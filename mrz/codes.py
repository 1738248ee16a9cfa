"""Issuing-state and nationality codes an MRZ may carry (Doc 9303 Part 3, section 5).

ISO 3166-1 alpha-3 codes plus the codes ICAO adds for Germany (``D``), British nationality
categories, United Nations bodies, other issuing organisations and the special nationality codes
for stateless persons and refugees. Kept as plain data so the list can be reviewed against the
standard line by line.
"""

from __future__ import annotations

from typing import Final

_ISO_TEXT: Final = """
    ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR
    BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG
    COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH
    FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY
    HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM
    KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL
    MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR
    NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU
    SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA
    TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB
    VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
"""

#: ISO 3166-1 alpha-3 (officially assigned codes).
ISO_3166_ALPHA3: Final = frozenset(_ISO_TEXT.split())

#: Codes Doc 9303 Part 3 adds to ISO 3166-1, with what they stand for.
ICAO_SPECIAL: Final[dict[str, str]] = {
    "D": "Germany",
    "GBD": "British Overseas Territories Citizen",
    "GBN": "British National (Overseas)",
    "GBO": "British Overseas Citizen",
    "GBP": "British Protected Person",
    "GBS": "British Subject",
    "UNO": "United Nations Organization or one of its officials",
    "UNA": "Specialized agency of the United Nations or one of its officials",
    "UNK": "Resident of Kosovo to whom a travel document has been issued by UNMIK",
    "XBA": "African Development Bank",
    "XIM": "African Export-Import Bank",
    "XCC": "Caribbean Community or one of its emissaries",
    "XCE": "Council of Europe",
    "XCO": "Common Market for Eastern and Southern Africa",
    "XEC": "Economic Community of West African States",
    "XPO": "International Criminal Police Organization (INTERPOL)",
    "XES": "Organisation of Eastern Caribbean States",
    "XMP": "Parliamentary Assembly of the Mediterranean",
    "XOM": "Sovereign Military Order of Malta or one of its emissaries",
    "XDC": "Southern African Development Community",
    "EUE": "European Union",
    "XXA": "Stateless person",
    "XXB": "Refugee (1951 Convention)",
    "XXC": "Refugee (other than 1951 Convention)",
    "XXX": "Person of unspecified nationality",
}

#: Codes printed on documents in circulation that are not in Doc 9303's list.
IN_USE_NOT_LISTED: Final[dict[str, str]] = {
    "RKS": "Kosovo (own passports; not in the ICAO list)",
}

#: Every code Doc 9303 accepts as issuing state or nationality.
ICAO_CODES: Final = ISO_3166_ALPHA3 | frozenset(ICAO_SPECIAL)

#: Codes valid as nationality only: an issuing state is a state or an organisation, never these.
NATIONALITY_ONLY: Final = frozenset({"XXA", "XXB", "XXC", "XXX"})


def is_icao_code(code: str) -> bool:
    """True for a code in the ICAO list; ``code`` is the MRZ text with fillers removed."""
    return code in ICAO_CODES
