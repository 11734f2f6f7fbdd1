"""The review workspace without HTTP: articles, edits, approvals, undo, re-check and rebuild.

An edit is a human row of the translation memory, stored by
`interchange.returned.import_edits` under the rules of `bilingual import` (keyed by the
segment's Simplified text, context ""), so the next build uses it; the review
state and undo log sit beside it in the same SQLite file (translate/review_store).
Each action is one transaction, committed before the answer goes out: a killed
server loses no saved edit. The article shown is the saved document data with
the memory's human rows laid over it, checked by the code `bilingual check` runs.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from bilingual.chars import HAN
from bilingual.check import Finding, check_document
from bilingual.errors import BilingualError
from bilingual.interchange.returned import import_edits
from bilingual.model import SOURCE_REGION_KEY, Document, Segment, normalize
from bilingual.settings import memory_path as default_path
from bilingual.translate.memory import Memory
from bilingual.translate.review_store import ReviewStore

# Longest English accepted for one segment; a paste of a whole article is a mistake.
MAX_ENGLISH = 5000


class NotFound(BilingualError):
    """No such article or segment in this workspace (the app answers 404)."""


def source_key(seg: Segment) -> str:
    """What a human row is keyed by: the Chinese the segment shows (as `bilingual import` keys it)."""
    return normalize(seg.hans or seg.source)


def editable(seg: Segment) -> bool:
    """Only segments with Chinese are translated; the others are copied as they are by every build."""
    return bool(HAN.search(seg.hans or seg.source))


def clean_english(text: str) -> str:
    """An edit as stored: control characters dropped, whitespace folded; refused if far too long."""
    from bilingual.ingest.inline import strip_controls

    text = normalize(strip_controls(str(text)))
    if len(text) > MAX_ENGLISH:
        raise BilingualError(f"the English is {len(text)} characters long; one segment takes at most {MAX_ENGLISH}")
    return text


def source_form(doc: Document) -> Document:
    """The document as ingest gave it (blocks' source text, no segments, no columns): what build prepares."""
    out = doc.copy()
    for block in out.blocks:
        block.segments = []
    out.meta.title_hans = out.meta.title_hant = out.meta.title_en = ""
    out.provenance = {}
    return out


@dataclass
class Article:
    """One article as the workspace shows it, rebuilt from disk and memory when it changes."""

    name: str  # the file's stem: the article's address in the workspace
    path: Path
    original: Document  # the saved document data, as the last build wrote it
    doc: Document  # with the memory's human rows laid over it
    region: str
    states: dict[str, tuple[str, int]] = field(default_factory=dict)  # segment -> (state, version)
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    seq: int = 0  # the newest review log number this view includes
    by_id: dict[str, Segment] = field(default_factory=dict)
    by_key: dict[str, list[str]] = field(default_factory=dict)  # source key -> segment ids, in order

    def segment(self, seg_id: str) -> Segment:
        seg = self.by_id.get(seg_id)
        if seg is None:
            raise NotFound(f"no segment {seg_id} in {self.name}")
        return seg

    def sharing(self, seg_id: str) -> list[str]:
        """The segments that show the same Chinese (one human row serves them all), this one included."""
        return self.by_key[source_key(self.segment(seg_id))]

    def state(self, seg_id: str) -> str:
        return self.states.get(seg_id, ("", 0))[0]

    def version(self, seg_id: str) -> int:
        """Newest change to any segment sharing this one's human row: what an edit is based on."""
        return max((self.states.get(s, ("", 0))[1] for s in self.sharing(seg_id)), default=0)

    def progress(self) -> dict[str, int]:
        segs = [s for s in self.doc.segments() if editable(s)]
        found = [f for fs in self.findings.values() for f in fs]
        return {"total": len(segs), "reviewed": sum(1 for s in segs if self.state(s.id)),
                "findings": len(found), "errors": sum(f.severity == "error" for f in found),
                "with_findings": sum(1 for fs in self.findings.values() if fs)}


@dataclass
class Outcome:
    """What an action did: a line for the person, the segments to redraw, and a conflict if any."""

    notice: str
    level: str = "ok"  # ok | warn | error
    changed: list[str] = field(default_factory=list)
    overwritten: dict | None = None  # another tab's English this action replaced
    extra: dict = field(default_factory=dict)  # anything else the answer carries (files written)


class Workspace:
    """The articles of one folder (or one article) and the memory and glossary they are reviewed with."""

    def __init__(self, target: Path, *, memory_path: Path | None = None, glossary_path: Path | None = None,
                 title: str | None = None) -> None:
        from bilingual.interchange.jsondoc import load_document

        target = Path(target)
        if target.is_dir():
            files = sorted(target.glob("*.json"))
            self.folder = target.resolve()
        elif target.is_file():
            files = [target]
            self.folder = target.resolve().parent
        else:
            raise BilingualError(f"no such file or folder: {target}")
        self.paths: dict[str, Path] = {}
        self.skipped: list[str] = []
        for path in files:
            try:
                _check_article(path, load_document(path), self.folder)
            except BilingualError as e:
                if not target.is_dir():
                    raise
                self.skipped.append(str(e))
                continue
            self.paths[path.stem] = path.resolve()
        if not self.paths:
            raise BilingualError(f"{target}: no document data here (the ARTICLE.json files `bilingual build` writes)")
        order, index_title = collection(self.folder) if len(self.paths) > 1 else ([], None)
        rank = {name: i for i, name in enumerate(order)}
        self.paths = dict(sorted(self.paths.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0])))
        self.title = title or index_title  # a collection's index and book title, as build was given it
        self.memory_path = Path(memory_path) if memory_path else default_path()
        self.glossary_path = Path(glossary_path) if glossary_path else None
        self.lock = threading.RLock()
        self._articles: dict[str, Article] = {}
        self.glossary = self._load_glossary()
        with self._open() as (_, store):  # a corrupt or unwritable memory fails now, not at the first save
            del store

    # --- reading ---

    def _load_glossary(self):
        from bilingual import api

        return api.glossary(self.glossaries())

    def glossaries(self) -> list[Path]:
        """The project glossary on top of the shipped one, once it exists."""
        return [self.glossary_path] if self.glossary_path and self.glossary_path.exists() else []

    def _open(self):
        return _Session(self.memory_path)

    def memory_is_empty(self) -> bool:
        """True for a memory without a single row: most likely not the one the edition was built with."""
        with self._open() as (mem, _):
            return not any(mem.counts().values())

    def names(self) -> list[str]:
        return list(self.paths)

    def article(self, name: str, *, fresh: bool = False) -> Article:
        """The article view, re-read when the review log moved on (another tab) or when asked."""
        with self.lock:
            if name not in self.paths:
                raise NotFound(f"no article {name!r} here")
            art = self._articles.get(name)
            with self._open() as (mem, store):
                if art is None or fresh:
                    art = self._articles[name] = self._read(name, mem, store)
                elif store.last_seq(art.original.id) != art.seq:
                    self._refresh(art, mem, store)
            return art

    def _read(self, name: str, mem: Memory, store: ReviewStore) -> Article:
        from bilingual.api import document_region
        from bilingual.interchange.jsondoc import load_document

        path = self.paths[name]
        original = load_document(path)
        art = Article(name, path, original, original, document_region(original, path))
        self._refresh(art, mem, store)
        return art

    def _refresh(self, art: Article, mem: Memory, store: ReviewStore) -> list[str]:
        """Lay the memory's human rows over the saved document and check the result.

        Returns the segments whose findings changed: an edit can settle or raise
        findings elsewhere (a duplicate, the article's length ratio).
        """
        old = {seg_id: [(f.kind, f.message) for f in fs] for seg_id, fs in art.findings.items()}
        doc = art.original.copy()
        for seg in doc.segments():
            if not editable(seg):
                continue
            human = mem.human(source_key(seg))
            if human is not None:
                seg.en, seg.origin = human, "human"
                seg.marks["en"] = []  # a build keeps a person's English as written, unmarked
                seg.notes = []
            elif seg.origin == "human":  # edited before the last build, since undone
                seg.origin = ""
                seg.notes = ["no human edit is stored for this segment any more: a rebuild translates it again"]
        art.doc = doc
        art.by_id = {s.id: s for s in doc.segments()}
        art.by_key = {}
        for seg in doc.segments():
            art.by_key.setdefault(source_key(seg), []).append(seg.id)
        art.seq = store.last_seq(doc.id)
        art.states = store.states(doc.id)
        art.findings = {}
        for f in check_document(doc, glossary=self.glossary, region=art.region):
            art.findings.setdefault(f.segment, []).append(f)
        new = {seg_id: [(f.kind, f.message) for f in fs] for seg_id, fs in art.findings.items()}
        return [seg_id for seg_id in art.by_id if old.get(seg_id, []) != new.get(seg_id, [])]

    def changes(self, name: str, since: int) -> tuple[list[str], int]:
        """Segments changed after log number `since` (by any tab), with their neighbours in one human row."""
        with self.lock:
            art = self.article(name)
            with self._open() as (_, store):
                changed = store.changed_since(art.original.id, since)
            return _expand(art, changed), art.seq

    # --- writing ---

    def save(self, name: str, seg_id: str, english: str, base: int | None) -> Outcome:
        """Store a person's English for one segment as a human translation, as `bilingual import` would."""
        return self._decide(name, seg_id, clean_english(english), base, approve=False)

    def approve(self, name: str, seg_id: str, base: int | None) -> Outcome:
        """Sign off the English as it stands: stored as human, as an approved XLIFF unit would be."""
        return self._decide(name, seg_id, None, base, approve=True)

    def _decide(self, name: str, seg_id: str, english: str | None, base: int | None, *, approve: bool) -> Outcome:
        from bilingual.interchange.units import ReturnedUnit as Unit

        with self.lock:
            art = self.article(name)
            seg = art.segment(seg_id)
            if not editable(seg):
                raise BilingualError("this segment has no Chinese: every build copies it as it is")
            key = source_key(seg)
            english = seg.en.strip() if english is None else english
            if not english:
                raise BilingualError("no English to approve" if approve else
                                     "empty English is not stored: undo (u) takes an edit back")
            with self._open() as (mem, store):
                with mem.transaction():
                    version, state = art.version(seg_id), store.state(seg_id)[0]
                    overwritten = None
                    if base is not None and base != version:
                        overwritten = {"english": seg.en, "version": version}
                    before = mem.human(key)
                    unit = Unit(seg.id, key, english, "final" if approve else "translated", approved=approve)
                    report = import_edits([unit], mem, doc=art.original)
                    if report.machine and before is not None:
                        mem.forget_human(key)  # typed back to the machine's English: the machine's again
                    after = mem.human(key)
                    new_state = "approved" if approve else ("edited" if after is not None else "")
                    if (after, new_state) != (before, state):
                        store.record(art.original.id, seg_id, key, "approve" if approve else "edit",
                                     before, after, state, new_state)
                rechecked = self._refresh(art, mem, store)
        if approve:
            notice = "approved: stored as a human translation" if report.new else "approved"
        elif report.machine:
            notice = ("back to the machine translation" if before is not None
                      else "same as the machine translation: nothing stored (a approves it)")
        elif report.unchanged:
            notice = "unchanged"
        else:
            notice = "saved as a human translation"
        left = len(art.findings.get(seg_id, []))
        notice += f"; {left} finding{'s' if left != 1 else ''} left" if left else "; no findings"
        if overwritten:
            notice = (f"another tab had changed this segment since you began (to {_quote(overwritten['english'])}); "
                      f"your save replaced it, and u brings it back. {notice}")
        return Outcome(notice, "warn" if overwritten else "ok", _expand(art, [seg_id, *rechecked]), overwritten)

    def undo(self, name: str) -> Outcome:
        """Take back the newest edit or approval in this article (from any tab): human row and state as before."""
        with self.lock:
            art = self.article(name)
            with self._open() as (mem, store):
                with mem.transaction():
                    change = store.last_undoable(art.original.id)
                    if change is None:
                        return Outcome("nothing to undo", "warn")
                    current, state = mem.human(change.source), store.state(change.segment)[0]
                    if change.before_en is None:
                        mem.forget_human(change.source)
                    else:
                        mem.store(change.source, "", "", change.before_en, origin="human")
                    store.mark_undone(change.seq)
                    store.record(change.doc, change.segment, change.source, "undo", current, change.before_en,
                                 state, change.before_state)
                rechecked = self._refresh(art, mem, store)
        what = "approval" if change.action == "approve" else "edit"
        return Outcome(f"undid the {what} of segment {_short(change.segment)}", "ok",
                       _expand(art, [change.segment, *rechecked]))

    def reload_glossary(self) -> None:
        """After the project glossary changed: every finding is checked again with it."""
        with self.lock:
            self.glossary = self._load_glossary()
            self._articles.clear()

    def rebuild(self, *, epub: bool = False, progress=None) -> list[Path]:
        """Write every article of the folder again from the memory, exactly as `bilingual build` would."""
        from bilingual import api
        from bilingual.interchange.jsondoc import load_document

        with self.lock:
            docs = [load_document(path) for path in self.paths.values()]
            variants = sorted({d.provenance.get("variant") or "s2twp" for d in docs})
            if len(variants) > 1:
                raise BilingualError(f"these articles were built with different variants ({', '.join(variants)}); "
                                     "rebuild them with `bilingual build`")
            english = any(d.provenance.get("model") for d in docs)
            # the region a Traditional source is written in, as its build was told (one build, one statement)
            stated = sorted({d.provenance.get(SOURCE_REGION_KEY, "") for d in docs} - {""})
            if len(stated) > 1:
                raise BilingualError(f"these articles were built with different source regions ({', '.join(stated)}); "
                                     "rebuild them with `bilingual build`")
            built = api.build_documents([source_form(d) for d in docs], self.folder, variant=variants[0],
                                        source_region=stated[0] if stated else "",
                                        english=english, glossaries=self.glossaries(),
                                        memory_path=self.memory_path,
                                        formats=("html", "epub") if epub else ("html",), title=self.title,
                                        progress=progress)
            self._articles.clear()
            return built.written


