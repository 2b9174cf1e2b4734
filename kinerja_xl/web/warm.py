"""Imported once, by the fork server the pool's workers start from (pool.py): the library's
heavy parts (pandas and pandera, openpyxl) and the packaged rules are loaded and a check is run
here, so that every worker forked from it is ready at once (a cold worker takes 1.5–2 s over its
first check). Nothing else imports this module."""

from . import tasks

tasks.warm()
