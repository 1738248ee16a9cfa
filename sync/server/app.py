"""The reference central server's HTTP API (FastAPI): ``/v1/...``, documented in docs/api/openapi.json.

Every write is idempotent: events by their ``event_id`` (permanent de-duplication), file chunks by
their offset, audit heads by (booth, seq), published lists by (kind, booth, version). Booths
authenticate with a bearer token (stored hashed); mutual TLS, when the server is started with a
client CA, is checked by the TLS layer before a request reaches this code.

Handlers are plain ``def`` functions: FastAPI runs them on its thread pool, and storage keeps one
database connection per thread.
"""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from sync.lists import LIST_KINDS, sign_list
from sync.server.storage import ConflictError, RefusedError, Storage, hash_token

MAX_BATCH = 2000
MAX_CHUNK = 8 * 1024 * 1024
MAX_BODY = 64 * 1024 * 1024
API_VERSION = "1.0"


@dataclass
class ServerSettings:
    storage: Storage
    signing_key: Ed25519PrivateKey | None = None
    alerts_valid_for: timedelta = timedelta(days=1)
    test_faults: bool = False
    admin_token_hash: str | None = None


# --- request and reply models (they are the documented API) ----------------------------------------


class EventIn(BaseModel):
    event_id: str = Field(description="The event's id: its idempotency key, unique forever.")
    seq: int = Field(description="The event's position in the booth's outbox (order per booth).")
    kind: str = Field(description="What the event records, e.g. 'inspection', 'decision', 'alert'.")
    payload: dict[str, Any]
    created_at: str = Field(description="When the booth wrote the event (ISO 8601).")


class EventBatch(BaseModel):
    events: list[EventIn] = Field(max_length=MAX_BATCH)


class EventResultOut(BaseModel):
    event_id: str
    status: str = Field(description="accepted (new), duplicate (held before; harmless) or rejected (final).")
    reason: str | None = None


class EventBatchReply(BaseModel):
    results: list[EventResultOut]


class FileState(BaseModel):
    received: int = Field(description="Bytes the server holds; the next chunk starts here.")
    complete: bool = Field(description="True once all bytes arrived and the sha256 matched.")


class ListReply(BaseModel):
    envelopes: list[dict[str, str]] = Field(
        description="Signed envelopes to apply in order: deltas from the version held, or a full snapshot"
        " and the deltas after it. Empty when the booth is up to date."
    )


class PublishRequest(BaseModel):
    envelope: dict[str, str] = Field(description="The signed envelope, as made by `station central publish`.")


class Published(BaseModel):
    kind: str
    booth: str
    version: int


class AuditHeadIn(BaseModel):
    seq: int = Field(ge=0)
    head: str = Field(min_length=16, max_length=128)


class AuditReceipt(BaseModel):
    booth: str
    seq: int
    head: str
    received_at: str
    signature: str | None = Field(
        None, description="Ed25519 over the receipt's canonical JSON, when configured."
    )


class Health(BaseModel):
    status: str
    api: str
    database: str


class FaultSettings(BaseModel):
    drop_event_replies: int = Field(
        0, ge=0, description="Commit the next N event batches, then drop the reply."
    )


class _FaultState:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.drop_event_replies = 0

    def take_drop(self) -> bool:
        with self.lock:
            if self.drop_event_replies > 0:
                self.drop_event_replies -= 1
                return True
            return False


ASGIApp = Callable[
    [
        MutableMapping[str, Any],
        Callable[[], Awaitable[MutableMapping[str, Any]]],
        Callable[[MutableMapping[str, Any]], Awaitable[None]],
    ],
    Awaitable[None],
]


class _DropReplyMiddleware:
    """Test-only fault: let the handler commit, then break the connection instead of replying.

    Installed only when the server runs with test faults enabled (an environment switch), so it
    can never be turned on in production by a request.
    """

    def __init__(self, app: ASGIApp, faults: _FaultState) -> None:
        self.app = app
        self.faults = faults

    async def __call__(
        self,
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[MutableMapping[str, Any]]],
        send: Callable[[MutableMapping[str, Any]], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http" or scope["path"] != "/v1/events" or not self.faults.take_drop():
            await self.app(scope, receive, send)
            return

        async def swallow(message: MutableMapping[str, Any]) -> None:
            return None

        await self.app(scope, receive, swallow)  # the batch is committed here
        # announce a body, send none of it, return: the server closes the connection mid-reply
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"1000")]})


