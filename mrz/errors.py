"""The one exception the MRZ library raises to its callers."""

from __future__ import annotations


class MRZError(ValueError):
    """Text that is not an MRZ at all (wrong shape or characters), or fields the builder cannot
    encode. Everything wrong *inside* a well-shaped MRZ is reported as a finding instead."""
