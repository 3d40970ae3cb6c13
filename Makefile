# Two commands for a fresh machine:  `make serve`  and  `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
TRAWL  := $(VENV)/bin/trawl
HOST   ?= 127.0.0.1
PORT   ?= 8000
INDEX  ?= index
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup serve test lint browser bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,cluster,typesense,bench]'
	touch $@

setup: $(VENV)/.installed

# Index the bundled sample corpus when the index is empty, then serve the web app.
serve: setup
	@$(PY) -m web.server check-port $(HOST) $(PORT)
	@if [ -z "$$($(TRAWL) --index $(INDEX) stats --json 2>/dev/null | $(PY) -c 'import json,sys; print(json.load(sys.stdin).get("documents") or "")' 2>/dev/null)" ]; then \
		echo "Indexing the sample corpus into $(INDEX)/ ..."; \
		$(TRAWL) --index $(INDEX) index samples/; \
	fi
	$(TRAWL) --index $(INDEX) serve --host $(HOST) --port $(PORT)

# Debian's Chromium for the browser tests (Playwright drives it; nothing is downloaded by Playwright).
browser:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; }

lint: setup
	$(VENV)/bin/ruff check search indexer web tests bench

test: setup browser
	$(VENV)/bin/ruff check search indexer web tests bench
	$(VENV)/bin/pytest -q

clean:
	rm -rf $(VENV) build *.egg-info
