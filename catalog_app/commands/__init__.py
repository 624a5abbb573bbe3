"""Subcommands of ``catalog-app``, one module per area; each registers its own parsers.

A module here defines ``register(commands, common) -> dict[name, handler]``: it adds its
subparsers (with ``parents=[common]`` so every subcommand takes ``--db`` and ``--lang``) and
returns the handler of each. ``catalog_app/cli.py`` lists the modules in ``COMMAND_MODULES``.
Handlers call the same services as the GUI and return an exit code.
"""
