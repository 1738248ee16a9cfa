"""Chip checks: passive authentication (is the chip's data signed by a trusted issuing state and
unchanged?), the chip's MRZ against the printed one, and active authentication (is this the chip
the data was written to, or a clone?).

Inputs: ``scan.chip`` (data groups by name, and the active-authentication exchange the reader
recorded), the trust list from ``ctx.extras["chip_trust"]`` or the booth's store. When no chip
was read the checks say "not checked", with the reader's reason (``ctx.extras["chip_error"]``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from devices.chip import active, lds, passive
from station.checks.base import CheckContext, check, failed, not_checked, passed
from station.chip_trust import TrustList, trust_list_from_store
from station.findings import Finding, Severity


def _chip(ctx: CheckContext) -> Mapping[str, bytes] | None:
    return ctx.scan.chip or None


def _no_chip(code: str, ctx: CheckContext) -> Finding:
    reason = ctx.extras.get("chip_error")
    if reason:
        return not_checked(code, f"The chip could not be read: {reason}", reason=str(reason))
    return not_checked(code, "No chip was read from this document.")


def _trust_list(ctx: CheckContext) -> TrustList | None:
    given = ctx.extras.get("chip_trust")
    if isinstance(given, TrustList):
        return given
    if ctx.store is not None:
        return trust_list_from_store(ctx.store)
    return None


def _step(code: str, result: passive.StepResult, subject: str) -> Finding:
    evidence = dict(result.evidence)
    if result.ok is None:
        return not_checked(code, f"{subject} could not be checked: {result.reason}.", **evidence)
    if result.ok:
        return passed(code, f"{subject}: {result.reason}.", **evidence)
    return failed(code, Severity.FAIL, f"{subject} failed: {result.reason}.", **evidence)


@check("chip.passive_auth")
def passive_authentication(ctx: CheckContext) -> Iterator[Finding]:
    """Signature of EF.SOD, its signer's chain to a trusted CSCA, revocation, data group hashes."""
    chip = _chip(ctx)
    if chip is None:
        yield _no_chip("chip.passive_auth", ctx)
        return
    if "SOD" not in chip:
        yield failed("chip.passive_auth.sod", Severity.FAIL, "The chip has no security object (EF.SOD).")
        return
    try:
        sod = passive.parse_sod(chip["SOD"])
    except passive.SODError as exc:
        yield failed(
            "chip.passive_auth.sod", Severity.FAIL, f"The chip's security object is malformed: {exc}"
        )
        return
    yield _step("chip.passive_auth.signature", passive.verify_signature(sod), "Security object signature")
    trust = _trust_list(ctx)
    if trust is None:
        yield not_checked("chip.passive_auth.trust_chain", "No CSCA trust list is available at this booth.")
        yield not_checked("chip.passive_auth.revocation", "No CSCA trust list is available at this booth.")
    else:
        chain, csca = passive.verify_chain(sod, trust.anchors, ctx.today)
        yield _step("chip.passive_auth.trust_chain", chain, "Document signer certificate")
        if csca is not None and sod.signer_certificate is not None:
            revocation = passive.check_revocation(sod.signer_certificate, csca, trust.anchors, ctx.today)
            yield _step("chip.passive_auth.revocation", revocation, "Document signer revocation")
        else:
            yield not_checked(
                "chip.passive_auth.revocation", "Revocation needs a trusted CSCA for the signer."
            )
    yield _hashes(sod, chip)


def _hashes(sod: passive.SecurityObject, chip: Mapping[str, bytes]) -> Finding:
    code = "chip.passive_auth.hashes"
    comparisons = passive.compare_hashes(sod, chip)
    if not comparisons:
        return not_checked(code, "No data groups were read to compare with the security object.")
    bad = [c for c in comparisons if not c.ok]
    evidence = {
        "algorithm": sod.hash_algorithm,
        "data_groups": {
            c.data_group: {"ok": c.ok, "expected": c.expected, "actual": c.actual} for c in comparisons
        },
    }
    if bad:
        names = ", ".join(c.data_group for c in bad)
        return failed(
            code,
            Severity.FAIL,
            f"Chip data was changed after signing: {names} does not match the security object.",
            mismatched=[c.data_group for c in bad],
            **evidence,
        )
    return passed(code, f"All {len(comparisons)} data groups match the security object.", **evidence)


