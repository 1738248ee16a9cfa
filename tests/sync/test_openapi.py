"""The API document in the repository is the one the server serves (regenerate with
``.venv/bin/python -m sync.server openapi > docs/api/openapi.json``)."""

from __future__ import annotations

import json
from pathlib import Path

from sync.server.cli import openapi_document

DOC = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.json"


def test_the_committed_openapi_document_matches_the_app() -> None:
    committed = json.loads(DOC.read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(openapi_document())), (
        "docs/api/openapi.json is stale: run .venv/bin/python -m sync.server openapi > docs/api/openapi.json"
    )


def test_every_endpoint_is_versioned_and_documented() -> None:
    document = openapi_document()
    assert document["paths"]
    for path, operations in document["paths"].items():
        assert path.startswith("/v1/"), path
        for operation in operations.values():
            assert operation.get("description") or operation.get("summary"), f"{path} lacks a description"
