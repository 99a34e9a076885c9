# Settle-balance docs-vs-UI suite. Main entry points (see README.md):
#   make e2e    set up (venv, dependencies, Chromium), run the browser suite for every locale,
#               build the Allure report
#   make test   everything `make e2e` runs, plus lint, the generated-features staleness check
#               and the project's own unit/contract tests (tests/); this is what CI runs
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
WORKERS ?= 2
RUNS ?= 30
PYTEST_ARGS ?=
RESULTS ?= allure-results
E2E_ARGS := --evidence-rerun --junitxml=reports/junit.xml
REPORT ?= reports/allure
SINGLE_FILE_REPORT ?= reports/allure-single-file
XDIST := $(if $(filter-out 0 1,$(WORKERS)),-n $(WORKERS),)

.PHONY: help setup browser fonts debug-tools open-report features check-features lint e2e unit test report mutate flake bench clean screenshots releases confusion mutate-engine

help:
	@echo "make e2e             set up and run the end-to-end suite for every locale, then build the report"
	@echo "make test            lint + feature staleness check + unit tests + the whole e2e suite (CI)"
	@echo "make report          build reports/allure/index.html from $(RESULTS) (needs Node >= 20)"
	@echo "make open-report     serve the multi-file report (it stays blank from file://)"
	@echo "make debug-tools     Xvfb, full Chromium and ffmpeg for headed runs, PWDEBUG and --video"
	@echo "make features        regenerate features/<locale>/settle_balance.feature from the articles"
	@echo "make mutate          mutation self-check over every article label (slow)"
	@echo "make flake RUNS=30   run the suite repeatedly and count failures per test (FLAKE_ARGS=--stress)"
	@echo "make bench           benchmark: raw Playwright floor vs the suite, serial and -n 2"
	@echo "make releases        every article version in every locale against every UI release:"
	@echo "                     reports/release-impact.csv (RELEASE_ARGS='--locale de-DE' for a slice)"
	@echo "variables: WORKERS=$(WORKERS) PYTEST_ARGS='...' (e.g. PYTEST_ARGS='--locale fr-FR')"

# --- setup ---------------------------------------------------------------------------------
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "error: $(PYTHON) 3.11 or newer is required (set PYTHON=/path/to/python3.11)." >&2; exit 1; }
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { rm -rf $(VENV); \
	  echo "error: could not create $(VENV): the Python venv module is missing." >&2; \
	  echo "       On Debian/Ubuntu: sudo apt-get install python3-venv" >&2; exit 1; }

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

setup: $(STAMP) browser fonts

# Fonts for every script the suite runs (CJK, Thai, Arabic, Greek, Cyrillic…): without them a
# failure screenshot shows boxes. Debian as root installs them; elsewhere a note says which.
FONT_PACKAGES := fonts-noto-cjk fonts-noto-core
# (grep -c reads all of fc-list's output: with pipefail, grep -q's early exit would kill
# fc-list with SIGPIPE and fail the check even when the fonts are there.)
fonts:
	@if [ "$$(fc-list 2>/dev/null | grep -ci 'Noto Sans CJK')" -gt 0 ] && \
	   [ "$$(fc-list 2>/dev/null | grep -ci 'Noto Sans Thai')" -gt 0 ]; then \
	  echo "fonts: Noto CJK and Thai present"; \
	elif [ -f /etc/debian_version ] && [ "$$(id -u)" = 0 ]; then \
	  echo "fonts: installing Debian's $(FONT_PACKAGES)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    $(FONT_PACKAGES) fontconfig >/dev/null && fc-cache -f >/dev/null; \
	else \
	  echo "fonts: install $(FONT_PACKAGES) (or the Noto CJK/Thai/Arabic fonts), or screenshots of"; \
	  echo "       CJK/Thai/Arabic pages show boxes (tests/test_fonts.py checks it)"; \
	fi

# A Chromium for the suite: the resolution order lives in tools/browser.py. On Debian as
# root the system package is installed here (Playwright's download is not reachable
# everywhere); elsewhere the message says how to get one.
browser: $(STAMP)
	@if [ -n "$${PW_CONNECT:-}" ]; then echo "browser: remote server $$PW_CONNECT"; exit 0; fi; \
	if $(BIN)/python -m tools.browser >/dev/null 2>&1; then \
	  echo "browser: $$($(BIN)/python -m tools.browser)"; \
	elif [ -z "$${E2E_CHROMIUM:-}" ] && [ -f /etc/debian_version ] && [ "$$(id -u)" = 0 ]; then \
	  echo "browser: installing Debian's chromium and chromium-headless-shell packages"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium chromium-headless-shell >/dev/null; \
	  echo "browser: $$($(BIN)/python -m tools.browser)"; \
	else \
	  $(BIN)/python -m tools.browser; \
	fi

# Headed runs, PWDEBUG and videos, offline: Xvfb for a display, full Chromium (the headless
# shell has no window), and Debian's ffmpeg linked where Playwright looks for its own.
debug-tools: $(STAMP)
	@if [ -f /etc/debian_version ] && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    xvfb xauth ffmpeg chromium >/dev/null; \
	else echo "debug-tools: install xvfb, ffmpeg and chromium with your package manager"; fi
	$(BIN)/python -m tools.ffmpeg

# --- generated features --------------------------------------------------------------------
features: $(STAMP)
	$(BIN)/python -m features.pseudo
	$(BIN)/python -m features.generate

check-features: $(STAMP)
	$(BIN)/python -m features.pseudo --check
	$(BIN)/python -m features.generate --check

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python -m mock_portal.catalog_lint

