# newsevents developer commands. `make demo` and `make test` are the README's two set-up commands.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install lock bench clean

$(BIN)/newsevents: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(BIN)/newsevents

install: $(BIN)/newsevents

## the main job: the pipeline on the bundled sample corpus, into an embedded SQLite store, with a summary
demo: install
	$(BIN)/newsevents demo --db newsevents-sample.db

## the test suite (offline; browser tests use Debian's chromium when installed)
test: install
	$(BIN)/python -m pytest

## regenerate the hash-pinned lock file from pyproject.toml (needs pip-tools and the package registry)
lock:
	pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra web --extra parquet --extra test \
		-o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) newsevents-sample.db*
