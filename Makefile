# The two commands that set up a fresh machine: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.onrecord-installed

.PHONY: install demo test eval lint browser bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/onrecord demo --db demo.db

browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null) \
	  || echo "chromium could not be installed: browser tests will be skipped"

lint: $(STAMP)
	$(BIN)/lint-imports

test: $(STAMP) browser
	$(BIN)/python -m pytest -q -p no:cacheprovider
	$(BIN)/lint-imports

eval: $(STAMP)
	$(BIN)/python eval/quotes_eval.py
	$(BIN)/python eval/claims_eval.py --set all
	$(BIN)/python eval/speakers_eval.py
	$(BIN)/python eval/flags_eval.py

bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py --repeat 3
	$(BIN)/python bench/bench_throughput.py --articles 400 --dask-articles 600
	$(BIN)/python bench/bench_store.py --rows 100000
	$(BIN)/python bench/bench_analysis.py --sizes 1000 10000
	$(BIN)/python bench/bench_web.py

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm
