"""The pages: Jinja2 templates (escaped by default) in the language the person chose, and the
answers the server gives when it must refuse — a page in that language with a way back, or
`{"error": …}` for a script (any path under /api/)."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import Scope

from ..words.messages import TEXT, say

HERE = Path(__file__).resolve().parent
LANG_COOKIE = "kinerja_lang"
LANGS = ("id", "en")


def language(scope: Scope) -> str:
    """?lang=, else the cookie the toggle left, else Bahasa Indonesia."""
    request = Request(scope)
    asked = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    return asked if asked in LANGS else "id"


def for_scripts(scope: Scope) -> bool:
    return str(scope.get("path", "")).startswith("/api/")


def way_back(scope: Scope) -> str:
    """Where an error page leads back to: the page the request came from."""
    path = str(scope.get("path", ""))
    root = str(scope.get("root_path", ""))
    return f"{root}/kiriman" if path.startswith("/kiriman") else f"{root}/"


class Pages:
    def __init__(self, kiriman: bool) -> None:
        import jinja2

        environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(HERE / "templates")),
            autoescape=True,  # an office's text is always shown as text, never as HTML
        )
        environment.globals.update(say=say, TEXT=TEXT)
        self.environment = environment
        self.kiriman = kiriman

    def render(self, scope: Scope, name: str, code: int = 200, **context: Any) -> HTMLResponse:
        lang = language(scope)
        context.setdefault("kiriman", self.kiriman)
        context.setdefault("sender", scope.get("state", {}).get("sender"))
        context.update(lang=lang, root=scope.get("root_path", ""), active=context.get("active"))
        html = self.environment.get_template(name).render(**context)
        response = HTMLResponse(html, status_code=code)
        if Request(scope).query_params.get("lang") in LANGS:
            response.set_cookie(LANG_COOKIE, lang, samesite="lax", httponly=True)
        return response

    def error(
        self, scope: Scope, status: int, message: str, headers: dict[str, str] | None = None
    ) -> Response:
        """A refusal: JSON for scripts; for people a page that says it in their language, with
        a way back (its own small style, allowed by a nonce: the stylesheet itself may be
        behind the key that was missing)."""
        if for_scripts(scope):
            return JSONResponse({"error": message}, status_code=status, headers=headers)
        nonce = secrets.token_urlsafe(16)
        response = self.render(
            scope,
            "error.html",
            status,
            message=message,
            status=status,
            back=way_back(scope),
            nonce=nonce,
            kiriman=False,
        )
        response.headers["content-security-policy"] = csp(nonce)
        for name, value in (headers or {}).items():
            response.headers[name] = value
        return response


def csp(nonce: str | None = None) -> str:
    """The pages' Content-Security-Policy: our own scripts, styles and images only (data: for
    nothing but pictures), forms only to ourselves, never framed."""
    style = f"'self' 'nonce-{nonce}'" if nonce else "'self'"
    return (
        "default-src 'none'; script-src 'self'; "
        f"style-src {style}; img-src 'self' data:; connect-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    )
