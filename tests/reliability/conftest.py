"""Hypothesis profiles for the fuzz tests: ``ci`` (default, quick) and ``nightly`` (thorough).

Run the long run with ``HYPOTHESIS_PROFILE=nightly bash scripts/test.sh tests/reliability``.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", max_examples=60)
settings.register_profile("nightly", max_examples=3000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