# --- runs ----------------------------------------------------------------------------------
e2e: setup
	@rm -rf $(RESULTS)
	$(BIN)/pytest features $(XDIST) --alluredir=$(RESULTS) $(E2E_ARGS) $(PYTEST_ARGS) || status=$$?; \
	$(MAKE) --no-print-directory report || status=$${status:-$$?}; \
	echo "Allure results: $(RESULTS)/   drift matrix: reports/drift-matrix.html   summary: reports/summary.md"; \
	exit $${status:-0}

# Release impact: each article version's copies (the scenarios tagged @release_impact, which
# together name every label) against every UI release the portal serves. A copy that no longer
# fits a release fails its scenario by design: the runs' exit codes are not the verdict; the
# matrices are, and the report fails when a copy could not be judged at all (broken) or a
# release's matrix is missing. Controls a release lacks are waited for 1.5 s, not 5.
RELEASE_ARGS ?=
releases: setup
	@rm -rf reports/releases
	@for release in $$($(BIN)/python -c 'from articles import RELEASES; print(*RELEASES)'); do \
	  echo "release $$release:"; \
	  $(BIN)/pytest features $(XDIST) -m release_impact --ui-release $$release \
	    --e2e-expect-timeout 1500 -q --no-header -p no:randomly $(RELEASE_ARGS) | tail -n 1 || true; \
	done
	$(BIN)/python -m features.release_impact reports/releases

unit: $(STAMP)
	$(BIN)/pytest tests $(XDIST) $(PYTEST_ARGS)

# CI's release-impact slice: both article versions, Latin, Arabic (right-to-left) and Cyrillic,
# known defects and clean copies (the whole matrix: `make releases`, ~2 min on 2 cores).
RELEASE_SLICE ?= de-DE,pt-BR,ar-SA,uk-UA
test: setup debug-tools check-features lint
	@rm -rf $(RESULTS)
	$(BIN)/pytest tests features $(XDIST) --alluredir=$(RESULTS) $(E2E_ARGS) $(PYTEST_ARGS) || status=$$?; \
	$(MAKE) --no-print-directory report || status=$${status:-$$?}; \
	$(MAKE) --no-print-directory releases RELEASE_ARGS="--locale $(RELEASE_SLICE)" || status=$${status:-$$?}; \
	exit $${status:-0}

# --- report --------------------------------------------------------------------------------
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

report:
	@if ! command -v node >/dev/null || ! node -e 'process.exit(Number(process.versions.node.split(".")[0] < 20))'; then \
	  echo "report: Node.js >= 20 not found, skipping the HTML report; results are in $(RESULTS)/"; exit 0; fi; \
	if [ ! -d $(RESULTS) ]; then echo "report: no $(RESULTS)/ yet: run make e2e first"; exit 0; fi; \
	$(MAKE) --no-print-directory node_modules/.package-lock.json; \
	export ALLURE_RESULTS=$(RESULTS); \
	rm -rf $(REPORT) $(SINGLE_FILE_REPORT); \
	earlier=$$(mktemp); cp reports/history.jsonl $$earlier 2>/dev/null || true; \
	npx --no-install allure generate $(RESULTS) --output $(REPORT) >/dev/null; \
	npx --no-install allure awesome $(RESULTS) --single-file --output $(SINGLE_FILE_REPORT) \
	  --history-path $$earlier >/dev/null; \
	rm -f $$earlier; \
	echo "Allure report: $(REPORT)/index.html (make open-report serves it; single file: $(SINGLE_FILE_REPORT)/index.html)"; \
	$(BIN)/python -m tools.quality_gate $(RESULTS)

# The multi-file report needs a web server (browsers block it from file://).
open-report:
	npx --no-install allure open $(REPORT)

# --- trust and speed -----------------------------------------------------------------------
mutate: setup
	$(BIN)/python -m tests.mutation --all
	$(BIN)/python -m tests.mutation --portal

flake: setup
	$(BIN)/python bench/flake_hunt.py --runs $(RUNS) $(FLAKE_ARGS)

# The seed locales 3 times side by side (ratios), the whole suite once (s per scenario);
# numbers in reports/bench.json, the README's speed block rewritten.
BENCH_LOCALES ?= fr-FR ja-JP lv-LV nl-NL zh-TW
BENCH_RUNS ?= 3
bench: setup
	$(BIN)/python bench/benchmark.py --runs $(BENCH_RUNS) $(addprefix --locale ,$(BENCH_LOCALES)) \
	  --full --json reports/bench.json --readme

# One PNG per article step per locale (reports/screenshots/<locale>/step-<n>.png) and the
# contact sheet reports/screenshots/index.html; compared with tests/snapshots/ when present
# (PYTEST_ARGS=--update-snapshots stores them there). The l10n mutants: python -m tests.l10n_mutation
screenshots: setup
	$(BIN)/pytest tests/test_docs_screenshots.py --docs-screenshots $(XDIST) -p no:randomly $(PYTEST_ARGS) || status=$$?; \
	$(BIN)/python -m tests.screenshot_sheet; exit $${status:-0}

clean:
	rm -rf $(RESULTS) reports test-results .pytest_cache

# Seeded defects against the triage engine: reports/confusion.{csv,md}, the README block.
confusion: $(STAMP)
	$(BIN)/python -m bench.confusion --readme

# Mutation score of the verdict engine (core: sentence, verdict, alignment, doubts, labels)
# against its fast unit tests; mutmut's config is pyproject's [tool.mutmut]. Minutes: not in CI.
mutate-engine: $(STAMP)
	$(BIN)/mutmut run --max-children 2
	$(BIN)/python -m bench.mutation_score --readme --survivors
