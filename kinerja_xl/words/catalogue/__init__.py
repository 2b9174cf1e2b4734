"""Every word kinerja-xl shows a person, in Bahasa Indonesia and English (one shape: key -> {"id": …, "en": …})."""
