"""Officers, roles, PINs and sessions; permissions are checked here, in the core.

The UI hides what a role may not do, but that is cosmetics: every core operation that matters calls
``require(session, permission)``, which also enforces the session's life (auto-lock after
``session.lock_minutes`` of inactivity, a new login after ``session.max_hours``). A locked session
needs the officer's PIN again, and while it is locked ``require`` refuses everything, so the core
hands out no data to a booth left unattended.

PINs are hashed with argon2id (argon2-cffi); ``session.max_failures`` wrong PINs in a row lock the
account for ``session.lockout_minutes``. Officer accounts live in the booth store; every login,
failure, lockout and account change is written to the audit log in the same transaction.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import secrets
import sqlite3
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from station import audit
from station.audit import Action
from station.clock import Clock, iso
from station.config import SessionSettings
from station.store import Store

log = logging.getLogger(__name__)


class Role(enum.StrEnum):
    OFFICER = "officer"
    EXAMINER = "examiner"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Permission(enum.StrEnum):
    INSPECT = "inspect"  # scan documents, run the checks, see their findings
    DECIDE = "decide"  # admit or refuse a traveller
    REFER = "refer"  # send a traveller to second line
    VIEW_RECORD = "view_record"  # open past inspections and their images
    EXAMINE = "examine"  # take referrals, record a second-line verdict and final decision
    EXPORT = "export"  # PDF reports and data exports
    VIEW_HEALTH = "view_health"  # booth, device and sync health
    VIEW_STATS = "view_stats"  # shift statistics
    VIEW_AUDIT = "view_audit"  # read and verify the audit trail
    UNLOCK_OFFICER = "unlock_officer"  # lift a PIN lockout
    MANAGE_OFFICERS = "manage_officers"  # add officers, set roles and PINs, disable accounts
    CHANGE_SETTINGS = "change_settings"  # change the booth's configuration


_PRIMARY = frozenset({Permission.INSPECT, Permission.DECIDE, Permission.REFER, Permission.VIEW_RECORD})
_SECOND_LINE = _PRIMARY | {Permission.EXAMINE, Permission.EXPORT}
_SUPERVISION = frozenset(
    {Permission.VIEW_HEALTH, Permission.VIEW_STATS, Permission.VIEW_AUDIT, Permission.UNLOCK_OFFICER}
)

ROLE_PERMISSIONS: Mapping[Role, frozenset[Permission]] = {
    Role.OFFICER: _PRIMARY,
    Role.EXAMINER: _SECOND_LINE,
    Role.SUPERVISOR: _SECOND_LINE | _SUPERVISION,
    # An administrator runs the booth, not the border: no decisions on travellers, no traveller data.
    Role.ADMIN: _SUPERVISION | {Permission.MANAGE_OFFICERS, Permission.CHANGE_SETTINGS},
}


class AuthError(Exception):
    """Base of every refusal in this module; the message is fit for the officer's screen."""


class InvalidCredentialsError(AuthError):
    def __init__(self, attempts_left: int | None = None) -> None:
        text = "Wrong officer ID or PIN."
        if attempts_left is not None:
            text += f" {attempts_left} attempt(s) left before the account is locked."
        super().__init__(text)
        self.attempts_left = attempts_left


class AccountLockedError(AuthError):
    def __init__(self, until: datetime) -> None:
        super().__init__(f"Too many wrong PINs: the account is locked until {until:%H:%M} UTC.")
        self.until = until


class AccountDisabledError(AuthError):
    def __init__(self) -> None:
        super().__init__("This account is disabled. Ask a supervisor or an administrator.")


class WeakPinError(AuthError, ValueError):
    pass


class PermissionDenied(AuthError):  # noqa: N818 - the name is the shared contract's
    """The session may not do this (its role lacks the permission, or it is locked or expired)."""


class SessionLockedError(PermissionDenied):
    def __init__(self) -> None:
        super().__init__("The session is locked: enter your PIN to continue.")


class SessionExpiredError(PermissionDenied):
    def __init__(self) -> None:
        super().__init__("The session has ended: log in again.")


class SessionState(enum.StrEnum):
    ACTIVE = "active"
    LOCKED = "locked"
    EXPIRED = "expired"


