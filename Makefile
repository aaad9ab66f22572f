# Sigap: the two commands of the README (make run, make test) and the rest.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test lint typecheck pytest bench package translations clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

## make run: set everything up and open the application on its default database
run: $(STAMP)
	@bash scripts/system_deps.sh window
	$(PY) -m desktop

## make test: lint, type-check and run the whole test suite headless
test: $(STAMP)
	@bash scripts/system_deps.sh offscreen
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest

## make bench: the performance benchmarks (slow); writes docs/benchmarks.md
bench: $(STAMP)
	@bash scripts/system_deps.sh offscreen
	$(PY) -m tests.bench.run

## make translations: refresh resources/translations (.ts and .qm) from the sources
translations: $(STAMP)
	$(PY) scripts/translations.py

## make package: a PyInstaller onedir build in dist/
package: $(STAMP)
	$(VENV)/bin/pyinstaller --noconfirm packaging/sigap.spec

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
