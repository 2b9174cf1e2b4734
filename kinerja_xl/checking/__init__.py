"""Stage 3, checking: the rules of schemas/ (pandera) over the records, rules across rows and
across documents, each failure an Issue at its cell."""