def _booth_id(request: Request, authorization: Annotated[str | None, Header()] = None) -> str:
    """The booth behind the bearer token (tokens are compared by their hash)."""
    if not authorization or not authorization.startswith("Bearer "):
        raise HTTPException(401, "a booth bearer token is required")
    settings: ServerSettings = request.app.state.settings
    booth = settings.storage.booth_for_token(authorization.removeprefix("Bearer ").strip())
    if booth is None:
        raise HTTPException(401, "unknown or revoked booth token")
    return booth


Booth = Annotated[str, Depends(_booth_id)]


def create_app(settings: ServerSettings) -> FastAPI:
    storage = settings.storage
    app = FastAPI(
        title="Border Station central API",
        version=API_VERSION,
        description=(
            "The API between border booths and the national central side: outbox event upload with"
            " permanent de-duplication, file upload in resumable chunks, signed list download,"
            " alerts shared between booths, and audit-head receipts. Booths authenticate with a"
            " bearer token issued by `station central booths add`."
        ),
    )

    app.state.settings = settings

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Callable[[Request], Awaitable[Any]]) -> Any:
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_BODY:
            return JSONResponse({"detail": f"request body over {MAX_BODY} bytes"}, status_code=413)
        return await call_next(request)

    @app.get("/v1/health", response_model=Health, tags=["service"])
    def health() -> Health:
        """Answers once the server and its database are ready."""
        return Health(status="ok", api=API_VERSION, database=storage.dialect)

    @app.post("/v1/events", response_model=EventBatchReply, tags=["events"])
    def upload_events(batch: EventBatch, booth: Booth) -> EventBatchReply:
        """Store a batch of outbox events in order, in one transaction.

        Each event is accepted (new), a duplicate (its id was received before, from any batch,
        at any time: harmless), or rejected (final: the booth keeps it for a supervisor).
        """
        results = storage.store_events(booth, [e.model_dump() for e in batch.events])
        return EventBatchReply(
            results=[EventResultOut(event_id=r.event_id, status=r.status, reason=r.reason) for r in results]
        )

    @app.get("/v1/files/{event_id}/{name}", response_model=FileState, tags=["files"])
    def file_state(event_id: str, name: str, booth: Booth) -> FileState:
        """How much of a file the server holds, to resume an upload."""
        received, complete = storage.file_state(booth, event_id, name)
        return FileState(received=received, complete=complete)

    @app.put(
        "/v1/files/{event_id}/{name}",
        response_model=FileState,
        tags=["files"],
        responses={409: {"description": "Wrong offset; `received` in the body says where to resume."}},
    )
    async def upload_chunk(
        *,
        event_id: str,
        name: str,
        request: Request,
        booth: Booth,
        offset: Annotated[int, Query(ge=0)],
        x_file_size: Annotated[int, Header(ge=0)],
        x_file_sha256: Annotated[str, Header(pattern="^[0-9a-f]{64}$")],
    ) -> Any:
        """Append a chunk at ``offset`` of a file of an event already uploaded; sha256 checked at the end."""
        data = await request.body()
        if len(data) > MAX_CHUNK:
            raise HTTPException(413, f"chunks are limited to {MAX_CHUNK} bytes")
        try:
            received, complete = await _in_thread(
                storage.append_chunk,
                booth,
                event_id,
                name,
                offset=offset,
                data=data,
                size=x_file_size,
                sha256=x_file_sha256,
            )
        except ConflictError as exc:
            return JSONResponse({"detail": str(exc), "received": exc.received}, status_code=409)
        except RefusedError as exc:
            raise HTTPException(exc.status, str(exc)) from None
        return FileState(received=received, complete=complete)

    @app.get("/v1/lists/{kind}", response_model=ListReply, tags=["lists"])
    def download_list(kind: str, booth: Booth, have: Annotated[int, Query(ge=0)] = 0) -> ListReply:
        """The signed envelopes that bring a booth holding version ``have`` up to date."""
        if kind == "alerts":
            return ListReply(envelopes=_alerts_feed(settings, booth, have))
        if kind not in LIST_KINDS:
            raise HTTPException(404, f"unknown list kind {kind!r}")
        if not storage.has_lists(kind):
            raise HTTPException(404, f"no {kind} list has been published")
        try:
            return ListReply(envelopes=[json.loads(e) for e in storage.list_chain(kind, booth, have)])
        except ConflictError as exc:
            raise HTTPException(409, str(exc)) from None

    @app.post("/v1/lists/{kind}", response_model=Published, status_code=201, tags=["lists"])
    def publish(
        kind: str, item: PublishRequest, authorization: Annotated[str | None, Header()] = None
    ) -> Published:
        """Publish a signed list (operators only: the admin token given to the server at start)."""
        token = (authorization or "").removeprefix("Bearer ").strip()
        if settings.admin_token_hash is None or not token or hash_token(token) != settings.admin_token_hash:
            raise HTTPException(403, "publishing lists needs the server's admin token")
        try:
            body = json.loads(item.envelope["body"])
            version, booth, delta = int(body["version"]), str(body["booth"]), bool(body["delta"])
            base = None if body.get("base_version") is None else int(body["base_version"])
        except (KeyError, TypeError, ValueError) as exc:
            raise HTTPException(422, f"not a list envelope: {exc}") from None
        if body.get("kind") != kind or kind not in LIST_KINDS or kind == "alerts":
            raise HTTPException(
                422, f"the envelope is a {body.get('kind')!r} list, not a publishable {kind!r} list"
            )
        try:
            storage.publish_list(
                kind=kind,
                booth=booth,
                version=version,
                base_version=base,
                delta=delta,
                envelope=json.dumps(item.envelope, sort_keys=True),
            )
        except ConflictError as exc:
            raise HTTPException(409, str(exc)) from None
        return Published(kind=kind, booth=booth, version=version)

    @app.post("/v1/audit-heads", response_model=AuditReceipt, tags=["audit"])
    def audit_head(item: AuditHeadIn, booth: Booth) -> AuditReceipt:
        """Record the head of a booth's audit chain; the receipt proves when the centre had it."""
        try:
            received_at = storage.record_audit_head(booth, item.seq, item.head)
        except ConflictError as exc:
            raise HTTPException(409, str(exc)) from None
        receipt = AuditReceipt(
            booth=booth, seq=item.seq, head=item.head, received_at=received_at, signature=None
        )
        if settings.signing_key is not None:
            text = json.dumps(
                receipt.model_dump(exclude={"signature"}), sort_keys=True, separators=(",", ":")
            )
            receipt.signature = base64.b64encode(settings.signing_key.sign(text.encode())).decode()
        return receipt

    if settings.test_faults:
        faults = _FaultState()

        @app.post("/v1/_test/faults", include_in_schema=False)
        def set_faults(fault: FaultSettings) -> dict[str, int]:
            with faults.lock:
                faults.drop_event_replies = fault.drop_event_replies
            return {"drop_event_replies": fault.drop_event_replies}

        app.add_middleware(_DropReplyMiddleware, faults=faults)

    return app


def _alerts_feed(settings: ServerSettings, booth: str, have: int) -> list[dict[str, str]]:
    """Alerts from other booths as a signed list: a snapshot for a new booth, else a delta."""
    if settings.signing_key is None:
        raise HTTPException(404, "this server has no list signing key, so it cannot publish alerts")
    newest, alerts = settings.storage.alerts_since(booth, have)
    if newest <= have:
        return []
    envelope = sign_list(
        settings.signing_key,
        kind="alerts",
        booth=booth,
        version=newest,
        records=alerts,
        delta=have > 0,
        base_version=have if have > 0 else None,
        valid_for=settings.alerts_valid_for,
    )
    return [envelope]


async def _in_thread(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    return await run_in_threadpool(fn, *args, **kwargs)
