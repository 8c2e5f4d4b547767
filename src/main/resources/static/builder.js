// Formhaus form builder (issue 10): the form list's actions, the new-form page, the versions page and the builder.
// Plain JavaScript, no framework. The builder edits one draft object; every change is saved as the form's draft
// (debounced), answered with the server's problems, and the preview (the real form page rendered from the draft)
// reloads. Publishing turns the draft into the live version. Texts come from the page (data-texts), in the admin's
// language; the setting panels are drawn from the definition schema (data-schema).
(function () {
    'use strict';

    var csrfMeta = document.querySelector('meta[name="csrf-token"]');
    var csrf = csrfMeta ? csrfMeta.getAttribute('content') : '';
    var SAVE_DELAY = 250; // ms: the preview follows an edit within about 300 ms plus the round trip

    function api(method, url, body) {
        var headers = {'X-CSRF-Token': csrf, 'Accept': 'application/json'};
        if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
        return fetch(url, {method: method, headers: headers, credentials: 'same-origin',
            body: body === undefined ? undefined : JSON.stringify(body)}).then(function (response) {
            return response.text().then(function (text) {
                var data = null;
                try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
                return {ok: response.ok, status: response.status, data: data};
            });
        });
    }

    function errorText(result) {
        return result.data && result.data.error ? result.data.error : 'HTTP ' + result.status;
    }

    function pageStatus(text) {
        var el = document.getElementById('page-status') || document.getElementById('save-state');
        if (el) { el.textContent = text; }
    }

    /** Creates an element: el('button', {type: 'button', class: 'x', onclick: fn}, ['text', child]). */
    function el(tag, attrs, children) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (name) {
            var value = attrs[name];
            if (value === undefined || value === null || value === false) { return; }
            if (name.indexOf('on') === 0 && typeof value === 'function') {
                node.addEventListener(name.substring(2), value);
            } else if (name === 'text') {
                node.textContent = value;
            } else if (name === 'value') {
                node.value = value;
            } else if (name === 'checked') {
                node.checked = !!value;
            } else {
                node.setAttribute(name, value === true ? '' : value);
            }
        });
        (children || []).forEach(function (child) {
            if (child === null || child === undefined) { return; }
            node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
        });
        return node;
    }

    // ---- Form list: archive, restore, duplicate -------------------------------------------------------------
    Array.prototype.forEach.call(document.querySelectorAll('button.form-action'), function (button) {
        button.addEventListener('click', function () {
            var key = button.dataset.key;
            api('POST', button.dataset.ctx + '/admin/api/forms/' + encodeURIComponent(key) + '/'
                + button.dataset.action).then(function (result) {
                if (result.ok) { window.location.reload(); } else { pageStatus(errorText(result)); }
            });
        });
    });
    Array.prototype.forEach.call(document.querySelectorAll('form.duplicate-form'), function (form) {
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var newKey = form.elements.key.value.trim();
            api('POST', form.dataset.ctx + '/admin/api/forms/' + encodeURIComponent(form.dataset.key)
                + '/duplicate', {key: newKey}).then(function (result) {
                if (result.ok) {
                    window.location.href = form.dataset.ctx + '/admin/build/' + encodeURIComponent(newKey);
                } else {
                    form.querySelector('.errors').textContent = errorText(result);
                    form.elements.key.setAttribute('aria-invalid', 'true');
                    form.elements.key.focus();
                }
            });
        });
    });

    // ---- New form -----------------------------------------------------------------------------------------
    var newForm = document.getElementById('new-form');
    if (newForm) {
        var keyInput = newForm.elements.key;
        var keyTouched = false;
        keyInput.addEventListener('input', function () { keyTouched = true; });
        newForm.elements.title.addEventListener('input', function () {
            if (!keyTouched) {
                keyInput.value = newForm.elements.title.value.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe')
                    .replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
                    .substring(0, 100);
            }
        });
        newForm.addEventListener('submit', function (event) {
            event.preventDefault();
            var key = keyInput.value.trim();
            var errors = document.getElementById('new-errors');
            var start = newForm.querySelector('input[name=start]:checked').value;
            var ready = start === 'starter'
                ? fetch(newForm.dataset.starters + newForm.elements.kind.value, {credentials: 'same-origin'})
                    .then(function (r) { return r.json(); })
                : Promise.resolve({fields: []});
            ready.then(function (definition) {
                definition.key = key;
                definition.kind = newForm.elements.kind.value;
                definition.language = newForm.elements.language.value;
                definition.title = newForm.elements.title.value.trim();
                return api('PUT', newForm.dataset.api + encodeURIComponent(key) + '/draft?new=true', definition);
            }).then(function (result) {
                if (result.ok) {
                    window.location.href = newForm.dataset.builder + encodeURIComponent(key);
                } else {
                    errors.textContent = errorText(result);
                    keyInput.setAttribute('aria-invalid', 'true');
                    keyInput.focus();
                }
            });
        });
    }

    // ---- Versions: compare and revert ---------------------------------------------------------------------
    var versions = document.getElementById('versions');
    if (versions) {
        var texts = JSON.parse(document.getElementById('diff').dataset.texts || '{}');
        Array.prototype.forEach.call(versions.querySelectorAll('button.compare'), function (button) {
            button.addEventListener('click', function () {
                api('GET', versions.dataset.api + 'diff?from=' + button.dataset.from + '&to=' + button.dataset.to)
                    .then(function (result) {
                        if (!result.ok) { pageStatus(errorText(result)); return; }
                        showDiff(result.data, texts);
                    });
            });
        });
        Array.prototype.forEach.call(versions.querySelectorAll('button.revert'), function (button) {
            button.addEventListener('click', function () {
                if (!window.confirm(texts.confirmRevert)) { return; }
                api('POST', versions.dataset.api + 'revert', {version: Number(button.dataset.version)})
                    .then(function (result) {
                        if (result.ok) { window.location.reload(); } else { pageStatus(errorText(result)); }
                    });
            });
        });
    }

    function showDiff(data, texts) {
        var box = document.getElementById('diff');
        var body = document.getElementById('diff-body');
        body.textContent = '';
        document.getElementById('diff-title').textContent = texts.changes + ': v' + data.from + ' → '
            + (data.to === 'draft' ? texts.draft : data.to === 'live' ? texts.live : 'v' + data.to);
        if (!data.changes.length) {
            body.appendChild(el('p', {text: texts.none}));
        } else {
            var list = el('ul', {class: 'diff'});
            data.changes.forEach(function (c) {
                list.appendChild(el('li', {class: 'diff-' + c.change}, [
                    el('strong', {text: (texts['change.' + c.change] || c.change) + ': '}), el('code', {text: c.path}),
                    c.before !== null && c.before !== undefined ? el('div', {}, [texts.before + ': ',
                        el('code', {class: 'before', text: JSON.stringify(c.before)})]) : null,
                    c.after !== null && c.after !== undefined ? el('div', {}, [texts.after + ': ',
                        el('code', {class: 'after', text: JSON.stringify(c.after)})]) : null]));
            });
            body.appendChild(list);
        }
        box.hidden = false;
        box.focus();
    }

    // ---- The builder --------------------------------------------------------------------------------------
    var root = document.getElementById('builder');
    if (!root) { return; }
    window.FormhausBuilder = builder(root);

    function builder(root) {
        var T = JSON.parse(root.dataset.texts);
        var schema = JSON.parse(root.dataset.schema);
        var jsonArea = document.getElementById('definition-json');
        var draft = JSON.parse(jsonArea.value);
        var saveTimer = null;
        var saving = Promise.resolve();
        var revision = 0;
        var problems = [];
        var hooks = {afterSave: []};

        function t(key, fallback) { return T[key] !== undefined ? T[key] : (fallback !== undefined ? fallback : key); }

        function changed(options) {
            revision++;
            if (!(options && options.fromJson)) { jsonArea.value = JSON.stringify(draft, null, 2); }
            document.getElementById('save-state').textContent = t('builder.saving');
            clearTimeout(saveTimer);
            saveTimer = setTimeout(save, SAVE_DELAY);
        }

        function save() {
            var sent = revision;
            saving = api('PUT', root.dataset.api + 'draft', draft).then(function (result) {
                if (!result.ok) {
                    document.getElementById('save-state').textContent = errorText(result);
                    return;
                }
                if (sent !== revision) { return; } // a newer edit is on its way
                document.getElementById('pending-badge').hidden = false;
                document.getElementById('discard').hidden = false;
                document.getElementById('save-state').textContent = t('builder.saved');
                showProblems(result.data.problems);
                reloadPreview();
                hooks.afterSave.forEach(function (hook) { hook(result.data); });
            });
            return saving;
        }

        function reloadPreview() {
            var frame = document.getElementById('preview');
            frame.src = root.dataset.preview + '?r=' + revision;
        }

        function showProblems(list) {
            problems = list || [];
            var ul = document.getElementById('problems-list');
            ul.textContent = '';
            document.getElementById('problems-none').hidden = problems.length > 0;
            problems.forEach(function (p) {
                ul.appendChild(el('li', {}, [el('a', {href: '#', 'data-place': p.place, onclick: function (event) {
                    event.preventDefault();
                    root.dispatchEvent(new CustomEvent('fh-goto', {detail: p.place}));
                }}, [el('code', {text: p.place}), ': ' + translate(p.message)])]));
            });
            root.dispatchEvent(new CustomEvent('fh-problems', {detail: problems}));
        }

        /** The server's check speaks English; known sentences are shown in the admin's language. */
        function translate(message) {
            var known = T['builder.problem.' + message];
            return known || message;
        }

        // Tabs (arrow keys move between them, as the ARIA tabs pattern has it).
        var tabs = [document.getElementById('tab-build'), document.getElementById('tab-json')];
        function selectTab(tab) {
            tabs.forEach(function (other) {
                var on = other === tab;
                other.setAttribute('aria-selected', on ? 'true' : 'false');
                other.tabIndex = on ? 0 : -1;
                document.getElementById(other.getAttribute('aria-controls')).hidden = !on;
            });
            if (tab.id === 'tab-build') { root.dispatchEvent(new CustomEvent('fh-redraw')); }
            tab.focus();
        }
        tabs.forEach(function (tab, i) {
            tab.addEventListener('click', function () { selectTab(tab); });
            tab.addEventListener('keydown', function (event) {
                if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                    event.preventDefault();
                    selectTab(tabs[(i + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]);
                }
            });
        });

        // JSON view: the same draft; applying replaces it whole.
        document.getElementById('json-apply').addEventListener('click', function () {
            var error = document.getElementById('json-error');
            try {
                var parsed = JSON.parse(jsonArea.value);
                if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) { throw new Error(t('builder.json.notObject')); }
                draft = parsed;
                error.textContent = '';
                jsonArea.removeAttribute('aria-invalid');
                changed({fromJson: true});
            } catch (e) {
                error.textContent = 'JSON: ' + e.message;
                jsonArea.setAttribute('aria-invalid', 'true');
            }
        });

        document.getElementById('publish').addEventListener('click', function () {
            clearTimeout(saveTimer);
            save().then(function () { return api('POST', root.dataset.api + 'publish'); }).then(function (result) {
                if (result.ok) {
                    document.getElementById('save-state').textContent = t('builder.published').replace('{0}', result.data.version)
                        + (result.data.warnings ? ' ' + result.data.warnings.join(' ') : '');
                    document.getElementById('pending-badge').hidden = true;
                    document.getElementById('discard').hidden = true;
                    var state = document.getElementById('builder-state').querySelector('.badge');
                    state.className = 'badge status-live';
                    state.textContent = t('builder.liveVersion').replace('{0}', result.data.version);
                } else {
                    document.getElementById('save-state').textContent = t('builder.publishRefused');
                    if (result.data && result.data.problems) { showProblems(result.data.problems); }
                    document.getElementById('problems').focus();
                }
            });
        });

        document.getElementById('discard').addEventListener('click', function () {
            if (!window.confirm(t('builder.confirmDiscard'))) { return; }
            api('DELETE', root.dataset.api + 'draft').then(function (result) {
                if (result.ok || result.status === 404) { window.location.reload(); }
            });
        });

        Array.prototype.forEach.call(document.querySelectorAll('button.preview-width'), function (button) {
            button.addEventListener('click', function () {
                document.getElementById('preview-frame').dataset.width = button.dataset.width;
                Array.prototype.forEach.call(document.querySelectorAll('button.preview-width'), function (b) {
                    b.setAttribute('aria-pressed', b === button ? 'true' : 'false');
                });
            });
        });
        document.getElementById('problems').tabIndex = -1;

        // The first check of what was loaded (without saving it as a draft).
        api('GET', root.dataset.api + 'draft').then(function (result) {
            if (result.ok) { showProblems(result.data.problems); }
        });

        return {
            get draft() { return draft; },
            set draft(value) { draft = value; },
            schema: schema, t: t, el: el, api: api, changed: changed, save: save, hooks: hooks,
            problems: function () { return problems; },
            flush: function () { clearTimeout(saveTimer); return save(); }
        };
    }
})();
