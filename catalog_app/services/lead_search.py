"""Text search over leads: which leads contain what was typed, fast at a million leads.

A lead matches a query when the query, folded like the search keys (``fold_query``: width,
case, Traditional→Simplified; spaces removed), is a substring of one of its texts: the name key
or the company key (spaces removed: pinyin, the folded text and its initials), the e-mail, the
WeChat id — or, when the query holds four digits or more, when those digits are a substring of
the E.164 mobile or of the landline's digits. ``like_condition`` says exactly that in portable
SQL (PostgreSQL, exports, reports): a scan of the table, about a second at 1,000,000 leads.

On SQLite, migration 0005 keeps ``lead_search``, an FTS5 trigram index over the same texts
(kept up to date by triggers on ``lead``). ``text_condition`` picks, per query, the fastest way
to the same answer:

- **sparse** (fewer than ``SPARSE_CAP`` leads match in the index): the rows come from the index
  (their rowids read once), then ordered — some 5 ms per thousand matches at a million leads.
  ``like_condition`` is applied to them as well, so the answer is exactly the LIKE answer even
  if the index held a stale entry;
- **dense** (at least ``SPARSE_CAP`` matches, say a surname): the list walks its sort index and
  tests ``like_condition`` row by row — matches are so frequent that a page fills after a few
  thousand rows, cheaper than reading every match from the index.

The index records which leads hold a trigram, not where (``detail='none'``), so it yields
candidates that ``like_condition`` then confirms. A query of three characters or more asks for
the leads holding all of a few of its trigrams that cover it (every third and the last: fewer
lists to read than every trigram). A one- or two-character query ("王伟", "gz") is looked up
through the index's vocabulary: every occurrence of it starts some indexed trigram (the texts
end with line breaks), so the leads holding any trigram that starts with it are the candidates;
when there are more than ``MAX_TERMS`` such trigrams the query is common and the dense way is
taken. The digits of a query (four or more) are looked up the same way, OR-ed.

Without the index (PostgreSQL, a SQLite without FTS5 trigrams, a file whose index is gone) the
search is ``like_condition`` alone: the same answers, slower.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    false,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from catalog_app.domain.models import Lead
from catalog_app.domain.search_keys import fold_query
from catalog_app.store import lead_search_index

SEARCH_TABLE = lead_search_index.SEARCH_TABLE
VOCABULARY_TABLE = "temp.lead_search_terms"
SPARSE_CAP = 10_000
MAX_TERMS = 64
MIN_DIGITS = 4
TRIGRAM = 3
_DIGIT = re.compile(r"[0-9]")
_LIKE_SPECIAL = re.compile(r"([\\%_])")
# The landline's digits: the separators people type between them removed (as in migration 0005).
_LANDLINE_SEPARATORS = ("-", " ", "(", ")", ".")


@dataclass(frozen=True)
class SearchText:
    """A query as the search compares it."""

    folded: str  # folded like the keys, spaces removed
    digits: str  # its digits when there are at least MIN_DIGITS, else ""

    @classmethod
    def of(cls, typed: str) -> SearchText | None:
        """None when nothing searchable was typed (blank, or only spaces)."""
        folded = fold_query(typed).replace(" ", "")
        if not folded:
            return None
        digits = "".join(_DIGIT.findall(folded))  # (folding made full-width digits ASCII)
        return cls(folded, digits if len(digits) >= MIN_DIGITS else "")


def _contains(value: str) -> str:
    return "%" + _LIKE_SPECIAL.sub(r"\\\1", value) + "%"


def landline_digits(column: Any) -> ColumnElement[str]:
    expression = column
    for separator in _LANDLINE_SEPARATORS:
        expression = func.replace(expression, separator, "")
    return expression  # type: ignore[no-any-return]


def like_condition(search: SearchText) -> ColumnElement[bool]:
    """The leads that match ``search``, in portable SQL (see the module docstring)."""
    pattern = _contains(search.folded)
    conditions = [
        func.replace(Lead.person_name_key, " ", "").like(pattern, escape="\\"),
        func.replace(Lead.company_key, " ", "").like(pattern, escape="\\"),
        Lead.email_normalized.like(pattern, escape="\\"),
        func.lower(Lead.wechat_id).like(pattern, escape="\\"),
    ]
    if search.digits:
        digits = _contains(search.digits)
        conditions.append(Lead.mobile_e164.like(digits, escape="\\"))
        conditions.append(landline_digits(Lead.landline).like(digits, escape="\\"))
    return or_(*conditions)


# -- the index -------------------------------------------------------------------------------
def has_search_index(session: Session) -> bool:
    """Whether this database keeps the trigram index (SQLite with migration 0005's objects)."""
    return lead_search_index.has_index(session.connection())


def _quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _covering_trigrams(value: str) -> list[str]:
    """Trigrams of ``value`` that together cover every character (every third one and the
    last): a lead that contains ``value`` holds them all."""
    starts = sorted({*range(0, len(value) - TRIGRAM + 1, TRIGRAM), len(value) - TRIGRAM})
    return list(dict.fromkeys(value[i : i + TRIGRAM] for i in starts))


def _terms_starting_with(session: Session, prefix: str) -> list[str]:
    """The index's trigrams that start with ``prefix`` (at most MAX_TERMS + 1 of them)."""
    session.execute(
        text(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCABULARY_TABLE} "
            f"USING fts5vocab(main, {SEARCH_TABLE}, 'row')"
        )
    )
    rows = session.execute(
        text(
            f"SELECT term FROM {VOCABULARY_TABLE} WHERE term >= :low AND term < :high "
            "ORDER BY term LIMIT :limit"
        ),
        {"low": prefix, "high": prefix + "\U0010ffff", "limit": MAX_TERMS + 1},
    )
    return [str(row[0]) for row in rows]


