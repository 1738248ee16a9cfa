"""One HTTPS link to the central side, with the guards a booth on a hostile network needs.

Why each guard exists:
- ONE ``requests.Session`` (connection reuse; settings in one place), ``trust_env = False`` so no
  proxy variable or ``.netrc`` file can add a hop or a credential behind the booth's back.
- TLS 1.2 or newer, the server's certificate checked against the CA pinned in the booth's config,
  an optional client certificate (mutual TLS), and the booth's bearer token.
- Redirects are never followed: a 3xx is a protocol violation, so the token cannot travel to
  another host (a captive portal, a hijacked DNS name).
- Connect and read timeouts, plus a TOTAL deadline per request: a watchdog shuts the socket down if
  the status line and headers are not in by then, and the body is streamed with the clock checked
  between reads, so a server dripping one byte a second is cut off either way; the reply is capped in
  size (``Content-Length`` checked first, then the bytes actually read), so a huge body cannot fill
  the booth's memory. Replies must be uncompressed (no decompression bombs).
- Plain ``http://`` is accepted only for a loopback host (tests and the demo), never across a
  network, because the token would travel in clear.
"""

from __future__ import annotations

import contextlib
import email.utils
import ipaddress
import json
import socket
import ssl
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.ssl_ import create_urllib3_context

from sync.errors import (
    AuthenticationError,
    ConfigurationError,
    DeadlineError,
    NetworkError,
    ProtocolError,
    RateLimitedError,
    ServerError,
    TLSError,
)

USER_AGENT = "border-station-sync/1"


@dataclass(frozen=True)
class Timeouts:
    """Seconds: to connect, between two reads, and for a whole request from start to last byte."""

    connect: float = 5.0
    read: float = 30.0
    total: float = 120.0


@dataclass(frozen=True)
class LinkSettings:
    """Where the central side is and how the booth proves who it is."""

    url: str
    token: str = ""
    ca_file: str = ""
    client_cert: str = ""
    client_key: str = ""
    timeouts: Timeouts = Timeouts()
    max_response_bytes: int = 16 * 1024 * 1024


@dataclass(frozen=True)
class Reply:
    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            raise ProtocolError(
                f"the central server's reply (HTTP {self.status}) is not valid JSON"
            ) from None


_deadline = threading.local()
"""The monotonic time by which the current thread's request must be done (set by Transport.request)."""


def _watched(conn: Any, read_head: Callable[[], Any]) -> Any:
    """Read the status line and headers, shutting the socket down if the deadline passes first.

    Per-read timeouts cannot stop a server that drips its *headers* a byte at a time; a timer
    that shuts the socket down can (the blocked read then fails at once). The body is read
    under the same deadline by ``Transport._read_body``.
    """
    until: float | None = getattr(_deadline, "until", None)
    sock = getattr(conn, "sock", None)
    if until is None or sock is None:
        return read_head()
    timer = threading.Timer(max(0.0, until - time.monotonic()), _shut, args=(sock,))
    timer.daemon = True
    timer.start()
    try:
        return read_head()
    finally:
        timer.cancel()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class _WatchedHTTPConnection(urllib3.connection.HTTPConnection):
    def getresponse(self) -> urllib3.response.HTTPResponse:  # type: ignore[override]  # as urllib3 does
        return _watched(self, super().getresponse)  # type: ignore[no-any-return]


class _WatchedHTTPSConnection(urllib3.connection.HTTPSConnection):
    def getresponse(self) -> urllib3.response.HTTPResponse:  # type: ignore[override]  # as urllib3 does
        return _watched(self, super().getresponse)  # type: ignore[no-any-return]


