"""Entry point of the frozen app: exactly the ``catalog-app`` command (window or subcommand)."""

import multiprocessing
import sys

from catalog_app.cli import main

if __name__ == "__main__":
    # Lets a future multiprocessing child of the frozen program start as that child, not as a
    # second app (a no-op everywhere else).
    multiprocessing.freeze_support()
    sys.exit(main())
