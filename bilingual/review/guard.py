"""The guard in front of the review app: nothing answers without the session's token.

Every address starts with the random token (`/TOKEN/...`): any other path is
404. A Host header that is not ours is 403 (DNS rebinding: a hostile page whose
name resolves to 127.0.0.1 still sends its own name). A write must carry the
token in its X-Review-Token header (which no cross-origin form can send), come
from our origin, and be JSON. Every answer gets headers that keep the token out
of Referers and the page out of frames, and a Content-Security-Policy that lets
the page run only its own script.
"""

from __future__ import annotations

import hmac

from starlette.responses import PlainTextResponse, RedirectResponse, Response

PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            "form-action 'none'; frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
                    "X-Frame-Options": "DENY", "Cache-Control": "no-store"}


class Guard:
    """ASGI middleware: the token prefix on every path, our Host, and same-origin JSON writes with the token."""

    def __init__(self, app, token: str, hosts: set[str] | None) -> None:
        self.app, self.token, self.hosts = app, token, hosts

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "lifespan":
            return await self.app(scope, receive, send)
        if scope["type"] != "http":
            return await PlainTextResponse("not found", 404)(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        problem = self._problem(scope, headers, host)
        if problem is not None:
            return await _secure(PlainTextResponse(problem[1], problem[0]))(scope, receive, send)
        path = scope["path"]
        if path == f"/{self.token}":
            return await RedirectResponse(f"/{self.token}/", 308)(scope, receive, send)
        scope = dict(scope, root_path=scope.get("root_path", "") + f"/{self.token}")
        await self.app(scope, receive, _secured(send))

    def _problem(self, scope, headers: dict[str, str], host: str) -> tuple[int, str] | None:
        if self.hosts is not None and host not in self.hosts:
            return 403, "forbidden: unexpected Host header"
        first = scope["path"].split("/", 2)[1] if scope["path"].startswith("/") else ""
        if not hmac.compare_digest(first.encode(), self.token.encode()):
            return 404, "not found (the workspace address holds its token: use the URL `bilingual review` printed)"
        if scope["method"] in ("GET", "HEAD"):
            return None
        if not hmac.compare_digest(headers.get("x-review-token", "").encode(), self.token.encode()):
            return 403, "forbidden: a write needs the workspace token in its X-Review-Token header"
        origin = headers.get("origin")
        if origin is not None and origin != f"{scope.get('scheme', 'http')}://{host}":
            return 403, "forbidden: a write from another origin"
        if headers.get("sec-fetch-site") in ("cross-site", "same-site"):
            return 403, "forbidden: a write from another site"
        if headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return 415, "a write is JSON"
        return None


def _secure(response: Response) -> Response:
    response.headers.update(SECURITY_HEADERS)
    return response


def _secured(send):
    """Adds the security headers (and the page CSP unless the response set its own) to every response."""
    async def wrapped(message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            names = {k.lower() for k, _ in headers}
            headers += [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                        if k.lower().encode() not in names]
            if b"content-security-policy" not in names:
                headers.append((b"content-security-policy", PAGE_CSP.encode()))
            message = dict(message, headers=headers)
        await send(message)
    return wrapped
