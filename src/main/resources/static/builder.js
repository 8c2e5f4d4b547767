// Formhaus form builder (issue 10): the form list's actions, the new-form page, the versions page and the builder.
// Plain JavaScript, no framework. The builder edits one draft object; every change is saved as the form's draft
// (debounced), answered with the server's problems, and the preview (the real form page rendered from the draft)
// reloads. Publishing turns the draft into the live version. Texts come from the page (data-texts), in the admin's
// language; the setting panels are drawn from the definition schema (data-schema).
(function () {
    'use strict';

    var csrfMeta = document.querySelector('meta[name="csrf-token"]');
    var csrf = csrfMeta ? csrfMeta.getAttribute('content') : '';
    // ms after the last edit before the draft is saved: panel edits arrive as committed change events (not keystrokes),
    // so this only gathers the edits of one gesture; the preview follows within about 100 ms (bench/builder-preview.sh)
    var SAVE_DELAY = 50;
    var PREVIEW_DESKTOP = 720; // px: the desktop preview's layout width
    // Script errors are kept for the browser tests to report (the builder has no other console).
    window.addEventListener('error', function (e) { (window.fhErrors = window.fhErrors || []).push(e.message); }); // ms: the preview follows an edit within about 300 ms plus the round trip

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

    // Form groups (issue 13): create one, move a form into one (or back to none); the list then shows them grouped.
    var groupNew = document.getElementById('group-new');
    if (groupNew) {
        groupNew.addEventListener('submit', function (event) {
            event.preventDefault();
            api('POST', groupNew.dataset.ctx + '/admin/api/form-groups', {name: groupNew.elements.name.value})
                .then(function (result) {
                    if (result.ok) { window.location.reload(); } else {
                        groupNew.querySelector('.errors').textContent = errorText(result);
                        groupNew.elements.name.setAttribute('aria-invalid', 'true');
                    }
                });
        });
    }
    Array.prototype.forEach.call(document.querySelectorAll('select.group-move'), function (select) {
        select.addEventListener('change', function () {
            var base = select.dataset.ctx + '/admin/api/form-groups/';
            var key = encodeURIComponent(select.dataset.key);
            var call = select.value === '0'
                ? api('DELETE', base + select.dataset.from + '/forms/' + key)
                : api('PUT', base + select.value + '/forms/' + key);
            call.then(function (result) {
                if (result.ok) { window.location.reload(); } else { pageStatus(errorText(result)); }
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
    buildView(window.FormhausBuilder, root);

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

        /** Saves are sent one after the other, so the server never stores an older draft after a newer one. */
        function save() {
            saving = saving.then(function () { return put(revision); }).then(null, function (e) {
                document.getElementById('save-state').textContent = e && e.message ? e.message : String(e);
            });
            return saving;
        }

        function put(sent) {
            return api('PUT', root.dataset.api + 'draft', draft).then(function (result) {
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
        }

        function reloadPreview() {
            var frame = document.getElementById('preview');
            drawPreviewLanguages();
            frame.src = root.dataset.preview + '?r=' + revision + (previewLanguage ? '&formLang=' + previewLanguage : '');
        }

        /** A form with texts in several languages is previewed in the one chosen here (its own by default). */
        var previewLanguage = '';
        function drawPreviewLanguages() {
            var box = document.getElementById('preview-languages');
            if (!box) {
                var widths = document.querySelector('.builder-preview [role=group]');
                if (!widths) { return; }
                box = el('div', {class: 'inline', role: 'group', id: 'preview-languages', 'aria-label': t('builder.preview.language')});
                widths.parentNode.insertBefore(box, widths.nextSibling);
            }
            var own = draft.language || 'de';
            var languages = [own].concat(Object.keys(draft.translations && typeof draft.translations === 'object'
                ? draft.translations : {}).filter(function (l) { return l !== own && (l === 'de' || l === 'en'); }));
            if (languages.indexOf(previewLanguage) < 0) { previewLanguage = ''; }
            box.textContent = '';
            box.hidden = languages.length < 2;
            languages.forEach(function (l) {
                box.appendChild(el('button', {type: 'button', class: 'preview-language', 'data-language': l, lang: l,
                    'aria-pressed': (previewLanguage || own) === l ? 'true' : 'false', text: t('builder.language.' + l, l),
                    onclick: function () {
                        previewLanguage = l === own ? '' : l;
                        reloadPreview();
                        var again = document.querySelector('button.preview-language[data-language="' + l + '"]');
                        if (again) { again.focus(); }
                    }}));
            });
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
                }}, [el('code', {text: p.place}), ': ' + problemText(p)])]));
            });
            root.dispatchEvent(new CustomEvent('fh-problems', {detail: problems}));
        }

        /**
         * The server's check speaks English; a problem it names with a code (admin.ProblemCodes) is shown in the
         * admin's language, its parts filled in.
         */
        function problemText(p) {
            var text = p.code && T['problem.' + p.code];
            if (!text) { return T['builder.problem.' + p.message] || p.message; }
            return text.replace(/\{(\d+)}/g, function (all, i) { return p.params && p.params[i] !== undefined ? p.params[i] : all; });
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
                fitPreview();
            });
        });
        window.addEventListener('resize', fitPreview);
        drawPreviewLanguages();
        fitPreview();

        /**
         * The desktop preview is laid out as a desktop browser would (720 px wide, so half-width fields stand side by
         * side) and scaled down to the column; the phone preview is 375 px, unscaled.
         */
        function fitPreview() {
            var box = document.getElementById('preview-frame');
            var frame = document.getElementById('preview');
            var desktop = box.dataset.width === 'desktop';
            var scale = desktop ? Math.min(1, box.clientWidth / PREVIEW_DESKTOP) : 1;
            frame.style.width = desktop ? PREVIEW_DESKTOP + 'px' : '';
            frame.style.transform = scale < 1 ? 'scale(' + scale + ')' : '';
            frame.style.transformOrigin = '0 0';
            frame.style.height = scale < 1 ? (window.innerHeight * 0.75 / scale) + 'px' : '';
            box.style.height = scale < 1 ? (window.innerHeight * 0.75 + 8) + 'px' : '';
        }
        document.getElementById('problems').tabIndex = -1;

        // The first check of what was loaded (without saving it as a draft).
        api('GET', root.dataset.api + 'draft').then(function (result) {
            if (result.ok) {
                showProblems(result.data.problems);
                hooks.afterSave.forEach(function (hook) { hook(result.data); });
            }
        });

        return {
            get draft() { return draft; },
            set draft(value) { draft = value; },
            schema: schema, t: t, el: el, api: api, changed: changed, save: save, hooks: hooks, saveDelay: SAVE_DELAY,
            problems: function () { return problems; },
            problemText: problemText,
            flush: function () { clearTimeout(saveTimer); return save(); }
        };
    }

    // ---- The Build view: palette, onOffice field picker, field list, field and form panels ---------------------
    // Everything is drawn from the schema (data-schema): a setting added to forms.DefinitionSchema appears here.
    function buildView(b, root) {
        var t = b.t;
        var panel = document.getElementById('panel-build');
        var selected = -1;
        var catalogue = null; // {modules: [...]} once loaded
        var announcer = el('div', {class: 'sr-only', 'aria-live': 'assertive', id: 'announce'});
        document.body.appendChild(announcer);
        var CHOICE_TYPES = ['select', 'radio', 'checkboxes'];
        var NO_VALUE = ['heading', 'paragraph', 'break'];

        function announce(text) { announcer.textContent = ''; setTimeout(function () { announcer.textContent = text; }, 30); }
        function fields() { if (!Array.isArray(b.draft.fields)) { b.draft.fields = []; } return b.draft.fields; }
        function label(path) { return t('schema.' + path, path); }
        function typeName(type) { return t('type.' + type, type); }
        function fieldTitle(f) { return (f.label || f.name || '?') + ''; }

        function getPath(obj, path) {
            return path.split('.').reduce(function (o, k) { return o && typeof o === 'object' ? o[k] : undefined; }, obj);
        }
        function setPath(obj, path, value) {
            var keys = path.split('.');
            var at = obj;
            var chain = [];
            for (var i = 0; i < keys.length - 1; i++) {
                if (typeof at[keys[i]] !== 'object' || at[keys[i]] === null || Array.isArray(at[keys[i]])) {
                    if (value === undefined) { return; }
                    at[keys[i]] = {};
                }
                chain.push([at, keys[i]]);
                at = at[keys[i]];
            }
            if (value === undefined) { delete at[keys[keys.length - 1]]; } else { at[keys[keys.length - 1]] = value; }
            for (var j = chain.length - 1; j >= 0; j--) { // prune sections left empty
                var parent = chain[j][0], key = chain[j][1];
                if (typeof parent[key] === 'object' && parent[key] !== null && Object.keys(parent[key]).length === 0) {
                    delete parent[key];
                } else { break; }
            }
        }

        // ---- visual editors registered by builder-*.js (loaded before this file) ----
        // FormhausBuilderEditors[path](ctx) draws the editor of one setting; 'kind:rows' draws a Kind.JSON setting
        // whose rows the schema describes (`path[].key`); 'group:NAME'(ctx, details) adds to a group's panel.
        var plugins = window.FormhausBuilderEditors || {};
        function rowSettings(setting) {
            var prefix = setting.path + '[].';
            // a row's own keys only: a table inside a row (contextMaps[].values[].when) is drawn by that row's editor
            return b.schema.filter(function (s) {
                return s.path.indexOf(prefix) === 0 && s.kind !== 'section' && s.path.indexOf('[]', prefix.length) < 0;
            });
        }
        function pluginFor(setting) {
            var generic = setting.path.replace(/\[\d+\]/g, '[]');
            if (plugins[generic]) { return plugins[generic]; }
            if (setting.kind === 'json' && rowSettings(setting).length && plugins['kind:rows']) { return plugins['kind:rows']; }
            return null;
        }
        /** What a registered editor may use of the builder. */
        var kit = {b: b, el: el, t: t, label: label, editor: function (s, get, set, place) { return editor(s, get, set, place); },
            fields: function () { return fields(); }, fieldTitle: fieldTitle, announce: function (x) { announce(x); },
            getPath: getPath, setPath: setPath, rowSettings: rowSettings, NO_VALUE: NO_VALUE,
            redraw: function () { redraw(); }, problems: function () { return lastProblems; }};
        b.kit = kit;

        // ---- one editor per schema kind ----
        var uid = 0;
        function editor(setting, get, set, place) {
            var id = 'set-' + (++uid);
            var value = get();
            var kind = setting.kind;
            var input;
            var wrap = el('div', {class: 'setting', 'data-setting': setting.path});
            var lab = el('label', {for: id, text: label(setting.path)});
            var help = t('schema.' + setting.path + '.help', '');
            var problemId = id + '-problem';
            function done(v) { set(v); b.changed(); }
            if (kind === 'boolean' && setting.path.indexOf('fields[].') === 0) {
                input = el('input', {type: 'checkbox', id: id, checked: value === true, onchange: function () {
                    done(input.checked ? true : undefined);
                }});
                wrap.appendChild(el('label', {class: 'inline-label', for: id}, [input, ' ' + label(setting.path)]));
                input.dataset.place = place;
                input.setAttribute('aria-describedby', problemId);
                wrap.appendChild(el('p', {class: 'problem', id: problemId}));
                return wrap;
            }
            var plugin = pluginFor(setting);
            if (plugin) { // a visual editor from builder-*.js (rules, rows of a table, translations, e-mails, ...)
                // a panel of its own (rules) is titled by its summary already: the name stays for screen readers
                wrap.appendChild(el('p', {class: setting.path === setting.group ? 'sr-only' : 'setting-title',
                    id: id + '-title', text: label(setting.path)}));
                if (help) { wrap.appendChild(el('span', {class: 'hint', text: help})); }
                input = plugin({setting: setting, id: id, place: place, value: value, get: get, set: done,
                    title: label(setting.path), labelledBy: id + '-title', kit: kit});
                if (!input) { return null; }
                input.dataset.place = place;
                wrap.appendChild(input);
                wrap.appendChild(el('p', {class: 'problem', id: problemId}));
                return wrap;
            }
            wrap.appendChild(lab);
            if (help) { wrap.appendChild(el('span', {class: 'hint', text: help})); }
            if (kind === 'boolean' || kind === 'switch') {
                var current = value === undefined ? '' : (typeof value === 'object' ? 'object' : String(value));
                input = el('select', {id: id}, [el('option', {value: '', text: t('builder.value.unset')}),
                    el('option', {value: 'true', text: t('builder.value.yes')}),
                    el('option', {value: 'false', text: t('builder.value.no')})].concat(kind === 'switch'
                    ? [el('option', {value: 'object', text: t('builder.value.custom')})] : []));
                input.value = current;
                input.addEventListener('change', function () {
                    var v = input.value;
                    done(v === '' ? undefined : v === 'object' ? (typeof value === 'object' ? value : {}) : v === 'true');
                    redraw();
                });
            } else if (kind === 'choice') {
                var choices = setting.choices.slice();
                input = el('select', {id: id}, (choices.indexOf('') < 0 && ['kind', 'fields[].type'].indexOf(setting.path) < 0
                    ? [el('option', {value: '', text: t('builder.value.unset')})] : []).concat(choices.map(function (c) {
                    return el('option', {value: c, text: c === '' ? t('builder.value.static') : t('schema.' + setting.path + '.' + c,
                        t('kind.' + c, t('type.' + c, c)))});
                })));
                input.value = value === undefined ? '' : value;
                input.addEventListener('change', function () { done(input.value === '' ? undefined : input.value); redraw(); });
            } else if (kind === 'multi') {
                input = el('fieldset', {id: id}, [el('legend', {class: 'sr-only', text: label(setting.path)})]);
                lab.removeAttribute('for');
                setting.choices.forEach(function (c) {
                    var box = el('input', {type: 'checkbox', value: c, checked: Array.isArray(value) && value.indexOf(c) >= 0,
                        onchange: function () {
                            var all = Array.prototype.filter.call(input.querySelectorAll('input'), function (i) { return i.checked; })
                                .map(function (i) { return i.value; });
                            done(all);
                        }});
                    input.appendChild(el('label', {class: 'inline-label'}, [box, ' ' + t('schema.' + setting.path + '.' + c, c) + ' ']));
                });
            } else if (kind === 'list' && setting.path === 'onoffice.duplicates.update' && addressFields().length) {
                input = addressFieldTicks(id, value, done, lab);
            } else if (kind === 'textarea' || kind === 'list' || kind === 'json') {
                var text = value === undefined ? '' : kind === 'list' ? (Array.isArray(value) ? value.join('\n') : String(value))
                    : kind === 'json' ? JSON.stringify(value, null, 2) : String(value);
                input = el('textarea', {id: id, rows: kind === 'json' ? 6 : 3, value: text, class: kind === 'json' ? 'json-raw' : null});
                input.addEventListener('change', function () {
                    var v = input.value;
                    if (kind === 'list') {
                        var items = v.split(/\n/).map(function (s) { return s.trim(); }).filter(function (s) { return s; });
                        done(items.length ? items : undefined);
                    } else if (kind === 'json') {
                        if (v.trim() === '') { done(undefined); return; }
                        try { done(JSON.parse(v)); input.removeAttribute('aria-invalid'); } catch (e) {
                            input.setAttribute('aria-invalid', 'true');
                            wrap.querySelector('.problem').textContent = 'JSON: ' + e.message;
                        }
                    } else { done(v === '' ? undefined : v); }
                });
            } else if (kind === 'integer' || kind === 'number') {
                input = el('input', {type: 'number', id: id, step: kind === 'integer' ? '1' : 'any',
                    value: value === undefined ? '' : value});
                input.addEventListener('change', function () {
                    done(input.value === '' ? undefined : Number(input.value));
                });
            } else if (kind === 'options') {
                input = optionsEditor(id, value, done);
            } else if (kind === 'condition') {
                input = conditionEditor(id, value, done);
            } else if (kind === 'section') {
                return null;
            } else if (kind === 'fieldref' && namedFields(setting).length) {
                input = refSelect(id, value, namedFields(setting), done);
            } else if ((kind === 'userref' || kind === 'userlist') && catalogue && Array.isArray(catalogue.users)) {
                input = userPicker(id, kind, value, done, lab);
            } else if (kind === 'userlist') { // the users are not known (yet): one user name per line, as before
                input = el('textarea', {id: id, rows: 3, value: Array.isArray(value) ? value.join('\n') : value === undefined ? '' : String(value)});
                input.addEventListener('change', function () {
                    var items = input.value.split(/\n/).map(function (x) { return x.trim(); }).filter(function (x) { return x; });
                    done(items.length ? items : undefined);
                });
                waitForUsers(input, function () { return userPicker(id, kind, get(), done, lab); });
            } else if (kind === 'time' && (value === undefined || /^\d{1,2}:\d{2}$/.test(String(value)))) {
                input = el('input', {type: 'time', id: id, step: '60',
                    value: value === undefined ? '' : (String(value).length === 4 ? '0' : '') + value});
                input.addEventListener('change', function () { done(input.value === '' ? undefined : input.value.substring(0, 5)); });
            } else if (kind === 'datetime' && (value === undefined || DATETIME.test(String(value)))) {
                input = dateTimeInput(id, value, done);
            } else { // text, date, color, mapping; a fieldref or userref whose choices are not known (yet); a time or
                // date-time the inputs cannot show stays a text box
                input = el('input', {type: 'text', id: id, value: value === undefined ? '' : value,
                    placeholder: kind === 'date' ? 'YYYY-MM-DD / today' : kind === 'color' ? '#1d4ed8' : null,
                    list: kind === 'mapping' ? 'catalogue-maps' : null, spellcheck: kind === 'text' ? null : 'false'});
                input.addEventListener('change', function () { done(input.value.trim() === '' ? undefined : input.value.trim()); });
                if (kind === 'userref') { waitForUsers(input, function () { return userPicker(id, kind, get(), done, lab); }); }
                if (kind === 'color') {
                    var swatch = el('input', {type: 'color', 'aria-label': label(setting.path) + ' ' + t('builder.colourPicker'),
                        value: /^#[0-9a-fA-F]{6}$/.test(value || '') ? value : '#000000'});
                    swatch.addEventListener('input', function () { input.value = swatch.value; });
                    swatch.addEventListener('change', function () { done(swatch.value); });
                    wrap.appendChild(el('span', {class: 'inline'}, [input, swatch]));
                    input.dataset.place = place;
                    wrap.appendChild(el('p', {class: 'problem', id: problemId}));
                    return wrap;
                }
            }
            input.dataset.place = place;
            input.setAttribute('aria-describedby', problemId);
            wrap.appendChild(input);
            wrap.appendChild(el('p', {class: 'problem', id: problemId}));
            return wrap;
        }

        // ---- a date-time with offset (Kind.DATETIME), as the server wants it: 2027-03-01T09:00:00+01:00 ----
        var DATETIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::00)?(Z|[+-]\d{2}:\d{2})$/;
        /** Shows the stored wall-clock time; writes it back with the stored offset (new: the browser's for that day). */
        function dateTimeInput(id, value, done) {
            var m = value === undefined ? null : DATETIME.exec(String(value));
            var input = el('input', {type: 'datetime-local', id: id, step: '60', value: m ? m[1] : ''});
            input.dataset.offset = m ? m[2] : '';
            input.addEventListener('change', function () {
                var local = input.value.substring(0, 16);
                if (local === '') { done(undefined); return; }
                var offset = input.dataset.offset || browserOffset(local);
                input.dataset.offset = offset;
                done(local + ':00' + offset);
            });
            return input;
        }
        function browserOffset(local) {
            var minutes = -new Date(local).getTimezoneOffset();
            if (isNaN(minutes)) { return 'Z'; }
            var abs = Math.abs(minutes);
            return (minutes < 0 ? '-' : '+') + String(Math.floor(abs / 60)).padStart(2, '0') + ':' + String(abs % 60).padStart(2, '0');
        }

        // ---- the address fields a duplicate may update: the draft's fields mapped to address.* ----
        function addressFields() {
            return fields().filter(function (f) { return typeof f.maps === 'string' && f.maps.indexOf('address.') === 0; })
                .map(function (f) {
                    var name = f.maps.substring('address.'.length);
                    return {value: name, text: (f.label || f.name) + ' (' + name + ')'};
                }).filter(function (c, i, all) {
                    return all.findIndex(function (o) { return o.value === c.value; }) === i;
                });
        }
        /** A box per mapped address field to tick; a listed name no field maps stays ticked as "(unknown) name". */
        function addressFieldTicks(id, value, done, lab) {
            var chosen = Array.isArray(value) ? value.map(String) : [];
            var choices = addressFields();
            choices = choices.concat(chosen.filter(function (v) {
                return !choices.some(function (c) { return c.value === v; });
            }).map(function (v) { return {value: v, text: t('builder.ref.unknown').replace('{0}', v)}; }));
            var box = el('fieldset', {id: id, class: 'user-list'}, [el('legend', {class: 'sr-only', text: lab.textContent})]);
            lab.removeAttribute('for');
            choices.forEach(function (c) {
                var tick = el('input', {type: 'checkbox', value: c.value, checked: chosen.indexOf(c.value) >= 0, onchange: function () {
                    var all = Array.prototype.filter.call(box.querySelectorAll('input'), function (i) { return i.checked; })
                        .map(function (i) { return i.value; });
                    done(all.length ? all : undefined);
                }});
                box.appendChild(el('label', {class: 'inline-label'}, [tick, ' ' + c.text + ' ']));
            });
            return box;
        }

        // ---- pickers of a form field (Kind.FIELD_REF) or onOffice users (USER_REF, USER_LIST) ----
        var NUMBER_TYPES = ['number', 'currency', 'area'];
        /** The draft's fields a fieldref setting may name, as choices: label, value = name (a price: number-like only). */
        function namedFields(setting) {
            return fields().filter(function (f) {
                return f.name && f.type !== 'break' && (setting.path !== 'onoffice.priceOffer' || NUMBER_TYPES.indexOf(f.type) >= 0);
            }).map(function (f) { return {value: f.name, text: (f.label || f.name) + ' (' + f.name + ')'}; });
        }
        /** A select of choices; a value not among them stays selectable as "(unknown) value", so nothing is lost. */
        function refSelect(id, value, choices, done) {
            var options = [el('option', {value: '', text: t('builder.value.unset')})].concat(choices.map(function (c) {
                return el('option', {value: c.value, text: c.text});
            }));
            var current = value === undefined || value === null ? '' : String(value);
            if (current && !choices.some(function (c) { return c.value === current; })) {
                options.push(el('option', {value: current, text: t('builder.ref.unknown').replace('{0}', current)}));
            }
            var select = el('select', {id: id}, options);
            select.value = current;
            select.addEventListener('change', function () { done(select.value === '' ? undefined : select.value); });
            return select;
        }
        function userChoices() {
            return catalogue.users.map(function (u) {
                return {value: u.username, text: u.name && u.name !== u.username ? u.name + ' (' + u.username + ')' : u.username};
            });
        }
        /** The account's users: a select (userref) or a box per user to tick (userlist), unknown names kept ticked. */
        function userPicker(id, kind, value, done, lab) {
            if (kind === 'userref') { return refSelect(id, value, userChoices(), done); }
            var chosen = Array.isArray(value) ? value.map(String) : [];
            var choices = userChoices().concat(chosen.filter(function (v) {
                return !catalogue.users.some(function (u) { return u.username === v; });
            }).map(function (v) { return {value: v, text: t('builder.ref.unknown').replace('{0}', v)}; }));
            var box = el('fieldset', {id: id, class: 'user-list'}, [el('legend', {class: 'sr-only', text: lab.textContent})]);
            lab.removeAttribute('for');
            choices.forEach(function (c) {
                var tick = el('input', {type: 'checkbox', value: c.value, checked: chosen.indexOf(c.value) >= 0, onchange: function () {
                    var all = Array.prototype.filter.call(box.querySelectorAll('input'), function (i) { return i.checked; })
                        .map(function (i) { return i.value; });
                    done(all.length ? all : undefined);
                }});
                box.appendChild(el('label', {class: 'inline-label'}, [tick, ' ' + c.text + ' ']));
            });
            if (!choices.length) { box.appendChild(el('p', {class: 'hint', text: t('builder.ref.noUsers')})); }
            return box;
        }
        /** A user setting drawn as free text while the users load: becomes a picker once they are known (unless in use). */
        var usersWaiting = [];
        function waitForUsers(input, picker) { usersWaiting.push({input: input, picker: picker}); }
        function usersLoaded() {
            var waiting = usersWaiting;
            usersWaiting = [];
            waiting.forEach(function (w) {
                if (!w.input.isConnected || document.activeElement === w.input) { return; }
                var replacement = w.picker();
                replacement.dataset.place = w.input.dataset.place;
                if (w.input.getAttribute('aria-describedby')) {
                    replacement.setAttribute('aria-describedby', w.input.getAttribute('aria-describedby'));
                }
                w.input.replaceWith(replacement);
            });
        }

        /**
         * A choice field's options: own options (value, label, the label in each further language, hidden, order) or
         * onOffice's permitted values (each can be hidden; "edit as own options" makes them a list to reorder and
         * relabel). Hidden values go to the field's hiddenOptions, which the server enforces.
         */
        function optionsEditor(id, value, done) {
            var f = fields()[selected];
            var box = el('div', {id: id, class: 'options-editor', tabindex: '-1'});
            if (f.optionsFrom === 'onoffice') {
                drawOnOfficeOptions(f, box);
                return box;
            }
            var list = Array.isArray(value) ? value.map(function (o) {
                return typeof o === 'string' ? {value: o, label: o} : {value: o.value, label: o.label === undefined ? o.value : o.label};
            }) : [];
            var languages = formLanguages();
            function save() { done(list.length ? list.map(function (o) { return {value: o.value, label: o.label}; }) : undefined); }
            function draw() {
                box.textContent = '';
                var head = [el('th', {scope: 'col', text: label('fields[].options[].value')}),
                    el('th', {scope: 'col', text: label('fields[].options[].label')})];
                languages.forEach(function (lang) {
                    head.push(el('th', {scope: 'col', text: label('fields[].options[].label') + ' (' + languageName(lang) + ')'}));
                });
                head.push(el('th', {scope: 'col', text: t('builder.option.hidden')}));
                head.push(el('th', {scope: 'col'}, [el('span', {class: 'sr-only', text: t('builder.actions')})]));
                var table = el('table', {class: 'options-table'}, [el('thead', {}, [el('tr', {}, head)])]);
                var body = el('tbody');
                list.forEach(function (o, i) {
                    var v = el('input', {type: 'text', value: o.value, 'aria-label': label('fields[].options[].value') + ' ' + (i + 1),
                        onchange: function () { renameOption(f, o.value, v.value.trim()); o.value = v.value.trim(); save(); }});
                    var l = el('input', {type: 'text', value: o.label, 'aria-label': label('fields[].options[].label') + ' ' + (i + 1),
                        onchange: function () { o.label = l.value; save(); }});
                    var cells = [el('td', {}, [v]), el('td', {}, [l])];
                    languages.forEach(function (lang) {
                        var texts = fieldTexts(lang, f.name, false);
                        var tl = el('input', {type: 'text', lang: lang, class: 'option-translation',
                            value: texts && texts.options && texts.options[o.value] || '',
                            'aria-label': label('fields[].options[].label') + ' ' + (i + 1) + ' (' + languageName(lang) + ')',
                            onchange: function () {
                                setFieldText(lang, f.name, null, tl.value.trim() === '' ? undefined : tl.value.trim(), o.value);
                                b.changed();
                            }});
                        cells.push(el('td', {}, [tl]));
                    });
                    cells.push(el('td', {}, [hideBox(f, o.value, o.label, i)]));
                    cells.push(el('td', {class: 'inline'}, [
                        el('button', {type: 'button', class: 'small', 'aria-label': t('builder.option.up') + ' ' + o.label,
                            disabled: i === 0, text: '↑', onclick: function () { move(i, -1); }}),
                        el('button', {type: 'button', class: 'small', 'aria-label': t('builder.option.down') + ' ' + o.label,
                            disabled: i === list.length - 1, text: '↓', onclick: function () { move(i, 1); }}),
                        el('button', {type: 'button', class: 'small', 'aria-label': t('builder.option.remove') + ' ' + o.label,
                            text: '✕', onclick: function () { renameOption(f, o.value, undefined); list.splice(i, 1); save(); draw(); }})]));
                    body.appendChild(el('tr', {'data-value': o.value}, cells));
                });
                table.appendChild(body);
                box.appendChild(table);
                box.appendChild(el('button', {type: 'button', text: t('builder.option.add'), onclick: function () {
                    var n = list.length + 1;
                    list.push({value: 'option' + n, label: t('builder.option.new') + ' ' + n});
                    save(); draw();
                    box.querySelectorAll('tbody tr')[list.length - 1].querySelectorAll('input')[1].focus();
                }}));
            }
            function move(i, by) {
                var item = list.splice(i, 1)[0];
                list.splice(i + by, 0, item);
                save(); draw();
                var row = box.querySelectorAll('tbody tr')[i + by];
                var again = row && row.querySelector(by < 0 ? 'button[aria-label^="' + t('builder.option.up') + '"]'
                    : 'button[aria-label^="' + t('builder.option.down') + '"]');
                if (again && !again.disabled) { again.focus(); } else if (row) { row.querySelector('input').focus(); }
                announce(t('builder.moved').replace('{0}', item.label).replace('{1}', i + by + 1).replace('{2}', list.length));
            }
            draw();
            return box;
        }

        /** The permitted values of the mapped onOffice field, each with its hidden box; the list itself is onOffice's. */
        function drawOnOfficeOptions(f, box) {
            var info = f.maps && catalogueField(f.maps);
            box.appendChild(el('p', {class: 'hint', text: t('builder.option.fromOnOffice')}));
            if (!info) {
                box.appendChild(el('p', {class: 'hint', text: catalogue ? t('builder.option.noValues') : t('builder.saving')}));
                return;
            }
            var rows = info.permitted.map(function (v, i) {
                var text = b.draft.language === 'en' ? v.en : v.de;
                return el('tr', {'data-value': v.key}, [el('td', {}, [el('code', {text: v.key})]), el('td', {text: text}),
                    el('td', {}, [hideBox(f, v.key, text, i)])]);
            });
            box.appendChild(el('table', {class: 'options-table'}, [el('thead', {}, [el('tr', {}, [
                el('th', {scope: 'col', text: label('fields[].options[].value')}),
                el('th', {scope: 'col', text: label('fields[].options[].label')}),
                el('th', {scope: 'col', text: t('builder.option.hidden')})])]), el('tbody', {}, rows)]));
            box.appendChild(el('button', {type: 'button', class: 'own-options', text: t('builder.option.makeOwn'), onclick: function () {
                delete f.optionsFrom;
                optionsSource(f, undefined);
                b.changed();
                drawField();
                var first = fieldPanel.querySelector('.options-table tbody input');
                if (first) { first.focus(); }
            }}));
        }

        /** "Hidden" for one option: the visitor is never offered it (the server refuses it too). */
        function hideBox(f, value, text, i) {
            var hidden = Array.isArray(f.hiddenOptions) && f.hiddenOptions.indexOf(value) >= 0;
            var box = el('input', {type: 'checkbox', class: 'option-hidden', checked: hidden,
                'aria-label': t('builder.option.hide') + ' ' + (text || value) + ' (' + (i + 1) + ')'});
            box.dataset.place = 'fields[' + selected + '].hiddenOptions';
            box.addEventListener('change', function () {
                var list = Array.isArray(f.hiddenOptions) ? f.hiddenOptions.filter(function (x) { return x !== value; }) : [];
                if (box.checked) { list.push(value); }
                if (list.length) { f.hiddenOptions = list; } else { delete f.hiddenOptions; }
                b.changed();
                announce(t(box.checked ? 'builder.option.hiddenNow' : 'builder.option.shownNow').replace('{0}', text || value));
            });
            return box;
        }

        /** An option's value changed (or, with undefined, it was removed): its hidden mark and texts follow it. */
        function renameOption(f, before, after) {
            if (before === after) { return; }
            if (Array.isArray(f.hiddenOptions) && f.hiddenOptions.indexOf(before) >= 0) {
                f.hiddenOptions = f.hiddenOptions.filter(function (x) { return x !== before; });
                if (after !== undefined) { f.hiddenOptions.push(after); }
                if (!f.hiddenOptions.length) { delete f.hiddenOptions; }
            }
            formLanguages().forEach(function (lang) {
                var texts = fieldTexts(lang, f.name, false);
                if (texts && texts.options && texts.options[before] !== undefined) {
                    var text = texts.options[before];
                    setFieldText(lang, f.name, null, undefined, before);
                    if (after !== undefined) { setFieldText(lang, f.name, null, text, after); }
                }
            });
        }

        function conditionEditor(id, value, done) {
            var c = value && typeof value === 'object' ? value : {};
            var others = fields().filter(function (f, i) { return i !== selected && NO_VALUE.indexOf(f.type) < 0 && f.name; });
            var field = el('select', {id: id, 'aria-label': label('fields[].showIf.field')},
                [el('option', {value: '', text: t('builder.condition.always')})].concat(others.map(function (f) {
                    return el('option', {value: f.name, text: fieldTitle(f) + ' (' + f.name + ')'});
                })));
            field.value = c.field || '';
            var mode = el('select', {'aria-label': t('builder.condition.mode')}, ['equals', 'in', 'filled'].map(function (m) {
                return el('option', {value: m, text: label('fields[].showIf.' + m)});
            }));
            mode.value = c.filled ? 'filled' : c['in'] ? 'in' : 'equals';
            var target = others.filter(function (f) { return f.name === c.field; })[0];
            var current = c.filled ? '' : c['in'] ? c['in'].join(', ') : (c.equals || '');
            var valueInput;
            if (target && Array.isArray(target.options) && target.options.length && mode.value === 'equals') {
                valueInput = el('select', {'aria-label': t('builder.condition.value')}, target.options.map(function (o) {
                    var v = typeof o === 'string' ? o : o.value;
                    return el('option', {value: v, text: typeof o === 'string' ? o : (o.label || o.value)});
                }));
                valueInput.value = current || valueInput.value;
            } else {
                valueInput = el('input', {type: 'text', value: current, 'aria-label': t('builder.condition.value'),
                    placeholder: mode.value === 'in' ? 'a, b' : ''});
            }
            valueInput.hidden = mode.value === 'filled' || !field.value;
            mode.hidden = !field.value;
            function update(event) {
                if (!field.value) { done(undefined); redrawField(); return; }
                var v = {field: field.value};
                var chosen = others.filter(function (f) { return f.name === field.value; })[0];
                var firstOption = chosen && Array.isArray(chosen.options) && chosen.options.length
                    ? (typeof chosen.options[0] === 'string' ? chosen.options[0] : chosen.options[0].value) : '';
                if (mode.value === 'filled') { v.filled = true; }
                else if (mode.value === 'in') { v['in'] = valueInput.value.split(',').map(function (s) { return s.trim(); }).filter(Boolean); }
                else { v.equals = event && event.target === field ? firstOption : valueInput.value; }
                done(v);
                if (event && event.target !== valueInput) { redrawField(); }
            }
            [field, mode, valueInput].forEach(function (x) { x.addEventListener('change', update); });
            return el('span', {class: 'inline condition-editor'}, [field, mode, valueInput]);
        }

        // ---- the page: side (palette, picker), form settings, field list, field panel ----
        var side = el('div', {class: 'build-side'});
        var mainCol = el('div', {class: 'build-main'});
        panel.appendChild(el('div', {class: 'build-grid'}, [side, mainCol]));
        panel.appendChild(el('datalist', {id: 'catalogue-maps'}));

        var palette = el('section', {class: 'card palette', 'aria-labelledby': 'palette-title'}, [
            el('h2', {id: 'palette-title', text: t('builder.palette')}),
            el('ul', {}, b.schema.filter(function (s) { return s.path === 'fields[].type'; })[0].choices.map(function (type) {
                return el('li', {}, [el('button', {type: 'button', class: 'add-type', 'data-type': type,
                    text: '+ ' + typeName(type), onclick: function () { addField(newField(type)); }})]);
            }))]);
        side.appendChild(palette);
        side.appendChild(pickerSection());

        var groups = el('div', {class: 'groups'});
        var fieldsSection = el('section', {class: 'card', 'aria-labelledby': 'fields-title'});
        var fieldPanel = el('section', {class: 'card panel', id: 'field-panel', 'aria-labelledby': 'field-panel-title', tabindex: '-1'});
        mainCol.appendChild(groups);
        mainCol.appendChild(fieldsSection);
        mainCol.appendChild(fieldPanel);

        var GROUPS = ['form', 'theme', 'emails', 'rules', 'onoffice', 'privacy', 'protection', 'embed'];
        b.schema.forEach(function (s) { if (GROUPS.indexOf(s.group) < 0 && s.group !== 'field' && s.group !== 'fields') { GROUPS.push(s.group); } });
        var open = {form: true};

        function drawGroups() {
            groups.textContent = '';
            GROUPS.forEach(function (group) {
                var details = el('details', {'data-group': group, open: !!open[group]}, [
                    el('summary', {text: t('builder.group.' + group, label(group))})]);
                details.addEventListener('toggle', function () { open[group] = details.open; });
                b.schema.filter(function (s) { return s.group === group && s.path !== 'key' && s.path.indexOf('[]') < 0; })
                    .forEach(function (s) {
                        var e = editor(s, function () { return getPath(b.draft, s.path); },
                            function (v) { setPath(b.draft, s.path, v); }, s.path);
                        if (e) { details.appendChild(e); }
                    });
                if (group === 'theme') { details.appendChild(el('p', {id: 'contrast', class: 'contrast-warning', role: 'status'})); }
                if (plugins['group:' + group]) { plugins['group:' + group](kit, details); }
                groups.appendChild(details);
            });
            contrast();
        }

        function drawFields() {
            fieldsSection.textContent = '';
            fieldsSection.appendChild(el('h2', {id: 'fields-title', text: label('fields')}));
            fieldsSection.appendChild(el('p', {class: 'hint', id: 'fields-hint', text: t('builder.fields.hint')}));
            var list = el('ol', {class: 'field-list', id: 'field-list', 'aria-describedby': 'fields-hint'});
            fields().forEach(function (f, i) {
                var item = el('li', {draggable: 'true', 'data-index': i, 'data-name': f.name || '',
                    class: f.type === 'break' ? 'is-break' : null, 'aria-current': i === selected ? 'true' : null}, [
                    el('span', {class: 'grip', 'aria-hidden': 'true', text: '⠿'}),
                    el('button', {type: 'button', class: 'label-button', 'data-index': i,
                        'aria-label': fieldTitle(f) + ', ' + typeName(f.type) + ', ' + t('builder.position')
                            .replace('{0}', i + 1).replace('{1}', fields().length),
                        onclick: function () { select(i); }, onkeydown: function (event) { keyMove(event, i); }},
                        [(f.type === 'break' ? '— ' : '') + fieldTitle(f) + ' ', el('span', {class: 'type', text: typeName(f.type)}),
                            f.width === 'half' ? el('span', {class: 'type', text: ' · ' + t('builder.field.half')}) : null,
                            f.showIf ? el('span', {class: 'type', text: ' · ' + t('builder.conditional')}) : null,
                            el('span', {class: 'has-problem', hidden: true, text: ' !'})]),
                    el('button', {type: 'button', class: 'small move-up', 'aria-label': t('builder.moveUp') + ': ' + fieldTitle(f),
                        disabled: i === 0, text: '↑', onclick: function () { moveField(i, -1, this); }}),
                    el('button', {type: 'button', class: 'small move-down', 'aria-label': t('builder.moveDown') + ': ' + fieldTitle(f),
                        disabled: i === fields().length - 1, text: '↓', onclick: function () { moveField(i, 1, this); }}),
                    el('button', {type: 'button', class: 'small remove', 'aria-label': t('builder.remove') + ': ' + fieldTitle(f),
                        text: '✕', onclick: function () { removeField(i); }})]);
                dragAndDrop(item, i);
                list.appendChild(item);
            });
            if (!fields().length) { fieldsSection.appendChild(el('p', {text: t('builder.fields.empty')})); }
            fieldsSection.appendChild(list);
            markProblems();
        }

        function keyMove(event, i) {
            if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
                event.preventDefault();
                moveField(i, event.key === 'ArrowUp' ? -1 : 1, null, true);
            }
        }

        function moveField(i, by, button, keepLabelFocus) {
            var to = i + by;
            if (to < 0 || to >= fields().length) { return; }
            var f = fields().splice(i, 1)[0];
            fields().splice(to, 0, f);
            if (selected === i) { selected = to; } else if (selected === to) { selected = i; }
            b.changed();
            drawFields();
            drawField();
            var item = document.querySelector('#field-list li[data-index="' + to + '"]');
            var focus = keepLabelFocus || !button ? item.querySelector('.label-button')
                : item.querySelector(by < 0 ? '.move-up' : '.move-down');
            (focus.disabled ? item.querySelector('.label-button') : focus).focus();
            announce(t('builder.moved').replace('{0}', fieldTitle(f)).replace('{1}', to + 1).replace('{2}', fields().length));
        }

        var dragFrom = -1;
        function dragAndDrop(item, i) {
            item.addEventListener('dragstart', function (event) {
                dragFrom = i;
                item.classList.add('dragging');
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', String(i));
            });
            item.addEventListener('dragend', function () { item.classList.remove('dragging'); });
            item.addEventListener('dragover', function (event) { event.preventDefault(); item.classList.add('drop-before'); });
            item.addEventListener('dragleave', function () { item.classList.remove('drop-before'); });
            item.addEventListener('drop', function (event) {
                event.preventDefault();
                item.classList.remove('drop-before');
                var from = dragFrom >= 0 ? dragFrom : Number(event.dataTransfer.getData('text/plain'));
                dragFrom = -1;
                if (from === i || isNaN(from)) { return; }
                var f = fields().splice(from, 1)[0];
                var to = from < i ? i - 1 : i;
                fields().splice(to, 0, f);
                selected = to;
                b.changed();
                drawFields();
                drawField();
                announce(t('builder.moved').replace('{0}', fieldTitle(f)).replace('{1}', to + 1).replace('{2}', fields().length));
            });
        }

        function select(i) {
            selected = i;
            drawFields();
            drawField();
            fieldPanel.focus();
        }

        function removeField(i) {
            var f = fields().splice(i, 1)[0];
            dropTexts(f.name);
            if (selected >= fields().length) { selected = fields().length - 1; }
            b.changed();
            drawFields();
            drawField();
            announce(t('builder.removed').replace('{0}', fieldTitle(f)));
            var next = document.querySelector('#field-list .label-button');
            if (next) { next.focus(); }
        }

        function uniqueName(base) {
            base = (base || 'feld').replace(/[^A-Za-z0-9_]/g, '_').replace(/^([0-9])/, '_$1').substring(0, 90) || 'feld';
            var names = fields().map(function (f) { return f.name; });
            if (names.indexOf(base) < 0) { return base; }
            for (var n = 2; ; n++) { if (names.indexOf(base + '_' + n) < 0) { return base + '_' + n; } }
        }

        function newField(type) {
            var f = {name: uniqueName(type === 'break' ? 'schritt' : type), type: type,
                label: type === 'break' ? t('builder.newStep') : typeName(type)};
            if (CHOICE_TYPES.indexOf(type) >= 0) {
                f.options = [{value: 'option1', label: t('builder.option.new') + ' 1'},
                    {value: 'option2', label: t('builder.option.new') + ' 2'}];
            }
            return f;
        }

        function addField(f) {
            var at = selected >= 0 ? selected + 1 : fields().length;
            fields().splice(at, 0, f);
            selected = at;
            b.changed();
            drawFields();
            drawField();
            drawGroups();
            announce(t('builder.added').replace('{0}', fieldTitle(f)).replace('{1}', at + 1));
            var input = fieldPanel.querySelector('input[type=text]');
            if (input) { input.focus(); } else { fieldPanel.focus(); }
        }

        /** After the condition's field or mode changed: its value input depends on them. */
        function redrawField() {
            drawField();
            var select = fieldPanel.querySelector("[data-setting='fields[].showIf'] select");
            if (select) { select.focus(); }
        }

        // ---- the field panel's own parts: texts per language, step break, options' sources ----
        var DRAWN_ELSEWHERE = ['fields[].hiddenOptions']; // in the options editor, a box per option
        var TEXT_KEYS = ['label', 'help', 'placeholder'];
        var LANGUAGES = ['de', 'en'];

        /** The form's languages besides its own: those its translations hold. */
        function otherLanguages() {
            var own = b.draft.language || 'de';
            return LANGUAGES.filter(function (l) { return l !== own; });
        }
        function formLanguages() {
            var tr = b.draft.translations;
            return otherLanguages().filter(function (l) { return tr && typeof tr === 'object' && tr[l] && typeof tr[l] === 'object'; });
        }
        /** translations[lang].fields[name] (made when {@code create}), or null. */
        function fieldTexts(lang, name, create) {
            var tr = b.draft.translations;
            if (!tr || !tr[lang] || typeof tr[lang] !== 'object') { return null; }
            if (!tr[lang].fields || typeof tr[lang].fields !== 'object') {
                if (!create) { return null; }
                tr[lang].fields = {};
            }
            if (!tr[lang].fields[name] || typeof tr[lang].fields[name] !== 'object') {
                if (!create) { return null; }
                tr[lang].fields[name] = {};
            }
            return tr[lang].fields[name];
        }
        /** Sets (or, with an empty value, removes) one text; a field left without texts leaves the translation. */
        function setFieldText(lang, name, key, value, option) {
            var texts = fieldTexts(lang, name, value !== undefined);
            if (!texts) { return; }
            if (option !== undefined) {
                if (value !== undefined) { texts.options = texts.options || {}; texts.options[option] = value; }
                else if (texts.options) { delete texts.options[option]; if (!Object.keys(texts.options).length) { delete texts.options; } }
            } else if (value === undefined) { delete texts[key]; } else { texts[key] = value; }
            var all = b.draft.translations[lang].fields;
            if (!Object.keys(texts).length) { delete all[name]; }
            if (!Object.keys(all).length) { delete b.draft.translations[lang].fields; }
        }
        /** A field renamed: conditions and rules that test or change it follow the new name. */
        function renameReferences(before, after) {
            if (!before || !after || before === after) { return; }
            (function follow(node) {
                if (Array.isArray(node)) { node.forEach(follow); return; }
                if (!node || typeof node !== 'object') { return; }
                if (node.field === before) { node.field = after; }
                Object.keys(node).forEach(function (k) { if (k !== 'field') { follow(node[k]); } });
            })([fields().map(function (f) { return f.showIf; }), b.draft.rules]);
        }

        function renameTexts(before, after) {
            formLanguages().forEach(function (lang) {
                var texts = fieldTexts(lang, before, false);
                if (texts && after) { delete b.draft.translations[lang].fields[before]; b.draft.translations[lang].fields[after] = texts; }
            });
        }
        function dropTexts(name) {
            formLanguages().forEach(function (lang) {
                if (fieldTexts(lang, name, false)) { delete b.draft.translations[lang].fields[name]; }
                var all = b.draft.translations[lang].fields;
                if (all && !Object.keys(all).length) { delete b.draft.translations[lang].fields; }
            });
        }
        /** Whether the field's type takes the field setting {@code key}. */
        function takes(key, f) {
            var s = b.schema.filter(function (x) { return x.path === 'fields[].' + key; })[0];
            return !!s && (!s.types.length || s.types.indexOf(f.type) >= 0);
        }
        /** After a type change: settings the new type does not take go (the server refuses them, the panel hides them). */
        function dropSettingsOfOtherTypes(f) {
            Object.keys(f).forEach(function (key) {
                var known = b.schema.some(function (x) { return x.path === 'fields[].' + key; });
                if (known && !takes(key, f)) { delete f[key]; }
            });
        }
        function languageName(lang) { return t('builder.language.' + lang, lang); }

        /**
         * The field's label, help and placeholder in each further language of the form; a form with one language
         * gets a button that adds the other (with the labels of its onOffice fields from onOffice).
         */
        function textsPerLanguage(f) {
            var index = selected;
            var keys = TEXT_KEYS.filter(function (key) { return takes(key, f); });
            var boxes = formLanguages().map(function (lang) {
                var box = el('fieldset', {class: 'texts-language', 'data-language': lang}, [
                    el('legend', {text: t('builder.field.textsIn').replace('{0}', languageName(lang))})]);
                keys.forEach(function (key) {
                    var id = 'set-' + (++uid);
                    var texts = fieldTexts(lang, f.name, false) || {};
                    var place = 'translations.' + lang + '.fields.' + f.name + '.' + key;
                    var input = el(key === 'help' ? 'textarea' : 'input', {type: key === 'help' ? null : 'text', id: id,
                        rows: key === 'help' ? 2 : null, lang: lang, value: texts[key] === undefined ? '' : texts[key],
                        placeholder: fields()[index][key] || null, 'aria-describedby': id + '-problem'});
                    input.dataset.place = place;
                    input.addEventListener('change', function () {
                        setFieldText(lang, fields()[index].name, key, input.value.trim() === '' ? undefined : input.value);
                        b.changed();
                    });
                    box.appendChild(el('div', {class: 'setting', 'data-setting': 'translations.' + lang + '.' + key}, [
                        el('label', {for: id, text: label('fields[].' + key) + ' (' + languageName(lang) + ')'}), input,
                        el('p', {class: 'problem', id: id + '-problem'})]));
                });
                return box;
            });
            otherLanguages().filter(function (l) { return formLanguages().indexOf(l) < 0; }).forEach(function (lang) {
                boxes.push(el('p', {class: 'setting'}, [el('button', {type: 'button', class: 'small add-language',
                    'data-language': lang, text: t('builder.field.addLanguage').replace('{0}', languageName(lang)),
                    onclick: function () { addLanguage(lang); }})]));
            });
            return boxes;
        }

        /** The form gets texts in {@code lang}: its onOffice fields' labels and values come from onOffice. */
        function addLanguage(lang) {
            if (!b.draft.translations || typeof b.draft.translations !== 'object') { b.draft.translations = {}; }
            b.draft.translations[lang] = b.draft.translations[lang] || {};
            fields().forEach(function (f) {
                var info = f.maps && catalogueField(f.maps);
                if (info) { catalogueTexts(f, info, [lang]); }
            });
            b.changed();
            drawField();
            announce(t('builder.field.languageAdded').replace('{0}', languageName(lang)));
            var first = fieldPanel.querySelector('fieldset.texts-language[data-language="' + lang + '"] input');
            if (first) { first.focus(); }
        }

        /** A picked field's label and values in the form's further languages, from onOffice. */
        function catalogueTexts(field, info, languages) {
            (languages || formLanguages()).forEach(function (lang) {
                var text = lang === 'en' ? info.labelEn : info.labelDe;
                if (text && !(fieldTexts(lang, field.name, false) || {}).label) { setFieldText(lang, field.name, 'label', text); }
                if (Array.isArray(field.options)) {
                    field.options.forEach(function (o) {
                        var v = info.permitted.filter(function (p) { return p.key === (typeof o === 'string' ? o : o.value); })[0];
                        if (v && (lang === 'en' ? v.en : v.de)) { setFieldText(lang, field.name, null, lang === 'en' ? v.en : v.de, v.key); }
                    });
                }
            });
        }

        /** "Step break before this field": a break field right before it starts a new step (its title editable here). */
        function stepBreakEditor(index) {
            var id = 'set-' + (++uid);
            var before = fields()[index - 1];
            var on = !!before && before.type === 'break';
            var box = el('input', {type: 'checkbox', id: id, checked: on, class: 'step-break'});
            var wrap = el('div', {class: 'setting', 'data-setting': 'stepBreak'}, [
                el('label', {class: 'inline-label', for: id}, [box, ' ' + t('builder.field.stepBreak')])]);
            box.addEventListener('change', function () {
                var f = fields()[index];
                if (box.checked) {
                    fields().splice(index, 0, {name: uniqueName('schritt'), type: 'break', label: t('builder.newStep')});
                    selected = index + 1;
                } else if (before && before.type === 'break') {
                    var gone = fields().splice(index - 1, 1)[0];
                    dropTexts(gone.name);
                    selected = index - 1;
                }
                b.changed();
                drawFields();
                drawField();
                var again = fieldPanel.querySelector('input.step-break');
                if (again) { again.focus(); }
                announce(t(box.checked ? 'builder.field.stepBreakOn' : 'builder.field.stepBreakOff').replace('{0}', fieldTitle(f)));
            });
            if (on) {
                var titleId = 'set-' + (++uid);
                var title = el('input', {type: 'text', id: titleId, value: before.label || '', class: 'step-title'});
                title.dataset.place = 'fields[' + (index - 1) + '].label';
                title.addEventListener('change', function () {
                    if (title.value.trim()) { before.label = title.value.trim(); } else { delete before.label; }
                    b.changed();
                    drawFields();
                });
                wrap.appendChild(el('label', {for: titleId, text: t('builder.field.stepTitle')}));
                wrap.appendChild(title);
                wrap.appendChild(el('p', {class: 'problem'}));
            }
            return wrap;
        }

        /** Options from onOffice take no own list; back to own options, onOffice's values become the list to edit. */
        function optionsSource(f, from) {
            if (from === 'onoffice') {
                delete f.options;
                // onOffice's values come in the form's own language; own option texts would name values it may not have
                formLanguages().forEach(function (lang) {
                    var texts = fieldTexts(lang, f.name, false);
                    if (texts && texts.options) { delete texts.options; setFieldText(lang, f.name, 'options', undefined); }
                });
            } else if (!Array.isArray(f.options) || !f.options.length) {
                var info = f.maps && catalogueField(f.maps);
                if (info && info.permitted.length) {
                    f.options = info.permitted.map(function (v) { return {value: v.key, label: b.draft.language === 'en' ? v.en : v.de}; });
                    catalogueTexts(f, info);
                }
            }
        }

        function drawField() {
            fieldPanel.textContent = '';
            var f = fields()[selected];
            if (!f) {
                fieldPanel.appendChild(el('h2', {id: 'field-panel-title', text: t('builder.field.none')}));
                return;
            }
            fieldPanel.appendChild(el('h2', {id: 'field-panel-title', text: t('builder.field.title') + ' ' + fieldTitle(f)}));
            if (f.type !== 'break') { fieldPanel.appendChild(stepBreakEditor(selected)); }
            var textsAfter = takes('placeholder', f) ? 'placeholder' : takes('help', f) ? 'help' : 'label';
            b.schema.filter(function (s) {
                return s.group === 'field' && s.path.split('.').length === 2 && s.path.indexOf('options[]') < 0
                    && DRAWN_ELSEWHERE.indexOf(s.path) < 0 && (!s.types.length || s.types.indexOf(f.type) >= 0);
            }).forEach(function (s) {
                var key = s.path.substring('fields[].'.length);
                var index = selected;
                var e = editor(s, function () { return fields()[index][key]; }, function (v) {
                    var before = fields()[index][key];
                    // an emptied name keeps the old one until a new one is typed, so texts and conditions can follow it
                    if (key === 'name' && v === undefined) { return; }
                    if (v === undefined) { delete fields()[index][key]; } else { fields()[index][key] = v; }
                    if (key === 'label' || key === 'type' || key === 'showIf') { drawFields(); }
                    if (key === 'type') { dropSettingsOfOtherTypes(fields()[index]); drawField(); }
                    if (key === 'name') { renameTexts(before, v); renameReferences(before, v); drawGroups(); }
                    if (key === 'optionsFrom') { optionsSource(fields()[index], v); }
                }, 'fields[' + selected + '].' + key);
                if (e) { fieldPanel.appendChild(e); }
                if (e && key === textsAfter) {
                    textsPerLanguage(f).forEach(function (box) { fieldPanel.appendChild(box); });
                }
            });
            if (f.maps && catalogue) {
                var info = catalogueField(f.maps);
                if (info) { fieldPanel.appendChild(el('p', {class: 'hint', text: fieldSummary(info)})); }
            }
            markProblems();
        }

        function redraw() { drawGroups(); drawFields(); drawField(); }

        // ---- the onOffice field picker ----
        function pickerSection() {
            var section = el('section', {class: 'card picker', 'aria-labelledby': 'picker-title'});
            var module = el('select', {id: 'picker-module'}, ['address', 'estate', 'searchcriteria', 'agentslog', 'task', 'calendar']
                .map(function (m) { return el('option', {value: m, text: t('builder.module.' + m, m)}); }));
            var search = el('input', {type: 'search', id: 'picker-search', 'aria-describedby': 'picker-count'});
            var count = el('p', {id: 'picker-count', class: 'hint', role: 'status'});
            var results = el('ul', {class: 'picker-results', id: 'picker-results'});
            section.appendChild(el('h2', {id: 'picker-title', text: t('builder.picker')}));
            section.appendChild(el('label', {for: 'picker-module', text: t('builder.picker.module')}));
            section.appendChild(module);
            section.appendChild(el('label', {for: 'picker-search', text: t('builder.picker.search')}));
            section.appendChild(search);
            section.appendChild(count);
            section.appendChild(results);
            function show() {
                results.textContent = '';
                if (!catalogue) { return; }
                var q = search.value.trim().toLowerCase();
                var m = catalogue.modules.filter(function (x) { return x.module === module.value; })[0];
                var list = (m ? m.fields : []).filter(function (f) {
                    return !q || f.name.toLowerCase().indexOf(q) >= 0 || (f.labelDe || '').toLowerCase().indexOf(q) >= 0
                        || (f.labelEn || '').toLowerCase().indexOf(q) >= 0;
                });
                count.textContent = t('builder.picker.count').replace('{0}', list.length);
                list.slice(0, 60).forEach(function (f) {
                    var used = fields().some(function (x) { return x.maps === f.maps; });
                    results.appendChild(el('li', {'data-maps': f.maps}, [
                        el('strong', {text: adminLabel(f)}), ' ', el('code', {text: f.maps}),
                        el('span', {class: 'meta', text: fieldSummary(f)}),
                        used ? el('span', {class: 'badge', text: t('builder.picker.used')}) : null, ' ',
                        el('button', {type: 'button', class: 'small pick', 'aria-label': t('builder.picker.add') + ': ' + adminLabel(f),
                            text: t('builder.picker.add'), onclick: function () {
                                var field = fromCatalogue(f);
                                catalogueTexts(field, f);
                                addField(field);
                                show();
                            }})]));
                });
            }
            module.addEventListener('change', show);
            search.addEventListener('input', show);
            b.api('GET', root.dataset.catalogue).then(function (result) {
                if (!result.ok) { count.textContent = t('builder.picker.unavailable') + ' ' + errorText(result); return; }
                catalogue = result.data;
                var datalist = document.getElementById('catalogue-maps');
                catalogue.modules.forEach(function (m) {
                    m.fields.forEach(function (f) { datalist.appendChild(el('option', {value: f.maps, label: adminLabel(f)})); });
                });
                show();
                drawField();
                if (Array.isArray(catalogue.users)) { usersLoaded(); }
            });
            return section;
        }

        function adminLabel(f) { return document.documentElement.lang === 'de' ? f.labelDe : f.labelEn; }
        function formLabel(f) { return b.draft.language === 'en' ? f.labelEn : f.labelDe; }
        function catalogueField(maps) {
            var found = null;
            (catalogue ? catalogue.modules : []).forEach(function (m) {
                m.fields.forEach(function (f) { if (f.maps === maps) { found = f; } });
            });
            return found;
        }
        function fieldSummary(f) {
            var parts = [t('builder.picker.type') + ': ' + f.type + (f.length ? ' (' + f.length + ')' : '')];
            if (f.permitted.length) {
                parts.push(t('builder.picker.values') + ': ' + f.permitted.slice(0, 6).map(function (v) {
                    return document.documentElement.lang === 'de' ? v.de : v.en;
                }).join(', ') + (f.permitted.length > 6 ? ', …' : ''));
            }
            if (f.rights.length) { parts.push(t('builder.picker.rights') + ': ' + f.rights.join(', ')); }
            return parts.join(' · ');
        }

        /** A picked onOffice field, ready: type, label in the form's language, options from the permitted values, mapping. */
        function fromCatalogue(f) {
            var type = 'text';
            var lower = f.name.toLowerCase();
            if (f.type === 'multiselect') { type = 'checkboxes'; }
            else if (f.type === 'singleselect') { type = 'select'; }
            else if (f.type === 'integer' || f.type === 'float') { type = 'number'; }
            else if (f.type === 'date') { type = f.name === 'start_dt' || f.name === 'end_dt' ? 'datetime' : 'date'; }
            else if (f.type === 'boolean') { type = 'consent'; }
            else if (f.type === 'text' || (f.length && f.length > 255)) { type = 'textarea'; }
            else if (lower.indexOf('email') === 0) { type = 'email'; }
            else if (lower.indexOf('telefon') === 0 || lower.indexOf('phone') >= 0) { type = 'phone'; }
            var field = {name: uniqueName(f.name), type: type, label: formLabel(f) || f.name, maps: f.maps};
            if ((type === 'select' || type === 'checkboxes') && f.permitted.length) {
                field.options = f.permitted.map(function (v) { return {value: v.key, label: b.draft.language === 'en' ? v.en : v.de}; });
            }
            if (type === 'text' && f.length && f.length < 255) { field.maxLength = f.length; }
            return field;
        }

        // ---- contrast (WCAG 2.2 AA: 4.5:1 for text), judged by the server (forms.ThemeContrast) on every save ----
        var lowContrast = [];
        b.hooks.afterSave.push(function (data) { lowContrast = data.contrast || []; contrast(); });
        function contrast() {
            var box = document.getElementById('contrast');
            if (!box) { return; }
            box.textContent = lowContrast.map(function (low) {
                return t('builder.contrast').replace('{0}', t('builder.contrast.' + low.place, label(low.place)))
                    .replace('{1}', String(low.ratio.toFixed(2))).replace('{2}', low.foreground).replace('{3}', low.background);
            }).join(' ');
        }

        // ---- problems at the setting they concern ----
        /** The input of a problem's place, or of the nearest setting holding it (fields[2].options[1] → options). */
        function inputAt(place) {
            for (var at = place; at && !/^fields(\[\d+])?$/.test(at); at = at.replace(/(\.[^.\[]+|\[\d+])$/, '')) {
                var input = panel.querySelector('[data-place="' + at.replace(/"/g, '') + '"]');
                if (input) { return input; }
                if (at === at.replace(/(\.[^.\[]+|\[\d+])$/, '')) { break; }
            }
            return null;
        }
        var lastProblems = [];
        /** The problem line of a setting's input: its own setting's, not one of an editor nested in it. */
        function problemOf(input) {
            var setting = input.closest('.setting');
            return setting && (setting.querySelector(':scope > .problem') || setting.querySelector('.problem'));
        }
        function markProblems() {
            Array.prototype.forEach.call(panel.querySelectorAll('[data-place]'), function (input) {
                input.removeAttribute('aria-invalid');
                var p = problemOf(input);
                if (p) { p.textContent = ''; }
            });
            Array.prototype.forEach.call(panel.querySelectorAll('.has-problem'), function (m) { m.hidden = true; });
            lastProblems.forEach(function (problem) {
                var input = inputAt(problem.place);
                if (input) {
                    input.setAttribute('aria-invalid', 'true');
                    var p = problemOf(input);
                    if (p) { p.textContent = (p.textContent ? p.textContent + ' ' : '') + b.problemText(problem); }
                }
                var m = /^fields\[(\d+)]/.exec(problem.place);
                if (m) {
                    var item = panel.querySelector('#field-list li[data-index="' + m[1] + '"] .has-problem');
                    if (item) { item.hidden = false; }
                }
            });
        }
        root.addEventListener('fh-problems', function (event) { lastProblems = event.detail; markProblems(); });
        root.addEventListener('fh-goto', function (event) {
            var place = event.detail;
            document.getElementById('tab-build').click();
            var m = /^fields\[(\d+)]/.exec(place);
            if (m) { select(Number(m[1])); }
            var group = b.schema.filter(function (s) { // rules[0].then[1].expression is in the panel of `rules`
                return place === s.path || place.indexOf(s.path + '.') === 0 || place.indexOf(s.path + '[') === 0;
            })[0];
            if (!m && group) { open[group.group] = true; drawGroups(); }
            var input = inputAt(place);
            if (input) { input.focus(); }
        });
        root.addEventListener('fh-redraw', function () { redraw(); });
        document.getElementById('json-apply').addEventListener('click', function () { selected = -1; redraw(); });

        redraw();
        b.select = select;
        b.moveField = moveField;
    }
})();
