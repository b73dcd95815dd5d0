# Quickstart: `make demo` runs the sandbox shop, `make test` runs every check. Both need only Python >= 3.11.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
SOURCES := $(wildcard gateway schema resolvers sandbox tests bench)

.PHONY: install demo test lint typecheck pytest fuzz bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/commerce-gateway demo

lint: $(STAMP)
	$(BIN)/ruff check $(SOURCES)
	$(BIN)/ruff format --check $(SOURCES)
	$(BIN)/lint-imports --no-cache

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	tests/services.sh
	$(BIN)/python -m pytest -q

test: lint typecheck pytest

# `make fuzz`: the fuzz suite (tests/fuzz) at 1,000 examples per property instead of make test's few dozen.
fuzz: $(STAMP)
	tests/services.sh
	COMMERCE_GATEWAY_FUZZ_EXAMPLES=$(or $(EXAMPLES),1000) $(BIN)/python -m pytest -q tests/fuzz

# `make bench`: the gateway against the sandbox (10,000 products, 20 ms per backend call) and against a
# hand-written floor, at concurrency 1, 10 and 50 (about 10 minutes; results in bench/results/).
# `make bench QUICK=1`: under a minute, one JSON line. More flags: BENCH_ARGS="--workers 2 --latency-ms 50".
bench: $(STAMP)
	$(BIN)/python -m bench.run $(if $(QUICK),--quick) $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
