"""The verdict follows the booth's rules and always names the findings that drove it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from station.config import Config
from station.domain import Verdict
from station.findings import Finding, Severity, Status
from station.verdict import VerdictRules, assess


def _f(code: str, status: Status, severity: Severity = Severity.INFO) -> Finding:
    return Finding(code, status, severity, f"{code} says so")


PASS = _f("mrz.check_digits", Status.PASSED)
MINOR = _f("holder.minor", Status.FAILED, Severity.INFO)
SOON = _f("doc.expiry", Status.FAILED, Severity.WARNING)
EXPIRED = _f("doc.expiry", Status.FAILED, Severity.FAIL)
NOT_RUN = _f("image.uv_paper", Status.NOT_CHECKED)


def test_passes_and_information_give_clear_with_no_reasons() -> None:
    assessment = assess([PASS, MINOR, NOT_RUN])
    assert assessment.verdict is Verdict.CLEAR
    assert assessment.reasons == ()


def test_a_warning_gives_attention_and_names_the_finding() -> None:
    assessment = assess([PASS, SOON])
    assert assessment.verdict is Verdict.ATTENTION
    assert [r.finding for r in assessment.reasons] == [SOON]
    assert "warning" in assessment.reasons[0].rule


def test_a_fail_gives_stop_and_every_driver_is_listed_worst_first() -> None:
    assessment = assess([SOON, PASS, EXPIRED])
    assert assessment.verdict is Verdict.STOP
    assert [(r.finding, r.verdict) for r in assessment.reasons] == [
        (EXPIRED, Verdict.STOP),
        (SOON, Verdict.ATTENTION),
    ]


def test_rules_come_from_the_booth_config() -> None:
    config = Config.from_mapping(
        {
            "checks": {
                "fail_verdict": "attention",
                "warning_verdict": "clear",
                "not_checked_verdict": "attention",
                "stop_codes": ["holder.minor", "screening."],
            }
        }
    )
    assert assess([SOON], config).verdict is Verdict.CLEAR
    assert assess([EXPIRED], config).verdict is Verdict.ATTENTION
    assert assess([NOT_RUN], config).verdict is Verdict.ATTENTION
    minor = assess([MINOR], config)
    assert minor.verdict is Verdict.STOP
    assert "holder.minor" in minor.reasons[0].rule
    hit = assess([_f("screening.person_hit", Status.FAILED, Severity.INFO)], config)
    assert hit.verdict is Verdict.STOP


def test_default_stop_codes_stop_even_a_warning() -> None:
    rules = VerdictRules.from_config(None)
    hit = _f(rules.stop_codes[0], Status.FAILED, Severity.WARNING)
    assert assess([hit], rules).verdict is Verdict.STOP


def test_a_passed_finding_with_a_stop_code_does_not_stop() -> None:
    rules = VerdictRules(stop_codes=("screening.person_hit",))
    assert assess([_f("screening.person_hit", Status.PASSED)], rules).verdict is Verdict.CLEAR


@given(
    st.lists(
        st.builds(
            _f,
            st.sampled_from(["doc.expiry", "image.uv_paper", "screening.person_hit", "x.crashed"]),
            st.sampled_from(list(Status)),
            st.sampled_from(list(Severity)),
        ),
        max_size=12,
    )
)
def test_the_verdict_is_the_worst_reason_and_every_reason_is_listed(findings: list[Finding]) -> None:
    rules = VerdictRules.from_config(None)
    assessment = assess(findings, rules)
    judged = [r for f in findings if (r := rules.judge(f)) is not None]
    assert sorted(r.finding.code for r in assessment.reasons) == sorted(r.finding.code for r in judged)
    expected = max((r.verdict for r in judged), key=lambda v: v.rank, default=Verdict.CLEAR)
    assert assessment.verdict is expected
    ranks = [r.verdict.rank for r in assessment.reasons]
    assert ranks == sorted(ranks, reverse=True)
