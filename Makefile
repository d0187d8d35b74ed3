# Two commands do everything on a fresh machine with python3, pip and make:
#   make benchmark   validate the data, run every baseline, score, write the leaderboard
#   make test        run the test suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check

.PHONY: test benchmark install clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Re-install whenever pyproject.toml changes; the stamp names the extras installed.
$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PIP) install -e ".[test]"
	touch $@

$(VENV)/.installed-benchmark: pyproject.toml | $(PY)
	$(PIP) install -e ".[neural]"
	touch $@

install: $(VENV)/.installed-test

test: $(VENV)/.installed-test
	$(PY) -m pytest

# Real news for the transfer table, when you have copies (never committed; see README.md).
EMERGENT ?= external/emergent/url-versions-2015-06-14-clean-test.csv
POLNEAR  ?= external/polnear/data/test
EXTERNAL := $(if $(wildcard $(EMERGENT)),--external emergent=$(EMERGENT)) $(if $(wildcard $(POLNEAR)),--external polnear=$(POLNEAR))

benchmark: $(VENV)/.installed-benchmark
	$(PY) -m gainsay benchmark $(EXTERNAL)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build dist  # never a tracked file