def match_expression(session: Session, search: SearchText) -> str | None:
    """An FTS5 query that finds (at least) every lead of ``search`` in the index; "" when the
    index shows that no lead matches; None when the query is too common to look up term by
    term. Candidates are re-checked with ``like_condition``: the index says which leads hold
    the trigrams, not where."""
    parts = []
    if len(search.folded) >= TRIGRAM:
        parts.append(" AND ".join(_quoted(t) for t in _covering_trigrams(search.folded)))
    else:
        terms = _terms_starting_with(session, search.folded)
        if len(terms) > MAX_TERMS:
            return None
        if terms:
            parts.append(" OR ".join(_quoted(t) for t in terms))
    if search.digits and search.digits != search.folded:
        parts.append(" AND ".join(_quoted(t) for t in _covering_trigrams(search.digits)))
    return " OR ".join(f"({part})" for part in parts)


def _sparse_rows(session: Session, expression: str) -> list[int] | None:
    """The rowids of the leads the index finds, or None when there are SPARSE_CAP or more.
    (Plain SQL: thousands of integers need no statement compiled per query.)"""
    found = (
        session.connection()
        .exec_driver_sql(
            f"SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH ? LIMIT ?",
            (expression, SPARSE_CAP),
        )
        .scalars()
        .all()
    )
    return list(found) if len(found) < SPARSE_CAP else None


def text_condition(session: Session, typed: str) -> ColumnElement[bool] | None:
    """The condition for what was typed, the way that is fastest here (module docstring);
    None when nothing searchable was typed.

    A sparse query's matches are read from the index once, here, and the condition carries
    their rowids (as one JSON parameter): the pages and the count of one list share them.
    """
    search = SearchText.of(typed)
    if search is None:
        return None
    exact = like_condition(search)
    if not has_search_index(session):
        return exact
    expression = match_expression(session, search)
    if expression is None:
        return exact
    if not expression:
        return false()
    rows = _sparse_rows(session, expression)
    if rows is None:
        return exact
    if not rows:
        return false()
    listed = select(literal_column("value")).select_from(func.json_each(json.dumps(rows)))
    return literal_column("lead.rowid").in_(listed) & exact
