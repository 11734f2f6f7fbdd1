"""The proofreading workspace: `bilingual review OUT_DIR_OR_ARTICLE.json` in the browser.

    workspace.py  the logic: articles, edits stored as human translations, approval, undo, re-check, rebuild
    names.py      the glossary at hand: a name's renderings, adding a name to the project glossary
    app.py        the Starlette app: pages and the JSON API
    guard.py      the token, Host and same-origin checks in front of it, and the security headers
    serve()       binds (loopback unless told otherwise), prints the URL, runs uvicorn

Starlette and uvicorn are imported only when the workspace starts: the rest of
the tool never loads a web server.
"""

from __future__ import annotations

import ipaddress
import secrets
import socket
from collections.abc import Callable
from pathlib import Path

from bilingual.errors import BilingualError

DEFAULT_PORT = 8765


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost: addresses no other machine can reach."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, port: int) -> set[str] | None:
    """The Host headers a loopback workspace answers (others may be DNS rebinding); None: any."""
    if not is_loopback(host):
        return None
    return {f"{name}:{port}" for name in ("127.0.0.1", "localhost", "[::1]", host)}


def bind(host: str, port: int) -> socket.socket:
    """A listening socket (port 0: any free one), or one line saying why not."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise BilingualError(f"cannot use host {host!r}: {e.strerror or e}") from None
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(64)
    except OSError as e:
        sock.close()
        raise BilingualError(f"cannot listen on {host}:{port}: {e.strerror or e}"
                             + (" (try another --port)" if port else "")) from None
    return sock


def serve(target: Path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT, memory_path: Path | None = None,
          glossary_path: Path | None = None, title: str | None = None, open_browser: bool = True,
          allow_remote: bool = False,
          echo: Callable[[str], None] = print) -> None:
    """Start the workspace on `target` (a build's output folder or one ARTICLE.json) until interrupted."""
    if not is_loopback(host) and not allow_remote:
        raise BilingualError(f"{host} is not a loopback address: anyone who can reach it could edit your "
                             "translations; add --allow-remote if you mean it")
    import uvicorn

    from bilingual.review.app import create_app
    from bilingual.review.workspace import Workspace

    workspace = Workspace(Path(target), memory_path=memory_path, glossary_path=glossary_path, title=title)
    token = secrets.token_urlsafe(24)
    sock = bind(host, port)
    port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/{token}/"
    echo(f"reviewing {len(workspace.paths)} article(s) in {workspace.folder} (memory {workspace.memory_path})")
    if workspace.memory_is_empty():
        echo("note: this translation memory is empty, so a rebuild translates everything again; "
             "pass the --memory the edition was built with")
    echo(url)
    echo("press Ctrl+C to stop; every saved edit is already in the translation memory")
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    app = create_app(workspace, token, hosts=allowed_hosts(shown, port))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
