"""A small misbehaving HTTP(S) server on 127.0.0.1 for the sync client's hostile-server tests.

Each test hands it a *behaviour*: a function that gets the parsed request and the raw socket file
and writes whatever bytes it likes (a huge body, a one-byte-a-second drip, a redirect to another
host, a canned list reply). Every request's headers are recorded, so a test can prove a credential
never arrived where it must not.
"""

from __future__ import annotations

import socket
import ssl
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO


@dataclass
class SeenRequest:
    method: str
    path: str
    headers: dict[str, str]


Behaviour = Callable[[SeenRequest, BinaryIO], None]


@dataclass
class HostileServer:
    behaviour: Behaviour
    host: str = "127.0.0.1"
    cert_chain: Path | None = None
    key: Path | None = None
    tls_version: str = ""  # "1.1": offer only TLS 1.1 (an outdated server)
    seen: list[SeenRequest] = field(default_factory=list)

    def __post_init__(self) -> None:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                request = SeenRequest(self.command, self.path, dict(self.headers.items()))
                outer.seen.append(request)
                try:
                    outer.behaviour(request, self.wfile)
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError, ssl.SSLError, OSError):
                    pass  # the client hung up on us, as it should
                self.close_connection = True

            do_GET = do_POST = do_PUT = _handle  # noqa: N815 - http.server dispatches on these names

            def log_message(self, format: str, *args: Any) -> None:
                return

        self._server = ThreadingHTTPServer((self.host, 0), Handler)
        self._server.daemon_threads = True
        if self.cert_chain and self.key:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(str(self.cert_chain), str(self.key))
            if self.tls_version == "1.1":
                context.set_ciphers("DEFAULT:@SECLEVEL=0")
                with warnings.catch_warnings():  # deprecated: that is the point of this server
                    warnings.simplefilter("ignore", DeprecationWarning)
                    context.minimum_version = context.maximum_version = ssl.TLSVersion.TLSv1_1
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @property
    def port(self) -> int:
        port: int = self._server.server_address[1]
        return port

    @property
    def url(self) -> str:
        scheme = "https" if self.cert_chain else "http"
        return f"{scheme}://{self.host}:{self.port}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def reply(status: int, body: bytes, headers: dict[str, str] | None = None) -> Behaviour:
    """A behaviour that sends one fixed reply."""

    def send(_: SeenRequest, out: BinaryIO) -> None:
        head = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body)}", "Connection: close"]
        head += [f"{k}: {v}" for k, v in (headers or {}).items()]
        out.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)

    return send


def free_loopback_alias() -> str:
    """Another loopback address (127.0.0.2): a different *host* on this machine for redirect tests."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.2", 0))
    return "127.0.0.2"
