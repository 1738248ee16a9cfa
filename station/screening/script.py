"""Names in any script brought to the 26 letters of the MRZ, so that they can be compared.

Two sources of knowledge, both written down here as tables rather than left to a library:

* Latin letters with diacritics follow ICAO Doc 9303 Part 3 (section 6, "Transliteration of
  multinational characters"): Ä→AE, Ö→OE, Ü→UE, Å→AA, Æ→AE, Ø→OE, Œ→OE, ß→SS, Þ→TH, Ĳ→IJ, and
  every other accented letter loses its accent (É→E, Ñ→N, Ł→L, Ş→S ...). Doc 9303 also allows the
  single-letter forms (Ä→A, Ü→U); the consonant skeleton of :mod:`station.screening.names` drops
  vowels, so both forms meet there.
* Arabic, Persian, Pashto and Urdu letters follow the usual romanisation that travel documents of
  those states print (close to Doc 9303 Part 3 section 7's Arabic table, simplified where the
  states disagree): consonants map to one Latin spelling each, long vowels (ا و ي) become A/U/I
  inside a word and the consonants W/Y at its start, short-vowel marks are dropped. The script
  writes no short vowels, so a transliterated Arabic token is "abjad" (consonant-only) and is
  compared by its consonant skeleton, never by its vowels.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# ICAO Doc 9303 Part 3, section 6: letters that become two Latin letters (or change letter).
_LATIN_SPECIAL: dict[str, str] = {
    "Ä": "AE",
    "Ö": "OE",
    "Ü": "UE",
    "Å": "AA",
    "Æ": "AE",
    "Ø": "OE",
    "Œ": "OE",
    "ß": "SS",
    "ẞ": "SS",
    "Þ": "TH",
    "Ð": "D",
    "Đ": "D",
    "Ħ": "H",
    "Ĳ": "IJ",
    "Ł": "L",
    "Ŀ": "L",
    "Ŋ": "N",
    "Ŧ": "T",
    "ı": "I",
}

# Arabic-script letters (Arabic, Persian, Pashto, Urdu) to Latin. Position-dependent letters
# (و, ي, ی, ع) are handled in _abjad_to_latin.
_ARABIC: dict[str, str] = {
    # Arabic
    "ا": "A",  # alif
    "أ": "A",  # alif with hamza above (AHMAD أحمد)
    "إ": "I",  # alif with hamza below (IBRAHIM إبراهيم)
    "آ": "A",  # alif madda
    "ٱ": "A",  # alif wasla
    "ء": "",  # lone hamza: not written in Latin names
    "ؤ": "U",
    "ئ": "I",
    "ب": "B",
    "ت": "T",
    "ث": "TH",  # OTHMAN / OSMAN: the skeleton folds TH and S
    "ج": "J",  # Egyptian usage writes G (GAMAL); the skeleton folds G and J
    "ح": "H",
    "خ": "KH",
    "د": "D",
    "ذ": "DH",
    "ر": "R",
    "ز": "Z",
    "س": "S",
    "ش": "SH",
    "ص": "S",
    "ض": "DH",  # D in Arabic usage, Z in Persian/Urdu (REZA رضا): the skeleton folds DH and Z
    "ط": "T",
    "ظ": "Z",
    "غ": "GH",
    "ف": "F",
    "ق": "Q",
    "ك": "K",
    "ل": "L",
    "م": "M",
    "ن": "N",
    "ه": "H",
    "ة": "A",  # ta marbuta: FATIMA(H) فاطمة
    "ى": "A",  # alif maqsura: MUSTAFA مصطفى, ISA عيسى
    "ٰ": "A",  # superscript alif (RAHMAN رحمٰن)
    # Persian
    "پ": "P",
    "چ": "CH",
    "ژ": "ZH",
    "گ": "G",
    "ک": "K",
    "ۀ": "E",
    # Pashto
    "ټ": "T",
    "ډ": "D",
    "ړ": "R",
    "ږ": "ZH",
    "ښ": "SH",
    "ځ": "Z",  # dze
    "څ": "S",  # tse
    "ڼ": "N",
    "ګ": "G",
    "ې": "E",
    "ۍ": "I",
    # Urdu
    "ٹ": "T",
    "ڈ": "D",
    "ڑ": "R",
    "ں": "N",
    "ے": "E",
    "ہ": "H",
    "ھ": "H",  # do-chashmi he marks aspiration: BHUTTO بھٹو
    "ۃ": "A",
}
_WAW = "و"
_YA = frozenset("يی")  # Arabic ya, Persian ye
_AYN = "ع"
_DROP = frozenset(chr(c) for c in [*range(0x064B, 0x0670), *range(0x06D6, 0x06EE), 0x0640, 0x200C, 0x200D])


# Doc 9303 omits apostrophes (O'NEIL -> ONEIL) and writes hyphens as fillers (spaces here).
_APOSTROPHES = str.maketrans(dict.fromkeys("'`\u2019\u2018\u02bc\u02bb\u02bf\u02be", ""))


_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def is_arabic_script(text: str) -> bool:
    return not text.isascii() and _ARABIC_SCRIPT.search(text) is not None


@lru_cache(maxsize=200_000)
def to_latin(text: str) -> str:
    """Upper-case Latin letters and spaces for ``text`` in Latin or Arabic script.

    Apostrophes vanish; anything else that is not a letter (digits, punctuation, MRZ fillers ``<``,
    hyphens) becomes a space, as the MRZ writes it; letters of other scripts are dropped.
    """
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_APOSTROPHES)
    if is_arabic_script(text):
        text = " ".join(_abjad_to_latin(word) for word in text.split())
    out: list[str] = []
    for ch in text.upper():
        if "A" <= ch <= "Z":
            out.append(ch)
        elif ch in _LATIN_SPECIAL:
            out.append(_LATIN_SPECIAL[ch])
        elif ch.isalpha():
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            special = _LATIN_SPECIAL.get(base, base)
            out.append(special if special.isascii() and special.isalpha() else "")
        elif unicodedata.combining(ch):
            continue
        else:
            out.append(" ")
    return " ".join("".join(out).split())


def _abjad_to_latin(word: str) -> str:
    """One word of Arabic script: ``و``/``ي`` are consonants W/Y at the start and long vowels U/I
    inside; ``ع`` becomes A at the start (ALI علي, OMAR عمر, ABD عبد) and vanishes inside."""
    letters = [ch for ch in word if ch not in _DROP]
    out: list[str] = []
    for i, ch in enumerate(letters):
        first = i == 0
        if ch == _WAW:
            out.append("W" if first else "U")
        elif ch in _YA:
            out.append("Y" if first else "I")
        elif ch == _AYN:
            out.append("A" if first else "")
        elif ch in _ARABIC:
            out.append(_ARABIC[ch])
        elif ch.isascii():
            out.append(ch)
        else:
            out.append(" " if not ch.isalpha() else "")
    return "".join(out)
