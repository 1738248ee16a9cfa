"""ICAO Doc 9303 machine readable zones: formats described once as data, parsing, validation,
OCR error correction and a builder. Pure Python: no Qt, no I/O."""
