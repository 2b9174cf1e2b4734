"""Stage 4, outputs for one office's files: the text report, the DataFrames, the marked-up copy,
the blank templates, and the safe writing every output shares."""
