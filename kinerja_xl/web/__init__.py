"""`kinerja-xl serve`: the web page, a thin face over the same library as the command line.

app.py       the Starlette application: routes, the token, the upload limit
uploads.py   uploads received into a private temporary folder; filing into FOLDER
views.py     what each page shows (built from the library's results; no rule lives here)
templates/   the pages (Jinja2, escaped by default); static/  their CSS and a little JS
"""

from .app import ServeSettings, create_app

__all__ = ["ServeSettings", "create_app"]
