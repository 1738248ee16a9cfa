"""Loading lists from files and applying snapshots and deltas, all-or-nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from station.screening.lists import ListFormatError, apply_list, list_versions, load_file, read_file
from station.screening.persons import PersonQuery, screen_person
from station.store import Store

from .conftest import PERSONS_CSV


def count(store: Store, table: str) -> int:
    with store.read() as conn:
        (n,) = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(n)


def hits(store: Store, surname: str, given: str) -> list[str]:
    with store.read() as conn:
        return [h.person.id for h in screen_person(conn, PersonQuery(surname, given))]


def test_csv_persons_are_read_with_aliases_and_dates(tmp_path: Path) -> None:
    (tmp_path / "p.csv").write_text(PERSONS_CSV, encoding="utf-8")
    records = read_file("persons", tmp_path / "p.csv")
    first = records[0]
    assert json.loads(first["aliases"]) == ["محمد عبد الرحمن الحسيني", "ABU OMAR AL SHAMI"]
    assert [r["birth_date"] for r in records] == ["1980-05-01", "1975", None, "1969-11-23", "1971-03-09"]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("id,surname,given_names\nP1,DOE,JOHN\nP2,,JANE\n", 3, "surname: missing"),
        ("id,surname,birth_date\nP1,DOE,1980-13-01\n", 2, "not a date"),
        ("id,surname,birth_date\nP1,DOE,80\n", 2, "YYYY-MM-DD, YYYY or empty"),
        ("id,surname,nationality\nP1,DOE,SYRIA\n", 2, "state code"),
        ("id,surname,sex\nP1,DOE,male\n", 2, "is not M, F, X or empty"),
        ("id,surname,colour\nP1,DOE,red\n", 1, "bad header"),
        ("id,surname\nP1,DOE\nP1,ROE\n", 3, "listed twice (first on line 2)"),
        ("id,surname\nP1,DOE,EXTRA\n", 2, "3 fields"),
        ("id,surname\nP1,1234\n", 2, "no letters"),
        ('id,surname\nP1,"DOE\n', 2, "unexpected end"),
    ],
)
def test_bad_csv_is_reported_with_its_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ListFormatError) as caught:
        read_file("persons", path)
    assert f"bad.csv:{line}:" in str(caught.value) and words in str(caught.value)


def test_json_array_errors_name_the_line_of_the_record(tmp_path: Path) -> None:
    path = tmp_path / "docs.json"
    path.write_text(
        '[\n  {"number": "X1", "issuing_state": "IRN"},\n\n'
        '  {"number": "X2",\n   "issuing_state": "Iran"}\n]\n',
        encoding="utf-8",
    )
    with pytest.raises(ListFormatError, match=r"docs.json:4: issuing_state: 'Iran'"):
        read_file("documents", path)
    path.write_text('[{"number": "X1", "issuing_state": "IRN"},\n {"number": ]', encoding="utf-8")
    with pytest.raises(ListFormatError, match=r"docs.json:2: not JSON"):
        read_file("documents", path)


def test_json_lines_and_json_arrays_load(tmp_path: Path, store: Store) -> None:
    (tmp_path / "api.jsonl").write_text(
        json.dumps(
            {
                "flight": "QR 1024",
                "expected_date": "2026-11-23",
                "surname": "DOE",
                "flags": [{"flag": "ROUTE", "source": "NTC"}],
            }
        )
        + "\n\n"
        + json.dumps({"flight": "QR1024", "expected_date": "2026-11-23", "document_number": "X-12 345"})
        + "\n",
        encoding="utf-8",
    )
    with store.transaction() as conn:
        assert load_file(conn, "api", tmp_path / "api.jsonl") == 2
    with store.read() as conn:
        rows = conn.execute("SELECT flight, document_number, flags FROM screening_api ORDER BY id").fetchall()
    assert rows[0][0] == "QR1024" and {r[1] for r in rows} == {"", "X12345"}


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe garbage", b"", b"id,surname\nP1,DOE\nP2,\n", b"[{]"],
)
def test_a_bad_file_loads_nothing_and_keeps_the_old_list(
    loaded: Store, tmp_path: Path, content: bytes
) -> None:
    before = count(loaded, "screening_persons")
    with loaded.read() as conn:
        version = list_versions(conn)["persons"]["version"]
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ListFormatError), loaded.transaction() as conn:
        load_file(conn, "persons", path)
    assert count(loaded, "screening_persons") == before
    with loaded.read() as conn:
        assert list_versions(conn)["persons"]["version"] == version
    assert hits(loaded, "ALHUSSEINI", "MOHAMMED ABDELRAHMAN") == ["P-AR-1"]


def test_snapshot_replaces_and_delta_changes_the_list(loaded: Store) -> None:
    with loaded.transaction() as conn:
        apply_list(
            conn,
            "persons",
            "sync-7",
            [
                {
                    "id": "P-NEW",
                    "surname": "AL QURASHI",
                    "given_names": "IBRAHIM",
                    "aliases": ["إبراهيم القرشي"],
                },
                {"id": "P-AR-1", "deleted": True},
            ],
            delta=True,
        )
    assert hits(loaded, "ALQURASHI", "EBRAHIM") == ["P-NEW"]
    assert hits(loaded, "ALHUSSEINI", "MOHAMMED ABDELRAHMAN") == []
    assert count(loaded, "screening_persons") == 5
    with loaded.transaction() as conn:
        apply_list(conn, "persons", "sync-8", [{"id": "P-ONLY", "surname": "DOE", "given_names": "JOHN"}])
    assert count(loaded, "screening_persons") == 1
    assert hits(loaded, "ALQURASHI", "EBRAHIM") == [] and hits(loaded, "DOE", "JOHN") == ["P-ONLY"]
    with loaded.read() as conn:
        assert list_versions(conn)["persons"]["version"] == "sync-8"


def test_a_bad_record_in_a_delta_rolls_back_the_callers_transaction(loaded: Store) -> None:
    with pytest.raises(ListFormatError, match="persons record 2: birth_date"), loaded.transaction() as conn:
        apply_list(conn, "documents", "sync-9", [{"number": "Z9", "issuing_state": "SYR"}], delta=True)
        apply_list(
            conn,
            "persons",
            "sync-9",
            [{"id": "A", "surname": "X"}, {"id": "B", "surname": "Y", "birth_date": "soon"}],
            delta=True,
        )
    assert count(loaded, "screening_documents") == 3
    with loaded.read() as conn:
        assert list_versions(conn)["documents"]["version"] == "test-1"


def test_duplicate_records_in_a_delivery_are_refused(store: Store) -> None:
    with pytest.raises(ListFormatError, match="listed twice"), store.transaction() as conn:
        apply_list(
            conn,
            "documents",
            "v1",
            [{"number": "A1", "issuing_state": "D"}, {"number": "A1", "issuing_state": "D<<"}],
        )


def test_unknown_kind_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ListFormatError, match="unknown list kind"), store.transaction() as conn:
        apply_list(conn, "pets", "v1", [])
