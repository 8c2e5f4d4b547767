// Formhaus embed script. Place anywhere on any page:
//   <script src="https://FORMHAUS-HOST/embed.js" data-form="KEY" async></script>
// It puts the form in an iframe right where the tag stands and keeps the iframe as tall as the form.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var key = script.getAttribute("data-form");
  if (!key) { console.error("Formhaus: the script tag needs a data-form attribute"); return; }
  var formOrigin = new URL(script.src).origin;
  var frameId = "fh-" + key + "-" + Math.random().toString(36).slice(2, 10);
  var query = new URLSearchParams();
  query.set("fh_parent", location.origin);
  query.set("fh_frame", frameId);
  // Page context (URL and UTM parameters) travels to the form as hidden context.
  query.set("fh_page", location.href);
  new URLSearchParams(location.search).forEach(function (value, name) {
    if (name.indexOf("utm_") === 0 || (script.hasAttribute("data-prefill") && name.indexOf("fh_") !== 0)) query.set(name, value);
  });
  var iframe = document.createElement("iframe");
  iframe.src = formOrigin + "/f/" + encodeURIComponent(key) + "?" + query.toString();
  iframe.id = frameId;
  iframe.title = script.getAttribute("data-title") || "Formular";
  iframe.setAttribute("loading", "lazy");
  iframe.style.cssText = "width:100%;border:0;display:block;overflow:hidden;height:" + (script.getAttribute("data-height") || "600") + "px";
  iframe.setAttribute("scrolling", "no");
  script.parentNode.insertBefore(iframe, script.nextSibling);
  window.addEventListener("message", function (event) {
    // Only the form's own origin may resize, and only its own iframe.
    if (event.origin !== formOrigin || event.source !== iframe.contentWindow) return;
    var data = event.data;
    if (!data || data.type !== "formhaus:height" || data.frame !== frameId) return;
    var height = Number(data.height);
    if (height > 0 && height < 100000) iframe.style.height = height + "px";
  });
})();
