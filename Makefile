# Two commands on a fresh machine with only Python: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT := out

.PHONY: demo test lint samples bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	@echo "== inspect: what kinerja-xl reads in each sample =="
	@for f in sample_workbooks/*.xlsx sample_workbooks/*.xls sample_workbooks/*.ods; do \
		$(BIN)/kinerja-xl inspect "$$f" || true; echo; done
	@if $(BIN)/kinerja-xl --help | grep -q ' check '; then \
		echo "== check: what is wrong, cell by cell =="; \
		$(BIN)/kinerja-xl check sample_workbooks/ || true; fi
	@if $(BIN)/kinerja-xl --help | grep -q ' consolidate '; then \
		echo "== consolidate: the provincial workbook =="; mkdir -p $(OUT); \
		$(BIN)/kinerja-xl consolidate sample_workbooks/ -o $(OUT)/Konsolidasi-Kalsel-2024.xlsx \
			--province "Kalimantan Selatan" || true; fi

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check kinerja_xl tests

samples: $(STAMP)
	$(BIN)/python sample_workbooks/make_samples.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
