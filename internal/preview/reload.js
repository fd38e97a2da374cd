// The preview's live reload: when the server says that a build other than
// this page's is ready, the page reloads, keeping its scroll position.
(() => {
  "use strict";
  const build = document.currentScript.dataset.build;
  const key = "unireport-preview-scroll " + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    const [x, y] = saved.split(" ").map(Number);
    const restore = () => window.scrollTo(x, y);
    restore();
    if (document.readyState !== "complete") {
      window.addEventListener("load", restore, { once: true });
    }
  }
  let source = null;
  const connect = () => {
    if (source) return;
    source = new EventSource("/events");
    source.addEventListener("build", (e) => {
      if (e.data === build) return;
      source.close();
      sessionStorage.setItem(key, window.scrollX + " " + window.scrollY);
      location.reload();
    });
  };
  const disconnect = () => {
    if (source) source.close();
    source = null;
  };
  // A hidden tab gives its connection back (a browser opens few at once to
  // one host); shown again, it reconnects and reloads if a build came.
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) disconnect(); else connect();
  });
  if (!document.hidden) connect();
})();
