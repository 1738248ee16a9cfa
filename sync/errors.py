"""What can go wrong between the booth and the central side, as a tree a caller can act on.

The split that matters is *retry or not*: a booth cut off for days retries network trouble quietly
and forever; a record the server refuses will never pass by retrying and must reach a supervisor.
Every message is a plain sentence an officer or a technician can read in the status panel.

Exception tree (the shape of httpx's ``_exceptions.py``)::

    SyncError                        anything from this package
    ├── RetryableError               try again later; nothing is lost meanwhile
    │   ├── NetworkError             no connection: refused, reset, no route, dropped mid-reply
    │   ├── DeadlineError            connect/read timeout, or the total deadline of one request
    │   ├── ServerError              the central side answered 5xx
    │   └── RateLimitedError         429 (or 503 with Retry-After); ``retry_after`` in seconds
    └── FinalError                   retrying the same thing will not help; a person must act
        ├── ConfigurationError       no URL, unreadable CA/certificate/key file
        ├── TLSError                 server certificate untrusted, expired, wrong host; TLS < 1.2
        ├── AuthenticationError      401/403: the booth's token or certificate was refused
        ├── ProtocolError            a redirect, an oversized or malformed reply
        ├── RecordRejectedError      4xx for one record: it is kept and flagged ``rejected``
        └── ListRejectedError        an inbound list failed verification (signature, version, binding)

The worker keeps trying after a ``FinalError`` of the link (TLS, authentication, protocol) but at
its longest back-off, because the cause (a captive portal, a certificate being renewed) may go away;
the status shows the reason meanwhile. ``RecordRejectedError`` and ``ListRejectedError`` concern one
item and never stop the queue.
"""

from __future__ import annotations


class SyncError(Exception):
    """Base class; ``str(exc)`` is a plain reason fit for the status panel."""


class RetryableError(SyncError):
    """Transient: the same request may succeed later."""


class NetworkError(RetryableError):
    pass


class DeadlineError(RetryableError):
    pass


class ServerError(RetryableError):
    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class RateLimitedError(RetryableError):
    def __init__(self, message: str, retry_after: float | None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class FinalError(SyncError):
    """Permanent for this request: retrying unchanged will not help."""


class ConfigurationError(FinalError):
    pass


class TLSError(FinalError):
    pass


class AuthenticationError(FinalError):
    pass


class ProtocolError(FinalError):
    pass


class RecordRejectedError(FinalError):
    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class ListRejectedError(FinalError):
    """An inbound list was refused; the list already held stays in use."""
