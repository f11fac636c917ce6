# Two commands: `make demo` and `make test` (see README). Both install what is missing first.
VENV ?= .venv
PY := $(VENV)/bin/python
GDI := $(VENV)/bin/gdi

.PHONY: setup demo test lint bench bench-quick clean

setup:
	@bash scripts/setup.sh

demo: setup
	$(GDI) demo

test: setup
	@bash scripts/lint.sh
	@bash scripts/run_tests.sh

lint: setup
	@bash scripts/lint.sh

# every benchmark at full scale (long: 1M trees, 100k buildings); bench-quick runs each at its small scale
bench: setup
	@set -e; for f in benchmarks/bench_*.py; do echo "== $$f"; $(PY) $$f $(BENCH_ARGS); done

bench-quick: setup
	@$(MAKE) --no-print-directory bench BENCH_ARGS=--quick

clean:
	rm -rf var build .pytest_cache
