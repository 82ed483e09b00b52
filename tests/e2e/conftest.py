"""A real ``sori ui`` server for the browser tests, and headless Debian chromium through Playwright.

The server uses the session's shared trained-model cache (``model_cache`` in tests/conftest.py), so
it starts in seconds once another test has trained the intent model.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest


def _load_helpers() -> ModuleType:
    # --import-mode=importlib puts no test folder on sys.path: load the sibling module by path.
    path = Path(__file__).with_name("sori_server.py")
    spec = importlib.util.spec_from_file_location("sori_e2e_server", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


helpers = _load_helpers()


@pytest.fixture(scope="session")
def e2e_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("e2e-home")


@pytest.fixture(scope="session")
def sori_server(e2e_home: Path, model_cache: Path) -> Iterator[Any]:
    """``sori ui`` on a free 127.0.0.1 port, stopped after the session."""
    reason = helpers.chromium_missing()
    if reason:
        pytest.skip(reason)
    server = helpers.SoriServer(
        e2e_home, e2e_home / "server.log", env={"SORI_MODEL_CACHE": str(model_cache)}
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture
def page(sori_server: Any) -> Iterator[Any]:
    """A fresh headless chromium page (its own profile, so its own browser user id)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(helpers.CHROMIUM), args=helpers.CHROMIUM_ARGS
        )
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
            yield context.new_page()
        finally:
            browser.close()
