"""Logins for the web UI and the REST API: a JSON users file ``{name: bcrypt-hash}``.

``sori users add NAME`` writes entries with ``add_user``; ``sori ui --auth FILE`` (or ``SORI_AUTH``)
turns the Gradio login page and HTTP Basic on ``/api/*`` on. Passwords are never stored in clear.

Example:
    >>> add_user("/tmp/sori-users.json", "minji", "s3cret-pass")  # doctest: +SKIP
    >>> UserFile("/tmp/sori-users.json").verify("minji", "s3cret-pass")  # doctest: +SKIP
    True

We call ``bcrypt`` directly: passlib 1.7.4 (the last release) breaks on bcrypt >= 4.1 (its
self-test hashes a 73-byte secret, which bcrypt 5 refuses), and the hashes are the same ``$2b$``
strings either way.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import tempfile
import threading
import time
from pathlib import Path

import bcrypt

__all__ = ["MAX_PASSWORD_BYTES", "UserFile", "add_user", "remove_user"]

logger = logging.getLogger(__name__)

# bcrypt only reads the first 72 bytes of a secret; longer ones are refused rather than cut.
MAX_PASSWORD_BYTES = 72
_MIN_PASSWORD_CHARS = 4
_NAME = re.compile(r"^[\w.@:+-]{1,64}$")
_ROUNDS = 12
# A checked login is remembered this long so HTTP Basic does not pay ~0.25 s of bcrypt per request.
_REMEMBER_S = 300.0


def _check_name(name: str) -> None:
    if not _NAME.match(name or ""):
        raise ValueError(
            "로그인 이름은 영문·한글·숫자와 _ . @ : + - 로 64자 이내여야 해요. "
            f"(invalid user name: {name!r})"
        )


def _read(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    try:
        users = json.loads(path.read_text(encoding="utf-8") or "{}")
    except json.JSONDecodeError as exc:
        raise ValueError(f"사용자 파일이 JSON이 아니에요: {path} ({exc})") from exc
    if not isinstance(users, dict) or not all(isinstance(v, str) for v in users.values()):
        raise ValueError(f"사용자 파일은 {{이름: bcrypt 해시}} 형식이어야 해요: {path}")
    return users


def _write(path: Path, users: dict[str, str]) -> None:
    """Replace the file atomically, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(users, out, ensure_ascii=False, indent=2, sort_keys=True)
            out.write("\n")
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def add_user(path: str | Path, name: str, password: str) -> None:
    """Add ``name`` to the users file at ``path`` (or change its password); creates the file.

    Raises:
        ValueError: for an invalid name, a password shorter than 4 characters or longer than
            72 bytes, or a users file that is not ``{name: hash}`` JSON.
    """
    _check_name(name)
    secret = password.encode("utf-8")
    if len(password) < _MIN_PASSWORD_CHARS:
        raise ValueError(
            f"비밀번호는 {_MIN_PASSWORD_CHARS}자 이상이어야 해요. (password too short)"
        )
    if len(secret) > MAX_PASSWORD_BYTES:
        raise ValueError(
            f"비밀번호는 UTF-8로 {MAX_PASSWORD_BYTES}바이트 이하여야 해요. "
            "(bcrypt reads at most 72 bytes)"
        )
    path = Path(path).expanduser()
    users = _read(path)
    users[name] = bcrypt.hashpw(secret, bcrypt.gensalt(rounds=_ROUNDS)).decode("ascii")
    _write(path, users)


def remove_user(path: str | Path, name: str) -> bool:
    """Remove ``name``; returns whether it was there."""
    path = Path(path).expanduser()
    users = _read(path)
    if users.pop(name, None) is None:
        return False
    _write(path, users)
    return True


class UserFile:
    """The users file of a running server, re-read when it changes on disk.

    ``sori users add`` can run while the server is up: the next login sees the new user.

    Args:
        path: the JSON users file; it must exist (an empty ``{}`` locks everybody out).
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        if not self.path.exists():
            raise FileNotFoundError(
                f"로그인 사용자 파일이 없어요: {self.path} "
                f"(`sori users add 이름 --file {self.path}`로 만드세요)"
            )
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._users: dict[str, str] = {}
        self._key = secrets.token_bytes(32)
        self._remembered: dict[bytes, float] = {}
        self.users()

    def users(self) -> dict[str, str]:
        """``{name: hash}``, reloaded when the file's mtime or size changed."""
        stat = self.path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            if stamp != self._stamp:
                self._users, self._stamp = _read(self.path), stamp
            return self._users

    def verify(self, name: str, password: str) -> bool:
        """Whether ``password`` is ``name``'s (unknown names cost as much time as wrong ones)."""
        try:
            hashed = self.users().get(name or "")
        except (OSError, ValueError):
            logger.exception("cannot read the users file %s", self.path)
            return False
        secret = (password or "").encode("utf-8")
        if len(secret) > MAX_PASSWORD_BYTES:
            return False
        if hashed is None:
            # Spend a hash anyway so timing does not tell which names exist.
            bcrypt.checkpw(secret, _dummy_hash())
            return False
        # Keyed digest of (name, password, stored hash): a changed password invalidates it.
        token = hmac.new(
            self._key, b"\0".join([name.encode(), secret, hashed.encode()]), hashlib.sha256
        ).digest()
        now = time.monotonic()
        with self._lock:
            if self._remembered.get(token, 0.0) > now:
                return True
        try:
            ok = bcrypt.checkpw(secret, hashed.encode("ascii"))
        except ValueError:  # a corrupt hash in the file
            logger.warning("the users file has an invalid hash for %s", name)
            return False
        if ok:
            with self._lock:
                self._remembered = {k: t for k, t in self._remembered.items() if t > now}
                self._remembered[token] = now + _REMEMBER_S
        return ok

    def __call__(self, name: str, password: str) -> bool:
        """Gradio's ``auth=`` callable."""
        return self.verify(name, password)


@functools.cache
def _dummy_hash() -> bytes:
    return bcrypt.hashpw(b"sori-no-such-user", bcrypt.gensalt(rounds=_ROUNDS))
