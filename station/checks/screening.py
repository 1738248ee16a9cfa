"""Screening checks: persons of interest, lost/stolen documents, the flight's advance passenger
list and PNR flags, and travel history (see :mod:`station.screening`).

They read the lists from the booth's store (``ctx.store``); without a store, or before a list was
ever loaded, they report NOT_CHECKED, never "passed". Inputs besides the MRZ come from the scan's
barcodes (an IATA boarding pass) or from ``ctx.extras``: ``boarding_pass`` (BCBP text), ``flight``
and ``flight_date`` (ISO date), ``direction`` (entry/exit, overriding ``[booth] direction``).
"""

from __future__ import annotations

import datetime
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from station.checks.base import CheckContext, check, failed, not_checked, passed
from station.findings import Finding, Severity
from station.screening.documents import screen_document
from station.screening.lists import list_versions
from station.screening.persons import PersonQuery, ScreeningSettings, screen_person
from station.screening.travel import (
    BoardingPass,
    TravellerRef,
    assess_stays,
    crossings,
    match_manifest,
    parse_bcbp,
)

PERSON = "screening.person_hit"
DOCUMENT = "screening.document_hit"
MANIFEST = "screening.api_manifest"
PNR_FLAG = "screening.pnr_flag"
OPEN_ENTRY = "screening.history_open_entry"
OVERSTAY = "screening.history_overstay"


def _field(ctx: CheckContext, name: str) -> str:
    value = ctx.mrz.fields.get(name, "") if ctx.mrz is not None else ""
    return str(value or "")


@contextmanager
def _lists(ctx: CheckContext) -> Iterator[sqlite3.Connection | None]:
    if ctx.store is None:
        yield None
        return
    with ctx.store.read() as conn:
        yield conn


@check("screening.person")
def person_of_interest(ctx: CheckContext) -> Iterable[Finding]:
    if ctx.mrz is None:
        return [not_checked(PERSON, "No MRZ was read, so the holder was not screened against the watchlist.")]
    with _lists(ctx) as conn:
        if conn is None or "persons" not in list_versions(conn):
            return [not_checked(PERSON, "No watchlist is loaded at this booth; the holder was not screened.")]
        version = list_versions(conn)["persons"]["version"]
        settings = ScreeningSettings.from_config(ctx.config)
        query = PersonQuery(
            surname=_field(ctx, "surname"),
            given_names=_field(ctx, "given_names"),
            birth_date=_field(ctx, "birth_date"),
            nationality=_field(ctx, "nationality"),
            sex=_field(ctx, "sex"),
        )
        hits = screen_person(conn, query, settings)
    if not hits:
        return [
            passed(PERSON, "No match on the watchlist.", list_version=version, threshold=settings.threshold)
        ]
    return [
        failed(
            PERSON,
            Severity.FAIL,
            f"Possible match with person of interest {hit.person.id} (score {hit.score:.2f}):"
            f" {hit.person.reason or 'listed'}."
            f" Required action: {hit.person.action or 'refer to second line'}.",
            person_id=hit.person.id,
            score=round(hit.score, 3),
            list_version=version,
            explanation=hit.explanation(),
        )
        for hit in hits
    ]


@check("screening.document")
def lost_or_stolen(ctx: CheckContext) -> Iterable[Finding]:
    number, state = _field(ctx, "document_number"), _field(ctx, "issuing_state")
    if not number or not state:
        return [
            not_checked(DOCUMENT, "No document number was read; not screened against lost/stolen documents.")
        ]
    with _lists(ctx) as conn:
        if conn is None or "documents" not in list_versions(conn):
            return [not_checked(DOCUMENT, "No lost/stolen document list is loaded at this booth.")]
        version = list_versions(conn)["documents"]["version"]
        hits = screen_document(conn, number, state)
    if not hits:
        return [passed(DOCUMENT, "The document is not on the lost/stolen list.", list_version=version)]
    return [
        failed(
            DOCUMENT,
            Severity.FAIL,
            f"The document is listed as {hit.status or 'lost/stolen'} ({hit.issuing_state} {hit.number})"
            + (
                ": matched only after correcting OCR look-alike characters; compare the printed number."
                if hit.folded
                else "."
            ),
            list_version=version,
            explanation=hit.explanation(),
        )
        for hit in hits
    ]


def _boarding_pass(ctx: CheckContext) -> BoardingPass | None:
    texts = [str(ctx.extras["boarding_pass"])] if "boarding_pass" in ctx.extras else []
    texts.extend(ctx.scan.barcodes)
    for text in texts:
        parsed = parse_bcbp(text)
        if parsed is not None:
            return parsed
    return None