@check("chip.mrz")
def chip_mrz_matches_print(ctx: CheckContext) -> Iterator[Finding]:
    """The MRZ stored in DG1 equals the MRZ printed on the page."""
    code = "chip.mrz"
    chip = _chip(ctx)
    if chip is None:
        yield _no_chip(code, ctx)
        return
    if "DG1" not in chip:
        yield failed(code, Severity.FAIL, "The chip has no MRZ (DG1).")
        return
    printed = ctx.mrz.mrz if ctx.mrz is not None else ctx.scan.mrz_text
    if not printed:
        yield not_checked(code, "No printed MRZ was read to compare the chip's MRZ with.")
        return
    try:
        stored = lds.parse_dg1(chip["DG1"])
    except lds.LDSError as exc:
        yield failed(code, Severity.FAIL, f"The chip's MRZ is unreadable: {exc}")
        return
    printed_lines = [line.strip() for line in printed.strip().splitlines()]
    stored_lines = stored.splitlines()
    if printed_lines == stored_lines:
        yield passed(code, "The chip's MRZ equals the printed MRZ.")
        return
    differences = [
        {"line": row + 1, "position": col + 1, "printed": p, "chip": c}
        for row, (pl, sl) in enumerate(zip(printed_lines, stored_lines, strict=False))
        for col, (p, c) in enumerate(zip(pl, sl, strict=False))
        if p != c
    ]
    yield failed(
        code,
        Severity.FAIL,
        "The chip's MRZ differs from the printed MRZ.",
        printed=printed_lines,
        chip=stored_lines,
        differences=differences[:20],
    )


@check("chip.active_auth")
def active_authentication(ctx: CheckContext) -> Iterator[Finding]:
    """The chip signed our random challenge with the key in DG15 (a cloned chip cannot)."""
    code = "chip.active_auth"
    chip = _chip(ctx)
    if chip is None:
        yield _no_chip(code, ctx)
        return
    if "DG15" not in chip:
        yield not_checked(code, "This chip does not offer active authentication (no DG15).")
        return
    challenge, signature = chip.get("AA.challenge"), chip.get("AA.signature")
    if not challenge or not signature:
        yield failed(
            code,
            Severity.WARNING,
            "The chip has an active-authentication key but did not answer "
            "the challenge: examine the document for a cloned chip.",
        )
        return
    try:
        key = lds.parse_dg15(chip["DG15"])
        ecdsa_hash = (
            active.ecdsa_hash_from_dg14(lds.parse_security_infos(chip["DG14"])) if "DG14" in chip else None
        )
        ok = active.verify(key, challenge, signature, ecdsa_hash)
    except (lds.LDSError, active.ActiveAuthError) as exc:
        yield not_checked(code, f"Active authentication could not be checked: {exc}")
        return
    evidence = {"challenge": challenge.hex(), "signature": signature.hex(), "algorithm": key.algorithm}
    if ok:
        yield passed(code, "The chip proved it holds the key of DG15: it is the original chip.", **evidence)
    else:
        yield failed(
            code,
            Severity.FAIL,
            "The chip's answer does not verify with the key in DG15: the chip may be a clone.",
            **evidence,
        )


@check("chip.chip_auth")
def chip_authentication(ctx: CheckContext) -> Iterator[Finding]:
    """The chip agreed secure-messaging keys with DG14's key (a cloned chip cannot)."""
    code = "chip.chip_auth"
    chip = _chip(ctx)
    if chip is None:
        yield _no_chip(code, ctx)
        return
    outcome = chip.get("CA.result")
    if outcome is None:
        reason = "the chip does not offer it (no chip authentication key in DG14)"
        if "DG14" not in chip:
            reason = "the chip has no DG14"
        yield not_checked(code, f"Chip authentication was not performed: {reason}.")
        return
    text = outcome.decode("utf-8", "replace")
    if text == "passed":
        yield passed(code, "The chip proved it holds the key of DG14: it is the original chip.")
    else:
        yield failed(
            code,
            Severity.FAIL,
            "Chip authentication failed: the chip may be a clone.",
            reason=text.removeprefix("failed: "),
        )
