"""`kinerja-xl serve`: the web page and the submission service, a thin face over the library.

app.py       the Starlette application: routes, each handing its work to the pool
edge.py      the request's edges: Host allow-list, cross-site refusal, keys, security headers,
             upload size and pace
server.py    uvicorn with a deadline on headers, a connection limit, and lingering answers
pool.py      worker processes, one per core; tasks.py: what they do
settings.py  what serve was asked for; pages.py: templates and error pages; views.py: what
             each page shows; uploads.py: uploads kept a moment; memory.py: memory given back
templates/   the pages (Jinja2, escaped by default); static/  their CSS and a little JS
"""

from .app import create_app
from .settings import Limits, ServeSettings, addresses

__all__ = ["Limits", "ServeSettings", "addresses", "create_app"]
