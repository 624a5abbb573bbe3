"""The ``catalog-app`` command: starts the GUI, or runs a subcommand on the same services.

``catalog-app [--db PATH] [--lang zh_CN|en]`` starts the window. The subcommands live in
``catalog_app/commands/`` (one module per area, listed in ``COMMAND_MODULES``). Every
subcommand takes ``--db PATH`` (a SQLite file or a ``postgresql://`` URL; default:
$CATALOG_APP_DB, else the user data folder). Errors go to stderr in the user's language, with
a non-zero exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from catalog_app import __version__
from catalog_app.commands.support import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_PROBLEMS_FOUND,
    Handler,
    language_of,
    target_of,
)
from catalog_app.domain.text import SUPPORTED_LANGUAGES, UserFacingError

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_PROBLEMS_FOUND", "build_parser", "main"]

# Each module defines register(commands, common) -> {name: handler}.
COMMAND_MODULES = (
    "catalog_app.commands.catalog_commands",
    "catalog_app.commands.store_commands",
    "catalog_app.commands.smoke_commands",
    "catalog_app.commands.tco_commands",
    "catalog_app.commands.attendee_commands",
    "catalog_app.commands.intent_commands",
    "catalog_app.commands.lead_commands",
    "catalog_app.commands.export_commands",
    "catalog_app.commands.search_commands",
    "catalog_app.commands.sync_commands",
)


def _common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        help="database file or postgresql:// URL (default: $CATALOG_APP_DB, else the user "
        "data folder)",
    )
    common.add_argument(
        "--lang",
        choices=SUPPORTED_LANGUAGES,
        help="language of the interface and messages (default: from the system)",
    )
    return common


def build_parser() -> tuple[argparse.ArgumentParser, dict[str | None, Handler]]:
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="catalog-app",
        description="Trade-fair catalog, lead desk and intent printer for new-energy trucks.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"catalog-app {__version__}")
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="start in kiosk mode: full screen, for buyers; leaving it needs a staff PIN",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    handlers: dict[str | None, Handler] = {None: run_gui}
    for name in COMMAND_MODULES:
        handlers.update(importlib.import_module(name).register(commands, common))
    return parser, handlers


def run_gui(args: argparse.Namespace) -> int:
    if getattr(args, "kiosk", False):
        from catalog_app.ui.kiosk.launch import run_kiosk

        return run_kiosk(target_of(args), language_of(args))
    from catalog_app.ui.app import run_gui as start

    return start(target_of(args), language_of(args))


def main(argv: Sequence[str] | None = None) -> int:
    parser, handlers = build_parser()
    args = parser.parse_args(argv)
    lang = language_of(args)
    try:
        return handlers[args.command](args)
    except UserFacingError as exc:
        print(exc.text(lang), file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        print(f"{exc.strerror or exc}: {exc.filename or ''}".strip(), file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