class Session:
    """An officer's login. Its state follows the clock: idle too long -> locked; too old -> expired."""

    def __init__(
        self,
        officer_id: str,
        role: Role,
        *,
        name: str,
        clock: Clock,
        lock_after: timedelta,
        max_age: timedelta,
    ) -> None:
        self.session_id = str(uuid.uuid4())
        self.officer_id = officer_id
        self.name = name
        self.role = role
        self.started_at = clock.now()
        self.last_activity = self.started_at
        self._clock = clock
        self._lock_after = lock_after
        self._max_age = max_age
        self._locked = False
        self._ended = False

    @property
    def permissions(self) -> frozenset[Permission]:
        return ROLE_PERMISSIONS[self.role]

    @property
    def state(self) -> SessionState:
        now = self._clock.now()
        if self._ended or now - self.started_at >= self._max_age:
            return SessionState.EXPIRED
        if self._locked or now - self.last_activity >= self._lock_after:
            self._locked = True
            return SessionState.LOCKED
        return SessionState.ACTIVE

    @property
    def locked(self) -> bool:
        """True when the screen must hide traveller data and ask for the PIN."""
        return self.state is not SessionState.ACTIVE

    def can(self, permission: Permission) -> bool:
        """For the UI: whether to offer an action (does not count as activity)."""
        return self.state is SessionState.ACTIVE and permission in self.permissions

    def touch(self) -> None:
        """Record activity (a key press, a scan); a locked or expired session stays so."""
        if self.state is SessionState.ACTIVE:
            self.last_activity = self._clock.now()

    def lock(self) -> None:
        """Lock now (the officer steps away)."""
        self._locked = True

    def end(self) -> None:
        self._ended = True

    def actor(self) -> str:
        """How this session appears in the audit log."""
        return f"officer:{self.officer_id}"

    def _unlocked(self) -> None:
        self._locked = False
        self.last_activity = self._clock.now()

    def __repr__(self) -> str:
        return f"Session({self.officer_id!r}, {self.role.value}, {self.state.value})"


def require(session: Session, permission: Permission) -> None:
    """Refuse unless ``session`` is active and its role has ``permission``; counts as activity."""
    state = session.state
    if state is SessionState.EXPIRED:
        raise SessionExpiredError()
    if state is SessionState.LOCKED:
        raise SessionLockedError()
    if permission not in session.permissions:
        log.warning("permission %s denied to %s (%s)", permission, session.officer_id, session.role)
        article = "An" if session.role.value[0] in "aeiou" else "A"
        raise PermissionDenied(f"{article} {session.role.value} may not do this ({permission.value}).")
    session.touch()


