"""The review workspace's web app (Starlette): pages and a small JSON API, behind guard.Guard.

Pages are rendered server-side by Jinja with autoescaping, and so are the rows
the API sends back, which the page's script swaps in: text from a source or an
edit is escaped in exactly one place. Every asset is served from this package.
Work that touches the disk or the memory runs in a worker thread under the
workspace's lock, one request at a time.
"""

from __future__ import annotations

import json
import re
from functools import cache, partial
from importlib import resources

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from bilingual import __version__
from bilingual.errors import BilingualError
from bilingual.review.guard import Guard
from bilingual.review.workspace import Article, NotFound, Outcome, Workspace

# The body of a write is a few fields: anything bigger is not from our page.
MAX_BODY = 64 * 1024
# A rebuilt edition page is shown as it is, and may run nothing.
EDITION_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox allow-same-origin"
STATIC = {"review.css": ("bilingual.review", "text/css"), "review.js": ("bilingual.review", "text/javascript"),
          "edition.css": ("bilingual.publish", "text/css")}
EDITION_FILE = re.compile(r"^[\w][\w.-]*\.(html|epub|json)$")
EDITION_TYPES = {"html": "text/html; charset=utf-8", "epub": "application/epub+zip",
                 "json": "application/json; charset=utf-8"}


def create_app(workspace: Workspace, token: str, *, hosts: set[str] | None = None) -> Guard:
    """The ASGI app for one workspace; `hosts` are the Host headers accepted (None: any, for --allow-remote)."""
    app = Starlette(routes=[
        Route("/", partial(_index, workspace=workspace)),
        Route("/a/{name}", partial(_article_page, workspace=workspace)),
        Route("/static/{file}", _static),
        Route("/edition/{file}", partial(_edition_file, workspace=workspace)),
        Route("/api/a/{name}/changes", partial(_changes, workspace=workspace)),
        Route("/api/a/{name}/save", partial(_save, workspace=workspace), methods=["POST"]),
        Route("/api/a/{name}/approve", partial(_approve, workspace=workspace), methods=["POST"]),
        Route("/api/a/{name}/undo", partial(_undo, workspace=workspace), methods=["POST"]),
        Route("/api/names", partial(_add_name, workspace=workspace), methods=["POST"]),
        Route("/api/rebuild", partial(_rebuild, workspace=workspace), methods=["POST"]),
    ])
    return Guard(app, token, hosts)


# --- rendering ---


