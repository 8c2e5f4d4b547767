// A WCAG 2.2 AA check of the current page, run by BuilderAccessibilityInBrowserIT in Chromium (axe-core is not
// reachable from this build's Maven repository, so the rules that matter for a work tool are checked here by hand):
// names of controls (1.3.1, 4.1.2), unique ids and existing ARIA references (4.1.2), text contrast 4.5:1 / 3:1 for
// large text (1.4.3), visible focus on every focusable element (2.4.7), target size 24 × 24 px (2.5.8), iframe titles,
// image alternatives (1.1.1), page language (3.1.1), one h1 and a main landmark (2.4.6, 1.3.1).
// The body of a function for WebDriver's executeScript: returns a list of violations, each "rule: what (where)";
// its argument is the list of selectors to leave out.
return (function (exclude) {
    'use strict';
    var problems = [];
    function where(e) {
        var s = e.tagName.toLowerCase();
        if (e.id) { return s + '#' + e.id; }
        var p = e.closest('[data-setting]');
        var text = (e.getAttribute('aria-label') || e.textContent || e.getAttribute('name') || '').trim().substring(0, 40);
        return s + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')
            + (text ? ' "' + text + '"' : '') + (p ? ' in [data-setting=' + p.dataset.setting + ']' : '');
    }
    function excluded(e) { return exclude.some(function (s) { return e.closest(s); }); }
    function visible(e) {
        if (excluded(e)) { return false; }
        var r = e.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) { return false; }
        for (var x = e; x; x = x.parentElement) {
            var cs = getComputedStyle(x);
            if (cs.display === 'none' || cs.visibility === 'hidden') { return false; }
            if (x.tagName === 'DETAILS' && !x.open && e !== x && !e.closest('summary')) { return false; }
        }
        return !e.closest('[hidden]') && !e.closest('.sr-only');
    }
    function textOf(id) { var x = document.getElementById(id); return x ? x.textContent.trim() : null; }
    function accessibleName(e) {
        if (e.getAttribute('aria-labelledby')) {
            return e.getAttribute('aria-labelledby').split(/\s+/).map(textOf).filter(Boolean).join(' ');
        }
        if (e.getAttribute('aria-label')) { return e.getAttribute('aria-label').trim(); }
        if (e.id) {
            var l = document.querySelector('label[for="' + CSS.escape(e.id) + '"]');
            if (l && l.textContent.trim()) { return l.textContent.trim(); }
        }
        var wrap = e.closest('label');
        if (wrap && wrap.textContent.trim()) { return wrap.textContent.trim(); }
        if (e.tagName === 'FIELDSET') { var lg = e.querySelector('legend'); return lg ? lg.textContent.trim() : ''; }
        if (e.tagName === 'BUTTON' || e.tagName === 'A' || e.tagName === 'SUMMARY') { return e.textContent.trim(); }
        if (e.type === 'submit' || e.type === 'button') { return (e.value || '').trim(); }
        return (e.getAttribute('title') || '').trim();
    }

    // Names of controls.
    document.querySelectorAll('input, select, textarea, button, a[href], summary, iframe').forEach(function (e) {
        if (e.type === 'hidden' || !visible(e)) { return; }
        if (e.tagName === 'IFRAME') {
            if (!(e.getAttribute('title') || '').trim()) { problems.push('frame-title: iframe without a title (' + where(e) + ')'); }
            return;
        }
        if (!accessibleName(e)) { problems.push('control-name: no accessible name (' + where(e) + ')'); }
    });
    // Unique ids and ARIA references.
    var seen = {};
    document.querySelectorAll('[id]').forEach(function (e) {
        if (seen[e.id]) { problems.push('duplicate-id: ' + e.id); }
        seen[e.id] = true;
    });
    document.querySelectorAll('[aria-labelledby], [aria-describedby], [aria-controls]').forEach(function (e) {
        ['aria-labelledby', 'aria-describedby', 'aria-controls'].forEach(function (a) {
            (e.getAttribute(a) || '').split(/\s+/).filter(Boolean).forEach(function (id) {
                if (!document.getElementById(id)) { problems.push('aria-reference: ' + a + ' names missing #' + id + ' (' + where(e) + ')'); }
            });
        });
    });
    document.querySelectorAll('label[for]').forEach(function (l) {
        if (!document.getElementById(l.getAttribute('for'))) { problems.push('label-for: label for missing #' + l.getAttribute('for')); }
    });
    // Images.
    document.querySelectorAll('img').forEach(function (e) {
        if (visible(e) && !e.hasAttribute('alt')) { problems.push('image-alt: ' + where(e)); }
    });
    // Page.
    if (!document.documentElement.lang) { problems.push('html-lang: the page has no lang'); }
    if (document.querySelectorAll('h1').length !== 1) { problems.push('page-heading: ' + document.querySelectorAll('h1').length + ' h1'); }
    if (!document.querySelector('main, [role=main]')) { problems.push('landmark-main: no main'); }

    // Contrast of text against its background.
    function rgba(c) {
        var m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
        return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
    }
    function lum(c) {
        var v = c.slice(0, 3).map(function (x) { x /= 255; return x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
        return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    }
    function background(e) {
        var layers = [];
        for (var x = e; x; x = x.parentElement) {
            var cs = getComputedStyle(x);
            if (cs.backgroundImage && cs.backgroundImage !== 'none') { return null; }
            var c = rgba(cs.backgroundColor);
            if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) { break; } }
        }
        var out = [255, 255, 255];
        for (var i = layers.length - 1; i >= 0; i--) {
            var a = layers[i][3];
            out = [0, 1, 2].map(function (k) { return layers[i][k] * a + out[k] * (1 - a); });
        }
        return out;
    }
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    var checked = new Set();
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        var e = node.parentElement;
        if (!node.textContent.trim() || checked.has(e) || !visible(e)) { continue; }
        checked.add(e);
        if (e.closest('button[disabled], option, select[disabled], input[disabled]')) { continue; }
        var cs = getComputedStyle(e);
        var fg = rgba(cs.color);
        var bg = background(e);
        if (!fg || !bg) { continue; }
        var alpha = fg[3] * Number(cs.opacity);
        var color = [0, 1, 2].map(function (k) { return fg[k] * alpha + bg[k] * (1 - alpha); });
        var l1 = lum(color), l2 = lum(bg);
        var ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
        var size = parseFloat(cs.fontSize);
        var large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) {
            problems.push('color-contrast: ' + ratio.toFixed(2) + ':1 (' + where(e) + ')');
        }
    }

    // Focus is visible, and targets are at least 24 × 24 px (or inline in text, or a box inside its label).
    var focusable = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]');
    focusable.forEach(function (e) {
        if (e.type === 'hidden' || e.disabled || e.tabIndex < 0 || !visible(e)) { return; }
        e.focus({preventScroll: true});
        if (document.activeElement !== e) { return; }
        var cs = getComputedStyle(e);
        var outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1;
        if (!outline && (!cs.boxShadow || cs.boxShadow === 'none')) {
            problems.push('focus-visible: no visible focus (' + where(e) + ')');
        }
        var r = e.getBoundingClientRect();
        var inline = e.tagName === 'A' && getComputedStyle(e).display === 'inline';
        var inLabel = (e.type === 'checkbox' || e.type === 'radio') && e.closest('label');
        var labelled = (e.type === 'checkbox' || e.type === 'radio') && e.id
            && document.querySelector('label[for="' + CSS.escape(e.id) + '"]');
        if (!inline && !inLabel && !labelled && (r.width < 24 || r.height < 24) && e.tagName !== 'TEXTAREA') {
            problems.push('target-size: ' + Math.round(r.width) + '×' + Math.round(r.height) + ' px (' + where(e) + ')');
        }
    });
    if (document.activeElement) { document.activeElement.blur(); }
    return problems;
})(arguments[0] || []);
