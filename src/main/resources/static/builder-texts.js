// Formhaus form builder (issue 10): texts per language, without JSON. `translations` (forms.TranslationReader): per
// further language the form's title, thank-you message, its confirmation e-mail's subject and body, and the further
// texts the definition gives (rule texts, the notice's and further e-mails' subject and body: `texts` by place); the
// fields' labels, help and options are edited in the field panel and kept here untouched.
// `protection.closedMessage`: one text per language.
// Loaded before builder.js, which calls these through FormhausBuilderEditors.
(function () {
    'use strict';
    var editors = window.FormhausBuilderEditors = window.FormhausBuilderEditors || {};
    var LANGUAGES = ['de', 'en']; // the languages Formhaus has built-in texts for (DefinitionParser.LANGUAGES)

    /** A labelled input in its own .setting, so that a problem at its place appears right under it. */
    function labelled(kit, id, text, input, place) {
        input.id = id;
        input.dataset.place = place;
        input.setAttribute('aria-describedby', id + '-problem');
        return kit.el('div', {class: 'setting'}, [kit.el('label', {for: id, text: text}), input,
            kit.el('p', {class: 'problem', id: id + '-problem'})]);
    }

    function prune(object) {
        Object.keys(object).forEach(function (k) {
            var v = object[k];
            if (v && typeof v === 'object' && !Array.isArray(v)) { prune(v); }
            if (v === undefined || v === '' || (v && typeof v === 'object' && !Array.isArray(v) && !Object.keys(v).length)) {
                delete object[k];
            }
        });
        return object;
    }

    // The form-level texts a translation holds: [path inside translations.<lang>, label text, original path, textarea?]
    var TEXTS = [['title', 'builder.texts.title', 'title', false],
        ['thankYouMessage', 'builder.texts.thankYouMessage', 'thankYouMessage', true],
        ['emails.confirmation.subject', 'builder.texts.confirmationSubject', 'emails.confirmation.subject', false],
        ['emails.confirmation.body', 'builder.texts.confirmationBody', 'emails.confirmation.body', true]];

    /**
     * The further texts the definition gives that a translation may hold under `texts`, by their place
     * (forms.Translations.TEXT_PLACES): rule texts (setLabel, setHelp) and the notice's and further e-mails' own
     * subject and body. [place, label, original text, textarea?]
     */
    function placedTexts(kit) {
        var t = kit.t, d = kit.b.draft, out = [];
        (Array.isArray(d.rules) ? d.rules : []).forEach(function (rule, i) {
            (rule && Array.isArray(rule.then) ? rule.then : []).forEach(function (a, j) {
                if (a && (a.action === 'setLabel' || a.action === 'setHelp') && a.text) {
                    var f = kit.fields().filter(function (x) { return x.name === a.field; })[0];
                    out.push(['rules[' + i + '].then[' + j + '].text', t('builder.texts.rule').replace('{0}', i + 1)
                        .replace('{1}', t('builder.rules.act.' + a.action)).replace('{2}', f ? kit.fieldTitle(f) : a.field),
                        a.text, false]);
                }
            });
        });
        var emails = d.emails && typeof d.emails === 'object' ? d.emails : {};
        var mails = [['emails.notice', emails.notice, t('builder.mail.name.notice')]];
        (Array.isArray(emails.more) ? emails.more : []).forEach(function (m, i) {
            mails.push(['emails.more[' + i + ']', m, t('builder.mail.name.more') + ' ' + (i + 1)]);
        });
        mails.forEach(function (m) {
            ['subject', 'body'].forEach(function (part) {
                if (m[1] && typeof m[1][part] === 'string' && m[1][part].trim()) {
                    out.push([m[0] + '.' + part, m[2] + ': ' + t('builder.texts.' + part), m[1][part], part === 'body']);
                }
            });
        });
        return out;
    }

    editors.translations = function (ctx) {
        var kit = ctx.kit, el = kit.el, t = kit.t;
        var all = ctx.value && typeof ctx.value === 'object' && !Array.isArray(ctx.value) ? ctx.value : {};
        var own = kit.b.draft.language || 'de';
        var box = el('div', {class: 'texts-editor', role: 'group', 'aria-labelledby': ctx.labelledBy});
        LANGUAGES.filter(function (l) { return l !== own; }).forEach(function (lang) {
            var texts = all[lang] && typeof all[lang] === 'object' ? all[lang] : {};
            var fieldset = el('fieldset', {class: 'language-texts', 'data-language': lang},
                [el('legend', {text: t('builder.texts.in').replace('{0}', t('builder.language.' + lang, lang))})]);
            TEXTS.forEach(function (x) {
                var value = kit.getPath(texts, x[0]);
                var original = kit.getPath(kit.b.draft, x[2]);
                var input = x[3] ? el('textarea', {rows: 3, value: value || ''}) : el('input', {type: 'text', value: value || ''});
                input.setAttribute('lang', lang);
                if (original) { input.setAttribute('placeholder', String(original).substring(0, 120)); }
                input.addEventListener('change', function () {
                    kit.setPath(texts, x[0], input.value.trim() === '' ? undefined : input.value);
                    prune(texts);
                    all[lang] = texts; // kept even when empty: the form still offers the language (field panel)
                    ctx.set(all);
                });
                fieldset.appendChild(labelled(kit, ctx.id + '-' + lang + '-' + x[0].replace(/\./g, '-'), t(x[1]), input,
                    'translations.' + lang + '.' + x[0]));
            });
            placedTexts(kit).forEach(function (x) {
                var placed = texts.texts && typeof texts.texts === 'object' ? texts.texts : {};
                var input = x[3] ? el('textarea', {rows: 3, value: placed[x[0]] || ''})
                    : el('input', {type: 'text', value: placed[x[0]] || ''});
                input.setAttribute('placeholder', String(x[2]).substring(0, 120));
                input.setAttribute('lang', lang);
                input.addEventListener('change', function () {
                    var now = texts.texts && typeof texts.texts === 'object' ? texts.texts : {};
                    if (input.value.trim() === '') { delete now[x[0]]; } else { now[x[0]] = input.value; }
                    texts.texts = now;
                    prune(texts);
                    all[lang] = texts;
                    ctx.set(all);
                });
                fieldset.appendChild(labelled(kit, ctx.id + '-' + lang + '-' + x[0].replace(/[^A-Za-z0-9]+/g, '-'), x[1],
                    input, 'translations.' + lang + '.texts.' + x[0]));
            });
            var fieldCount = texts.fields ? Object.keys(texts.fields).length : 0;
            fieldset.appendChild(el('p', {class: 'hint', text: t('builder.texts.fields').replace('{0}', fieldCount)}));
            box.appendChild(fieldset);
        });
        return box;
    };

    editors['protection.closedMessage'] = function (ctx) {
        var kit = ctx.kit, el = kit.el, t = kit.t;
        var own = kit.b.draft.language || 'de';
        var byLanguage = {};
        if (typeof ctx.value === 'string') { byLanguage[own] = ctx.value; } else if (ctx.value && typeof ctx.value === 'object') {
            LANGUAGES.forEach(function (l) { if (typeof ctx.value[l] === 'string') { byLanguage[l] = ctx.value[l]; } });
        }
        var box = el('div', {class: 'texts-editor', role: 'group', 'aria-labelledby': ctx.labelledBy});
        [own].concat(LANGUAGES.filter(function (l) { return l !== own; })).forEach(function (lang) {
            var input = el('textarea', {rows: 2, maxlength: 1000, value: byLanguage[lang] || ''});
            input.addEventListener('change', function () {
                if (input.value.trim() === '') { delete byLanguage[lang]; } else { byLanguage[lang] = input.value; }
                ctx.set(Object.keys(byLanguage).length ? JSON.parse(JSON.stringify(byLanguage)) : undefined);
            });
            box.appendChild(labelled(kit, ctx.id + '-' + lang, t('builder.language.' + lang, lang), input,
                ctx.place + '.' + lang));
        });
        return box;
    };
})();
