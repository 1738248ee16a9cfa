"""The screening lists in the booth's store: reading list files, and applying snapshots and deltas.

Four kinds of list, each loaded from a file by ``station lists load KIND FILE`` or delivered by sync
(which calls :func:`apply_list` inside its own transaction, after checking the list's signature):

persons  Persons of interest. CSV header
         ``id,surname,given_names,aliases,birth_date,nationality,sex,reason,action``:
         ``aliases`` separated by ``|`` (any script, e.g. ``محمد عبد الرحمن الحسيني|MOHD ALHUSSEINI``),
         ``birth_date`` as ``YYYY-MM-DD``, ``YYYY`` or empty, ``nationality`` a 3-letter code or
         empty, ``sex`` ``M``, ``F``, ``X`` or empty. JSON: the same keys, ``aliases`` a list of strings.
documents Lost, stolen and invalidated documents. CSV header ``number,issuing_state,type,status``
         (``status`` e.g. lost, stolen, invalidated, revoked). JSON: the same keys.
api      Advance passenger information. CSV header
         ``id,flight,expected_date,document_number,issuing_state,surname,given_names,birth_date,nationality,pnr,flags``:
         ``flight`` as carrier + number (``QR1024``), ``expected_date`` ``YYYY-MM-DD``, ``flags`` the
         PNR risk flags as ``FLAG@SOURCE`` separated by ``|`` (``ROUTE_RISK@NTC|CASH_TICKET@NTC``);
         ``id`` may be empty. JSON: ``flags`` a list of ``{"flag": ..., "source": ...}``.
history  Crossings recorded elsewhere (synced from central). CSV header
         ``id,document_number,issuing_state,direction,crossed_on,crossing_point``: ``direction``
         ``entry`` or ``exit``, ``crossed_on`` ``YYYY-MM-DD``; ``id`` may be empty.

Required columns: persons ``id,surname``; documents ``number,issuing_state``; api
``flight,expected_date`` and a ``document_number`` or ``surname`` per record; history
``document_number,issuing_state,direction,crossed_on``. The others may be left out. Document
numbers are stored without fillers, spaces or hyphens; state codes upper case (``D<<`` -> ``D``).

Files are CSV (UTF-8, first line the header; only the columns above, in any order) or JSON: an
array of objects, or JSON Lines (``.jsonl``/``.ndjson``, one object per line). A file is checked
completely before anything is written; the first bad line is reported with its line number, and a
load is one transaction, so a list is never half-loaded.

A snapshot replaces the whole list; a delta (``delta=True``) inserts or replaces the records it
holds and removes those marked ``"deleted": true`` (identified by ``id``, or ``number`` +
``issuing_state`` for documents).
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import re
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from station.screening.documents import fold_number, normalise_number
from station.screening.index import NameIndex, PersonNames

KINDS = ("persons", "documents", "api", "history")
Record = dict[str, Any]


class ListFormatError(ValueError):
    """A list file or record that cannot be used; the message names the place and the problem."""


@dataclass(frozen=True)
class _Kind:
    table: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    key: tuple[str, ...]
    validate: Callable[[Record], Record]


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_STATE = re.compile(r"^[A-Z]{1,3}$")
_LETTER = re.compile(r"[^\W\d_]")


def _text(record: Mapping[str, Any], name: str) -> str:
    value = record.get(name)
    if value.__class__ is str:  # the common case (every CSV cell), first
        return value.strip()
    if value is None:
        return ""
    if not isinstance(value, str | int):
        raise ListFormatError(f"{name}: expected text, got {type(value).__name__}")
    return str(value).strip()


def _date(value: str, name: str, *, year_ok: bool = False) -> str | None:
    if not value:
        return None
    if year_ok and _YEAR.match(value):
        return value
    if _DATE.match(value):
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            pass
        else:
            return value
    expected = "YYYY-MM-DD, YYYY or empty" if year_ok else "YYYY-MM-DD"
    raise ListFormatError(f"{name}: {value!r} is not a date ({expected})")


def _state(value: str, name: str, *, required: bool = False) -> str:
    code = value.upper().replace("<", "")
    if (code or required) and not _STATE.match(code):
        raise ListFormatError(f"{name}: {value!r} is not a 1-3 letter ICAO state code")
    return code


def _strings(value: Any, name: str) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split("|") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    raise ListFormatError(f"{name}: expected a list of strings")


def _flags(value: Any) -> list[dict[str, str]]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        flags = []
        for item in _strings(value, "flags"):
            flag, at, source = item.partition("@")
            if not at or not flag.strip() or not source.strip():
                raise ListFormatError(f"flags: {item!r} is not FLAG@SOURCE")
            flags.append({"flag": flag.strip(), "source": source.strip()})
        return flags
    if isinstance(value, list) and all(
        isinstance(v, dict) and isinstance(v.get("flag"), str) and isinstance(v.get("source"), str)
        for v in value
    ):
        return [{"flag": v["flag"], "source": v["source"]} for v in value]
    raise ListFormatError('flags: expected a list of {"flag": ..., "source": ...}')


def _person(r: Record) -> Record:
    surname, given = _text(r, "surname"), _text(r, "given_names")
    if not _LETTER.search(surname + given):
        raise ListFormatError(f"surname/given_names: {surname!r} {given!r} hold no letters of a name")
    return {
        "id": _text(r, "id"),
        "surname": surname,
        "given_names": given,
        "aliases": json.dumps(_strings(r.get("aliases"), "aliases"), ensure_ascii=False)
        if r.get("aliases")
        else "[]",
        "birth_date": _date(_text(r, "birth_date"), "birth_date", year_ok=True),
        "nationality": _state(_text(r, "nationality"), "nationality"),
        "sex": _sex(_text(r, "sex")),
        "reason": _text(r, "reason"),
        "action": _text(r, "action"),
    }


def _sex(value: str) -> str:
    sex = value.upper()
    if sex not in ("", "M", "F", "X"):
        raise ListFormatError(f"sex: {value!r} is not M, F, X or empty")
    return sex


def _document(r: Record) -> Record:
    number = normalise_number(_text(r, "number"))
    if not number:
        raise ListFormatError("number: missing")
    return {
        "number": number,
        "issuing_state": _state(_text(r, "issuing_state"), "issuing_state", required=True),
        "type": _text(r, "type"),
        "status": _text(r, "status").lower(),
        "folded_number": fold_number(number),
    }


def _api(r: Record) -> Record:
    out = {
        "id": _text(r, "id"),
        "flight": _text(r, "flight").upper().replace(" ", ""),
        "expected_date": _date(_text(r, "expected_date"), "expected_date"),
        "document_number": normalise_number(_text(r, "document_number")),
        "issuing_state": _state(_text(r, "issuing_state"), "issuing_state"),
        "surname": _text(r, "surname"),
        "given_names": _text(r, "given_names"),
        "birth_date": _date(_text(r, "birth_date"), "birth_date", year_ok=True),
        "nationality": _state(_text(r, "nationality"), "nationality"),
        "pnr": _text(r, "pnr").upper(),
        "flags": json.dumps(_flags(r.get("flags")), ensure_ascii=False),
    }
    if not out["flight"] or out["expected_date"] is None:
        raise ListFormatError("flight and expected_date are required")
    if not out["document_number"] and not out["surname"]:
        raise ListFormatError("document_number or surname is required")
    out["id"] = (
        out["id"] or f"{out['flight']}/{out['expected_date']}/{out['document_number'] or out['surname']}"
    )
    return out


def _history(r: Record) -> Record:
    direction = _text(r, "direction").lower()
    if direction not in ("entry", "exit"):
        raise ListFormatError(f"direction: {direction!r} is not entry or exit")
    out = {
        "id": _text(r, "id"),
        "document_number": normalise_number(_text(r, "document_number")),
        "issuing_state": _state(_text(r, "issuing_state"), "issuing_state", required=True),
        "direction": direction,
        "crossed_on": _date(_text(r, "crossed_on"), "crossed_on"),
        "crossing_point": _text(r, "crossing_point"),
    }
    if not out["document_number"] or out["crossed_on"] is None:
        raise ListFormatError("document_number and crossed_on are required")
    out["id"] = (
        out["id"] or f"{out['document_number']}/{out['issuing_state']}/{direction}/{out['crossed_on']}"
    )
    return out


_KINDS: dict[str, _Kind] = {
    "persons": _Kind(
        "screening_persons",
        ("id", "surname", "given_names", "aliases", "birth_date", "nationality", "sex", "reason", "action"),
        ("id", "surname"),
        ("id",),
        _person,
    ),
    "documents": _Kind(
        "screening_documents",
        ("number", "issuing_state", "type", "status", "folded_number"),
        ("number", "issuing_state"),
        ("number", "issuing_state"),
        _document,
    ),
    "api": _Kind(
        "screening_api",
        (
            "id",
            "flight",
            "expected_date",
            "document_number",
            "issuing_state",
            "surname",
            "given_names",
            "birth_date",
            "nationality",
            "pnr",
            "flags",
        ),
        ("flight", "expected_date"),
        ("id",),
        _api,
    ),
    "history": _Kind(
        "screening_history",
        ("id", "document_number", "issuing_state", "direction", "crossed_on", "crossing_point"),
        ("document_number", "issuing_state", "direction", "crossed_on"),
        ("id",),
        _history,
    ),
}
_FILE_COLUMNS = {
    kind: tuple(c for c in spec.columns if c != "folded_number") for kind, spec in _KINDS.items()
}


def file_columns(kind: str) -> tuple[str, ...]:
    """The columns a CSV file of ``kind`` may have."""
    _spec(kind)
    return _FILE_COLUMNS[kind]


def _spec(kind: str) -> _Kind:
    try:
        return _KINDS[kind]
    except KeyError:
        raise ListFormatError(f"unknown list kind {kind!r} (one of: {', '.join(KINDS)})") from None


# --- reading files -------------------------------------------------------------------------------


def read_file(kind: str, path: str | Path) -> list[Record]:
    """Every record of the file, validated; raises :class:`ListFormatError` naming file and line."""
    spec = _spec(kind)
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ListFormatError(f"{file}: no such file") from None
    except UnicodeDecodeError as exc:
        raise ListFormatError(f"{file}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise ListFormatError(f"{file}: cannot be read ({exc.strerror or exc})") from None
    suffix = file.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        rows: Iterator[tuple[int, Any]] = _json_lines(file, text)
    elif suffix == ".json" or text.lstrip().startswith("["):
        rows = _json_array(file, text)
    else:
        rows = _csv_rows(kind, file, text)
    records = []
    first_line: dict[tuple[str, ...], int] = {}
    for line, raw in rows:
        if not isinstance(raw, dict):
            raise ListFormatError(f"{file}:{line}: expected an object with the fields of a {kind} record")
        unknown = sorted(set(raw) - set(_FILE_COLUMNS[kind]) - {"deleted"})
        if unknown:
            raise ListFormatError(f"{file}:{line}: unknown field(s) {', '.join(unknown)}")
        try:
            record = _validate(spec, raw)
        except ListFormatError as exc:
            raise ListFormatError(f"{file}:{line}: {exc}") from None
        key = tuple(record[k] for k in spec.key)
        if first_line.setdefault(key, line) != line:
            what = "/".join(key)
            raise ListFormatError(f"{file}:{line}: {what} is listed twice (first on line {first_line[key]})")
        records.append(record)
    return records


def _validate(spec: _Kind, raw: Record) -> Record:
    if raw.get("deleted") is True:
        missing = [k for k in spec.key if not _text(raw, k)]
        if missing:
            raise ListFormatError(f"a deletion needs {', '.join(missing)}")
        return {"deleted": True, **{k: _key_value(k, _text(raw, k)) for k in spec.key}}
    for name in spec.required:
        if not _text(raw, name):
            raise ListFormatError(f"{name}: missing")
    return spec.validate(raw)


def _key_value(name: str, value: str) -> str:
    if name == "number":
        return normalise_number(value)
    if name == "issuing_state":
        return value.upper().replace("<", "")
    return value


def _csv_rows(kind: str, file: Path, text: str) -> Iterator[tuple[int, Any]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ListFormatError(f"{file}: empty file (expected a CSV header line)") from None
    except csv.Error as exc:
        raise ListFormatError(f"{file}:1: {exc}") from None
    unknown = [h for h in header if h not in _FILE_COLUMNS[kind]]
    missing = [c for c in _KINDS[kind].required if c not in header]
    if unknown or missing or len(set(header)) != len(header):
        expected = ",".join(_FILE_COLUMNS[kind])
        raise ListFormatError(f"{file}:1: bad header (expected columns from: {expected})")
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise ListFormatError(f"{file}:{line}: {len(row)} fields, the header has {len(header)}")
            yield line, dict(zip(header, row, strict=True))
    except csv.Error as exc:
        raise ListFormatError(f"{file}:{reader.line_num}: {exc}") from None


def _json_lines(file: Path, text: str) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                raise ListFormatError(f"{file}:{number}: not JSON ({exc.msg})") from None


def _json_array(file: Path, text: str) -> Iterator[tuple[int, Any]]:
    """The elements of a top-level JSON array, each with the line it starts on."""
    decoder = json.JSONDecoder()
    i = _skip_space(text, 0)
    if text[i : i + 1] != "[":
        raise ListFormatError(f"{file}:{_line(text, i)}: expected a JSON array of records")
    i = _skip_space(text, i + 1)
    if text[i : i + 1] == "]":
        return
    while True:
        try:
            value, end = decoder.raw_decode(text, i)
        except json.JSONDecodeError as exc:
            raise ListFormatError(f"{file}:{exc.lineno}: not JSON ({exc.msg})") from None
        yield _line(text, i), value
        i = _skip_space(text, end)
        if text[i : i + 1] == "]":
            if text[_skip_space(text, i + 1) :]:
                raise ListFormatError(f"{file}:{_line(text, i + 1)}: text after the end of the array")
            return
        if text[i : i + 1] != ",":
            raise ListFormatError(f"{file}:{_line(text, i)}: expected ',' or ']' between records")
        i = _skip_space(text, i + 1)


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def _line(text: str, i: int) -> int:
    return text.count("\n", 0, i) + 1


# --- applying lists ------------------------------------------------------------------------------


def apply_list(
    conn: sqlite3.Connection,
    kind: str,
    version: str,
    records: Sequence[Mapping[str, Any]],
    *,
    delta: bool = False,
) -> int:
    """Replace list ``kind`` by ``records`` (or, with ``delta``, change it by them); returns the
    number of entries the list holds afterwards.

    ``records`` are objects as in a JSON list file (see the module docstring). Runs inside the
    caller's transaction and never commits, so a sync that also records its progress does both or
    neither. Every record is checked before anything is written; a bad one raises
    :class:`ListFormatError` naming its position, and the caller's transaction rolls back. The
    persons' name index is rebuilt in the same transaction.
    """
    spec = _spec(kind)
    checked = []
    for position, raw in enumerate(records, start=1):
        try:
            if not isinstance(raw, Mapping):
                raise ListFormatError("expected an object")
            checked.append(_validate(spec, dict(raw)))
        except ListFormatError as exc:
            raise ListFormatError(f"{kind} record {position}: {exc}") from None
    first: dict[tuple[str, ...], int] = {}
    for position, record in enumerate(checked, start=1):
        key = tuple(record[k] for k in spec.key)
        if first.setdefault(key, position) != position:
            raise ListFormatError(
                f"{kind} record {position}: {'/'.join(key)} is listed twice (first: {first[key]})"
            )
    return _write(conn, kind, version, checked, delta=delta)


def load_file(conn: sqlite3.Connection, kind: str, path: str | Path, version: str | None = None) -> int:
    """Replace list ``kind`` by the file's records (inside the caller's transaction); see
    :func:`read_file` for the formats. Returns the number of entries loaded."""
    records = read_file(kind, path)
    return _write(conn, kind, version or file_version(path), records, delta=False)


def _write(conn: sqlite3.Connection, kind: str, version: str, checked: list[Record], *, delta: bool) -> int:
    spec = _KINDS[kind]
    if not delta:
        conn.execute(f"DELETE FROM {spec.table}")
    deletions = [r for r in checked if r.get("deleted") is True]
    rows = [r for r in checked if r.get("deleted") is not True]
    if deletions:
        where = " AND ".join(f"{k} = ?" for k in spec.key)
        conn.executemany(
            f"DELETE FROM {spec.table} WHERE {where}", [tuple(r[k] for k in spec.key) for r in deletions]
        )
    columns = ", ".join(spec.columns)
    marks = ", ".join("?" * len(spec.columns))
    numbered = kind == "persons" and not delta
    if numbered:  # row ids 1..n, so the index can be built from the records at hand
        conn.executemany(
            f"INSERT INTO {spec.table} (rowid, {columns}) VALUES (?, {marks})",
            ((i, *(r[c] for c in spec.columns)) for i, r in enumerate(rows, start=1)),
        )
    else:
        conn.executemany(
            f"INSERT OR REPLACE INTO {spec.table} ({columns}) VALUES ({marks})",
            (tuple(r[c] for c in spec.columns) for r in rows),
        )
    (count,) = conn.execute(f"SELECT count(*) FROM {spec.table}").fetchone()
    conn.execute(
        "INSERT OR REPLACE INTO screening_list_versions (kind, version, applied_at, entries)"
        " VALUES (?, ?, ?, ?)",
        (kind, version, datetime.datetime.now(datetime.UTC).isoformat(timespec="microseconds"), count),
    )
    if numbered:
        NameIndex.build(_person_names(i, r) for i, r in enumerate(rows, start=1)).save(conn)
    elif kind == "persons":
        rebuild_index(conn)
    return int(count)


def _aliases(stored: str) -> list[str]:
    aliases: list[str] = json.loads(stored) if stored != "[]" else []
    return aliases


def _person_names(rowid: int, record: Mapping[str, Any]) -> PersonNames:
    birth = record["birth_date"]
    return PersonNames(
        rowid=rowid,
        names=[f"{record['surname']} {record['given_names']}", *_aliases(record["aliases"])],
        birth_year=int(birth[:4]) if birth else 0,
    )


def rebuild_index(conn: sqlite3.Connection) -> NameIndex:
    """Build the persons' name index from ``screening_persons`` and store it beside the list."""
    index = build_index(conn)
    index.save(conn)
    return index


def build_index(conn: sqlite3.Connection) -> NameIndex:
    """The persons' name index built from ``screening_persons`` (not stored)."""
    rows = conn.execute("SELECT rowid, surname, given_names, aliases, birth_date FROM screening_persons")
    return NameIndex.build(
        PersonNames(
            rowid=rowid,
            names=[f"{surname} {given}", *json.loads(aliases)],
            birth_year=int(birth[:4]) if birth else 0,
        )
        for rowid, surname, given, aliases, birth in rows
    )


def file_version(path: str | Path) -> str:
    """A version label for a list loaded from a file: its name and the start of its SHA-256."""
    file = Path(path)
    digest = hashlib.sha256(file.read_bytes()).hexdigest()[:12]
    return f"file:{file.name}:{digest}"


def list_versions(conn: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    """Which version of each list the booth holds, when it was applied, and how many entries."""
    rows = conn.execute("SELECT kind, version, applied_at, entries FROM screening_list_versions")
    return {kind: {"version": v, "applied_at": at, "entries": n} for kind, v, at, n in rows}
