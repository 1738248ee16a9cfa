"""eMRTD chip reading: ISO 7816 APDUs, BAC and PACE access control, secure messaging, the LDS data
groups, passive and active authentication primitives, and a PC/SC reader driver (pyscard).

Nothing here imports ``station``: the checks that turn these results into findings live in
``station.checks.chip``.
"""
