// Statistics beacons (README "Statistics"), beside form.js and independent of it. Sends, with no personal data:
// - event=start at the visitor's first input on a freshly served form page, with the page's source (fh_page and
//   utm_* from this page's address, as embed.js passed them);
// - event=step&step=N when step N (2, 3, ...) of a multi-step form is shown for the first time.
// Each beacon carries the page's form token; the server counts nothing without one. A page re-rendered after a
// refusal sends nothing (its visitor was counted already); it gets the first page's source back into its address,
// so the submission's Referer tells the server where the visitor came from.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector("form[data-fh-form]");
  if (!script || !form || !navigator.sendBeacon) return;
  var key = form.getAttribute("data-fh-form");
  var url = new URL("../beacon/" + encodeURIComponent(key), script.src).toString();
  var tokenInput = form.querySelector("input[name=_fh_token]");
  var SOURCE = ["fh_page", "utm_source", "utm_medium", "utm_campaign"];
  var stored = "formhaus:source:" + key;
  var store = null;
  try { store = window.sessionStorage; } catch (e) { /* blocked: no source on re-rendered pages */ }

  var rerendered = !!document.querySelector("#fh-summary, #fh-form-error, [data-fh-retry-after], [data-fh-pow-resubmit]");
  var params = new URLSearchParams(location.search);
  var source = {};
  if (!rerendered) {
    SOURCE.forEach(function (name) { if (params.get(name)) source[name] = params.get(name); });
    try { if (store) store.setItem(stored, JSON.stringify(source)); } catch (e) { /* full */ }
  } else {
    try { source = JSON.parse((store && store.getItem(stored)) || "{}"); } catch (e) { source = {}; }
    var missing = SOURCE.filter(function (name) { return source[name] && !params.has(name); });
    if (missing.length) {
      missing.forEach(function (name) { params.set(name, source[name]); });
      history.replaceState(history.state, "", location.pathname + "?" + params.toString());
    }
    return;
  }

  function send(fields) {
    var body = new URLSearchParams(fields);
    body.set("_fh_token", tokenInput ? tokenInput.value : "");
    navigator.sendBeacon(url, body);
  }

  var started = false;
  function start() {
    if (started) return;
    started = true;
    var fields = { event: "start" };
    SOURCE.forEach(function (name) { if (source[name]) fields[name] = source[name]; });
    send(fields);
  }
  form.addEventListener("input", start);
  form.addEventListener("change", start);

  var steps = Array.prototype.slice.call(form.querySelectorAll("[data-fh-step]"));
  if (steps.length < 2 || !("MutationObserver" in window)) return;
  var reached = 1;
  new MutationObserver(function () {
    steps.forEach(function (step, i) {
      if (!step.hidden && i + 1 > reached) {
        for (var n = reached + 1; n <= i + 1; n++) send({ event: "step", step: String(n) });
        reached = i + 1;
      }
    });
  }).observe(form, { subtree: true, attributes: true, attributeFilter: ["hidden"] });
})();
