"""Known spellings of the same given name or family name, as they reach a border in passports.

Source of the knowledge: the romanisations that Arab, Iranian, Afghan, Pakistani, Turkish, Central
Asian and West African passports print for the same Arabic-origin name (national transliteration
habits: English-style MOHAMMED, French-style MOHAMED, Turkish MEHMET, Persian MOHAMMAD, Malay
MOHD, Russian-style IBRAGIM ...), written by hand for this project. Most pure vowel differences
need no entry here because the consonant skeleton already joins them (MUHAMMAD and MOHAMMED both
reduce to MHMD); the entries below are the variants the skeleton cannot join: abbreviations,
changed consonants, and national spellings.

Each group's first spelling is the one the screen uses inside; the explanation of a hit says
"known equivalent" and names both spellings as written.
"""

from __future__ import annotations

NAME_GROUPS: tuple[tuple[str, ...], ...] = (
    (
        "MOHAMMED",
        "MUHAMMAD",
        "MOHAMMAD",
        "MOHAMAD",
        "MOHAMED",
        "MUHAMMED",
        "MUHAMAD",
        "MOHAMMET",
        "MEHMET",
        "MEHMED",
        "MAHOMED",
        "MAHOMET",
        "MOHD",
        "MD",
        "MHD",
        "MOHAMUD",
        "MUHAMED",
        "MAMADOU",
        "MOHAMMAED",
        "MOUHAMED",
        "MUHAMMET",
        "MAGOMED",
        "MUHAMMADU",
    ),
    ("AHMED", "AHMAD", "AHMET", "AHMEED", "AHAMED", "AHAMAD"),
    ("MAHMOUD", "MAHMUD", "MEHMOOD", "MAHMOOD", "MAKHMUD"),
    (
        "HUSSEIN",
        "HUSAIN",
        "HUSSAIN",
        "HOSSEIN",
        "HOSEIN",
        "HUSEYIN",
        "HUSEIN",
        "HUSAYN",
        "HOUSSEIN",
        "GUSEIN",
        "HUSSEN",
    ),
    ("HASSAN", "HASAN", "HASSANE", "HASSEN", "GASAN"),
    (
        "YOUSSEF",
        "YUSUF",
        "YOUSEF",
        "YOSEF",
        "YUSSUF",
        "YOUSUF",
        "JUSUF",
        "YOUSIF",
        "YUSIF",
        "YOUCEF",
        "JUSUP",
    ),
    ("IBRAHIM", "EBRAHIM", "IBRAGIM", "IBROHIM", "BRAHIM", "IBRAHEEM"),
    ("ISMAIL", "ESMAIL", "SMAIL", "ISMAEL", "ISMAYIL", "ISMOIL"),
    ("OSMAN", "OTHMAN", "UTHMAN", "USMAN", "OUSMANE", "USMON"),
    ("OMAR", "UMAR", "OMER", "OMAIR", "UMER"),
    ("KHALID", "KHALED", "HALID", "HALIT", "KHALEED", "CHALID"),
    ("MUSTAFA", "MOSTAFA", "MUSTAPHA", "MOSTAPHA", "MUSTAFO"),
    ("ABDULLAH", "ABDALLAH", "ABDULLA", "ABDOULLAH", "ABDULLAHI", "ABDOLLAH", "ABDULA", "ABDALLA"),
    ("JAMAL", "GAMAL", "DJAMEL", "JAMEL", "CEMAL", "DZHAMAL"),
    ("JAMIL", "GAMIL", "DJAMIL", "JAMEEL", "CEMIL"),
    ("JAFAR", "JAAFAR", "JAFFAR", "DJAFAR", "CAFER", "GAAFAR"),
    ("QASIM", "KASIM", "QASEM", "KASSEM", "GASIM", "KACEM", "QASSIM"),
    ("QADIR", "KADIR", "QADER", "KADER", "GADIR"),
    ("SAYED", "SAYYID", "SAYYED", "SEYED", "SEYYED", "SYED", "SAYID", "SEID", "SIDI"),
    ("ZAHIR", "DHAHIR", "ZAHER", "DAHER", "ZAHEER"),
    ("REZA", "RIDHA", "RIDA", "REDA", "RIZA"),
    ("ZIA", "DHIA", "DIAA", "ZIYA", "DIYA"),
    ("ALI", "ALY", "ALIY"),
    ("AISHA", "AYSHA", "AICHA", "AYESHA", "AISHE", "AYSE", "AISHAH"),
    ("KHADIJA", "KHADIJAH", "HATICE", "KHADIDJA", "KADIJA"),
    ("FATIMA", "FATMA", "FATEMEH", "FATEMA", "FATOUMATA", "FATIMAH"),
    ("ZAINAB", "ZEINAB", "ZAYNAB", "ZEYNEP", "ZENAB"),
    ("MARYAM", "MARIAM", "MERYEM", "MIRIAM", "MARIEM"),
    ("HAMZA", "HAMZAH", "HAMSA"),
    ("SULEIMAN", "SULAYMAN", "SULEYMAN", "SOLEIMAN", "SLIMANE", "SULAIMAN", "SOLIMAN"),
    ("ABU BAKR", "ABUBAKAR", "ABUBAKR", "ABOUBAKAR", "ABOUBACAR", "EBUBEKIR", "ABUBAKIR"),
    ("NASSER", "NASIR", "NASER", "NACER", "NASSIR"),
    ("WALID", "WALEED", "VELID", "OUALID"),
    ("YAHYA", "YAHIA", "YEHIA", "YAHIYA", "JAHJA"),
    ("YAQUB", "YAKUB", "YACOUB", "YAQOOB", "YAKOUB", "JAKUB"),
    ("MUSA", "MOUSSA", "MOUSA", "MUSSA", "MOOSA"),
    ("ISA", "ISSA", "EISA", "AISSA"),
    ("SAID", "SAEED", "SAEID", "SAIED", "SAYEED"),
    ("HAJI", "HADJI", "HAJJI", "HADJ", "HAJJ", "HACI"),
    ("BILAL", "BELAL", "BELLAL"),
    ("TARIQ", "TAREK", "TARIK", "TAREQ"),
    ("RASHID", "RACHID", "RASHEED", "RASIT", "RESHID"),
    ("SHARIF", "CHERIF", "SHERIF", "SHAREEF", "SERIF"),
    ("GHULAM", "GOLAM", "GULAM", "GHOLAM"),
    ("HABIB", "HABEEB", "HABIBI"),
    ("NOOR", "NUR", "NOUR", "NOER"),
    ("HAIDAR", "HAYDAR", "HAIDER", "HEIDAR", "HYDER"),
)


def _build() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in NAME_GROUPS:
        canonical = group[0].replace(" ", "")
        for spelling in group:
            key = spelling.replace(" ", "")
            if table.setdefault(key, canonical) != canonical:
                raise ValueError(f"{spelling} is in two name groups")
    return table


EQUIVALENT: dict[str, str] = _build()
"""Spelling (without spaces) -> the first spelling of its group."""
