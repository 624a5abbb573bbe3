"""Names of the sample fair's rows and a PDF text reader, for the intent tests (a module with a
unique name, so test files can import it whatever other ``conftest`` modules are loaded)."""

from __future__ import annotations

import io
import uuid

from pypdf import PdfReader

from catalog_app.domain.ids import stable_id

SAMPLE_FAIR = "GZ-NEV-SAMPLE"


def lead_id(code: str) -> uuid.UUID:
    """A sample lead of the bundled sample fair (S-001 … S-006)."""
    return stable_id("lead", SAMPLE_FAIR, code)


def model_id(exhibitor: str, code: str) -> uuid.UUID:
    return stable_id("model", SAMPLE_FAIR, exhibitor, code)


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page, as a PDF text extractor reads it back."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
