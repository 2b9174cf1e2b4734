"""The provincial workbook tells one truth on every sheet, in both languages, on paper too
(issue 25): every sheet, the check's messages and the JSON say the same of the same thing.
Workbooks are built here, in the test, one per behaviour."""

from __future__ import annotations

from kinerja_xl.words.messages import say

# --- words: English plurals -------------------------------------------------------------------


def test_english_counts_agree_with_their_noun():
    assert say("note-errors", "en", count=1, codes="x").startswith("1 error:")
    assert say("note-errors", "en", count=2, codes="x").startswith("2 errors:")
    assert say("consolidated", "en", errors=1, warnings=0, path="k.xlsx") == (
        "1 error, 0 warnings → k.xlsx"
    )
    assert say("invalid-lines", "en", count=1) == "1 invalid line"
    assert say("invalid-lines", "en", count=3) == "3 invalid lines"
    batch = say(
        "report-batch", "en", files=1, clean=1, bad=0, unreadable=0, errors=0, warnings=1
    )
    assert batch.startswith("Summary: 1 file checked") and batch.endswith("1 warning.")
    assert "(s)" not in say("carried-shapes", "en", count=1)
    assert "dokumen" not in say("expected-jumlah", "en", low=0)
    # Bahasa Indonesia has no plural ending to choose
    assert say("note-errors", "id", count=1, codes="x").startswith("1 kesalahan:")
