"""The users file: bcrypt hashes only, verification, reload on change, refusals."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from ui.auth import UserFile, add_user, remove_user


def test_add_and_verify(tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    add_user(path, "minji", "s3cret-pass")
    users = UserFile(path)

    assert users.verify("minji", "s3cret-pass")
    assert users("minji", "s3cret-pass")  # Gradio's auth= callable
    assert users.verify("minji", "s3cret-pass")  # remembered, still true
    assert not users.verify("minji", "wrong")
    assert not users.verify("nobody", "s3cret-pass")
    assert not users.verify("", "")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "s3cret-pass" not in path.read_text()


def test_new_users_and_password_changes_are_seen_without_restart(tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    add_user(path, "minji", "first-pass")
    users = UserFile(path)
    assert users.verify("minji", "first-pass")

    add_user(path, "jun", "jun-pass")
    add_user(path, "minji", "second-pass")
    assert users.verify("jun", "jun-pass")
    assert users.verify("minji", "second-pass")
    assert not users.verify("minji", "first-pass")
    assert remove_user(path, "jun") and not users.verify("jun", "jun-pass")


@pytest.mark.parametrize(
    ("name", "password"),
    [
        ("has space", "long-enough"),
        ("", "long-enough"),
        ("ok", "abc"),
        ("ok", "가" * 25),  # 75 UTF-8 bytes: more than bcrypt reads
    ],
)
def test_refuses_bad_names_and_passwords(tmp_path: Path, name: str, password: str) -> None:
    with pytest.raises(ValueError):
        add_user(tmp_path / "users.json", name, password)
    assert not (tmp_path / "users.json").exists()


def test_missing_or_corrupt_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="sori users add"):
        UserFile(tmp_path / "none.json")
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text(json.dumps(["not", "a", "dict"]))
    with pytest.raises(ValueError):
        UserFile(corrupt)
    with pytest.raises(ValueError):
        add_user(corrupt, "minji", "s3cret-pass")


def test_overlong_login_attempt_is_just_false(tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    add_user(path, "minji", "s3cret-pass")
    assert not UserFile(path).verify("minji", "x" * 1000)
