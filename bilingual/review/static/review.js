// The review workspace page: keys, editing in place, and calls to the workspace's JSON API.
// Rows arrive rendered (and escaped) by the server; this script swaps them in and sets text
// only through textContent, so nothing from a source or an edit is ever parsed as markup here.
"use strict";
(() => {
  const meta = (name) => (document.querySelector(`meta[name="${name}"]`) || {}).content || "";
  const base = meta("review-base");
  const token = meta("review-token");
  const article = meta("review-article");
  let seq = Number(meta("review-seq")) || 0;
  const $ = (id) => document.getElementById(id);
  const notice = $("notice");
  const pending = new Map(); // rows changed elsewhere while being edited here: segment id -> fresh HTML

  function say(text, level = "ok") {
    if (!notice) return;
    notice.textContent = text;
    notice.className = `notice ${level}`;
  }

  async function post(path, body) {
    let response;
    try {
      response = await fetch(base + path, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-Review-Token": token },
        body: JSON.stringify(body || {}),
      });
    } catch (err) {
      return { ok: false, level: "error", notice: `the workspace server does not answer (${err.message}): is it still running?` };
    }
    try {
      return await response.json();
    } catch {
      return { ok: false, level: "error", notice: `${response.status} ${response.statusText}` };
    }
  }

  const articlePath = (action) => `api/a/${encodeURIComponent(article)}/${action}`;
  const rows = () => Array.from(document.querySelectorAll(".srow[data-seg]"));
  const rowFor = (id) => rows().find((row) => row.dataset.seg === id);
  const shown = (row) => row.offsetParent !== null;
  let current = null;

  function setCurrent(row, scroll = true) {
    if (current) current.classList.remove("current");
    current = row;
    if (!row) return;
    row.classList.add("current");
    if (scroll) row.scrollIntoView({ block: "center" });
    if (!row.classList.contains("editing")) row.focus({ preventScroll: true });
  }

  function move(step, withFindings) {
    const all = rows();
    const at = current ? all.indexOf(current) : (step > 0 ? -1 : all.length);
    const fits = (row) => shown(row) && (!withFindings || row.classList.contains("has-findings"));
    const order = step > 0 ? all.slice(at + 1) : all.slice(0, Math.max(at, 0)).reverse();
    const next = order.find(fits);
    if (next) setCurrent(next);
    else say(withFindings ? "no more segments with findings that way" : "no more segments that way", "warn");
  }

  function target() {
    if (current && shown(current)) return current;
    say("pick a segment first: j / n, or click one", "warn");
    return null;
  }

  // Puts a row the server drew in place of the shown one; false when it is no newer (an answer that
  // crossed a later save on the wire must not put older English back).
  function swap(id, html, onlyNewer = false) {
    const old = rowFor(id);
    if (!old) return false;
    const template = document.createElement("template");
    template.innerHTML = html.trim();
    const fresh = template.content.firstElementChild;
    if (onlyNewer && Number(fresh.dataset.version) <= Number(old.dataset.version)) return false;
    if (old.classList.contains("editing")) { // keep the person's unsaved text; say what the other tab saved
      pending.set(id, html);
      old.classList.add("stale");
      let note = old.querySelector(".elsewhere");
      if (!note) {
        note = document.createElement("p");
        note.className = "elsewhere";
        old.querySelector(".cell.en").append(note);
      }
      note.textContent = `Saved meanwhile in another tab: “${fresh.querySelector(".cell.en .text").textContent.trim()}”. ` +
        "Saving replaces it (u brings it back); Esc shows it.";
      return true;
    }
    old.replaceWith(fresh);
    if (current === old) setCurrent(fresh, false);
    return true;
  }

  // Applies an answer; returns how many rows changed (a poll counts only rows newer than shown).
  function apply(data, onlyNewer = false) {
    let changed = 0;
    for (const [id, html] of Object.entries(data.rows || {})) if (swap(id, html, onlyNewer)) changed += 1;
    const p = data.progress;
    if (p && $("progress")) {
      $("progress").max = p.total;
      $("progress").value = p.reviewed;
      $("progress-text").textContent =
        `${p.reviewed} / ${p.total} reviewed · ${p.findings} findings in ${p.with_findings} segments (${p.errors} errors)`;
    }
    if (typeof data.seq === "number") seq = Math.max(seq, data.seq);
    return changed;
  }

  function button(label, key, action) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = `${label} `;
    const k = document.createElement("kbd");
    k.textContent = key;
    b.append(k);
    b.addEventListener("click", action);
    return b;
  }

  function edit(row) {
    if (!row || row.classList.contains("editing")) return;
    if (row.classList.contains("fixed")) { say("this segment has no Chinese: builds copy it as it is", "warn"); return; }
    setCurrent(row, false);
    const cell = row.querySelector(".cell.en");
    const box = document.createElement("textarea");
    box.value = cell.querySelector(".text").textContent.trim();
    box.rows = Math.min(12, Math.max(3, Math.ceil(box.value.length / 55)));
    box.setAttribute("aria-label", "English");
    const bar = document.createElement("div");
    bar.className = "edit-bar";
    bar.append(button("Save", "Ctrl+Enter", () => save(row)), button("Cancel", "Esc", () => stopEditing(row)));
    cell.append(box, bar);
    row.classList.add("editing");
    // the row's top (its Chinese) just below the toolbar, not wherever the box's own focus would scroll; then
    // as much of the box as fits without scrolling the Chinese away, and the box itself where both cannot fit
    // (a phone: the cells stacked)
    box.focus({ preventScroll: true });
    row.scrollIntoView({ block: "start" });
    const toolbar = document.querySelector(".toolbar").getBoundingClientRect().bottom;
    const room = row.querySelector(".cell.hans").getBoundingClientRect().top - toolbar;
    const below = box.getBoundingClientRect().bottom - window.innerHeight + 8;
    if (below > 0) window.scrollBy(0, Math.min(below, Math.max(0, room)));
    if (box.getBoundingClientRect().top > window.innerHeight - 40) box.scrollIntoView({ block: "end" });
  }

  function stopEditing(row) {
    row.querySelectorAll(".cell.en textarea, .cell.en .edit-bar, .cell.en .elsewhere").forEach((el) => el.remove());
    row.classList.remove("editing", "stale");
    const html = pending.get(row.dataset.seg);
    pending.delete(row.dataset.seg);
    if (html) swap(row.dataset.seg, html);
    else row.focus({ preventScroll: true });
  }

  async function save(row) {
    const box = row.querySelector(".cell.en textarea");
    if (!box) return;
    const data = await post(articlePath("save"),
      { segment: row.dataset.seg, english: box.value, base: Number(row.dataset.version) });
    if (!data.ok) { say(data.notice, "error"); return; }
    pending.delete(row.dataset.seg);
    row.classList.remove("editing", "stale");
    apply(data);
    say(data.notice, data.level);
  }

  async function approve(row) {
    if (!row) return;
    if (row.classList.contains("editing")) { save(row); return; }
    const data = await post(articlePath("approve"), { segment: row.dataset.seg, base: Number(row.dataset.version) });
    if (data.ok) apply(data);
    say(data.notice, data.ok ? data.level : "error");
  }

  async function undo() {
    const data = await post(articlePath("undo"));
    if (data.ok) apply(data);
    say(data.notice, data.ok ? data.level : "error");
    const first = Object.keys(data.rows || {})[0];
    if (first && rowFor(first)) setCurrent(rowFor(first));
  }

  async function poll() {
    if (!article || document.hidden) return;
    try {
      const response = await fetch(`${base}${articlePath("changes")}?since=${seq}`, { credentials: "same-origin" });
      if (!response.ok) return;
      const data = await response.json();
      const changed = apply(data, true); // this page's own saves are already shown: not news
      if (changed) say(`${changed} segment${changed > 1 ? "s" : ""} changed in another tab or window: shown as saved there`, "warn");
    } catch {
      /* the server is gone or busy: the next save says so */
    }
  }

  function setFilter(value) {
    document.body.dataset.filter = value;
    const radio = document.querySelector(`input[name="filter"][value="${value}"]`);
    if (radio) radio.checked = true;
    if (current && !shown(current)) { // the next row still shown after it, else the one before
      const all = rows();
      const at = all.indexOf(current);
      const next = all.slice(at + 1).find(shown) || all.slice(0, at).reverse().find(shown) || null;
      current.classList.remove("current");
      current = null;
      if (next) setCurrent(next);
    }
  }

  function cycleFilter() {
    const order = ["all", "findings", "open"];
    setFilter(order[(order.indexOf(document.body.dataset.filter) + 1) % order.length]);
  }

  // --- the glossary at hand ---

  const names = JSON.parse(($("names") || {}).textContent || "{}");
  const card = $("namecard");

  function line(label, value) {
    const p = document.createElement("div");
    const l = document.createElement("span");
    l.className = "label";
    l.textContent = `${label}: `;
    p.append(l, document.createTextNode(Array.isArray(value) ? value.join(", ") : value));
    return p;
  }

  function showName(term) {
    const n = names[term.dataset.term];
    if (!n || !card) return;
    card.replaceChildren();
    const head = document.createElement("div");
    head.className = "head";
    head.textContent = `${n.hans || ""}${n.hant && n.hant !== n.hans ? " · " + n.hant : ""} → ${n.en || "?"}`;
    card.append(head);
    if (n.kind) card.append(line("kind", n.kind));
    if (n.en_long && n.en_long !== n.en) card.append(line("first mention", n.en_long));
    for (const [key, label] of [["en_adj", "adjectives"], ["aliases", "also written"], ["banned", "never"],
      ["note", "note"], ["file", "from"]]) {
      if (n[key] && n[key].length) card.append(line(label, n[key]));
    }
    const box = term.getBoundingClientRect();
    card.style.left = `${Math.max(8, box.left + window.scrollX)}px`;
    card.style.top = `${box.bottom + window.scrollY + 6}px`;
    card.hidden = false;
  }

  document.addEventListener("mouseover", (ev) => {
    const term = ev.target.closest && ev.target.closest(".term[data-term]");
    if (term) showName(term);
    else if (card && !card.hidden && !(ev.target.closest && ev.target.closest("#namecard"))) card.hidden = true;
  });

  const dialog = $("name-dialog");

  function addName() {
    const button = $("add-name");
    if (!dialog || !button || button.disabled) { say("start the workspace with --glossary FILE to add names", "warn"); return; }
    const selection = window.getSelection();
    const text = selection ? selection.toString().trim() : "";
    const node = selection && selection.anchorNode;
    const element = node && (node.nodeType === 1 ? node : node.parentElement);
    const cell = element && element.closest(".cell.hans, .cell.hant");
    if (!text || !cell) { say("select a name in a Chinese column first, then press g", "warn"); return; }
    $("name-hans").value = text;
    $("name-column").value = cell.classList.contains("hant") ? "hant" : "hans";
    $("name-english").value = "";
    $("name-id").value = "";
    dialog.showModal();
    $("name-english").focus();
  }

  if (dialog) {
    $("name-cancel").addEventListener("click", () => dialog.close());
    $("name-form").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const data = await post("api/names", {
        hans: $("name-hans").value, column: $("name-column").value, kind: $("name-kind").value,
        english: $("name-english").value, id: $("name-id").value,
      });
      if (!data.ok) { say(data.notice, "error"); return; }
      dialog.close();
      sessionStorage.setItem("review-notice", data.notice);
      location.reload(); // every finding is checked again with the new name
    });
  }

  // --- rebuild ---

  async function rebuild() {
    const b = $("rebuild");
    b.disabled = true;
    b.textContent = "Rebuilding…";
    say("rebuilding the edition from the translation memory…", "ok");
    const data = await post("api/rebuild", { epub: Boolean($("epub") && $("epub").checked) });
    b.disabled = false;
    b.textContent = "Rebuild";
    if (!data.ok) { say(data.notice, "error"); return; }
    say(`${data.notice}:`, "ok");
    for (const file of data.files || []) {
      if (file.endsWith(".json")) continue;
      const a = document.createElement("a");
      a.href = `${base}edition/${encodeURIComponent(file)}`;
      a.target = "_blank";
      a.rel = "noopener";
      a.textContent = file;
      notice.append(a);
    }
  }

  // --- wiring ---

  if ($("rebuild")) $("rebuild").addEventListener("click", rebuild);
  if ($("undo")) $("undo").addEventListener("click", undo);
  if ($("add-name")) $("add-name").addEventListener("click", addName);
  document.querySelectorAll('input[name="filter"]').forEach((r) => r.addEventListener("change", () => setFilter(r.value)));

  document.addEventListener("click", (ev) => {
    const row = ev.target.closest && ev.target.closest(".srow[data-seg]");
    if (!row) return;
    const act = ev.target.closest("button[data-act]");
    if (act && act.dataset.act === "edit") edit(row);
    else if (act && act.dataset.act === "approve") approve(row);
    else if (!ev.target.closest("a, button, textarea") && current !== row) setCurrent(row, false);
  });

  document.addEventListener("keydown", (ev) => {
    const box = ev.target.closest && ev.target.closest(".srow textarea");
    if (box) {
      const row = box.closest(".srow");
      if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); save(row); }
      else if (ev.key === "Escape") { ev.preventDefault(); stopEditing(row); }
      return;
    }
    if (ev.ctrlKey || ev.metaKey || ev.altKey || (ev.target.closest && ev.target.closest("input, select, textarea, dialog"))) return;
    if (!article) return;
    const keys = {
      j: () => move(1, false), k: () => move(-1, false), n: () => move(1, true), p: () => move(-1, true),
      e: () => edit(target()), a: () => approve(target()), u: undo, g: addName, f: cycleFilter,
    };
    const action = keys[ev.key];
    if (action) { ev.preventDefault(); action(); }
  });

  const carried = sessionStorage.getItem("review-notice");
  if (carried) { sessionStorage.removeItem("review-notice"); say(carried, "ok"); }
  if (article) {
    setInterval(poll, 4000);
    window.addEventListener("focus", poll);
  }
})();