@dataclass(frozen=True)
class Officer:
    officer_id: str
    name: str
    role: Role
    failed_attempts: int
    locked_until: datetime | None
    disabled: bool
    created_at: str

    def is_locked_out(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


Actor = Session | str
"""Who changes an account: an officer's session (checked against its role), or a string naming a
local system actor such as ``cli:root`` (someone with a shell on the booth, e.g. to create the
first administrator; written to the audit log as given)."""


class Auth:
    """Officer accounts and logins on one booth store."""

    def __init__(
        self,
        store: Store,
        *,
        settings: SessionSettings | None = None,
        clock: Clock | None = None,
        hasher: PasswordHasher | None = None,
    ) -> None:
        self.store = store
        self.settings = settings or SessionSettings()
        self.clock = clock or store.clock
        self.hasher = hasher or PasswordHasher()
        self._dummy_hash: str | None = None

    # --- accounts --------------------------------------------------------------------------------

    def add_officer(self, officer_id: str, name: str, role: Role | str, pin: str, *, actor: Actor) -> Officer:
        actor_name = self._authorise(actor, Permission.MANAGE_OFFICERS)
        role = Role(role)
        officer_id = officer_id.strip()
        if not officer_id or not officer_id.replace("-", "").replace("_", "").replace(".", "").isalnum():
            raise ValueError(f"officer ID {officer_id!r}: use letters, digits, '-', '_' or '.'")
        self._check_pin(pin)
        pin_hash = self.hasher.hash(pin)
        now = iso(self.clock.now())
        with self.store.transaction() as conn:
            try:
                conn.execute(
                    "INSERT INTO officers (officer_id, name, role, pin_hash, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (officer_id, name, role.value, pin_hash, now, now),
                )
            except sqlite3.IntegrityError:
                raise ValueError(f"officer {officer_id!r} already exists") from None
            audit.append(
                conn, actor_name, Action.OFFICER_ADDED, officer_id, {"role": role.value}, clock=self.clock
            )
        return self._require_officer(officer_id)

    def officers(self) -> list[Officer]:
        with self.store.read() as conn:
            rows = conn.execute(f"SELECT {_OFFICER_COLUMNS} FROM officers ORDER BY officer_id").fetchall()
        return [_officer(r) for r in rows]

    def get(self, officer_id: str) -> Officer | None:
        with self.store.read() as conn:
            row = conn.execute(
                f"SELECT {_OFFICER_COLUMNS} FROM officers WHERE officer_id = ?", (officer_id,)
            ).fetchone()
        return _officer(row) if row else None

    def disable(self, officer_id: str, *, actor: Actor, reason: str = "") -> None:
        """Lock an account until an administrator or supervisor unlocks it (e.g. officer left)."""
        actor_name = self._authorise(actor, Permission.MANAGE_OFFICERS)
        self._update_account(
            officer_id, "disabled = 1", actor_name, Action.OFFICER_LOCKED, {"reason": reason}
        )

    def unlock_account(self, officer_id: str, *, actor: Actor) -> None:
        """Lift a PIN lockout and a disable; clears the failure count."""
        actor_name = self._authorise(actor, Permission.UNLOCK_OFFICER)
        if isinstance(actor, Session) and Permission.MANAGE_OFFICERS not in actor.permissions:
            officer = self._require_officer(officer_id)
            if officer.disabled:
                raise PermissionDenied("Only an administrator can re-enable a disabled account.")
        self._update_account(
            officer_id,
            "disabled = 0, failed_attempts = 0, locked_until = NULL",
            actor_name,
            Action.OFFICER_UNLOCKED,
            {},
        )

    def set_pin(self, officer_id: str, pin: str, *, actor: Actor) -> None:
        actor_name = self._authorise(actor, Permission.MANAGE_OFFICERS)
        self._check_pin(pin)
        pin_hash = self.hasher.hash(pin)
        now = iso(self.clock.now())
        with self.store.transaction() as conn:
            changed = conn.execute(
                "UPDATE officers SET pin_hash = ?, failed_attempts = 0, locked_until = NULL, updated_at = ?"
                " WHERE officer_id = ?",
                (pin_hash, now, officer_id),
            ).rowcount
            if not changed:
                raise KeyError(officer_id)
            audit.append(conn, actor_name, Action.PIN_CHANGED, officer_id, {}, clock=self.clock)

    def change_own_pin(self, session: Session, old_pin: str, new_pin: str) -> None:
        if session.state is not SessionState.ACTIVE:
            raise SessionLockedError() if session.state is SessionState.LOCKED else SessionExpiredError()
        officer = self._require_officer(session.officer_id)
        if not self._verify(session.officer_id, old_pin):
            self._record_failure(officer, Action.UNLOCK_FAILED)
            raise InvalidCredentialsError()
        self.set_pin(session.officer_id, new_pin, actor=f"officer:{session.officer_id}")

    # --- sessions --------------------------------------------------------------------------------

    def login(self, officer_id: str, pin: str) -> Session:
        """A new session, or an :class:`AuthError` (every attempt is audited)."""
        officer = self.get(officer_id)
        now = self.clock.now()
        if officer is None:
            self._burn_time(pin)
            self._audit("unknown", Action.LOGIN_FAILED, officer_id, {"reason": "unknown officer"})
            raise InvalidCredentialsError()
        if officer.disabled:
            self._audit(f"officer:{officer_id}", Action.LOGIN_REFUSED, officer_id, {"reason": "disabled"})
            raise AccountDisabledError()
        if officer.locked_until is not None and officer.is_locked_out(now):
            self._audit(f"officer:{officer_id}", Action.LOGIN_REFUSED, officer_id, {"reason": "locked out"})
            raise AccountLockedError(officer.locked_until)
        if not self._verify(officer_id, pin):
            self._record_failure(officer, Action.LOGIN_FAILED)
            raise self._failure_error(officer_id)
        session = Session(
            officer.officer_id,
            officer.role,
            name=officer.name,
            clock=self.clock,
            lock_after=timedelta(minutes=self.settings.lock_minutes),
            max_age=timedelta(hours=self.settings.max_hours),
        )
        self._record_success(
            officer_id, Action.LOGIN, {"session": session.session_id, "role": officer.role.value}
        )
        return session

    def unlock(self, session: Session, pin: str) -> None:
        """Unlock a locked session with the officer's PIN (wrong PINs count towards the lockout)."""
        state = session.state
        if state is SessionState.EXPIRED:
            raise SessionExpiredError()
        officer = self._require_officer(session.officer_id)
        if officer.disabled:
            session.end()
            raise AccountDisabledError()
        if officer.locked_until is not None and officer.is_locked_out(self.clock.now()):
            session.end()
            raise AccountLockedError(officer.locked_until)
        if not self._verify(session.officer_id, pin):
            self._record_failure(officer, Action.UNLOCK_FAILED)
            error = self._failure_error(session.officer_id)
            if isinstance(error, AccountLockedError):
                session.end()
            raise error
        session._unlocked()
        self._record_success(session.officer_id, Action.SESSION_UNLOCKED, {"session": session.session_id})

    def logout(self, session: Session) -> None:
        session.end()
        self._audit(session.actor(), Action.LOGOUT, session.officer_id, {"session": session.session_id})

    # --- internals -------------------------------------------------------------------------------

    def _authorise(self, actor: Actor, permission: Permission) -> str:
        if isinstance(actor, Session):
            require(actor, permission)
            return actor.actor()
        if not actor:
            raise ValueError("an account change needs an actor")
        return actor

    def _check_pin(self, pin: str) -> None:
        if len(pin) < self.settings.min_pin_length:
            raise WeakPinError(f"A PIN needs at least {self.settings.min_pin_length} characters.")
        if len(set(pin)) == 1:
            raise WeakPinError("A PIN of one repeated character is too easy to guess.")

    def _verify(self, officer_id: str, pin: str) -> bool:
        with self.store.read() as conn:
            row = conn.execute("SELECT pin_hash FROM officers WHERE officer_id = ?", (officer_id,)).fetchone()
        if row is None:
            return False
        try:
            self.hasher.verify(row[0], pin)
        except (VerificationError, InvalidHashError):
            return False
        if self.hasher.check_needs_rehash(row[0]):
            with self.store.transaction() as conn:
                conn.execute(
                    "UPDATE officers SET pin_hash = ? WHERE officer_id = ?",
                    (self.hasher.hash(pin), officer_id),
                )
        return True

    def _burn_time(self, pin: str) -> None:
        """Spend one hash verification on an unknown ID, so timing does not tell IDs apart."""
        if self._dummy_hash is None:
            self._dummy_hash = self.hasher.hash(secrets.token_hex(16))
        with contextlib.suppress(VerificationError):
            self.hasher.verify(self._dummy_hash, pin)

    def _record_failure(self, officer: Officer, action: Action) -> None:
        now = self.clock.now()
        limit = self.settings.max_failures
        with self.store.transaction() as conn:
            (failures,) = conn.execute(
                "UPDATE officers SET failed_attempts = failed_attempts + 1, updated_at = ?"
                " WHERE officer_id = ? RETURNING failed_attempts",
                (iso(now), officer.officer_id),
            ).fetchone()
            actor = f"officer:{officer.officer_id}"
            audit.append(conn, actor, action, officer.officer_id, {"failures": failures}, clock=self.clock)
            if failures >= limit:
                until = now + timedelta(minutes=self.settings.lockout_minutes)
                conn.execute(
                    "UPDATE officers SET failed_attempts = 0, locked_until = ? WHERE officer_id = ?",
                    (iso(until), officer.officer_id),
                )
                audit.append(
                    conn, actor, Action.LOCKOUT, officer.officer_id, {"until": iso(until)}, clock=self.clock
                )
                log.warning(
                    "officer %s locked out until %s after %d wrong PINs", officer.officer_id, until, failures
                )

    def _failure_error(self, officer_id: str) -> AuthError:
        officer = self._require_officer(officer_id)
        if officer.locked_until is not None and officer.is_locked_out(self.clock.now()):
            return AccountLockedError(officer.locked_until)
        return InvalidCredentialsError(self.settings.max_failures - officer.failed_attempts)

    def _record_success(self, officer_id: str, action: Action, details: Mapping[str, str]) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE officers SET failed_attempts = 0, locked_until = NULL, updated_at = ?"
                " WHERE officer_id = ?",
                (iso(self.clock.now()), officer_id),
            )
            audit.append(conn, f"officer:{officer_id}", action, officer_id, details, clock=self.clock)

    def _update_account(
        self, officer_id: str, assignments: str, actor: str, action: Action, details: Mapping[str, str]
    ) -> None:
        with self.store.transaction() as conn:
            changed = conn.execute(
                f"UPDATE officers SET {assignments}, updated_at = ? WHERE officer_id = ?",
                (iso(self.clock.now()), officer_id),
            ).rowcount
            if not changed:
                raise KeyError(officer_id)
            audit.append(conn, actor, action, officer_id, details, clock=self.clock)

    def _audit(self, actor: str, action: Action, target: str, details: Mapping[str, str]) -> None:
        with self.store.transaction() as conn:
            audit.append(conn, actor, action, target, details, clock=self.clock)

    def _require_officer(self, officer_id: str) -> Officer:
        officer = self.get(officer_id)
        if officer is None:
            raise KeyError(officer_id)
        return officer


_OFFICER_COLUMNS = "officer_id, name, role, failed_attempts, locked_until, disabled, created_at"


def _officer(row: tuple[object, ...]) -> Officer:
    locked = row[4]
    return Officer(
        officer_id=str(row[0]),
        name=str(row[1]),
        role=Role(str(row[2])),
        failed_attempts=int(str(row[3])),
        locked_until=datetime.fromisoformat(locked) if isinstance(locked, str) else None,
        disabled=bool(row[5]),
        created_at=str(row[6]),
    )
