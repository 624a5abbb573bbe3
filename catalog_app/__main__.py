"""Allow ``python -m catalog_app`` to behave like the ``catalog-app`` command."""

import sys

from catalog_app.cli import main

sys.exit(main())