class _WatchedHTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class _BoothAdapter(HTTPAdapter):
    """TLS 1.2 or newer only, and connections whose header phase obeys the request's deadline."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = create_urllib3_context(ssl_minimum_version=ssl.TLSVersion.TLSv1_2)
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date); None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class Transport:
    """Sends requests to the central side; raises the ``sync.errors`` tree, never a requests error."""

    def __init__(self, settings: LinkSettings, *, monotonic: Callable[[], float] = time.monotonic) -> None:
        parts = urlsplit(settings.url)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise ConfigurationError(f"the central URL {settings.url!r} is not an https:// address")
        if parts.scheme == "http" and not _is_loopback(parts.hostname):
            raise ConfigurationError(
                f"the central URL {settings.url!r} is plain http to another machine; use https://"
            )
        self.settings = settings
        self.base_url = settings.url.rstrip("/")
        self._monotonic = monotonic
        session = requests.Session()
        session.trust_env = False
        adapter = _BoothAdapter()
        session.mount("https://", adapter)
        session.mount("http://", adapter)
        session.headers.update({"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
        if settings.token:
            session.headers["Authorization"] = f"Bearer {settings.token}"
        session.verify = settings.ca_file or True
        if settings.client_cert:
            session.cert = (
                (settings.client_cert, settings.client_key) if settings.client_key else settings.client_cert
            )
        self._session = session

    def close(self) -> None:
        self._session.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        data: bytes | None = None,
        params: Mapping[str, str | int] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Reply:
        """One request within the total deadline; 2xx and 4xx (but 401/403/429) come back as a Reply."""
        timeouts = self.settings.timeouts
        started = self._monotonic()
        body = data
        send_headers = dict(headers or {})
        if json_body is not None:
            body = json.dumps(json_body, separators=(",", ":")).encode()
            send_headers["Content-Type"] = "application/json"
        _deadline.until = time.monotonic() + timeouts.total  # the header watchdog runs on real time
        try:
            response = self._session.request(
                method,
                self.base_url + path,
                data=body,
                params=params,
                headers=send_headers,
                timeout=(timeouts.connect, timeouts.read),
                allow_redirects=False,
                stream=True,
            )
        except requests.exceptions.SSLError as exc:
            raise TLSError(f"secure connection to the central server failed: {_reason(exc)}") from exc
        except requests.exceptions.Timeout as exc:
            raise DeadlineError(f"the central server did not answer in time ({_reason(exc)})") from exc
        except requests.exceptions.ConnectionError as exc:
            if self._monotonic() - started >= timeouts.total:
                raise DeadlineError(
                    f"the central server's reply took longer than {timeouts.total:g} s; cut off"
                ) from exc
            raise NetworkError(f"cannot reach the central server: {_reason(exc)}") from exc
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema) as exc:
            raise ConfigurationError(f"the central URL is not usable: {exc}") from exc
        except requests.exceptions.RequestException as exc:
            raise NetworkError(f"the request to the central server failed: {_reason(exc)}") from exc
        except OSError as exc:  # CA or certificate file missing/unreadable (raised before connecting)
            raise ConfigurationError(f"the TLS files in the booth's config cannot be used: {exc}") from exc
        finally:
            _deadline.until = None
        try:
            content = self._read_body(response, started)
        finally:
            response.close()
        return self._check_status(Reply(response.status_code, response.headers, content))

    def _read_body(self, response: requests.Response, started: float) -> bytes:
        limits = self.settings
        raw: urllib3.HTTPResponse = response.raw
        encoding = response.headers.get("Content-Encoding", "identity").lower()
        if encoding not in ("identity", ""):
            raise ProtocolError(f"the central server sent a compressed reply ({encoding}); refused")
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limits.max_response_bytes:
            raise ProtocolError(
                f"the central server's reply is too large ({int(declared)} bytes, limit"
                f" {limits.max_response_bytes}); refused"
            )
        chunks: list[bytes] = []
        size = 0
        while True:
            remaining = limits.timeouts.total - (self._monotonic() - started)
            if remaining <= 0:
                raise DeadlineError(
                    f"the central server's reply took longer than {limits.timeouts.total:g} s; cut off"
                )
            sock = getattr(raw.connection, "sock", None) if raw.connection is not None else None
            if sock is not None:
                sock.settimeout(min(limits.timeouts.read, remaining))
            try:
                chunk = raw.read1(65536, decode_content=False)
            except (urllib3.exceptions.ReadTimeoutError, TimeoutError) as exc:
                if self._monotonic() - started >= limits.timeouts.total:
                    raise DeadlineError(
                        f"the central server's reply took longer than {limits.timeouts.total:g} s; cut off"
                    ) from exc
                raise DeadlineError(f"the central server stopped sending its reply ({exc})") from exc
            except (urllib3.exceptions.HTTPError, OSError) as exc:
                raise NetworkError(f"the connection dropped during the reply: {_reason(exc)}") from exc
            if not chunk:
                break
            size += len(chunk)
            if size > limits.max_response_bytes:
                raise ProtocolError(
                    f"the central server's reply exceeds {limits.max_response_bytes} bytes; cut off"
                )
            chunks.append(chunk)
        if declared and declared.isdigit() and size != int(declared):
            raise NetworkError("the connection dropped during the reply (body shorter than announced)")
        return b"".join(chunks)

    def _check_status(self, reply: Reply) -> Reply:
        status = reply.status
        if 300 <= status < 400:
            where = reply.headers.get("Location", "?")
            raise ProtocolError(
                f"the central server answered with a redirect (HTTP {status} to {where}); not followed,"
                " so the booth's credentials stay with the configured server"
            )
        if status in (401, 403):
            raise AuthenticationError(
                f"the central server refused this booth's credentials (HTTP {status}): {_detail(reply)}"
            )
        retry_after = parse_retry_after(reply.headers.get("Retry-After"))
        if status == 429 or (status == 503 and retry_after is not None):
            raise RateLimitedError(f"the central server asks the booth to wait (HTTP {status})", retry_after)
        if status >= 500:
            raise ServerError(f"the central server failed (HTTP {status}): {_detail(reply)}", status)
        if status < 200:
            raise ProtocolError(f"unexpected HTTP status {status} from the central server")
        return reply


def _detail(reply: Reply) -> str:
    try:
        detail = json.loads(reply.body).get("detail")
    except (ValueError, AttributeError):
        detail = None
    if isinstance(detail, str):
        return detail[:200]
    return reply.body[:120].decode("utf-8", "replace") or "no detail"


def _reason(exc: BaseException) -> str:
    """The innermost plain reason of a requests/urllib3 error chain (they nest three deep)."""
    seen: BaseException | None = exc
    text = str(exc)
    while seen is not None:
        inner = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        reason = getattr(seen, "reason", None)
        nxt = inner or (reason if isinstance(reason, BaseException) else None)
        if nxt is None:
            text = str(seen)
            break
        seen = nxt
    if isinstance(seen, ssl.SSLCertVerificationError) and seen.verify_message:
        return f"certificate verify failed: {seen.verify_message}"
    return text[:300]