def _check_article(path: Path, doc: Document, folder: Path) -> None:
    """Only document data a build wrote here: a rebuild writes `{id}.html` beside it, so the id must be
    its file name (no id like ../../x can send a write elsewhere) and the file must not link out of the folder."""
    if path.resolve().parent != folder:
        raise BilingualError(f"{path}: links to a file outside {folder}; not served")
    if doc.id != path.stem:
        raise BilingualError(f"{path}: its document id {doc.id!r} is not its file name, as a build writes it; "
                             "not served")


def collection(folder: Path) -> tuple[list[str], str | None]:
    """(article names in book order, title) of a collection build, read back from its index.html.

    A build keeps neither in the document data; its index page has both (the
    order of the inputs, and --title unless it was the default), so a rebuild
    writes the same index and names and orders the book the same.
    """
    from urllib.parse import unquote

    from bilingual.publish.index import DEFAULT_TITLE
    from bilingual.soup import BeautifulSoup

    index = folder / "index.html"
    if not index.is_file():
        return [], None
    soup = BeautifulSoup(index.read_text(encoding="utf-8", errors="replace"), "lxml")
    order = [unquote(str(a["href"])).removesuffix(".html") for a in soup.select("ol li a[href]")]
    title = soup.title.get_text().strip() if soup.title else ""
    return order, (title if title and title != DEFAULT_TITLE else None)


class _Session:
    """`with Workspace._open() as (memory, store)`: one memory connection per request, closed after it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.memory: Memory | None = None

    def __enter__(self) -> tuple[Memory, ReviewStore]:
        self.memory = Memory(self.path)
        try:
            return self.memory, ReviewStore(self.memory)
        except BaseException:
            self.memory.close()
            raise

    def __exit__(self, *exc) -> None:
        if self.memory is not None:
            self.memory.close()


def _expand(art: Article, seg_ids: list[str]) -> list[str]:
    """The segments plus those sharing their human row, in document order."""
    wanted = {s for seg_id in seg_ids if seg_id in art.by_id for s in art.sharing(seg_id)}
    return [s.id for s in art.doc.segments() if s.id in wanted]


def _quote(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return "“" + (text if len(text) <= width else text[:width - 1] + "…") + "”"


def _short(seg_id: str) -> str:
    """doc:3.1:hash -> 3.1 (block.segment), how the page numbers rows."""
    parts = seg_id.split(":")
    return parts[-2] if len(parts) >= 3 else seg_id
