"""Coverage-guided fuzzing of kinerja-xl (atheris): reading, checking, the marked-up copy and
the provincial workbook, for .xlsx, .ods, .xls and .xlsb. `python -m fuzz.run --minutes 10`
(or `make fuzz MINUTES=10`); see fuzz/README.md."""
