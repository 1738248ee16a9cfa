"""The booth's durable store (see :mod:`station.store.core` for the design)."""

from station.store.core import (
    IntegrityReport,
    Record,
    RecordExistsError,
    StaleCorrectionError,
    Store,
    StoreHealth,
    UnknownRecordError,
)
from station.store.errors import (
    KnownStoreError,
    SchemaTooNewError,
    StoreCorruptError,
    StoreFullError,
    StoreIOError,
)
from station.store.images import StoredImage

__all__ = [
    "IntegrityReport",
    "KnownStoreError",
    "Record",
    "RecordExistsError",
    "SchemaTooNewError",
    "StaleCorrectionError",
    "Store",
    "StoreCorruptError",
    "StoreFullError",
    "StoreHealth",
    "StoreIOError",
    "StoredImage",
    "UnknownRecordError",
]
