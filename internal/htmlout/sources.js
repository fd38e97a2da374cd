// Where each value of a draft comes from. An element with data-src holds a
// value from the data (or names a position, as the checklist and the
// preview's list of problems do): data-src is its file:line:col, and
// data-src-from, for a figure computed from several values, says what
// from. Hovered or focused, a tip says so; a click, or Enter, opens the
// position in the editor that the script's data-editor names, a URL
// template with {path} (made absolute against data-root), {line} and
// {col}; without one it copies file:line:col to the clipboard.
(() => {
  "use strict";
  const script = document.currentScript;
  const editor = script.dataset.editor || "";
  const root = script.dataset.root || "";
  const tip = document.getElementById("unireport-src-tip");
  const status = document.getElementById("unireport-src-status");
  if (!tip || !status) return;

  const position = (s) => {
    const m = /^(.*?)(?::(\d+))?(?::(\d+))?$/.exec(s);
    return { path: m[1], line: m[2] || "1", col: m[3] || "1" };
  };
  // The path made absolute against the root, "." and ".." resolved (a
  // browser would resolve them in the URL, against the wrong folder), with
  // forward slashes.
  const absolute = (path) => {
    path = path.replace(/\\/g, "/");
    const abs = path.startsWith("/") || /^[A-Za-z]:\//.test(path);
    const parts = ((abs || !root ? "" : root.replace(/\\/g, "/") + "/") + path).split("/");
    const out = [];
    for (const [i, part] of parts.entries()) {
      if (part === "." || (part === "" && i > 0 && i < parts.length - 1)) continue;
      if (part === ".." && out.length > 1) out.pop();
      else if (part !== "..") out.push(part);
    }
    return out.join("/");
  };
  // {path} is the absolute path with forward slashes, as URLs write it
  // (C:/data/2017/states.toml), made safe in a URL; after a single slash,
  // as in vscode://file/{path}, a path's own leading slash is not doubled.
  const editorURL = (src) => {
    const p = position(src);
    const url = encodeURI(absolute(p.path)).replaceAll("#", "%23").replaceAll("?", "%3F").replaceAll("&", "%26");
    return editor
      .replace(/(^|[^/])\/\{path\}/g, (m, before) => before + "/" + (url.startsWith("/") ? url.slice(1) : url))
      .replaceAll("{path}", url)
      .replaceAll("{line}", p.line)
      .replaceAll("{col}", p.col);
  };
  // What the tip says: where the value comes from (a position that the
  // element shows already is not said again), and what a click does.
  const describe = (el) => {
    const src = el.dataset.src, from = el.dataset.srcFrom;
    const action = editor ? "click or press Enter to open it in the editor" : "click or press Enter to copy it";
    if (from) return from + ", the first at " + src + ": " + action;
    if (el.textContent.trim() === src) return src + ": " + action;
    return "From " + src + ": " + action;
  };

  let timer = 0;
  const say = (text) => {
    clearTimeout(timer);
    status.textContent = text;
    timer = setTimeout(() => { status.textContent = ""; }, 8000);
  };

  // The tip, beside the value hovered or focused, inside the window.
  let shown = null;
  const show = (el) => {
    shown = el;
    tip.textContent = describe(el);
    tip.hidden = false;
    el.setAttribute("aria-describedby", tip.id);
    place(el);
  };
  const place = (el) => {
    const r = el.getBoundingClientRect();
    const w = tip.offsetWidth, h = tip.offsetHeight;
    let top = r.bottom + 6;
    if (top + h > window.innerHeight - 4) top = Math.max(4, r.top - h - 6);
    const left = Math.min(Math.max(4, r.left), Math.max(4, window.innerWidth - w - 4));
    tip.style.top = top + "px";
    tip.style.left = left + "px";
  };
  const hide = (el) => {
    if (shown !== el) return;
    shown = null;
    tip.hidden = true;
    el.removeAttribute("aria-describedby");
  };
  const target = (e) => (e.target instanceof Element ? e.target.closest("[data-src]") : null);
  document.addEventListener("mouseover", (e) => { const el = target(e); if (el) show(el); });
  document.addEventListener("mouseout", (e) => {
    const el = target(e);
    if (el && !el.contains(e.relatedTarget) && document.activeElement !== el) hide(el);
  });
  document.addEventListener("focusin", (e) => { const el = target(e); if (el) show(el); });
  document.addEventListener("focusout", (e) => { const el = target(e); if (el) hide(el); });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && shown) hide(shown);
  });
  // the page, or a table's box, scrolls: the tip goes with its value
  document.addEventListener("scroll", () => { if (shown) place(shown); }, { passive: true, capture: true });

  const copy = (text) => {
    const copied = () => say("Copied " + text + " to the clipboard: paste it into your editor's Go to File.");
    const byHand = () => {
      // no clipboard here: the position, selected, for Ctrl+C
      say(text);
      const range = document.createRange();
      range.selectNodeContents(status);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    };
    const legacy = () => {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      let ok = false;
      try { ok = document.execCommand("copy"); } catch { ok = false; }
      area.remove();
      if (ok) copied(); else byHand();
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(copied, legacy);
    } else {
      legacy();
    }
  };
  const open = (el) => {
    const src = el.dataset.src;
    if (!editor) {
      copy(src);
      return;
    }
    const url = editorURL(src);
    const a = document.createElement("a");
    a.href = url;
    if (/^https?:/i.test(url)) {
      a.target = "_blank";
      a.rel = "noopener";
    }
    a.click();
    say("Opened " + src + " in the editor.");
  };

  document.addEventListener("click", (e) => {
    const el = target(e);
    if (!el || e.defaultPrevented || e.button !== 0) return;
    const link = e.target.closest("a[href]");
    if (link && el.contains(link)) return; // a link in a value keeps its own click
    const sel = window.getSelection();
    if (sel && sel.type === "Range" && !status.contains(sel.anchorNode)) return; // selecting text, not clicking
    e.preventDefault();
    open(el);
  });
  document.addEventListener("keydown", (e) => {
    const el = target(e);
    if (e.key !== "Enter" || !el || el !== e.target || e.target.closest("a[href], button")) return;
    e.preventDefault();
    open(el);
  });
})();
