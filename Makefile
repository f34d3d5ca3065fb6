# The two commands a person needs: `make site` and `make test`.
SWIFT ?= swift
THIDUA := .build/release/thidua

.PHONY: site test deps build check bench clean

## site: install what is missing, build thidua, and generate this repository's site into output/
site: build
	$(THIDUA) build --site . --output output

## test: run every test
test: deps
	$(SWIFT) test

## check: find mistakes in content/ without writing anything
check: build
	$(THIDUA) check --site .

## bench: the speed and memory benchmark (see BENCHMARKS.md)
bench: deps
	bash bench/run.sh

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product thidua

clean:
	rm -rf .build output
