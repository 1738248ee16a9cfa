"""Officers, roles and sessions at the core level, on a real store and a fake clock: permissions are
enforced by ``require`` (not by the UI), sessions lock after inactivity and expire after 12 hours,
wrong PINs lock the account, and every login and lockout is audited."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from station import audit
from station.auth import (
    ROLE_PERMISSIONS,
    AccountDisabledError,
    AccountLockedError,
    Auth,
    InvalidCredentialsError,
    Permission,
    PermissionDenied,
    Role,
    Session,
    SessionExpiredError,
    SessionLockedError,
    SessionState,
    WeakPinError,
    require,
)
from station.cli import main
from station.clock import FakeClock
from station.config import SessionSettings
from station.store import Store

FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PIN = "482916"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    with Store.open(tmp_path / "booth.sqlite", clock=clock) as opened:
        yield opened


@pytest.fixture
def auth(store: Store, clock: FakeClock) -> Auth:
    auth = Auth(store, settings=SessionSettings(), clock=clock, hasher=FAST_HASHER)
    auth.add_officer("admin", "Ada Admin", Role.ADMIN, "975310", actor="cli:root")
    for role in (Role.OFFICER, Role.EXAMINER, Role.SUPERVISOR):
        auth.add_officer(role.value, f"{role.value.title()} One", role, PIN, actor="cli:root")
    return auth


def _state(session: Session) -> SessionState:
    """The state now (a function call, so a type checker does not carry an earlier narrowing over)."""
    return session.state


def _actions(store: Store) -> list[tuple[str, str]]:
    with store.read() as conn:
        return [(e.action, e.target) for e in audit.entries(conn)]


def test_pins_are_stored_as_argon2_hashes(auth: Auth, store: Store) -> None:
    with store.read() as conn:
        (pin_hash,) = conn.execute("SELECT pin_hash FROM officers WHERE officer_id = 'officer'").fetchone()
    assert pin_hash.startswith("$argon2id$") and PIN not in pin_hash


@pytest.mark.parametrize(
    ("role", "allowed", "denied"),
    [
        (Role.OFFICER, Permission.DECIDE, Permission.EXAMINE),
        (Role.OFFICER, Permission.REFER, Permission.VIEW_AUDIT),
        (Role.EXAMINER, Permission.EXAMINE, Permission.VIEW_HEALTH),
        (Role.SUPERVISOR, Permission.VIEW_AUDIT, Permission.MANAGE_OFFICERS),
        (Role.ADMIN, Permission.MANAGE_OFFICERS, Permission.DECIDE),
        (Role.ADMIN, Permission.CHANGE_SETTINGS, Permission.VIEW_RECORD),
    ],
)
def test_require_enforces_the_role(auth: Auth, role: Role, allowed: Permission, denied: Permission) -> None:
    session = auth.login(role.value, "975310" if role is Role.ADMIN else PIN)
    require(session, allowed)
    with pytest.raises(PermissionDenied, match=denied.value):
        require(session, denied)
    assert session.can(allowed) and not session.can(denied)


def test_every_permission_belongs_to_some_role() -> None:
    assert set().union(*ROLE_PERMISSIONS.values()) == set(Permission)
    assert (
        ROLE_PERMISSIONS[Role.OFFICER] < ROLE_PERMISSIONS[Role.EXAMINER] < ROLE_PERMISSIONS[Role.SUPERVISOR]
    )


def test_session_locks_after_five_idle_minutes_and_unlocks_with_the_pin(auth: Auth, clock: FakeClock) -> None:
    session = auth.login("officer", PIN)
    clock.advance(timedelta(minutes=4, seconds=59))
    require(session, Permission.INSPECT)  # activity resets the idle timer
    clock.advance(timedelta(minutes=4, seconds=59))
    assert _state(session) is SessionState.ACTIVE
    clock.advance(timedelta(seconds=1))
    assert _state(session) is SessionState.LOCKED and session.locked
    with pytest.raises(SessionLockedError):
        require(session, Permission.INSPECT)
    assert not session.can(Permission.INSPECT)  # the UI hides data
    session.touch()
    assert session.locked  # activity does not unlock; only the PIN does
    with pytest.raises(InvalidCredentialsError):
        auth.unlock(session, "000000")
    auth.unlock(session, PIN)
    require(session, Permission.INSPECT)


def test_session_can_be_locked_by_hand(auth: Auth) -> None:
    session = auth.login("officer", PIN)
    session.lock()
    with pytest.raises(SessionLockedError):
        require(session, Permission.INSPECT)


def test_session_expires_after_twelve_hours_even_when_active(auth: Auth, clock: FakeClock) -> None:
    session = auth.login("examiner", PIN)
    for _ in range(12 * 60 // 4 - 1):
        clock.advance(timedelta(minutes=4))
        require(session, Permission.EXAMINE)
    clock.advance(timedelta(minutes=4))
    assert session.state is SessionState.EXPIRED
    with pytest.raises(SessionExpiredError):
        require(session, Permission.EXAMINE)
    with pytest.raises(SessionExpiredError):
        auth.unlock(session, PIN)  # a new login is needed
    assert auth.login("examiner", PIN).state is SessionState.ACTIVE


def test_repeated_wrong_pins_lock_the_account_for_the_lockout_period(
    auth: Auth, store: Store, clock: FakeClock
) -> None:
    for attempt in range(4):
        with pytest.raises(InvalidCredentialsError) as wrong:
            auth.login("officer", "111111")
        assert wrong.value.attempts_left == 4 - attempt
    with pytest.raises(AccountLockedError) as locked:
        auth.login("officer", "111111")
    assert locked.value.until == clock.now() + timedelta(minutes=15)
    with pytest.raises(AccountLockedError):
        auth.login("officer", PIN)  # even the right PIN waits
    clock.advance(timedelta(minutes=15))
    session = auth.login("officer", PIN)
    assert session.state is SessionState.ACTIVE
    officer = auth.get("officer")
    assert officer is not None and officer.failed_attempts == 0

    actions = [a for a, target in _actions(store) if target == "officer"]
    assert actions.count(audit.Action.LOGIN_FAILED) == 5
    assert actions.count(audit.Action.LOCKOUT) == 1
    assert actions.count(audit.Action.LOGIN_REFUSED) == 1
    assert actions[-1] == audit.Action.LOGIN


def test_wrong_pins_while_unlocking_count_towards_the_lockout(auth: Auth, clock: FakeClock) -> None:
    session = auth.login("officer", PIN)
    clock.advance(timedelta(minutes=6))
    for _ in range(4):
        with pytest.raises(InvalidCredentialsError):
            auth.unlock(session, "999999")
    with pytest.raises(AccountLockedError):
        auth.unlock(session, "999999")
    assert session.state is SessionState.EXPIRED  # a lockout ends the session


def test_unknown_officer_and_disabled_account(auth: Auth, store: Store) -> None:
    with pytest.raises(InvalidCredentialsError):
        auth.login("nobody", PIN)
    admin = auth.login("admin", "975310")
    auth.disable("officer", actor=admin, reason="left the service")
    with pytest.raises(AccountDisabledError):
        auth.login("officer", PIN)
    supervisor = auth.login("supervisor", PIN)
    with pytest.raises(PermissionDenied, match="administrator"):
        auth.unlock_account("officer", actor=supervisor)
    auth.unlock_account("officer", actor=admin)
    auth.login("officer", PIN)
    assert ("auth.login_failed", "nobody") in _actions(store)


def test_a_supervisor_lifts_a_pin_lockout(auth: Auth) -> None:
    for _ in range(5):
        with pytest.raises((InvalidCredentialsError, AccountLockedError)):
            auth.login("officer", "123123")
    auth.unlock_account("officer", actor=auth.login("supervisor", PIN))
    auth.login("officer", PIN)


def test_account_changes_need_the_right_role(auth: Auth) -> None:
    officer = auth.login("officer", PIN)
    with pytest.raises(PermissionDenied):
        auth.add_officer("x1", "X", Role.ADMIN, "246810", actor=officer)
    with pytest.raises(PermissionDenied):
        auth.set_pin("examiner", "246810", actor=officer)
    admin = auth.login("admin", "975310")
    auth.add_officer("x1", "X", Role.OFFICER, "246810", actor=admin)
    with pytest.raises(ValueError, match="already exists"):
        auth.add_officer("x1", "X", Role.OFFICER, "246810", actor=admin)
    with pytest.raises(ValueError, match="officer ID"):
        auth.add_officer("bad id!", "X", Role.OFFICER, "246810", actor=admin)


@pytest.mark.parametrize("pin", ["123", "00000000", ""])
def test_weak_pins_are_refused(auth: Auth, pin: str) -> None:
    with pytest.raises(WeakPinError):
        auth.add_officer("new", "New", Role.OFFICER, pin, actor="cli:root")
    assert auth.get("new") is None


def test_officers_change_their_own_pin(auth: Auth) -> None:
    session = auth.login("officer", PIN)
    with pytest.raises(InvalidCredentialsError):
        auth.change_own_pin(session, "000000", "135799")
    auth.change_own_pin(session, PIN, "135799")
    with pytest.raises(InvalidCredentialsError):
        auth.login("officer", PIN)
    assert isinstance(auth.login("officer", "135799"), Session)


def test_login_logout_and_unlock_are_audited_with_a_valid_chain(
    auth: Auth, store: Store, clock: FakeClock
) -> None:
    session = auth.login("officer", PIN)
    clock.advance(timedelta(minutes=10))
    auth.unlock(session, PIN)
    auth.logout(session)
    assert session.state is SessionState.EXPIRED
    actions = [a for a, target in _actions(store) if target == "officer"]
    assert actions[-3:] == [audit.Action.LOGIN, audit.Action.SESSION_UNLOCKED, audit.Action.LOGOUT]
    with store.read() as conn:
        assert audit.verify(conn).ok


def test_old_hashes_are_upgraded_on_login(store: Store, clock: FakeClock) -> None:
    weak = Auth(store, clock=clock, hasher=PasswordHasher(time_cost=1, memory_cost=512, parallelism=1))
    weak.add_officer("o", "O", Role.OFFICER, PIN, actor="cli:root")
    Auth(store, clock=clock, hasher=FAST_HASHER).login("o", PIN)
    with store.read() as conn:
        (pin_hash,) = conn.execute("SELECT pin_hash FROM officers WHERE officer_id = 'o'").fetchone()
    assert "m=1024" in pin_hash


# --- station users ---------------------------------------------------------------------------


def _users(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    status = main(["users", *args, "--db", str(db)])
    out, err = capsys.readouterr()
    return status, out, err


def test_add_list_lock_unlock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "booth.sqlite"
    monkeypatch.setattr("sys.stdin", io.StringIO("271828\n"))
    assert _users(capsys, db, "add", "ada", "--name", "Ada L", "--role", "supervisor", "--pin-stdin")[:2] == (
        0,
        "added ada (supervisor)\n",
    )
    status, out, _ = _users(capsys, db, "list", "--json")
    assert status == 0
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert row["officer_id"] == "ada" and row["role"] == "supervisor" and not row["disabled"]

    assert _users(capsys, db, "lock", "ada", "--reason", "on leave")[0] == 0
    assert "disabled" in _users(capsys, db, "list")[1]
    assert _users(capsys, db, "unlock", "ada")[0] == 0
    assert "active" in _users(capsys, db, "list")[1]

    status, _, err = _users(capsys, db, "lock", "nobody")
    assert status == 1 and "no officer 'nobody'" in err

    with Store.open(db) as store:
        Auth(store).login("ada", "271828")  # the PIN given on stdin works


def test_weak_pin_and_duplicate_are_clear_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "booth.sqlite"
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    status, _, err = _users(capsys, db, "add", "bo", "--name", "Bo", "--role", "officer", "--pin-stdin")
    assert status == 1 and "at least 6" in err


def test_users_add_as_a_subprocess(tmp_path: Path) -> None:
    db = tmp_path / "booth.sqlite"
    cmd = [sys.executable, "-m", "station", "users", "add", "root1", "--name", "R", "--role", "admin"]
    done = subprocess.run(
        [*cmd, "--pin-stdin", "--db", str(db)], input="314159\n", capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "added root1 (admin)" in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "station", "audit", "verify", "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "audit log OK: 1 entries" in done.stdout
