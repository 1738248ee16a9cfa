"""The interface every document check is written against, and the runner that calls them all.

A check is a small function ``fn(ctx: CheckContext) -> Iterable[Finding]`` registered with
``@check("<code-prefix>")`` in a module of this package. Modules are found by name (pkgutil, like
the CLI's commands), so adding a check never means editing a shared list, and a frozen build finds
them with ``collect_submodules("station.checks")``.

The runner never lets one check take the booth down: a check that raises, returns something that is
not a ``Finding``, or whose module fails to import becomes a FAILED ``<prefix>.crashed`` finding with
a log line, and the remaining checks still run. A crashed check is a WARNING, not a FAIL: the
document was not shown to be bad, but one of its checks did not run, so the officer must look.
"""

from __future__ import annotations

import datetime
import functools
import importlib
import logging
import pkgutil
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from devices.scan import DocumentScan, Image
from station.config import ChecksSettings, Config
from station.findings import Finding, Severity, Status

if TYPE_CHECKING:
    from mrz import MRZResult
    from station.store import Store

log = logging.getLogger(__name__)

_NOT_CHECK_MODULES = frozenset({"base"})


@dataclass(frozen=True)
class CheckContext:
    """Everything a check may look at for one presentation of a document.

    ``mrz`` is ``None`` when no MRZ could be read; ``config`` is ``None`` when a check runs outside a
    booth (the CLI without a config file, tests), in which case checks use their defaults.
    ``extras`` carries inputs that only some checks understand (e.g. an advance passenger list
    entry) without widening this type for everyone.
    """

    scan: DocumentScan
    mrz: MRZResult | None
    today: datetime.date
    config: Config | None
    live_photo: Image | None = None
    store: Store | None = None
    extras: Mapping[str, object] = field(default_factory=dict)


CheckFn = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class RegisteredCheck:
    """A check as the runner knows it: its code prefix, the function, and the module it came from."""

    code: str
    fn: CheckFn
    module: str


_REGISTRY: dict[str, RegisteredCheck] = {}
_LOAD_ERRORS: dict[str, str] = {}
_discovered = False


def check(code: str) -> Callable[[CheckFn], CheckFn]:
    """Registers ``fn`` as the check with the stable code prefix ``code`` (e.g. ``"mrz.expiry"``).

    Codes are unique: two checks claiming one code is a programming error, caught at import.
    """
    if not code or code != code.strip() or " " in code:
        raise ValueError(f"invalid check code {code!r}")

    def register(fn: CheckFn) -> CheckFn:
        existing = _REGISTRY.get(code)
        if existing is not None and (existing.module, existing.fn.__qualname__) != (
            fn.__module__,
            fn.__qualname__,
        ):
            raise ValueError(f"check code {code!r} already registered by {existing.module}")
        _REGISTRY[code] = RegisteredCheck(code=code, fn=fn, module=fn.__module__)
        return fn

    return register


def discover() -> None:
    """Imports every check module of this package once. A module that fails to import is remembered
    and reported by ``run_checks`` as a crashed check, instead of breaking every inspection."""
    global _discovered  # noqa: PLW0603 - the registry is process-wide by design, like the CLI's
    if not _discovered:
        _LOAD_ERRORS.update(load_modules(__package__ or "station.checks"))
        _discovered = True


def load_modules(package_name: str) -> dict[str, str]:
    """Imports the check modules of ``package_name``; returns ``{module: error}`` for those that fail."""
    package = importlib.import_module(package_name)
    errors: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name in _NOT_CHECK_MODULES or info.name.startswith("_"):
            continue
        name = f"{package_name}.{info.name}"
        try:
            importlib.import_module(name)
        except Exception as exc:  # a broken check module must not stop the others
            log.exception("check module %s failed to load", name)
            errors[info.name] = f"{type(exc).__name__}: {exc}"
    return errors


def registered_checks() -> list[RegisteredCheck]:
    """All checks, in code order (so findings come out in a stable order)."""
    discover()
    return [_REGISTRY[code] for code in sorted(_REGISTRY)]


def crashed(code: str, error: str) -> Finding:
    """The finding that stands in for a check that could not run to its end."""
    return Finding(
        code=f"{code}.crashed",
        status=Status.FAILED,
        severity=Severity.WARNING,
        message="This check could not be completed because of a software fault. "
        "Examine this part of the document by hand.",
        evidence={"error": error},
    )


def run_checks(ctx: CheckContext, checks: Iterable[RegisteredCheck] | None = None) -> list[Finding]:
    """Runs ``checks`` (default: every registered check) on ``ctx`` and returns all their findings.

    Never raises because of a check: faults become ``<code>.crashed`` findings and a log line.
    """
    findings: list[Finding] = []
    if checks is None:
        checks = registered_checks()
        findings.extend(crashed(f"module.{name}", error) for name, error in sorted(_LOAD_ERRORS.items()))
    for registered in checks:
        findings.extend(_run_one(registered, ctx))
    return findings


def _run_one(registered: RegisteredCheck, ctx: CheckContext) -> list[Finding]:
    started = time.perf_counter()
    try:
        produced = list(registered.fn(ctx))
    except Exception as exc:
        log.exception("check %s crashed", registered.code)
        return [crashed(registered.code, f"{type(exc).__name__}: {exc}")]
    finally:
        log.debug("check %s took %.1f ms", registered.code, (time.perf_counter() - started) * 1000)
    wrong = [type(item).__name__ for item in produced if not isinstance(item, Finding)]
    if wrong:
        log.error("check %s returned non-findings: %s", registered.code, wrong)
        return [crashed(registered.code, f"returned {', '.join(wrong)} instead of Finding")]
    return produced


def not_checked(code: str, message: str, /, **evidence: Any) -> Finding:
    """A check whose inputs are missing says so; it is never counted as passed."""
    return Finding(code, Status.NOT_CHECKED, Severity.INFO, message, evidence)


def passed(code: str, message: str, /, **evidence: Any) -> Finding:
    return Finding(code, Status.PASSED, Severity.INFO, message, evidence)


def failed(code: str, severity: Severity, message: str, /, **evidence: Any) -> Finding:
    return Finding(code, Status.FAILED, severity, message, evidence)


def settings(ctx: CheckContext) -> ChecksSettings:
    """The booth's ``[checks]`` settings; without a config (CLI, tests) their declared defaults, so
    a run without a booth behaves like a booth that kept the defaults."""
    return (ctx.config if ctx.config is not None else _default_config()).checks


@functools.cache
def _default_config() -> Config:
    return Config.defaults()
