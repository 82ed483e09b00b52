# Sori — the two commands a new user needs are `make run` and `make test`; both install first.
#
#   make run     install (apt packages, venv, pip), migrate, demo data, train models, start the UI
#   make test    install, then the default test suite (slow benchmarks excluded)
#   make bench   run the benchmarks and regenerate docs/benchmarks.md (and the README table)
#   make test-slow  the slow tests (full trainings and benchmarks asserting their targets)
#
# Everything lands in .venv/ (Python) and $SORI_HOME (default ~/.local/share/sori: DB, models).

SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 7860
PYTEST_ARGS ?=

.PHONY: install system-packages run test test-slow bench lint clean

install: system-packages $(STAMP)

# Debian packages: espeak-ng (TTS), ffmpeg and sox (audio conversion), chromium (browser tests),
# fonts-nanum (Hangul in the browser), a JRE for konlpy's Okt analyzer.
system-packages:
	@missing=""; \
	for cmd in espeak-ng ffmpeg sox chromium; do command -v $$cmd >/dev/null || missing="$$missing $$cmd"; done; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	[ -d /usr/share/fonts/truetype/nanum ] || missing="$$missing fonts-nanum"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[test]'
	@# torchaudio's CUDA-linked extensions cannot load beside CPU torch (see ../shared/design/INSTALL.md);
	@# without them torchaudio runs its pure-Python parts, which is all coqui-tts and speechbrain use here.
	@rm -f "$$($(BIN)/python -c 'import importlib.util,os;print(os.path.dirname(importlib.util.find_spec("torchaudio").origin))')"/lib/*.so
	@touch $(STAMP)

run: install
	$(BIN)/sori db upgrade
	$(BIN)/sori sql train --db demo
	$(BIN)/sori ui --host $(HOST) --port $(PORT)

test: install
	@# pytest exits 5 when it collected no tests (e.g. every test deselected); that is not a failure.
	$(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS); rc=$$?; [ $$rc -eq 5 ] && exit 0; exit $$rc

test-slow: install
	$(BIN)/python -m pytest -m slow $(PYTEST_ARGS); rc=$$?; [ $$rc -eq 5 ] && exit 0; exit $$rc

bench: install
	$(BIN)/python docs/make_benchmarks.py

lint: install
	$(BIN)/python -m ruff check assistant skills models db ui tests

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
