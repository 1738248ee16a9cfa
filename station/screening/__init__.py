"""Screening at the booth: persons of interest, lost/stolen documents, advance passenger lists and
travel history, all kept in the booth's store so the booth screens offline.

* :mod:`.lists` reads list files and applies snapshots/deltas (``apply_list``, for sync);
* :mod:`.script`, :mod:`.equivalents`, :mod:`.names`: names in any script to comparable parts;
* :mod:`.index`: the candidate index (compact arrays, fast at a million names);
* :mod:`.matching` and :mod:`.persons`: scoring with explanations;
* :mod:`.documents`: lost/stolen documents, tolerant of OCR confusions;
* :mod:`.travel`: advance passenger information, boarding passes and travel history.

The checks in :mod:`station.checks.screening` turn their results into findings.
"""
