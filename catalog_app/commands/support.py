"""What every subcommand needs: the language, the database target, printing, exit codes."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from catalog_app.domain.text import Bilingual, default_language, normalise_language

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_PROBLEMS_FOUND = 3

Handler = Callable[[argparse.Namespace], int]


def language_of(args: argparse.Namespace) -> str:
    return normalise_language(args.lang) if getattr(args, "lang", None) else default_language()


def target_of(args: argparse.Namespace) -> str:
    """The database to use: --db, else $CATALOG_APP_DB, else the user data folder's file."""
    from catalog_app.store.locations import resolve_db_target

    return resolve_db_target(getattr(args, "db", None))


def say(message: Bilingual, lang: str, **params: object) -> None:
    print(message.render(lang, **params))
