"""Explainable document checks: each check module registers itself with ``@check``; ``run_checks``
runs them all and turns a faulty check into a finding instead of a crash. See ``base``."""

from station.checks.base import CheckContext, RegisteredCheck, check, registered_checks, run_checks

__all__ = ["CheckContext", "RegisteredCheck", "check", "registered_checks", "run_checks"]
