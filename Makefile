# accord: `make demo` and `make test` work on a fresh clone with only Python 3.11+ installed.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test install bench eval clean

install: $(STAMP)

# (Re)create the virtual environment when it is missing or pyproject.toml changed.
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[all,dev]'
	@touch $(STAMP)

demo: $(STAMP)
	@rm -f demo.db demo.db-wal demo.db-shm
	$(VENV)/bin/accord --db demo.db ingest demo/corpus
	$(VENV)/bin/accord --db demo.db docs --limit 30
	$(VENV)/bin/accord --db demo.db show 1

# pytest exits 5 when it collects no tests; that is not a failure of the suite.
test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS); rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

bench: $(STAMP)
	$(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm .pytest_cache

eval: $(STAMP)
	$(PY) eval/run.py
