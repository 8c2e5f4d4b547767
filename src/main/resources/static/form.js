// Runs inside the form page. Without it the form still works (the server validates, all steps and conditional
// fields are shown). With it:
// - the embedding page (embed.js) learns the form's height: messages go only to the parent origin the server
//   vouched for, and only when that really is the framing page's origin;
// - fields with a condition (data-fh-show-if) are shown only while it holds; hidden ones are disabled, so their
//   values are not sent (the server ignores them anyway);
// - a multi-step form shows one step at a time, with a progress indicator, and checks each step before the next;
// - every field is checked as the server checks it (rules in data-fh-rules) before sending; errors appear next to
//   their fields (aria-describedby, aria-invalid), focus moves to the first one, entered values stay;
// - no lead is lost when the database blinks: a submission is kept in this tab (sessionStorage) while it is sent; when
//   the answer is "not stored for now" (503, the page carries data-fh-retry-after) it is sent again by itself, as it
//   was, same token included (a repeat gets the first answer), until it is accepted, and a live region tells the
//   visitor it is being saved. Any other answer forgets it. Forms with file uploads are not kept;
// - when the form is flooded, or always asks for it, the browser solves a proof of work (data-fh-pow: the challenge;
//   data-fh-pow-url: where to fetch one) with Web Crypto, a digest at a time so the page stays responsive, and sends
//   the solution as _fh_pow; after a 428 (data-fh-pow-resubmit) it sends the form again by itself.
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var parentOrigin = params.get("fh_parent");
  var frameId = params.get("fh_frame");
  var form = document.querySelector("form[data-fh-form]");

  // ---- Height reporting ---------------------------------------------------------------------------------------
  function parentVerified() {
    if (!parentOrigin || window.parent === window) return false;
    // Chromium and Safari tell who frames us; where they can't, postMessage's targetOrigin still guarantees that
    // only parentOrigin can receive the message.
    var ancestors = location.ancestorOrigins;
    return !ancestors || ancestors.length === 0 || ancestors[0] === parentOrigin;
  }
  var lastHeight = 0;
  function report() {
    if (!parentVerified()) return;
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    window.parent.postMessage({ type: "formhaus:height", frame: frameId, height: height }, parentOrigin);
  }
  window.addEventListener("message", function (event) {
    // The embedding page may ask for the height again (e.g. after it showed a hidden container).
    if (event.origin !== parentOrigin || event.source !== window.parent) return;
    if (event.data && event.data.type === "formhaus:ping" && event.data.frame === frameId) { lastHeight = 0; report(); }
  });
  if ("ResizeObserver" in window) new ResizeObserver(report).observe(document.body);
  window.addEventListener("load", report);
  window.addEventListener("resize", report);

  // ---- No lead lost -------------------------------------------------------------------------------------------
  var PENDING = "formhaus:pending:";
  function storage() {
    try { return window.sessionStorage; } catch (e) { return null; } // blocked (e.g. third-party frame settings)
  }
  function keep(key, action, body) {
    var s = storage();
    if (s) try { s.setItem(PENDING + key, JSON.stringify({ action: action, body: body })); } catch (e) { /* full */ }
  }
  function forgetAll() {
    var s = storage();
    if (!s) return;
    for (var i = s.length - 1; i >= 0; i--) if ((s.key(i) || "").indexOf(PENDING) === 0) s.removeItem(s.key(i));
  }
  function sendAgain(pending) {
    // A plain form POST, as the first one was: the server answers the same way (thank-you page, errors, or 503 again).
    var again = document.createElement("form");
    again.method = "post";
    again.action = pending.action;
    again.hidden = true;
    new URLSearchParams(pending.body).forEach(function (value, name) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      again.appendChild(input);
    });
    document.body.appendChild(again);
    again.submit();
  }
  (function resendKept() {
    var marker = document.querySelector("[data-fh-retry-after]");
    var s = storage();
    var key = marker && (marker.getAttribute("data-fh-form-key") || marker.getAttribute("data-fh-form"));
    var pending = key && s && s.getItem(PENDING + key);
    if (!pending) { forgetAll(); return; }
    var status = document.createElement("p");
    status.className = "fh-saving";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    (marker.tagName === "FORM" ? marker.parentNode : marker).insertBefore(status,
        marker.tagName === "FORM" ? marker : marker.firstChild);
    // Filled in after the region exists, so that screen readers announce it.
    setTimeout(function () { status.textContent = marker.getAttribute("data-fh-saving"); }, 50);
    var error = document.getElementById("fh-form-error");
    if (error) error.hidden = true;
    var seconds = Math.min(60, Math.max(1, parseInt(marker.getAttribute("data-fh-retry-after"), 10) || 3));
    setTimeout(function () { sendAgain(JSON.parse(pending)); }, seconds * 1000);
  })();

  if (!form) { report(); return; }

  // ---- Texts and rules ------------------------------------------------------------------------------------------
  var messages = JSON.parse(form.getAttribute("data-fh-messages") || "{}");
  function msg(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    return (messages[key] || key).replace(/\{(\d)\}/g, function (m, i) { return args[i] !== undefined ? args[i] : m; });
  }
  var fields = Array.prototype.slice.call(form.querySelectorAll("[data-fh-field]"));
  function rulesOf(box) { return JSON.parse(box.getAttribute("data-fh-rules") || "{}"); }
  function inputsOf(box) { return Array.prototype.slice.call(box.querySelectorAll("input, select, textarea")); }

  // ---- Conditions -----------------------------------------------------------------------------------------------
  var conditional = Array.prototype.slice.call(form.querySelectorAll("[data-fh-show-if]"));
  function valuesOf(name) {
    var out = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name !== name && el.name !== name + "_from" && el.name !== name + "_to") return;
      if (el.disabled) return;
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) return;
      if (el.value.trim() !== "") out.push(el.value.trim());
    });
    return out;
  }
  function isShown(el) {
    for (var node = el; node && node !== form; node = node.parentElement) {
      if (node.hidden && !node.hasAttribute("data-fh-step")) return false;
    }
    return true;
  }
  function applyConditions() {
    // Repeat until stable: a field may depend on one that itself depends on another.
    for (var round = 0; round < 5; round++) {
      var changed = false;
      conditional.forEach(function (el) {
        var source = el.getAttribute("data-fh-show-if");
        var wanted = JSON.parse(el.getAttribute("data-fh-show-values") || "[]");
        var sourceBox = form.querySelector('[data-fh-field="' + source + '"]');
        var current = valuesOf(source);
        var holds = (!sourceBox || isShown(sourceBox)) &&
          (wanted.length === 0 ? current.length > 0 : current.some(function (v) { return wanted.indexOf(v) >= 0; }));
        if (el.hidden === !holds) return;
        changed = true;
        el.hidden = !holds;
        inputsOf(el).forEach(function (input) { input.disabled = !holds; });
      });
      if (!changed) break;
    }
    report();
  }
  form.addEventListener("change", applyConditions);
  form.addEventListener("input", applyConditions);
  applyConditions();

  // ---- Validation (mirrors org.formhaus.forms.FormValidator) -----------------------------------------------------
  var group = document.documentElement.lang === "en" ? "," : ".";
  function parseNumber(value) {
    var s = value.trim().replace(/[\s\u00a0]/g, "");
    if (s.length > 40) return null;
    var dots = s.split(".").length - 1, commas = s.split(",").length - 1;
    if (dots > 0 && commas > 0) {
      s = s.lastIndexOf(",") > s.lastIndexOf(".") ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
    } else if (dots > 1 || commas > 1) {
      s = s.replace(/[.,]/g, "");
    } else if (dots + commas === 1) {
      var at = Math.max(s.indexOf("."), s.indexOf(","));
      var grouping = s.charAt(at) === group && s.length - at - 1 === 3 && at > 0;
      s = grouping ? s.slice(0, at) + s.slice(at + 1) : s.replace(",", ".");
    }
    return /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/.test(s) ? Number(s) : null;
  }
  function checkNumber(r, n) {
    if (r.min !== undefined && n < Number(r.min)) return msg("error.min", r.min);
    if (r.max !== undefined && n > Number(r.max)) return msg("error.max", r.max);
    if (r.step !== undefined) {
      var q = (n - (r.min !== undefined ? Number(r.min) : 0)) / Number(r.step);
      if (Math.abs(q - Math.round(q)) > 1e-9) return msg("error.step", r.step);
    }
    return null;
  }
  function checkText(r, v) {
    var limit = r.type === "textarea" ? 20000 : 500;
    if (v.length > limit) return msg("error.tooLong");
    switch (r.type) {
      case "email":
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(v)) return msg("error.email");
        break;
      case "phone":
        if (!/^\+?[0-9 ()\/.\-]{5,30}$/.test(v)) return msg("error.phone");
        break;
      case "number": case "currency": case "area":
        var n = parseNumber(v);
        return n === null ? msg("error.number") : checkNumber(r, n);
      case "date":
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return msg("error.date");
        if (r.minDate && v < r.minDate) return msg("error.minDate", r.minDateText);
        if (r.maxDate && v > r.maxDate) return msg("error.maxDate", r.maxDateText);
        return null;
      case "select": case "radio": case "userselect":
        if (r.options && r.options.indexOf(v) < 0) return msg("error.option");
        break;
      case "consent":
        return null;
    }
    if (r.minLength !== undefined && v.length < r.minLength) return msg("error.minLength", r.minLength);
    if (r.maxLength !== undefined && v.length > r.maxLength) return msg("error.maxLength", r.maxLength);
    if (r.pattern) {
      try {
        if (!new RegExp("^(?:" + r.pattern + ")$").test(v)) return msg("error.pattern");
      } catch (e) { /* a Java-only pattern: the server decides */ }
    }
    return null;
  }
  function accepted(r, file) {
    if (!r.accept) return true;
    var name = file.name.toLowerCase(), type = (file.type || "").toLowerCase();
    return r.accept.some(function (a) {
      if (a.indexOf("/") >= 0) return a.slice(-2) === "/*" ? type.indexOf(a.slice(0, -1)) === 0 : type === a;
      return name.slice(-(a.length + 1)) === "." + a;
    });
  }
  function problemOf(box) {
    var r = rulesOf(box);
    var inputs = inputsOf(box);
    if (r.type === "checkboxes") {
      var ticked = inputs.filter(function (i) { return i.checked; });
      return r.required && ticked.length === 0 ? msg("error.required") : null;
    }
    if (r.type === "range") {
      var from = inputs[0].value.trim(), to = inputs[1].value.trim();
      if (!from && !to) return r.required ? msg("error.rangeRequired") : null;
      var a = from ? parseNumber(from) : null, b = to ? parseNumber(to) : null;
      if ((from && a === null) || (to && b === null)) return msg("error.number");
      var p = (a !== null && checkNumber(r, a)) || (b !== null && checkNumber(r, b));
      if (p) return p;
      return a !== null && b !== null && a > b ? msg("error.rangeOrder") : null;
    }
    if (r.type === "file") {
      var file = inputs[0].files && inputs[0].files[0];
      if (!file) return r.required ? msg("error.required") : null;
      if (r.maxBytes && file.size > r.maxBytes) return msg("error.fileSize", r.maxBytesText);
      if (!accepted(r, file)) return msg("error.fileType", r.accept.join(", "));
      return null;
    }
    var value = "";
    if (r.type === "radio" || r.type === "consent") {
      inputs.forEach(function (i) { if (i.checked) value = i.value; });
    } else {
      value = inputs[0].value.trim();
      if (r.type === "date" && !value && inputs[0].validity && inputs[0].validity.badInput) return msg("error.date");
    }
    if (!value) return r.required ? msg(r.type === "consent" ? "error.consent" : "error.required") : null;
    return checkText(r, value);
  }
  function show(box, problem) {
    var name = box.getAttribute("data-fh-field");
    var error = document.getElementById("fh-" + name + "-error");
    var targets = box.querySelector("fieldset") ? [box.querySelector("fieldset")] : inputsOf(box);
    box.classList.toggle("fh-invalid", !!problem);
    if (error) { error.textContent = problem || ""; error.hidden = !problem; }
    targets.forEach(function (t) {
      var ids = (t.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
        return id && id !== "fh-" + name + "-error";
      });
      if (problem) { ids.push("fh-" + name + "-error"); t.setAttribute("aria-invalid", "true"); }
      else t.removeAttribute("aria-invalid");
      if (ids.length) t.setAttribute("aria-describedby", ids.join(" ")); else t.removeAttribute("aria-describedby");
    });
  }
  function focusTarget(box) {
    return box.querySelector("input:not([type=hidden]), select, textarea");
  }
  /** Checks the shown fields in {@code scope}; shows errors; focuses the first; true when all pass. */
  function validate(scope) {
    var first = null;
    fields.forEach(function (box) {
      if (!scope.contains(box) || !isShown(box)) { show(box, null); return; }
      var problem = problemOf(box);
      show(box, problem);
      if (problem && !first) first = box;
    });
    if (first) {
      if (steps.length > 1) goTo(stepOf(first), false);
      var target = focusTarget(first);
      if (target) target.focus();
    }
    report();
    return !first;
  }
  // A field shown as wrong is checked again as the visitor types, so its message goes as soon as it is right
  // (and not on blur, which would move the button under a pointer about to click it).
  function recheck(event) {
    var box = event.target.closest && event.target.closest("[data-fh-field]");
    if (box && box.classList.contains("fh-invalid")) { show(box, problemOf(box)); report(); }
  }
  form.addEventListener("input", recheck);
  form.addEventListener("change", recheck);

  // ---- Steps ----------------------------------------------------------------------------------------------------
  var steps = Array.prototype.slice.call(form.querySelectorAll("[data-fh-step]"));
  var current = 0;
  var back = form.querySelector("[data-fh-back]");
  var next = form.querySelector("[data-fh-next]");
  var submit = form.querySelector("button[type=submit]");
  var progress = document.getElementById("fh-progress");
  function stepOf(el) {
    for (var i = 0; i < steps.length; i++) if (steps[i].contains(el)) return i;
    return 0;
  }
  function goTo(index, focusTitle) {
    current = index;
    steps.forEach(function (s, i) { s.hidden = i !== index; });
    back.hidden = index === 0;
    next.hidden = index === steps.length - 1;
    submit.hidden = index !== steps.length - 1;
    progress.hidden = false;
    progress.querySelector(".fh-progress-text").textContent = msg("form.progress", index + 1, steps.length);
    Array.prototype.forEach.call(progress.querySelectorAll("[data-fh-progress]"), function (li, i) {
      li.className = i < index ? "fh-done" : i === index ? "fh-current" : "";
      if (i === index) li.setAttribute("aria-current", "step"); else li.removeAttribute("aria-current");
    });
    if (focusTitle) { var title = steps[index].querySelector(".fh-step-title"); if (title) title.focus(); }
    report();
  }
  if (steps.length > 1) {
    next.addEventListener("click", function () { if (validate(steps[current])) goTo(current + 1, true); });
    back.addEventListener("click", function () { goTo(current - 1, true); });
    var firstInvalid = form.querySelector(".fh-invalid");
    goTo(firstInvalid ? stepOf(firstInvalid) : 0, false);
  }

  // ---- Proof of work ----------------------------------------------------------------------------------------------
  var proof = null; // a promise of the solution, while the form asks for one
  // One digest at a time, awaited: the page stays responsive while the browser works.
  async function solve(c) {
    var encoder = new TextEncoder();
    var target = new Uint8Array(c.challenge.match(/../g).map(function (h) { return parseInt(h, 16); }));
    for (var number = 0; number <= c.maxnumber; number++) {
      var digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(c.salt + number)));
      var same = true;
      for (var i = 0; i < digest.length && same; i++) same = digest[i] === target[i];
      if (same) {
        return btoa(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: number, salt: c.salt,
          signature: c.signature }));
      }
    }
    throw new Error("no solution");
  }
  function withSolution(solution) {
    var input = form.querySelector("input[name=_fh_pow]");
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = "_fh_pow";
      form.appendChild(input);
    }
    input.value = solution;
    return solution;
  }
  if (window.crypto && crypto.subtle) {
    if (form.hasAttribute("data-fh-pow")) {
      proof = solve(JSON.parse(form.getAttribute("data-fh-pow"))).then(withSolution);
      if (form.hasAttribute("data-fh-pow-resubmit")) proof.then(function () { form.submit(); });
    } else if (form.hasAttribute("data-fh-pow-url")) {
      proof = fetch(form.getAttribute("data-fh-pow-url"), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.json(); }).then(solve).then(withSolution);
    }
  }

  form.addEventListener("submit", function (event) {
    if (!validate(form)) { event.preventDefault(); return; }
    if (proof && !form.querySelector("input[name=_fh_pow]")) {
      // Not solved yet: send as soon as it is (form.submit() fires no second submit event).
      event.preventDefault();
      proof.then(function () { form.submit(); }, function () { form.submit(); });
      return;
    }
    if (form.enctype !== "multipart/form-data") {
      keep(form.getAttribute("data-fh-form"), form.action, new URLSearchParams(new FormData(form)).toString());
    }
  });

  // After the server re-rendered the form with errors: focus the first one.
  var firstError = form.querySelector("[aria-invalid=true]");
  if (firstError) firstError.focus();
  else if (document.getElementById("fh-form-error")) document.getElementById("fh-form-error").setAttribute("tabindex", "-1");
  report();
})();
