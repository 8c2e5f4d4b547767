// Runs inside the form page. Without it the form still works (the server validates, all steps and conditional
// fields are shown). With it:
// - the embedding page (embed.js) learns the form's height: messages go only to the parent origin the server
//   vouched for, and only when that really is the framing page's origin;
// - the form's rules (data-fh-logic: showIf and the definition's rules, evaluated by FormhausLogic below exactly as
//   the server's FormLogic does) show, hide, require, lock, set and calculate while the visitor types; hidden fields
//   are disabled, so their values are not sent (the server ignores them anyway);
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
// ---- Form logic: the rule model's evaluator, the browser's twin of org.formhaus.forms.FormLogic ------------------
// Pure (no DOM): window.FormhausLogic.evaluate(model, input, language) → the state (hidden, required, locked,
// hiddenOptions, values, labels, helps). model is what the server put in data-fh-logic; input maps a field name to its
// non-empty values. The shared table src/test/resources/logic/rules-table.json runs through this and through Java.
// Numbers are decimals on BigInt (as java.math.BigDecimal does it): a browser without BigInt leaves calculations empty
// and the server, which decides anyway, fills them in.
(function () {
  "use strict";
  var HAS_BIGINT = typeof BigInt === "function";
  var SCALE = 10, MAX_ROUNDS = 10;
  function p10(n) { return BigInt(10) ** BigInt(n); }
  function abs(m) { return m < BigInt(0) ? -m : m; }
  /** A plain decimal string ("-12.5", "+3", ".5", "5.") as {m: BigInt, s: scale}. */
  function dec(str) {
    var neg = str.charAt(0) === "-";
    if (neg || str.charAt(0) === "+") str = str.slice(1);
    var at = str.indexOf(".");
    var whole = at < 0 ? str : str.slice(0, at), frac = at < 0 ? "" : str.slice(at + 1);
    var m = BigInt((whole || "0") + frac);
    return { m: neg ? -m : m, s: frac.length };
  }
  /** n / d, rounded half away from zero (RoundingMode.HALF_UP). */
  function divRound(n, d) {
    var q = n / d, r = n % d;
    if (abs(r) * BigInt(2) >= abs(d)) q += ((n < BigInt(0)) !== (d < BigInt(0))) ? BigInt(-1) : BigInt(1);
    return q;
  }
  function setScale(a, n) {
    if (a.s <= n) return { m: a.m * p10(n - a.s), s: n };
    return { m: divRound(a.m, p10(a.s - n)), s: n };
  }
  function fit(a) {
    var r = a.s > SCALE ? setScale(a, SCALE) : a;
    return abs(r.m) >= p10(15 + r.s) ? null : r;
  }
  function align(a, b) {
    var s = Math.max(a.s, b.s);
    return [a.m * p10(s - a.s), b.m * p10(s - b.s), s];
  }
  function cmp(a, b) { var x = align(a, b); return x[0] < x[1] ? -1 : x[0] > x[1] ? 1 : 0; }
  var ZERO = HAS_BIGINT ? dec("0") : null, ONE = HAS_BIGINT ? dec("1") : null;
  function truth(v) { return v !== null && v.m !== BigInt(0); }
  function bool(b) { return b ? ONE : ZERO; }
  function arith(op, a, b) {
    if (a === null || b === null) return null;
    var x;
    switch (op) {
      case "+": x = align(a, b); return fit({ m: x[0] + x[1], s: x[2] });
      case "-": x = align(a, b); return fit({ m: x[0] - x[1], s: x[2] });
      case "*": return fit({ m: a.m * b.m, s: a.s + b.s });
      default: // "/", to SCALE places
        if (b.m === BigInt(0)) return null;
        var e = SCALE + b.s - a.s;
        var n = e >= 0 ? a.m * p10(e) : a.m, d = e >= 0 ? b.m : b.m * p10(-e);
        return fit({ m: divRound(n, d), s: SCALE });
    }
  }
  function compareOp(op, c) {
    switch (op) {
      case "=": return c === 0;
      case "!=": return c !== 0;
      case "<": return c < 0;
      case "<=": return c <= 0;
      case ">": return c > 0;
      default: return c >= 0;
    }
  }
  function calc(node, numberOf) {
    var head = node[0], a, b;
    switch (head) {
      case "num": return dec(node[1]);
      case "ref": return numberOf(node[1]);
      case "neg": a = calc(node[1], numberOf); return a === null ? null : { m: -a.m, s: a.s };
      case "if": return truth(calc(node[1], numberOf)) ? calc(node[2], numberOf) : calc(node[3], numberOf);
      case "call":
        if (node[1] === "round") {
          a = calc(node[2], numberOf);
          return a === null ? null : setScale(a, node.length > 3 ? parseInt(node[3][1], 10) : 0);
        }
        var best = null;
        for (var i = 2; i < node.length; i++) {
          var v = calc(node[i], numberOf);
          if (v === null) return null;
          var c = best === null ? 0 : cmp(v, best);
          if (best === null || (node[1] === "min" ? c < 0 : c > 0)) best = v;
        }
        return best;
    }
    a = calc(node[1], numberOf);
    b = calc(node[2], numberOf);
    if (head === "and") return bool(truth(a) && truth(b));
    if (head === "or") return bool(truth(a) || truth(b));
    if ("+-*/".indexOf(head) >= 0) return arith(head, a, b);
    return a === null || b === null ? ZERO : bool(compareOp(head, cmp(a, b)));
  }
  /** A result as stored and shown: rounded, no trailing zeros, the language's decimal mark (Decimals.format). */
  function format(v, places, language) {
    if (v === null) return "";
    var r = setScale(v, places), m = r.m, s = r.s;
    while (s > 0 && m % BigInt(10) === BigInt(0)) { m = m / BigInt(10); s--; }
    var digits = abs(m).toString();
    while (digits.length <= s) digits = "0" + digits;
    var plain = (m < BigInt(0) ? "-" : "") + (s > 0 ? digits.slice(0, digits.length - s) + "." + digits.slice(digits.length - s) : digits);
    return language === "en" ? plain : plain.replace(".", ",");
  }
  /** FormValidator.parseNumber: the plain decimal string of an entry, or null. */
  function plainNumber(value, language) {
    var s = value.trim().replace(/[ \u00a0]/g, "");
    if (s.length > 40) return null;
    var dots = s.split(".").length - 1, commas = s.split(",").length - 1;
    if (dots > 0 && commas > 0) {
      s = s.lastIndexOf(",") > s.lastIndexOf(".") ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
    } else if (dots > 1 || commas > 1) {
      s = s.replace(/[.,]/g, "");
    } else if (dots + commas === 1) {
      var group = language === "en" ? "," : ".";
      var at = Math.max(s.indexOf("."), s.indexOf(","));
      var grouping = s.charAt(at) === group && s.length - at - 1 === 3 && at > 0;
      s = grouping ? s.slice(0, at) + s.slice(at + 1) : s.replace(",", ".");
    }
    return /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/.test(s) ? s : null;
  }
  function number(value, language) {
    var plain = value === undefined ? null : plainNumber(value, language);
    return plain === null || !HAS_BIGINT ? null : dec(plain);
  }
  var NUMERIC = ["number", "currency", "area", "range"];

  function evaluate(model, input, language) {
    var fields = model.fields || {};
    function list(v) { return (v || []).filter(function (x) { return x !== null && x !== undefined && x !== ""; }); }
    function apply(before) {
      function of(name) {
        if (before.hidden.indexOf(name) >= 0) return [];
        if (Object.prototype.hasOwnProperty.call(before.values, name)) return list([before.values[name]]);
        if (before.locked.indexOf(name) >= 0) return fields[name] ? fields[name].defaults.slice() : [];
        return list(input[name]);
      }
      function numberOf(name) { return number(of(name)[0], language); }
      function type(name) { return fields[name] ? fields[name].type : ""; }
      function same(name, entered, operand) {
        if (entered === operand) return true;
        if (NUMERIC.indexOf(type(name)) < 0) return false;
        var a = number(entered, language), b = number(operand, "en");
        return a !== null && b !== null && cmp(a, b) === 0;
      }
      function holds(c) {
        if (c.all || c.any) {
          var any = !!c.any, items = c.any || c.all;
          for (var i = 0; i < items.length; i++) { var h = holds(items[i]); if (h === any) return h; }
          return !any;
        }
        var v = of(c.field), o = c.values;
        switch (c.op) {
          case "equals": return v.some(function (x) { return same(c.field, x, o[0]); });
          case "notEquals": return !v.some(function (x) { return same(c.field, x, o[0]); });
          case "empty": return v.length === 0;
          case "filled": return v.length > 0;
          case "oneOf": return v.some(function (x) { return o.some(function (y) { return same(c.field, x, y); }); });
          case "contains":
            if (type(c.field) === "checkboxes") return v.indexOf(o[0]) >= 0;
            return v.some(function (x) { return x.toLowerCase().indexOf(o[0].toLowerCase()) >= 0; });
        }
        var n = numberOf(c.field);
        if (n === null) return false;
        if (c.op === "greater") return cmp(n, dec(o[0])) > 0;
        if (c.op === "less") return cmp(n, dec(o[0])) < 0;
        return cmp(n, dec(o[0])) >= 0 && cmp(n, dec(o[1])) <= 0;
      }
      var withShow = {}, showing = {}, hiding = {}, required = {}, locked = {}, hiddenOptions = {};
      var values = {}, labels = {}, helps = {};
      (model.rules || []).forEach(function (rule) {
        var ok = !rule.when || holds(rule.when);
        rule.then.forEach(function (a) {
          if (a.action === "show") withShow[a.field] = true;
          if (!ok) return;
          switch (a.action) {
            case "show": showing[a.field] = true; break;
            case "hide": hiding[a.field] = true; break;
            case "require": required[a.field] = true; break;
            case "lock": locked[a.field] = true; break;
            case "hideOptions":
              var set = hiddenOptions[a.field] || (hiddenOptions[a.field] = []);
              a.options.forEach(function (x) { if (set.indexOf(x) < 0) set.push(x); });
              break;
            case "setValue": values[a.field] = a.value; break;
            case "calculate":
              values[a.field] = HAS_BIGINT ? format(calc(a.expression, numberOf), a.decimals, language) : "";
              break;
            case "setLabel": labels[a.field] = a.text; break;
            case "setHelp": helps[a.field] = a.text; break;
          }
        });
      });
      var hidden = Object.keys(hiding);
      Object.keys(withShow).forEach(function (f) { if (!showing[f] && hidden.indexOf(f) < 0) hidden.push(f); });
      Object.keys(hiddenOptions).forEach(function (f) { hiddenOptions[f].sort(); });
      return { hidden: hidden.sort(), required: Object.keys(required).sort(), locked: Object.keys(locked).sort(),
        hiddenOptions: hiddenOptions, values: values, labels: labels, helps: helps };
    }
    function canonical(s) {
      return JSON.stringify(s, function (k, v) {
        if (v && typeof v === "object" && !Array.isArray(v)) {
          var o = {};
          Object.keys(v).sort().forEach(function (key) { o[key] = v[key]; });
          return o;
        }
        return v;
      });
    }
    var state = { hidden: [], required: [], locked: [], hiddenOptions: {}, values: {}, labels: {}, helps: {} };
    if (!(model.rules || []).length) return state;
    for (var round = 0; round < MAX_ROUNDS; round++) {
      var next = apply(state);
      if (canonical(next) === canonical(state)) break;
      state = next;
    }
    return state;
  }
  window.FormhausLogic = { evaluate: evaluate, plainNumber: plainNumber };
})();

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

  // ---- Events for the embedding page (embed.js turns them into DOM events) ---------------------------------------
  // Sent like the height: only to the parent origin the server vouched for, only when it really frames us.
  function tell(event, detail) {
    if (!parentVerified()) return;
    var data = { type: "formhaus:event", frame: frameId, event: event };
    Object.keys(detail || {}).forEach(function (k) { data[k] = detail[k]; });
    window.parent.postMessage(data, parentOrigin);
  }
  var lastStep = -1;
  function stepShown(index, total) {
    if (index === lastStep) return;
    var first = lastStep < 0;
    lastStep = index;
    if (!first) tell("step", { step: index + 1, steps: total });
  }
  /**
   * What this page is: the thank-you page after a submission (fh_submission: its id) → "submitted"; a form the server
   * sent back with errors, or a refusal → "failed"; a fresh form → "loaded".
   */
  function announcePage() {
    var submitted = params.get("fh_submission");
    if (submitted && /\/thanks$/.test(location.pathname)) {
      forgetEntries(location.pathname.split("/").slice(-2)[0]);
      tell("submitted", { id: submitted });
      return;
    }
    var errors = document.querySelectorAll("[aria-invalid=true]").length;
    var formError = document.getElementById("fh-form-error");
    if (errors > 0 || formError || (!form && !document.querySelector("[data-fh-retry-after]"))) {
      // A refusal page (protection, a limit) has no form: its text is the reason.
      var reason = formError || (!form && document.querySelector("main p"));
      tell("failed", { errors: errors, message: reason ? reason.textContent : "" });
    }
    if (form) tell("loaded", { steps: Math.max(1, form.querySelectorAll("[data-fh-step]").length) });
  }

  // ---- Entries kept across a reload -------------------------------------------------------------------------------
  // In this tab only (sessionStorage), never on the server: what the visitor typed (no files, passwords or the page's
  // own hidden inputs) and the step they were on, restored when the same form is loaded fresh again; forgotten on the
  // thank-you page, and not restored once the visitor sent the form (the server's answer is then what counts).
  var ENTRIES = "formhaus:entries:";
  function forgetEntries(key) {
    var s = storage();
    if (s && key) try { s.removeItem(ENTRIES + key); } catch (e) { /* blocked */ }
  }
  function keptInputs() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name.charAt(0) !== "_" && el.type !== "file" && el.type !== "password" &&
        el.type !== "hidden" && el.type !== "submit" && el.type !== "button";
    });
  }
  function saveEntries(sent) {
    var s = storage();
    if (!s) return;
    var values = [];
    keptInputs().forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") { if (el.checked) values.push([el.name, el.value]); }
      else if (el.value !== "") values.push([el.name, el.value]);
    });
    try {
      s.setItem(ENTRIES + form.getAttribute("data-fh-form"),
        JSON.stringify({ values: values, step: current, sent: !!sent }));
    } catch (e) { /* full */ }
  }
  function restoreEntries() {
    var s = storage();
    var raw = s && s.getItem(ENTRIES + form.getAttribute("data-fh-form"));
    if (!raw) return;
    var kept;
    try { kept = JSON.parse(raw); } catch (e) { return; }
    if (kept.sent) { forgetEntries(form.getAttribute("data-fh-form")); return; }
    var byName = {};
    kept.values.forEach(function (pair) { (byName[pair[0]] = byName[pair[0]] || []).push(pair[1]); });
    keptInputs().forEach(function (el) {
      var values = byName[el.name];
      if (el.type === "checkbox" || el.type === "radio") el.checked = !!values && values.indexOf(el.value) >= 0;
      else if (values) el.value = values[0];
    });
    applyLogic();
    applyMacros();
    if (steps.length > 1 && kept.step > 0 && kept.step < steps.length) goTo(kept.step, false);
  }
  function keepEntries() {
    // A page the server sent back with errors shows what was sent: that is what counts, not an older copy.
    if (!form.querySelector("[aria-invalid=true]") && !document.getElementById("fh-form-error")) restoreEntries();
    form.addEventListener("input", function () { saveEntries(false); });
    form.addEventListener("change", function () { saveEntries(false); });
    if (next) next.addEventListener("click", function () { saveEntries(false); });
    if (back) back.addEventListener("click", function () { saveEntries(false); });
    form.addEventListener("submit", function (event) { if (!event.defaultPrevented) saveEntries(true); });
  }

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

  // ---- Language switch (a form in several languages): keep the page's parameters (embedding, prefill) ----------
  // In the builder's preview (its form posts to "#preview") ?lang= would switch the admin UI: formLang picks the form's.
  var languageParam = form && form.getAttribute("action") === "#preview" ? "formLang" : "lang";
  Array.prototype.forEach.call(document.querySelectorAll("a[data-fh-lang]"), function (a) {
    var query = new URLSearchParams(location.search);
    query.set(languageParam, a.getAttribute("data-fh-lang"));
    a.href = "?" + query.toString();
  });

  announcePage();
  if (!form) { report(); return; }

  // ---- Texts and rules ------------------------------------------------------------------------------------------
  var messages = JSON.parse(form.getAttribute("data-fh-messages") || "{}");
  function msg(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    return (messages[key] || key).replace(/\{(\d)\}/g, function (m, i) { return args[i] !== undefined ? args[i] : m; });
  }
  var fields = Array.prototype.slice.call(form.querySelectorAll("[data-fh-field]"));
  function rulesOf(box) {
    var r = JSON.parse(box.getAttribute("data-fh-rules") || "{}");
    var name = box.getAttribute("data-fh-field");
    if (typeof logicState !== "undefined" && name) {
      if (logicState.required.indexOf(name) >= 0) r.required = true;
      var hiddenOptions = logicState.hiddenOptions[name];
      if (hiddenOptions && r.options) r.options = r.options.filter(function (o) { return hiddenOptions.indexOf(o) < 0; });
    }
    return r;
  }
  function inputsOf(box) { return Array.prototype.slice.call(box.querySelectorAll("input, select, textarea")); }

  // ---- Rules (data-fh-logic: FormLogic's model, showIf included) -------------------------------------------------
  // The state comes from FormhausLogic; here it is applied to the page: hidden fields are hidden and disabled (not
  // sent), set and calculated values are written in and read-only, locked fields show their default, hidden options
  // go, labels and help change. The server evaluates the same model and decides what counts.
  var logicModel = JSON.parse(form.getAttribute("data-fh-logic") || "null");
  var logicState = { hidden: [], required: [], locked: [], hiddenOptions: {}, values: {}, labels: {}, helps: {} };
  var originalTexts = {};
  function entered(name) {
    var out = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name !== name && el.name !== name + "_from" && el.name !== name + "_to") return;
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
  function boxOf(name) {
    return form.querySelector('[data-fh-field="' + name + '"]') || form.querySelector('[data-fh-name="' + name + '"]');
  }
  function textNode(box, help) {
    if (help) return document.getElementById("fh-" + box.getAttribute("data-fh-field") + "-help");
    if (box.hasAttribute("data-fh-name")) return box;
    var label = box.querySelector("legend") || box.querySelector("label[for]") || box.querySelector(".fh-check > span");
    return label;
  }
  // ---- Macros in labels and help ({{field}}, {{page.url}}, {{utm.source}}, {{record.X}}) ----------------------------
  // The server fills them when it renders the page; a text that names a field the visitor fills (data-fh-texts: the
  // text as written) follows the entries here. Always as text (nodeValue/textContent), never as markup.
  var fixedMacros = JSON.parse(form.getAttribute("data-fh-macros") || "{}");
  var MACRO = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)\s*\}\}/g;
  function fill(text) {
    if (typeof text !== "string" || text.indexOf("{{") < 0) return text;
    return text.replace(MACRO, function (m, name) {
      if (name.indexOf(".") >= 0) return Object.prototype.hasOwnProperty.call(fixedMacros, name) ? fixedMacros[name] : "";
      return entered(name).join(", ");
    });
  }
  function template(box, help) {
    var texts = box.getAttribute("data-fh-texts");
    return texts ? JSON.parse(texts)[help ? "help" : "label"] : undefined;
  }
  function applyMacros() {
    Array.prototype.forEach.call(form.querySelectorAll("[data-fh-texts]"), function (box) {
      var name = box.getAttribute("data-fh-field") || box.getAttribute("data-fh-name");
      setText(box, name, false, logicState.labels[name]);
      if (box.hasAttribute("data-fh-field") && template(box, true) !== undefined) {
        setText(box, name, true, logicState.helps[name]);
      }
    });
  }
  function setText(box, name, help, text) {
    var key = name + (help ? ":help" : ":label");
    var el = textNode(box, help);
    if (!el && help && text !== undefined) {
      el = document.createElement("p");
      el.className = "fh-help";
      el.id = "fh-" + name + "-help";
      box.insertBefore(el, document.getElementById("fh-" + name + "-error"));
    }
    if (!el) return;
    var node = el.firstChild && el.firstChild.nodeType === 3 ? el.firstChild : null;
    if (!(key in originalTexts)) {
      var written = template(box, help);
      originalTexts[key] = written !== undefined ? written : node ? node.nodeValue : el.textContent;
    }
    var wanted = fill(text !== undefined ? text : originalTexts[key]);
    // The required mark follows the label's text after a space; keep it apart.
    if (node && node.nextSibling && typeof wanted === "string" && !/\s$/.test(wanted)) wanted += " ";
    if (node) { if (node.nodeValue !== wanted) node.nodeValue = wanted; }
    else if (el.textContent !== wanted) el.textContent = wanted;
    if (help) el.hidden = !wanted;
  }
  function writeValue(box, name, value, choice) {
    var values = choice && box && box.querySelector("input[type=checkbox]") ? value.split(",") : [value];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name !== name) return;
      if (el.type === "checkbox" || el.type === "radio") el.checked = values.indexOf(el.value) >= 0;
      else if (el.value !== value) el.value = value;
    });
  }
  function applyLogic() {
    if (!logicModel) return;
    var input = {};
    Object.keys(logicModel.fields).forEach(function (name) { input[name] = entered(name); });
    logicState = window.FormhausLogic.evaluate(logicModel, input, document.documentElement.lang);
    Object.keys(logicModel.fields).forEach(function (name) {
      var box = boxOf(name);
      var hidden = logicState.hidden.indexOf(name) >= 0;
      var set = Object.prototype.hasOwnProperty.call(logicState.values, name);
      var locked = logicState.locked.indexOf(name) >= 0;
      var fixed = set || locked;
      if (fixed) writeValue(box, name, set ? logicState.values[name] : logicModel.fields[name].defaults.join(","), true);
      if (!box) return; // a hidden-type input: its value is all there is
      box.hidden = hidden;
      var options = logicState.hiddenOptions[name] || [];
      inputsOf(box).forEach(function (input) {
        var choice = input.tagName === "SELECT" || input.type === "checkbox" || input.type === "radio";
        var optionHidden = (input.type === "checkbox" || input.type === "radio") && options.indexOf(input.value) >= 0;
        if (optionHidden) input.checked = false;
        var wrap = input.closest(".fh-check");
        if (wrap && (input.type === "checkbox" || input.type === "radio") && box.querySelector("fieldset")) wrap.hidden = optionHidden;
        input.disabled = hidden || optionHidden || (fixed && choice);
        if (!choice) input.readOnly = fixed;
        if (input.tagName === "SELECT") {
          Array.prototype.forEach.call(input.options, function (o) {
            o.hidden = o.disabled = !!o.value && options.indexOf(o.value) >= 0;
            if (o.hidden && o.selected) input.value = "";
          });
        }
      });
      box.classList.toggle("fh-locked", fixed);
      setText(box, name, false, logicState.labels[name]);
      if (box.hasAttribute("data-fh-field")) setText(box, name, true, logicState.helps[name]);
      var mark = box.querySelector(".fh-req");
      var required = logicState.required.indexOf(name) >= 0 || rulesOf(box).required;
      if (required && !mark) {
        var label = textNode(box, false);
        if (label && !box.hasAttribute("data-fh-name")) {
          mark = document.createElement("span");
          mark.className = "fh-req fh-req-rule";
          mark.setAttribute("aria-hidden", "true");
          mark.textContent = "*";
          label.appendChild(document.createTextNode(" "));
          label.appendChild(mark);
        }
      } else if (!required && mark && mark.classList.contains("fh-req-rule")) {
        if (mark.previousSibling && mark.previousSibling.nodeType === 3) mark.previousSibling.remove();
        mark.remove();
      }
    });
    report();
  }
  form.addEventListener("change", applyLogic);
  form.addEventListener("input", applyLogic);
  form.addEventListener("change", applyMacros);
  form.addEventListener("input", applyMacros);
  applyLogic();
  applyMacros();

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
      case "datetime":
        // what a datetime-local input sends; the date limits apply to its day
        if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v)) return msg("error.dateTime");
        if (r.minDate && v.slice(0, 10) < r.minDate) return msg("error.minDate", r.minDateText);
        if (r.maxDate && v.slice(0, 10) > r.maxDate) return msg("error.maxDate", r.maxDateText);
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
      if ((r.type === "date" || r.type === "datetime") && !value && inputs[0].validity && inputs[0].validity.badInput) {
        return msg(r.type === "date" ? "error.date" : "error.dateTime");
      }
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
    stepShown(index, steps.length);
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

  keepEntries();

  // After the server re-rendered the form with errors: focus the first one.
  var firstError = form.querySelector("[aria-invalid=true]");
  if (firstError) firstError.focus();
  else if (document.getElementById("fh-form-error")) document.getElementById("fh-form-error").setAttribute("tabindex", "-1");
  report();
})();