def _flight(ctx: CheckContext) -> tuple[str, datetime.date, BoardingPass | None] | None:
    boarding = _boarding_pass(ctx)
    if boarding is not None:
        return boarding.flight, boarding.flight_date(ctx.today), boarding
    flight = ctx.extras.get("flight")
    if isinstance(flight, str) and flight:
        day = ctx.extras.get("flight_date")
        date = datetime.date.fromisoformat(day) if isinstance(day, str) and day else ctx.today
        return flight, date, None
    return None


@check("screening.api")
def advance_passenger_list(ctx: CheckContext) -> Iterable[Finding]:
    flight = _flight(ctx)
    if flight is None:
        return [not_checked(MANIFEST, "No flight is known for this traveller (no boarding pass).")]
    if ctx.mrz is None:
        return [not_checked(MANIFEST, "No MRZ was read, so the flight's passenger list was not checked.")]
    code, date, boarding = flight
    traveller = TravellerRef(
        document_number=_field(ctx, "document_number"),
        issuing_state=_field(ctx, "issuing_state"),
        surname=_field(ctx, "surname"),
        given_names=_field(ctx, "given_names"),
        birth_date=_field(ctx, "birth_date"),
    )
    with _lists(ctx) as conn:
        if conn is None:
            return [not_checked(MANIFEST, "No store at this booth; the passenger list was not checked.")]
        match = match_manifest(conn, code, date, traveller)
    where: dict[str, object] = {"flight": code, "flight_date": date.isoformat()}
    if boarding is not None:
        where.update(
            boarding_pass={"name": f"{boarding.surname}/{boarding.given_names}", "pnr": boarding.pnr}
        )
    if match.manifest_size == 0:
        return [not_checked(MANIFEST, f"No advance passenger list for flight {code} on {date}.", **where)]
    if match.entry is None:
        return [
            failed(
                MANIFEST,
                Severity.WARNING,
                f"Not on the advance passenger list of flight {code} ({match.manifest_size} listed).",
                **where,
            )
        ]
    findings = [
        passed(
            MANIFEST,
            f"On the passenger list of flight {code} (matched by {match.matched_by}).",
            entry_id=match.entry.id,
            matched_by=match.matched_by,
            pnr=match.entry.pnr,
            **where,
            **match.evidence,
        )
    ]
    findings.extend(
        failed(
            PNR_FLAG,
            Severity.WARNING,
            f"PNR flag {flag['flag']} (source: {flag['source']}) on booking {match.entry.pnr or '?'}.",
            flag=flag["flag"],
            source=flag["source"],
            pnr=match.entry.pnr,
            entry_id=match.entry.id,
            **where,
        )
        for flag in match.entry.flags
    )
    return findings


@check("screening.history")
def travel_history(ctx: CheckContext) -> Iterable[Finding]:
    number, state = _field(ctx, "document_number"), _field(ctx, "issuing_state")
    if not number or not state:
        return [not_checked(OVERSTAY, "No document number was read; travel history not checked.")]
    direction = str(ctx.extras.get("direction") or (ctx.config.booth.direction if ctx.config else "entry"))
    allowed = ScreeningSettings.from_config(ctx.config).allowed_stay_days
    with _lists(ctx) as conn:
        if conn is None:
            return [not_checked(OVERSTAY, "No store at this booth; travel history not checked.")]
        history = crossings(conn, number, state)
    stays = assess_stays(history, ctx.today, allowed)
    evidence = {"crossings": [c.to_json() for c in history[-10:]], "allowed_stay_days": allowed}
    findings: list[Finding] = []
    entry = stays.open_entry
    if entry is not None and direction in ("entry", "both"):
        findings.append(
            failed(
                OPEN_ENTRY,
                Severity.WARNING,
                f"Entered on {entry.on} at {entry.crossing_point or 'another crossing'} with no exit recorded"
                f" since ({stays.days_open} days).",
                **evidence,
            )
        )
    if entry is not None and direction in ("exit", "both") and stays.days_open > allowed:
        findings.append(
            failed(
                OVERSTAY,
                Severity.WARNING,
                f"Stay of {stays.days_open} days since entry on {entry.on} exceeds the allowed {allowed} days"
                f" by {stays.days_open - allowed}.",
                days=stays.days_open,
                **evidence,
            )
        )
    findings.extend(
        failed(
            OVERSTAY,
            Severity.WARNING,
            f"Earlier stay from {start.on} to {end.on} lasted {days} days (allowed {allowed}).",
            days=days,
            **evidence,
        )
        for start, end, days in stays.past_overstays
    )
    if not findings:
        message = (
            f"{len(history)} earlier crossing(s); no open stay or overstay."
            if history
            else "No earlier crossings recorded."
        )
        findings.append(passed(OVERSTAY, message, **evidence))
    return findings
