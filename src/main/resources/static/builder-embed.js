// Formhaus form builder (issue 10): the embedding panel. The script snippet and the iframe snippet to copy (as the
// form list has them, README "Embedding"), and the account's allowed sites (`allowedOrigins`, the settings API
// /admin/api/settings/embedding): the account owner edits them here; others see that the owner sets them.
// Loaded before builder.js (FormhausBuilderEditors['group:embed']).
(function () {
    'use strict';
    var editors = window.FormhausBuilderEditors = window.FormhausBuilderEditors || {};
    var origins = null; // the account's allowed sites once loaded

    function escapeAttribute(text) {
        return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    }

    function snippet(kit, id, label, text) {
        var el = kit.el, t = kit.t;
        var area = el('textarea', {id: id, class: 'snippet', rows: 3, readonly: true, value: text, spellcheck: 'false'});
        var state = el('span', {class: 'hint', role: 'status', id: id + '-state'});
        return el('div', {class: 'setting'}, [el('label', {for: id, text: label}), area,
            el('span', {class: 'inline'}, [el('button', {type: 'button', class: 'small copy-snippet', 'data-target': id,
                text: t('builder.embed.copy'), 'aria-describedby': id + '-state', onclick: function () {
                    area.select();
                    var done = function () { state.textContent = t('builder.embed.copied'); };
                    if (navigator.clipboard && window.isSecureContext) {
                        navigator.clipboard.writeText(area.value).then(done, function () { document.execCommand('copy'); done(); });
                    } else { document.execCommand('copy'); done(); }
                }}), state])]);
    }

    editors['group:embed'] = function (kit, details) {
        var el = kit.el, t = kit.t;
        var root = document.getElementById('builder');
        var base = root.dataset.embedBase;
        var key = kit.b.draft.key || root.dataset.key;
        var title = kit.b.draft.title || key;
        details.appendChild(el('p', {class: 'hint', text: t('builder.embed.hint')}));
        details.appendChild(snippet(kit, 'embed-script', t('builder.embed.script'),
            '<script src="' + base + '/embed.js" data-form="' + escapeAttribute(key) + '" async></script>'));
        details.appendChild(snippet(kit, 'embed-iframe', t('builder.embed.iframe'),
            '<iframe src="' + base + '/f/' + encodeURIComponent(key) + '" title="' + escapeAttribute(title)
            + '" style="width:100%;min-height:600px;border:0" loading="lazy"></iframe>'));
        details.appendChild(sites(kit, root));
    };

    function sites(kit, root) {
        var el = kit.el, t = kit.t;
        var section = el('div', {class: 'setting embed-sites', role: 'group', 'aria-labelledby': 'embed-sites-title'}, [
            el('p', {class: 'setting-title', id: 'embed-sites-title', text: t('builder.embed.sites')}),
            el('span', {class: 'hint', id: 'embed-sites-hint', text: t('builder.embed.sites.hint')})]);
        if (!root.hasAttribute('data-may-edit-origins')) {
            section.appendChild(el('p', {text: t('builder.embed.sites.owner')}));
            return section;
        }
        var list = el('ul', {class: 'addresses', id: 'embed-sites'});
        var state = el('p', {class: 'problem', id: 'embed-sites-state', role: 'status'});
        section.appendChild(list);
        function draw(focusLast) {
            list.textContent = '';
            origins.forEach(function (origin, i) {
                var input = el('input', {type: 'url', value: origin, 'aria-label': t('builder.embed.site') + ' ' + (i + 1),
                    'aria-describedby': 'embed-sites-hint embed-sites-state', placeholder: 'https://www.agentur.example'});
                input.addEventListener('change', function () { origins[i] = input.value.trim(); save(); });
                list.appendChild(el('li', {class: 'inline'}, [input, el('button', {type: 'button', class: 'small',
                    text: '✕', 'aria-label': t('builder.embed.site.remove') + ': ' + (origin || i + 1), onclick: function () {
                        origins.splice(i, 1);
                        save();
                        draw();
                        section.querySelector('.add-site').focus();
                    }})]));
            });
            if (focusLast) {
                var inputs = list.querySelectorAll('input');
                if (inputs.length) { inputs[inputs.length - 1].focus(); }
            }
        }
        function save() {
            var clean = origins.filter(function (o) { return o; });
            kit.b.api('PUT', root.dataset.settingsApi, {allowedOrigins: clean}).then(function (result) {
                state.textContent = result.ok ? t('builder.embed.sites.saved') : (result.data && result.data.error
                    ? result.data.error : 'HTTP ' + result.status);
                Array.prototype.forEach.call(list.querySelectorAll('input'), function (input) {
                    if (result.ok) { input.removeAttribute('aria-invalid'); } else if (result.data && result.data.error
                        && result.data.error.indexOf(input.value) >= 0 && input.value) { input.setAttribute('aria-invalid', 'true'); }
                });
            });
        }
        section.appendChild(el('button', {type: 'button', class: 'small add-site', text: '+ ' + t('builder.embed.site.add'),
            onclick: function () { origins.push(''); draw(true); }}));
        section.appendChild(state);
        if (origins) {
            draw();
        } else {
            kit.b.api('GET', root.dataset.settingsApi).then(function (result) {
                if (!result.ok) { state.textContent = result.data && result.data.error ? result.data.error : 'HTTP ' + result.status; return; }
                origins = (result.data.allowedOrigins || []).slice();
                draw();
            });
        }
        return section;
    }
})();
