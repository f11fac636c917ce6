# Two commands: `make demo` and `make test` (see README). Both install what is missing first.
VENV ?= .venv
PY := $(VENV)/bin/python
GDI := $(VENV)/bin/gdi

.PHONY: setup demo test lint bench clean

setup:
	@bash scripts/setup.sh

demo: setup
	$(GDI) demo

test: setup
	@bash scripts/lint.sh
	@bash scripts/run_tests.sh

lint: setup
	@bash scripts/lint.sh

bench: setup
	$(GDI) bench all

clean:
	rm -rf var build .pytest_cache
