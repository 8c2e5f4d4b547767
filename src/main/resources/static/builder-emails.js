// Formhaus form builder (issue 10): the e-mails panel. Recipients of the notice and further mails as choices (the
// responsible agent, the visitor) plus fixed addresses; a picker of the values a subject or text can insert (the
// form's fields by label, the form, the submission), put in at the cursor of the subject or text last edited; and a
// preview of every enabled mail with sample values, rendered by the server's sending code on each save
// (mail.MailPreview, in the draft reply's `mailPreview`). Loaded before builder.js (FormhausBuilderEditors).
(function () {
    'use strict';
    var editors = window.FormhausBuilderEditors = window.FormhausBuilderEditors || {};
    var KEYWORDS = ['responsible', 'visitor']; // mail.ResponsibleAgent.KEYWORD, mail.FormEmails.VISITOR
    var lastPreview = null;
    var previewBox = null;
    var previewKit = null;
    var hooked = false;

    function recipients(ctx) {
        var kit = ctx.kit, el = kit.el, t = kit.t;
        var list = Array.isArray(ctx.value) ? ctx.value.slice() : typeof ctx.value === 'string' ? [ctx.value] : [];
        var box = el('div', {class: 'recipients-editor', role: 'group', 'aria-labelledby': ctx.labelledBy});
        function store() { ctx.set(list.length ? list.slice() : undefined); }
        function draw(focusIndex) {
            box.textContent = '';
            KEYWORDS.forEach(function (k) {
                var id = ctx.id + '-' + k;
                var input = el('input', {type: 'checkbox', id: id, value: k, checked: list.indexOf(k) >= 0,
                    onchange: function () {
                        if (input.checked) { list.unshift(k); } else { list = list.filter(function (x) { return x !== k; }); }
                        store();
                    }});
                box.appendChild(el('label', {class: 'inline-label', for: id}, [input, ' ' + t('builder.mail.to.' + k)]));
            });
            var fixed = el('ul', {class: 'addresses'});
            list.forEach(function (address, i) {
                if (KEYWORDS.indexOf(address) >= 0) { return; }
                var input = el('input', {type: 'email', value: address, 'data-place': ctx.place + '[' + i + ']',
                    'aria-label': t('builder.mail.to.address') + ' ' + (i + 1), autocomplete: 'off'});
                input.addEventListener('change', function () {
                    if (input.value.trim()) { list[i] = input.value.trim(); } else { list.splice(i, 1); }
                    store();
                });
                fixed.appendChild(el('li', {class: 'inline'}, [input, el('button', {type: 'button', class: 'small',
                    text: '✕', 'aria-label': t('builder.mail.to.remove') + ': ' + (address || (i + 1)), onclick: function () {
                        list.splice(i, 1);
                        store();
                        draw();
                        box.querySelector('.add-address').focus();
                    }})]));
            });
            box.appendChild(fixed);
            box.appendChild(el('button', {type: 'button', class: 'small add-address', text: '+ ' + t('builder.mail.to.add'),
                onclick: function () {
                    list.push('');
                    draw(list.length - 1);
                }}));
            if (focusIndex !== undefined) {
                var inputs = box.querySelectorAll('input[type=email]');
                if (inputs.length) { inputs[inputs.length - 1].focus(); }
            }
        }
        draw();
        return box;
    }
    editors['emails.notice.to'] = recipients;
    editors['emails.more[].to'] = recipients;

    /**
     * What a subject or text can insert: [template text, description]. The form's macros (README "Macros": fields,
     * page context; mail.MailMacros escapes each for where it lands), then mail.MailModel's other values.
     */
    function insertables(kit) {
        var t = kit.t;
        var list = kit.fields().filter(function (f) {
            return f.name && kit.NO_VALUE.indexOf(f.type) < 0;
        }).map(function (f) { return ['{{' + f.name + '}}', t('builder.mail.insert.field') + ': ' + kit.fieldTitle(f)]; });
        var context = kit.b.draft.context || ['page', 'utm'];
        if (context.indexOf('page') >= 0) { list.push(['{{page.url}}', t('builder.mail.insert.pageUrl')]); }
        if (context.indexOf('referrer') >= 0) { list.push(['{{referrer}}', t('builder.mail.insert.referrer')]); }
        if (context.indexOf('utm') >= 0) {
            ['source', 'medium', 'campaign', 'term', 'content'].forEach(function (u) {
                list.push(['{{utm.' + u + '}}', t('builder.mail.insert.utm').replace('{0}', 'utm_' + u)]);
            });
        }
        return list.concat([
            ['<#list fields as f>${f.label}: ${f.value}\n</#list>', t('builder.mail.insert.all')],
            ['${form.title}', t('builder.mail.insert.formTitle')],
            ['${form.key}', t('builder.mail.insert.formKey')],
            ['${submission.id}', t('builder.mail.insert.submissionId')],
            ['${submission.created}', t('builder.mail.insert.created')]]).concat((editForms || []).map(function (f) {
            return ['${editLinks["' + f.key + '"]}', t('builder.mail.insert.editLink') + ': ' + (f.title || f.key)];
        }));
    }

    /** The account's live forms that edit a record (an `edit` section): their links can go into a mail (#12). */
    var editForms = null;
    function loadEditForms(kit, then) {
        if (editForms) { return; }
        editForms = [];
        var root = document.getElementById('builder');
        kit.b.api('GET', root.dataset.api.replace(/[^/]+\/$/, '')).then(function (result) {
            if (!result.ok || !Array.isArray(result.data)) { return; }
            editForms = result.data.filter(function (d) { return d && d.edit && d.key; })
                .map(function (d) { return {key: d.key, title: d.title}; });
            if (editForms.length) { then(); }
        });
    }

    editors['group:emails'] = function (kit, details) {
        var el = kit.el, t = kit.t;
        var target = null;
        details.addEventListener('focusin', function (event) {
            var place = event.target.dataset && event.target.dataset.place;
            if (place && /\.(subject|body)$/.test(place) && /^(emails|translations)/.test(place)) {
                target = event.target;
                where.textContent = t('builder.mail.insert.into').replace('{0}', kit.label(place.replace(/\[\d+]/g, '[]')));
            }
        });
        var picker = el('select', {id: 'mail-insert'});
        function fill() {
            picker.textContent = '';
            insertables(kit).forEach(function (x) { picker.appendChild(el('option', {value: x[0], text: x[1]})); });
        }
        fill();
        loadEditForms(kit, fill);
        var where = el('span', {class: 'hint', id: 'mail-insert-where', text: t('builder.mail.insert.first')});
        var insert = el('button', {type: 'button', id: 'mail-insert-button', text: t('builder.mail.insert.button'),
            'aria-describedby': 'mail-insert-where', onclick: function () {
                if (!target || !document.body.contains(target)) { where.textContent = t('builder.mail.insert.first'); return; }
                var at = typeof target.selectionStart === 'number' ? target.selectionStart : target.value.length;
                var end = typeof target.selectionEnd === 'number' ? target.selectionEnd : at;
                var text = target.tagName === 'INPUT' ? picker.value.replace(/\n/g, ' ') : picker.value;
                target.value = target.value.substring(0, at) + text + target.value.substring(end);
                target.dispatchEvent(new Event('change'));
                target.focus();
                target.setSelectionRange(at + text.length, at + text.length);
                kit.announce(t('builder.mail.insert.done'));
            }});
        details.appendChild(el('div', {class: 'card mail-values', role: 'group', 'aria-labelledby': 'mail-insert-title'}, [
            el('h3', {id: 'mail-insert-title', text: t('builder.mail.values')}),
            el('label', {for: 'mail-insert', text: t('builder.mail.insert.label')}),
            el('span', {class: 'inline'}, [picker, insert]), where]));
        previewBox = el('div', {id: 'mail-preview', class: 'mail-preview', 'aria-live': 'polite'});
        previewKit = kit;
        if (!hooked) {
            hooked = true;
            kit.b.hooks.afterSave.push(function (data) { lastPreview = data.mailPreview || []; drawPreview(); });
        }
        details.appendChild(el('section', {class: 'card', 'aria-labelledby': 'mail-preview-title'}, [
            el('h3', {id: 'mail-preview-title', text: t('builder.mail.preview')}),
            el('p', {class: 'hint', text: t('builder.mail.preview.hint')}), previewBox]));
        drawPreview();
    };

    function drawPreview() {
        if (!previewBox || !lastPreview || !document.body.contains(previewBox)) { return; }
        var kit = previewKit, el = kit.el, t = kit.t;
        previewBox.textContent = '';
        if (!lastPreview.length) {
            previewBox.appendChild(el('p', {text: t('builder.mail.preview.none')}));
            return;
        }
        lastPreview.forEach(function (mail, i) {
            var name = t('builder.mail.name.' + mail.mail.replace(/[0-9]+$/, ''), mail.mail)
                + (/[0-9]+$/.test(mail.mail) ? ' ' + mail.mail.replace(/^\D+/, '') : '')
                + ' (' + t('builder.language.' + mail.language, mail.language) + ')';
            var to = mail.to.map(function (x) {
                return KEYWORDS.indexOf(x) >= 0 ? t('builder.mail.to.' + x) : x;
            }).join(', ');
            var article = el('article', {class: 'mail', 'data-mail': mail.mail, 'data-language': mail.language}, [
                el('h4', {text: name}),
                el('p', {}, [el('strong', {text: t('builder.mail.preview.to') + ' '}), to]),
                mail.error ? el('p', {class: 'problem', text: mail.error}) : el('p', {class: 'mail-subject'}, [
                    el('strong', {text: t('builder.mail.preview.subject') + ' '}), mail.subject || ''])]);
            if (mail.body !== null && mail.body !== undefined && !mail.error) {
                // The server escaped every value; the frame runs no script and reaches nothing (empty sandbox).
                article.appendChild(el('iframe', {class: 'mail-body', sandbox: '', srcdoc: mail.body,
                    title: t('builder.mail.preview.body') + ': ' + name}));
            } else if (!mail.error) {
                article.appendChild(el('p', {class: 'hint', text: t('builder.mail.preview.template')}));
            }
            previewBox.appendChild(article);
        });
    }

})();
