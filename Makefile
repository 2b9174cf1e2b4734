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
	@echo "== check: what is wrong, cell by cell =="
	-$(BIN)/kinerja-xl check sample_workbooks/ --annotate $(OUT)/diperiksa
	@echo
	@echo "== consolidate: the provincial workbook =="
	@mkdir -p $(OUT)
	-$(BIN)/kinerja-xl consolidate sample_workbooks/ -o $(OUT)/Konsolidasi-Kalsel-2024.xlsx \
		--province "Kalimantan Selatan" --year 2024
	@echo
	@echo "The inputs are unchanged. See $(OUT)/Konsolidasi-Kalsel-2024.xlsx and the marked-up copies in $(OUT)/diperiksa/"

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check kinerja_xl tests benchmarks sample_workbooks
	$(BIN)/mypy kinerja_xl

samples: $(STAMP)
	$(BIN)/python sample_workbooks/make_samples.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
