"""Read the catalog for the screens and the CLI: the fair, the search, a model's spec sheet.

``CatalogService`` is the one way in: every method opens and closes its own session, so it may
be called from the GUI thread or a task. The values it returns are plain frozen dataclasses
(``catalog_types.py``, re-exported here); the search itself is described in
``catalog_search.py``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from catalog_app.domain.models import Fair
from catalog_app.services import catalog_reads as reads
from catalog_app.services.catalog_search import (
    PAGE_SIZE,
    CatalogQuery,
    CatalogSort,
    NumberRange,
    SearchCounts,
)
from catalog_app.services.catalog_search_index import SearchIndex
from catalog_app.services.catalog_search_sql import contains_statement, ids_statement
from catalog_app.services.catalog_types import (
    CatalogOverview,
    ExhibitorChoice,
    FairInfo,
    MediaItem,
    ModelSummary,
    SearchResult,
    SpecEntry,
    SpecGroupEntries,
    SpecSheet,
)
from catalog_app.services.media_store import stored_path
from catalog_app.store.database import Database

__all__ = [
    "PAGE_SIZE",
    "CatalogOverview",
    "CatalogQuery",
    "CatalogService",
    "CatalogSort",
    "ExhibitorChoice",
    "FairInfo",
    "MediaItem",
    "ModelSummary",
    "NumberRange",
    "SearchCounts",
    "SearchResult",
    "SpecEntry",
    "SpecGroupEntries",
    "SpecSheet",
]


class CatalogService:
    """Queries over the catalog; every method opens and closes its own session."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._source = SearchIndex(database)

    def _media_path(self, sha256: str, mime_type: str) -> Path | None:
        if not self._db.is_sqlite:
            return None  # on a server the files live on the devices, not beside the data
        return stored_path(self._db.media_dir, sha256, mime_type)

    def current_fair(self) -> FairInfo | None:
        with self._db.sessions() as session:
            fair = session.scalars(
                select(Fair).where(Fair.deleted_at.is_(None)).order_by(Fair.created_at.desc())
            ).first()
            if fair is None:
                return None
            return FairInfo(
                fair.id,
                fair.code,
                fair.name_zh,
                fair.name_en,
                fair.venue_zh,
                fair.venue_en,
                fair.is_sample,
                fair.notice_zh,
                fair.notice_en,
            )

    def count_models(self) -> int:
        """How many models are on show (not deleted, of exhibitors not deleted)."""
        with self._db.sessions() as session:
            return reads.count_models(session)

    def list_models(self, text: str = "") -> list[ModelSummary]:
        """Every model on show in catalog order; ``text`` filters like the search box does."""
        return self.summaries(self.search_ids(CatalogQuery(text=text)))

    # -- search ----------------------------------------------------------------------------
    def search(self, query: CatalogQuery, first_page: int = PAGE_SIZE) -> SearchResult:
        """Counts for ``query`` and its first ``first_page`` models (more with
        ``search_page``)."""
        source = self._source.get()
        with self._db.sessions() as session:
            return reads.run_search(session, source, query, first_page, self._media_path)

    def search_page(self, query: CatalogQuery, offset: int, limit: int) -> list[ModelSummary]:
        """Rows ``offset`` to ``offset + limit`` of the result, in the query's order."""
        source = self._source.get()
        with self._db.sessions() as session:
            return reads.search_page(session, source, query, offset, limit, self._media_path)

    def search_pending(self) -> int:
        """Models whose search keys must be computed before the next search (see
        ``prepare_search``); 0 when the search is ready."""
        return self._source.pending()

    def prepare_search(self) -> None:
        """Compute what the search needs now (call from a task when ``search_pending`` is big:
        about 0.5 ms per model)."""
        self._source.get()

    def invalidate_search(self) -> None:
        """Look for changed models at the next search (after an import or a merge here)."""
        self._source.invalidate()

    def search_contains(self, query: CatalogQuery, model_id: uuid.UUID) -> bool:
        """Whether ``query`` finds this model (one indexed look-up)."""
        source = self._source.get()
        with self._db.sessions() as session:
            return (
                session.connection().execute(contains_statement(source, query, model_id)).first()
                is not None
            )

    def search_ids(self, query: CatalogQuery) -> list[uuid.UUID]:
        """Every model id of the result, in the query's order."""
        source = self._source.get()
        with self._db.sessions() as session:
            return list(session.scalars(ids_statement(source, query)))

    def overview(self) -> CatalogOverview:
        """Exhibitors, facet values and range bounds of the models on show."""
        source = self._source.get()
        with self._db.sessions() as session:
            return reads.overview(session, source)

    def summaries(self, model_ids: Sequence[uuid.UUID]) -> list[ModelSummary]:
        """Summaries of these models in this order (unknown ids are left out)."""
        with self._db.sessions() as session:
            return reads.load_summaries(session, list(model_ids), self._media_path)

    # -- one model -------------------------------------------------------------------------
    def spec_sheet(self, model_id: uuid.UUID) -> SpecSheet | None:
        """A model's whole sheet; None if it does not exist or was deleted."""
        with self._db.sessions() as session:
            return reads.load_spec_sheet(session, model_id, self._media_path)

    def spec_sheets(self, model_ids: Sequence[uuid.UUID]) -> list[SpecSheet]:
        """Sheets of these models in this order (deleted or unknown ones are left out)."""
        with self._db.sessions() as session:
            sheets = [reads.load_spec_sheet(session, i, self._media_path) for i in model_ids]
        return [sheet for sheet in sheets if sheet is not None]
