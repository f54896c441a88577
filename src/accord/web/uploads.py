"""POST /api/documents: a JSON document or an uploaded file (any format accord reads) becomes Documents
through accord's own readers, then goes through the pipeline and `ingest_items` like `accord ingest`."""

from __future__ import annotations

import json
from typing import Any

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.datastructures import UploadFile

from ..ingestion import ingest_items
from ..model import Document, Failure, Skipped
from ..readers import read_bytes
from ..readers.jsonl import read_jsonl
from ..readers.sources import RawInput
from ..store import doc_key
from ..store.filters import day

UPLOAD_FIELD = "file"


class DocumentIn(BaseModel):
    """One article as JSON: the fields of a JSON Lines input line."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The body text.")
    id: str | None = Field(None, description="Your id for it (default: a hash of the text).")
    title: str | None = None
    url: str | None = Field(None, description="An absolute http(s) URL; anything else is dropped.")
    published: str | None = Field(
        None, description="Publication date, YYYY-MM-DD (also the anchor for relative dates)."
    )
    publisher: str | None = None
    sources: list[str] | None = Field(None, description="Agencies the article credits.")
    language: str | None = Field(
        None,
        description="ISO 639-1 code the article states; the language is detected from the text, and only "
        "English is extracted (see the README's Languages).",
    )


_UPLOAD_SCHEMA = {
    "type": "object",
    "required": [UPLOAD_FIELD],
    "properties": {
        UPLOAD_FIELD: {
            "type": "string",
            "format": "binary",
            "description": "Headered text, plain text, HTML, RSS/Atom or JSON Lines.",
        },
        "published": {"type": "string", "description": "Anchor date (YYYY-MM-DD) for inputs that carry no date."},
    },
}
OPENAPI_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": DocumentIn.model_json_schema()},
            "multipart/form-data": {"schema": _UPLOAD_SCHEMA},
        },
    }
}


async def read_request(request: Request) -> tuple[list[Document | Failure | Skipped], str, str | None]:
    """(documents and failures, origin, anchor date) from a JSON body or a multipart upload."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            payload = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError) as exc:
            raise HTTPException(400, f"the body is not valid JSON: {exc}") from None
        except RecursionError:
            raise HTTPException(400, "the body is not usable JSON: it is nested too deeply") from None
        try:
            record = DocumentIn.model_validate(payload)
        except ValidationError as exc:
            raise RequestValidationError(exc.errors(include_url=False, include_context=False)) from None
        origin = "<api>"
        line = json.dumps(record.model_dump(exclude_none=True), ensure_ascii=False)
        return list(read_jsonl(line, origin)), origin, None
    if kind == "multipart/form-data":
        form = await request.form(max_files=1, max_fields=10)
        upload = form.get(UPLOAD_FIELD)
        if not isinstance(upload, UploadFile):
            raise HTTPException(400, f"send the file in a form field named {UPLOAD_FIELD!r}")
        name = (upload.filename or "upload").replace("\\", "/").rsplit("/", 1)[-1] or "upload"
        anchor = form.get("published")
        anchor = day(anchor if isinstance(anchor, str) else None, "published")
        data = await upload.read()
        origin = f"upload:{name}"
        stem = name.rsplit(".", 1)[0] if "." in name else name
        return list(read_bytes(RawInput(origin, stem, data))), origin, anchor
    raise HTTPException(
        415,
        "send a JSON document (Content-Type: application/json) or a file upload "
        f"(multipart/form-data, field {UPLOAD_FIELD!r})",
    )


def ingest(
    state, items: list[Document | Failure | Skipped], origin: str, anchor: str | None
) -> tuple[int, dict[str, Any]]:
    """Run the pipeline and store; (HTTP status, answer). 400 when nothing readable was sent."""
    readable = [item for item in items if isinstance(item, Document)]
    failures = [{"origin": f.origin, "reason": f.reason} for f in items if isinstance(f, Failure)]
    if not readable:
        reasons = "; ".join(f"{f['origin']}: {f['reason']}" for f in failures) or "no document in the input"
        raise HTTPException(400, f"nothing could be read: {reasons}")
    keys = [doc_key(d) for d in readable]
    with state.ingest_lock:
        summary = ingest_items(items, state.db.store, state.settings, state.pipeline(), anchor, inputs=[origin])
    stored = state.db.documents_by_key(keys)
    answer = {"run": summary.run, **summary.counts(), "documents": stored, "failures": failures}
    return (201 if summary.new else 200), answer
