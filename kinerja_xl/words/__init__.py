"""Every word a person reads, in Bahasa Indonesia and English: the catalogue and the functions
that fill it in (messages.render, messages.say)."""
