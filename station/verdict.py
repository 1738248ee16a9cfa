"""From findings to the verdict panel's colour: clear (green), attention (amber), stop (red).

The rules are the booth's ``[checks]`` settings, not code: what a fail, a warning and a check that
could not run each mean, and which finding codes always stop. The verdict is never a bare colour:
``assess`` returns every finding that moved it, with the rule that applied, so the officer can see
why — and a supervisor can see that the rules were followed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from station.config import Config
from station.domain import Assessment, Verdict, VerdictReason
from station.findings import Finding, Severity, Status


@dataclass(frozen=True)
class VerdictRules:
    """What each kind of finding asks for. ``stop_codes`` entries ending in ``.`` match a prefix."""

    fail: Verdict = Verdict.STOP
    warning: Verdict = Verdict.ATTENTION
    not_checked: Verdict = Verdict.CLEAR
    stop_codes: tuple[str, ...] = ()

    @classmethod
    def from_config(cls, config: Config | None) -> VerdictRules:
        checks = (config or Config.defaults()).checks
        return cls(
            fail=Verdict(checks.fail_verdict),
            warning=Verdict(checks.warning_verdict),
            not_checked=Verdict(checks.not_checked_verdict),
            stop_codes=tuple(checks.stop_codes),
        )

    def stop_rule_for(self, code: str) -> str | None:
        for entry in self.stop_codes:
            if code == entry or (entry.endswith(".") and code.startswith(entry)):
                return entry
        return None

    def judge(self, finding: Finding) -> VerdictReason | None:
        """The verdict one finding asks for and why, or ``None`` when it leaves the verdict clear."""
        if finding.status is Status.PASSED:
            return None
        if finding.status is Status.NOT_CHECKED:
            return self._reason(finding, self.not_checked, "a check that could not run")
        stop = self.stop_rule_for(finding.code)
        if stop is not None:
            return VerdictReason(finding, Verdict.STOP, f"finding code {stop!r} always stops")
        if finding.severity is Severity.FAIL:
            return self._reason(finding, self.fail, "a failed check of severity fail")
        if finding.severity is Severity.WARNING:
            return self._reason(finding, self.warning, "a failed check of severity warning")
        return None

    @staticmethod
    def _reason(finding: Finding, verdict: Verdict, what: str) -> VerdictReason | None:
        if verdict is Verdict.CLEAR:
            return None
        return VerdictReason(finding, verdict, f"{what} gives {verdict.value}")


def assess(findings: Iterable[Finding], rules: VerdictRules | Config | None = None) -> Assessment:
    """The verdict for ``findings``: the worst any finding asks for, with all the findings that asked
    for more than clear (worst first, in their original order within a verdict)."""
    if not isinstance(rules, VerdictRules):
        rules = VerdictRules.from_config(rules)
    reasons: Sequence[VerdictReason] = [r for f in findings if (r := rules.judge(f)) is not None]
    if not reasons:
        return Assessment(Verdict.CLEAR, ())
    ordered = sorted(reasons, key=lambda r: -r.verdict.rank)
    return Assessment(ordered[0].verdict, tuple(ordered))
