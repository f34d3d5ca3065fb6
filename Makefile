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

## check-pages: the site as people see it (tests-browser/): every page valid HTML (Nu
## validator), zero axe-core WCAG 2.2 A/AA violations in headless Chromium at 360 and
## 1280 px, language switcher, keyboard and focus, page weight; on this repository's
## site and on a generated site of 300 people, 12 of them with real-size phone photos
## (4,000 px, sideways, GPS): an individual's page downloads <= 100 KB at 360 px and
## <= 250 KB at 1280 px, and exiftool finds no metadata in any published picture. Installs Chromium, chromedriver, Java and
## the PyPI packages when missing. About 3 minutes on 2 cores after the build.
CHECK_PAGES_DIR ?= /tmp/thidua-check-pages
# The repository's site is checked as on a day when its sample nominations are open, closed and
# decided, so every state of the public-comment pages is checked whatever day CI runs.
CHECK_PAGES_DATE ?= 2026-12-02
.PHONY: check-pages
check-pages: build
	@bash tests-browser/install.sh
	rm -rf $(CHECK_PAGES_DIR) && mkdir -p $(CHECK_PAGES_DIR)
	$(THIDUA) build --site . --date $(CHECK_PAGES_DATE) --output $(CHECK_PAGES_DIR)/site
	python3 bench/gen_site.py 300 $(CHECK_PAGES_DIR)/gen300
	python3 tests-browser/phone_photos.py $(CHECK_PAGES_DIR)/gen300 12
	$(THIDUA) build --site $(CHECK_PAGES_DIR)/gen300 --date $(CHECK_PAGES_DATE) --output $(CHECK_PAGES_DIR)/gen300-site
	python3 tests-browser/check_pages.py $(CHECK_PAGES_DIR)/site $(CHECK_PAGES_DIR)/gen300-site
