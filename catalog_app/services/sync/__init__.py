"""Sync: device packages merged on the manager's machine, and push/pull with a central server.

- ``merge.py`` — THE merge rule (per-row last-writer-wins on the hybrid clock, tombstones win)
  and what counts as a conflict; everything else applies it.
- ``package.py`` / ``manifest.py`` / ``package_check.py`` — export a package (one ``.catpkg``
  file), and open one for merging with every check first.
- ``apply.py`` / ``apply_table.py`` — merge packages into a SQLite file in one transaction, with
  a dry run, progress and cancel; ``duplicates.py`` links people captured twice.
- ``server.py`` — push to and pull from PostgreSQL, incremental and resumable.
- ``knowledge.py`` — per-device knowledge and per-server marks kept in ``LocalSetting``.
- ``history.py`` — the sync log for the screen, and the remembered server address.
"""
