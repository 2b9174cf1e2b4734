"""What kinerja-xl knows of the world, read from schemas/ and validated: the grades and opinions
and their variants (more to come: offices, layout wordings). Loaded once; below every stage."""