@cache
def _environment():
    import jinja2

    return jinja2.Environment(loader=jinja2.PackageLoader("bilingual.review", "templates"), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def _base(request: Request) -> str:
    return request.scope.get("root_path", "") + "/"


def _row_context(workspace: Workspace, art: Article) -> dict:
    """What the row macro needs besides the segment: marks rendering, states, findings, block starts."""
    from bilingual.model import column_lang
    from bilingual.publish.markup import render_marked
    from bilingual.publish.report import finding_note, tag_chinese, written_forms
    from bilingual.publish.view import names_used
    from bilingual.review.workspace import editable

    kinds = {n.id: n.kind for n in names_used([art.doc], workspace.glossary)}
    roles, starts = {}, set()
    for block in art.doc.blocks:
        for i, seg in enumerate(block.segments):
            roles[seg.id] = block.role
            if i == 0:
                starts.add(seg.id)
    region = art.doc.region
    hans_lang, hant_lang = column_lang("hans"), column_lang("hant", region)  # zh-Hant-HK for an HK build

    def note(seg, f) -> dict:
        """The finding's texts with their Chinese tagged; a Traditional source's words quoted as written."""
        if f.target_column == "hant":
            return finding_note(f, hant_lang)
        if art.doc.source_script == "hant" and seg.hant and f.source_mark:
            twin = seg.hans or seg.source
            return finding_note(f, hant_lang, written_forms([f.source_mark], twin, seg.hant, region)[f.source_mark])
        return finding_note(f, hans_lang)

    return {
        "marked": lambda seg, column: render_marked(getattr(seg, column), seg.marks.get(column, []), kinds=kinds),
        "roles": roles, "starts": starts, "art": art, "editable": editable, "short": _short, "note": note,
        "tag": lambda text: tag_chinese(text, hans_lang),  # a build's note quotes the Simplified source
        "hant_lang": hant_lang,
    }


def _short(seg_id: str) -> str:
    parts = seg_id.split(":")
    return parts[-2] if len(parts) >= 3 else seg_id


def render_rows(workspace: Workspace, art: Article, seg_ids: list[str]) -> dict[str, str]:
    """segment id -> the row's HTML, as the page draws it (the API sends these to swap in)."""
    macro = _environment().get_template("_row.html.j2").module.row
    ctx = _row_context(workspace, art)
    return {seg_id: str(macro(art.segment(seg_id), ctx)) for seg_id in seg_ids}


def _page(template: str, request: Request, workspace: Workspace, **context) -> HTMLResponse:
    html = _environment().get_template(template).render(
        base=_base(request), token=request.scope["root_path"].rsplit("/", 1)[-1], version=__version__,
        glossary_path=str(workspace.glossary_path or ""), memory=str(workspace.memory_path),
        multiple=len(workspace.paths) > 1,
        has_epub=any(workspace.folder.glob("*.epub")), **context)
    return HTMLResponse(html)


async def _index(request: Request, workspace: Workspace) -> Response:
    if len(workspace.paths) == 1:
        return RedirectResponse(f"{_base(request)}a/{next(iter(workspace.paths))}", 303)

    def render() -> HTMLResponse:
        with workspace.lock:
            articles = [workspace.article(name) for name in workspace.names()]
            return _page("folder.html.j2", request, workspace, articles=articles, folder=workspace.folder.name,
                         skipped=workspace.skipped)

    return await run_in_threadpool(render)


async def _article_page(request: Request, workspace: Workspace) -> Response:
    from bilingual.model import COLUMNS
    from bilingual.publish.view import column_heads
    from bilingual.review.names import name_info

    name = request.path_params["name"]

    def render() -> HTMLResponse:
        with workspace.lock:  # one consistent view: no save swaps the article out half way through
            art = workspace.article(name, fresh=True)
            return _page("article.html.j2", request, workspace, art=art, progress=art.progress(),
                         names=name_info(art.doc, workspace.glossary, art.region),
                         columns=column_heads(tuple(COLUMNS), art.doc.region),
                         html_exists=(workspace.folder / f"{name}.html").is_file(),
                         ctx=_row_context(workspace, art))

    try:
        return await run_in_threadpool(render)
    except NotFound as e:
        return _not_found(str(e))


def _not_found(message: str) -> Response:
    return PlainTextResponse(message, 404)


async def _static(request: Request) -> Response:
    name = request.path_params["file"]
    if name not in STATIC:
        return _not_found("not found")
    package, media = STATIC[name]
    return Response(_asset(package, name), media_type=media)


@cache
def _asset(package: str, name: str) -> bytes:
    return resources.files(package).joinpath(f"static/{name}").read_bytes()


async def _edition_file(request: Request, workspace: Workspace) -> Response:
    """A file the build wrote into the served folder (page, book, data): nothing outside it, no dot files."""
    name = request.path_params["file"]
    match = EDITION_FILE.match(name)
    path = (workspace.folder / name).resolve() if match else None
    if path is None or path.parent != workspace.folder or not path.is_file():
        return _not_found("not found")
    response = FileResponse(path, media_type=EDITION_TYPES[match.group(1)])
    response.headers["Content-Security-Policy"] = EDITION_CSP
    return response


# --- the JSON API ---


async def _body(request: Request) -> dict:
    raw = b""
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > MAX_BODY:
            raise BilingualError("request too large")
    try:
        data = json.loads(raw or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise BilingualError("the request is not JSON") from None
    if not isinstance(data, dict):
        raise BilingualError("the request is not a JSON object")
    return data


def _reply(workspace: Workspace, name: str | None, outcome: Outcome, **extra) -> JSONResponse:
    data: dict = {"ok": outcome.level != "error", "notice": outcome.notice, "level": outcome.level,
                  **outcome.extra, **extra}
    if name is not None:
        with workspace.lock:
            art = workspace.article(name)
            data.update(rows=render_rows(workspace, art, outcome.changed), progress=art.progress(), seq=art.seq,
                        overwritten=outcome.overwritten,
                        versions={seg_id: art.version(seg_id) for seg_id in outcome.changed})
    return JSONResponse(data)


def _error(message: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"ok": False, "notice": message, "level": "error"}, status)


async def _act(request: Request, workspace: Workspace, action) -> JSONResponse:
    """Run a write in a worker thread; a user mistake is a JSON error with one line, not a traceback."""
    name = request.path_params.get("name")
    try:
        data = await _body(request)
        outcome = await run_in_threadpool(action, data)
        return await run_in_threadpool(_reply, workspace, name, outcome)
    except NotFound as e:
        return _error(str(e), 404)
    except BilingualError as e:
        return _error(str(e))


def _base_version(data: dict) -> int | None:
    base = data.get("base")
    return base if isinstance(base, int) and not isinstance(base, bool) else None


def _text(data: dict, key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise BilingualError(f"{key} must be text")
    return value


async def _save(request: Request, workspace: Workspace) -> JSONResponse:
    name = request.path_params["name"]
    return await _act(request, workspace, lambda d: workspace.save(
        name, _text(d, "segment"), _text(d, "english"), _base_version(d)))


async def _approve(request: Request, workspace: Workspace) -> JSONResponse:
    name = request.path_params["name"]
    return await _act(request, workspace, lambda d: workspace.approve(name, _text(d, "segment"), _base_version(d)))


async def _undo(request: Request, workspace: Workspace) -> JSONResponse:
    name = request.path_params["name"]
    return await _act(request, workspace, lambda d: workspace.undo(name))


async def _changes(request: Request, workspace: Workspace) -> JSONResponse:
    name = request.path_params["name"]
    try:
        since = int(request.query_params.get("since", "0"))
        changed, seq = await run_in_threadpool(workspace.changes, name, since)
    except ValueError:
        return _error("since must be a number")
    except NotFound as e:
        return _error(str(e), 404)
    return await run_in_threadpool(_reply, workspace, name, Outcome("", "ok", changed))


async def _add_name(request: Request, workspace: Workspace) -> JSONResponse:
    def add(data: dict) -> Outcome:
        from bilingual.glossary import Glossary
        from bilingual.review.names import add_name

        if workspace.glossary_path is None:
            raise BilingualError("no project glossary: start the workspace with --glossary FILE to add names")
        hans = _text(data, "hans")
        if _text(data, "column") == "hant":
            from bilingual.variants import converter

            hans = converter("t2s").convert(hans)
        with workspace.lock:
            new_id = add_name(workspace.glossary_path, workspace.glossary, hans=hans, kind=_text(data, "kind"),
                              english=_text(data, "english"), new_id=_text(data, "id"),
                              shipped=Glossary.default_paths())
            workspace.reload_glossary()
        return Outcome(f"added {hans} → {_text(data, 'english').strip()} ({new_id}) to {workspace.glossary_path}; "
                       "findings checked again (its marks and Traditional forms appear after a rebuild)")

    return await _act(request, workspace, add)


async def _rebuild(request: Request, workspace: Workspace) -> JSONResponse:
    def rebuild(data: dict) -> Outcome:
        written = workspace.rebuild(epub=bool(data.get("epub")))
        files = [p.name for p in written]
        return Outcome(f"rebuilt {len(files)} files in {workspace.folder}", extra={"files": files})

    return await _act(request, workspace, rebuild)
