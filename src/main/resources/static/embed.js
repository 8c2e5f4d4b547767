// Formhaus embed script. Place anywhere on any page, as often as you like (several forms on one page work):
//   <script src="https://FORMHAUS-HOST/embed.js" data-form="KEY" async></script>
// Optional attributes:
//   data-estate-id="123"     the estate an inquiry form is about (prefills the form's field mapped to estate.Id)
//   data-prefill-NAME="v"    prefills field NAME, when the form's definition allows prefilling it
//   data-prefill             passes this page's own query parameters on, for prefilling
//   data-context="none"      sends nothing of this page (by default: its URL, referrer and utm_* parameters,
//                            of which the form keeps what its definition's "context" allows)
//   data-title, data-height  the iframe's accessible title and its height before the form reports its own
// A host page opened with ?fh_key=KEY (a personal link) passes the one-time key on to the form.
// It puts the form in an iframe right where the tag stands and keeps the iframe as tall as the form.
// Host page API: DOM events formhaus:loaded / :step / :submitted / :failed on the iframe (they bubble), and
// window.Formhaus.on("submitted", function (detail) { ... detail.id ... }) (see the README's Embedding section).
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var key = script.getAttribute("data-form");
  if (!key) { console.error("Formhaus: the script tag needs a data-form attribute"); return; }
  var formOrigin = new URL(script.src, location.href).origin;
  var frameId = "fh-" + key.replace(/[^A-Za-z0-9_-]/g, "") + "-" + Math.random().toString(36).slice(2, 10);
  var query = new URLSearchParams();
  query.set("fh_parent", location.origin);
  query.set("fh_frame", frameId);
  if (script.getAttribute("data-context") !== "none") {
    query.set("fh_page", location.href);
    if (document.referrer) query.set("fh_ref", document.referrer);
    new URLSearchParams(location.search).forEach(function (value, name) {
      if (name.indexOf("utm_") === 0) query.set(name, value);
    });
  }
  if (script.hasAttribute("data-prefill")) {
    new URLSearchParams(location.search).forEach(function (value, name) {
      if (name.indexOf("fh_") !== 0 && name.indexOf("utm_") !== 0) query.set(name, value);
    });
  }
  Array.prototype.forEach.call(script.attributes, function (attr) {
    if (attr.name.indexOf("data-prefill-") === 0) query.set(attr.name.slice(13), attr.value);
  });
  if (script.getAttribute("data-estate-id")) query.set("fh_estate", script.getAttribute("data-estate-id"));
  // A one-time key in the host page's address (a personal link) opens a form protected by oneTimeKeys.
  var personalKey = new URLSearchParams(location.search).get("fh_key");
  if (personalKey) query.set("fh_key", personalKey);

  var iframe = document.createElement("iframe");
  iframe.src = formOrigin + "/f/" + encodeURIComponent(key) + "?" + query.toString();
  iframe.id = frameId;
  iframe.title = script.getAttribute("data-title") || "Formular";
  iframe.style.cssText = "width:100%;border:0;display:block;overflow:hidden;height:" +
    (parseInt(script.getAttribute("data-height"), 10) || 600) + "px";
  iframe.setAttribute("scrolling", "no");
  iframe.setAttribute("data-formhaus", key);
  script.parentNode.insertBefore(iframe, script.nextSibling);

  // ---- Events and API for the host page ---------------------------------------------------------------------------
  // Each form's events are DOM events on its iframe that bubble to the document: formhaus:loaded, formhaus:step,
  // formhaus:submitted, formhaus:failed; event.detail carries form, frame and what the event says (see README).
  var EVENTS = ["loaded", "step", "submitted", "failed"];
  function dispatch(data) {
    if (EVENTS.indexOf(data.event) < 0) return;
    var detail = { form: key, frame: frameId };
    ["step", "steps", "id", "errors", "message"].forEach(function (name) {
      if (data[name] !== undefined) detail[name] = data[name];
    });
    iframe.dispatchEvent(new CustomEvent("formhaus:" + data.event, { bubbles: true, detail: detail }));
  }
  var api = window.Formhaus = window.Formhaus || {
    /** Calls handler(detail, event) for every form's event named (loaded, step, submitted, failed); returns an off function. */
    on: function (name, handler) {
      var listener = function (event) { handler(event.detail, event); };
      document.addEventListener("formhaus:" + name, listener);
      return function () { document.removeEventListener("formhaus:" + name, listener); };
    },
    /** The iframes of the forms on this page. */
    frames: function () { return Array.prototype.slice.call(document.querySelectorAll("iframe[data-formhaus]")); }
  };
  void api;

  window.addEventListener("message", function (event) {
    // Only the form's own origin may resize, and only its own iframe: other frames and other forms are ignored.
    if (event.origin !== formOrigin || event.source !== iframe.contentWindow) return;
    var data = event.data;
    if (data && data.type === "formhaus:event" && data.frame === frameId) { dispatch(data); return; }
    if (!data || data.type !== "formhaus:height" || data.frame !== frameId) return;
    var height = Number(data.height);
    if (height > 0 && height < 100000) {
      iframe.style.height = height + "px";
      iframe.setAttribute("data-height-reported", String(height));
    }
  });
})();
