"""The values that flow from stage to stage: records and tables that keep their cells
(records.py), and the issues found in them (issues.py)."""
