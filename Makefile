# twinspan: `make site` builds the site, `make test` runs the whole suite.
# Needs only Python 3.11 and make; everything else is installed here.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
CONTENT ?= content
CORPUS ?= ../shared/corpus
SITE_DIR ?= site
export TWINSPAN_CORPUS ?= $(abspath $(CORPUS))

# Re-install when pyproject.toml changes.
BASE_STAMP := $(VENV)/.stamp-base
TEST_STAMP := $(VENV)/.stamp-test
BENCH_STAMP := $(VENV)/.stamp-bench

.PHONY: site test bench fuzz lint acceptance check system-deps clean help
.DEFAULT_GOAL := help

help:
	@echo "make site        install, check $(CONTENT)/ (errors stop it) and build the site into $(SITE_DIR)/"
	@echo "make test        install test extras (and Debian chromium/gettext when missing), run the whole suite"
	@echo "make bench       benchmarks over $(CORPUS) (figures printed with the command that made them)"
	@echo "make fuzz        the long fuzzing profile"
	@echo "make lint        ruff and mypy"
	@echo "make acceptance  the CLI over the whole corpus (what .ci/run adds when the corpus is there)"

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(BASE_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(TEST_STAMP): pyproject.toml $(BASE_STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

$(BENCH_STAMP): pyproject.toml $(TEST_STAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	@touch $@

# Debian packages the tests use: chromium for browser tests, gettext for msgfmt --check.
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	fc-list 2>/dev/null | grep -qi 'noto.*arabic' || missing="$$missing fonts-noto-core"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# The QA gate before the build: errors stop `make site`. CHECK_FAIL_ON=warning is stricter;
# CHECK_FAIL_ON=none reports and builds anyway (the whole corpus has real defects).
CHECK_FAIL_ON ?= error
check: $(BASE_STAMP)
ifeq ($(CHECK_FAIL_ON),none)
	-$(BIN)/twinspan check $(CONTENT) > $(VENV)/check-report.txt; tail -n 1 $(VENV)/check-report.txt; echo "full report: $(VENV)/check-report.txt"
else
	$(BIN)/twinspan check $(CONTENT) --fail-on $(CHECK_FAIL_ON)
endif

site: $(BASE_STAMP) check
	NO_MKDOCS_2_WARNING=1 TWINSPAN_CONTENT=$(abspath $(CONTENT)) $(BIN)/mkdocs build --quiet --site-dir $(abspath $(SITE_DIR))
	@echo "site built into $(SITE_DIR)/"

test: $(TEST_STAMP) system-deps
	$(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

lint: $(TEST_STAMP)
	$(BIN)/ruff check tools tests benchmarks
	$(BIN)/ruff format --check tools tests benchmarks
	$(BIN)/mypy

bench: $(BENCH_STAMP)
	$(BIN)/python benchmarks/run.py --corpus $(CORPUS)

FUZZ_SECONDS ?= 300
FUZZ_STAMP := $(VENV)/.stamp-fuzz
$(FUZZ_STAMP): pyproject.toml $(TEST_STAMP)
	$(BIN)/pip install --quiet -e '.[test,fuzz]'
	@touch $@

# The long profile: hypothesis with many examples, then atheris for FUZZ_SECONDS.
fuzz: $(FUZZ_STAMP)
	TWINSPAN_FUZZ=long $(BIN)/python -m pytest tests -m fuzz -q -n 2 --hypothesis-show-statistics > $(VENV)/fuzz.log; status=$$?; \
	  grep -E "^tests/.*::|passed|failed|^FAILED| passing, |Stopped because" $(VENV)/fuzz.log; \
	  [ $$status = 0 ] || { echo "hypothesis found a failure: see $(VENV)/fuzz.log"; exit $$status; }
	$(BIN)/python fuzz/fuzz_parse.py -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 2>&1 | grep -E "^Done|^stat::number_of_executed_units|ERROR|Traceback" 

acceptance: $(BASE_STAMP)
	@if [ -d "$(CORPUS)" ]; then \
	  $(BIN)/python benchmarks/acceptance.py --corpus $(CORPUS); \
	else echo "no corpus at $(CORPUS): acceptance run skipped"; fi

clean:
	rm -rf $(VENV) $(SITE_DIR) build *.egg-info tools/*.egg-info .pytest_cache .mypy_cache .ruff_cache
