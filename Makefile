# Two commands on a fresh machine with only Python: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT := out

.PHONY: demo test lint samples bench clean preview serve fuzz

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	@mkdir -p $(OUT)
	@echo "== 1. check: what is wrong, cell by cell (marked-up copies in $(OUT)/diperiksa/) =="
	@$(BIN)/kinerja-xl check sample_workbooks/ --year 2024 --annotate $(OUT)/diperiksa --quiet; \
	check=$$?; \
	echo; \
	echo "== 2. consolidate: the provincial workbook of Kalimantan Selatan's offices =="; \
	$(BIN)/kinerja-xl consolidate sample_workbooks/*.xlsx sample_workbooks/*.xls \
		sample_workbooks/*.ods sample_workbooks/faulty/ -o $(OUT)/Konsolidasi-Kalsel-2024.xlsx \
		--province "Kalimantan Selatan" --year 2024 --quiet; \
	merge=$$?; \
	echo; \
	echo "== 3. the national roll-up: that workbook beside other provinces' offices (public/) =="; \
	$(BIN)/kinerja-xl consolidate $(OUT)/Konsolidasi-Kalsel-2024.xlsx sample_workbooks/public/ \
		-o $(OUT)/Nasional-2024.xlsx --year 2024 --quiet; \
	nation=$$?; \
	echo; \
	echo "== Demo finished =="; \
	echo "Written:"; \
	echo "  $(OUT)/Konsolidasi-Kalsel-2024.xlsx   the provincial workbook (open it in Excel)"; \
	echo "  $(OUT)/Nasional-2024.xlsx             the national roll-up (Status Provinsi: all 38)"; \
	echo "  $(OUT)/diperiksa/                      a marked-up copy of every readable sample"; \
	echo "Exit codes: check $$check, consolidate $$merge, national $$nation. The samples include faulty files on purpose"; \
	echo "(sample_workbooks/faulty/): 0 = no errors, 1 = errors to fix, 2 = a file could not be read."; \
	echo "The input files are unchanged."

preview: demo
	$(BIN)/python docs/preview.py $(OUT)

serve: $(STAMP)
	@mkdir -p $(OUT)/kiriman
	@cp -n sample_workbooks/*.xlsx sample_workbooks/*.xls sample_workbooks/*.ods $(OUT)/kiriman/ 2>/dev/null || true
	@echo "Serving a copy of sample_workbooks/ in $(OUT)/kiriman/ (uploads are filed there, never into the samples)."
	$(BIN)/kinerja-xl serve $(OUT)/kiriman --province "Kalimantan Selatan" --year 2024

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check kinerja_xl tests benchmarks sample_workbooks fuzz
	$(BIN)/mypy kinerja_xl

# Coverage-guided fuzzing of reading, checking and both outputs for MINUTES in all (fuzz/README.md)
MINUTES ?= 10
fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,fuzz]'
	$(BIN)/python -m fuzz.run --minutes $(MINUTES)

samples: $(STAMP)
	$(BIN)/python sample_workbooks/make_samples.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
