# The two commands the README starts with: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: demo test lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installs saidwhat with its test tools (pinned ranges in pyproject.toml).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# Ingest the bundled demo corpus (English, Russian, Ukrainian, event dispatches) into a
# fresh SQLite file, seeded with the demo registry, and print what was found.
demo: $(VENV)/.installed
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/saidwhat --db $(DEMO_DB) speakers import examples/registry.csv
	$(BIN)/saidwhat --db $(DEMO_DB) ingest examples/corpus examples/corpus-ru-uk examples/events
	$(BIN)/saidwhat --db $(DEMO_DB) speakers
	$(BIN)/saidwhat --db $(DEMO_DB) quotes --sort date --limit 200
	$(BIN)/saidwhat --db $(DEMO_DB) tone --by month

# Lint, format check and the whole test suite.
test: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(VENV)/.installed
	$(BIN)/python bench/eval_quotes.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm build dist src/*.egg-info
