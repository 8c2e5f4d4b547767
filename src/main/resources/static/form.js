// Runs inside the form page. Tells an embedding page (embed.js) how tall the form is, and moves focus to the
// first error after the server re-rendered the form.
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var parentOrigin = params.get("fh_parent");
  var frameId = params.get("fh_frame");
  function report() {
    if (!parentOrigin || window.parent === window) return;
    var height = Math.ceil(document.documentElement.scrollHeight);
    window.parent.postMessage({ type: "formhaus:height", frame: frameId, height: height }, parentOrigin);
  }
  if ("ResizeObserver" in window) new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener("load", report);
  var firstError = document.querySelector("[aria-invalid=true]");
  if (firstError) firstError.focus();
})();
