"""Run ``sori ui`` as a real subprocess on a free 127.0.0.1 port (browser tests, the screenshot).

Used by ``tests/e2e/conftest.py`` and ``tests/e2e/screenshot.py``; nothing here is a test.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import BinaryIO

import httpx

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# A cold model cache trains the intent model first: minutes on 2 busy cores.
START_TIMEOUT_S = 900.0


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _sori_command() -> list[str]:
    script = Path(sys.executable).with_name("sori")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from assistant.cli import app; app()"]


class SoriServer:
    """``sori ui`` in a subprocess; ``url`` once ``/api/health`` answers.

    Args:
        home: ``SORI_HOME`` of the server.
        log: where its stdout and stderr go.
        env: extra environment (``SORI_AUTH``, …); other ``SORI_*`` variables are dropped.
    """

    def __init__(self, home: Path, log: Path, env: dict[str, str] | None = None) -> None:
        self.home, self.log_path = home, log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.extra_env = env or {}
        self.process: subprocess.Popen[bytes] | None = None
        self._log: BinaryIO | None = None

    def start(self, timeout_s: float = START_TIMEOUT_S) -> SoriServer:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SORI_")}
        env.update({"SORI_HOME": str(self.home), **self.extra_env})
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [*_sori_command(), "ui", "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                code = self.process.returncode
                raise RuntimeError(f"sori ui exited with {code}:\n{self.log_tail()}")
            try:
                if httpx.get(f"{self.url}/api/health", timeout=2).status_code < 500:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        self.stop()
        raise TimeoutError(f"sori ui did not answer within {timeout_s:.0f} s:\n{self.log_tail()}")

    def restart(self, timeout_s: float = START_TIMEOUT_S) -> SoriServer:
        """Stop and start again on the same port (same origin, so the browser keeps its storage)."""
        self.stop()
        return self.start(timeout_s)

    def log_tail(self, chars: int = 3000) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return text.replace("\r", "\n")[-chars:]

    def stop(self) -> None:
        """Stop the server's process group (only the one this object started)."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> SoriServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def chromium_missing() -> str | None:
    """Why a browser test cannot run here, or ``None``."""
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        return f"Debian chromium not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (pip install playwright)"
    return None
