"""Stage 1, reading: files and folders in, grids of cells out (every value with its A1 reference).
Opening is safe by content, never by name; see docs/architecture.md."""
