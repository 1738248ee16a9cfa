"""Simulators that speak the same bytes (or write the same files) as the booth's real devices."""
