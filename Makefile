# accord: `make demo` and `make test` work on a fresh clone with only Python 3.11+ installed.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test lint install bench eval clean

install: $(STAMP)

# (Re)create the virtual environment when it is missing or pyproject.toml changed.
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[all,dev]'
	@touch $(STAMP)

demo: $(STAMP)
	@rm -f demo.db demo.db-wal demo.db-shm demo.alerts.jsonl
	$(VENV)/bin/accord --db demo.db alerts add --dyad CHN-USA
	$(VENV)/bin/accord --db demo.db ingest demo/corpus
	@echo "--- alerts raised by the ingest (all of them in demo.alerts.jsonl)"
	$(VENV)/bin/accord --db demo.db alerts recent --limit 5
	$(VENV)/bin/accord --db demo.db docs --limit 10
	@echo "--- China-US: timeline of events, each with its evidence"
	$(VENV)/bin/accord --db demo.db events --dyad CHN-USA
	@echo "--- China-US: cooperation-conflict index by month"
	$(VENV)/bin/accord --db demo.db dyad CHN USA --by month
	@echo "--- framing: how each side characterised the Busan meeting"
	$(VENV)/bin/accord --db demo.db framing --document 02_busan_trump_xi_meeting
	$(VENV)/bin/accord --db demo.db report --dyad CHN-USA --out demo-brief.html
	@echo "--- watching: the demo corpus served as a feed by a temporary server on 127.0.0.1, watched once into demo-watch.db"
	@rm -f demo-watch.db demo-watch.db-wal demo-watch.db-shm
	ACCORD_WATCH_HOST_DELAY=0.1 ACCORD_WATCH_CONTACT=demo@example.org $(PY) demo/serve_feed.py \
	  --then "$(VENV)/bin/accord --db demo-watch.db sources add {feed} --name 'Demo Site' --category Demo" \
	  --then "$(VENV)/bin/accord --db demo-watch.db watch --once" \
	  --then "$(VENV)/bin/accord --db demo-watch.db sources list"

# Lint (ruff) and types (mypy, settings in pyproject.toml) first: a habit, checked on every test run.
lint: $(STAMP)
	$(VENV)/bin/ruff check src tests eval bench
	$(VENV)/bin/ruff format --check src tests eval bench
	$(VENV)/bin/mypy

# pytest exits 5 when it collects no tests; that is not a failure of the suite.
test: lint
	$(PY) -m pytest $(PYTEST_ARGS); rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

bench: $(STAMP)
	$(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm demo-watch.db demo-watch.db-wal demo-watch.db-shm demo.alerts.jsonl .pytest_cache

eval: $(STAMP)
	$(PY) eval/run.py
