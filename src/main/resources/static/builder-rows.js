// Formhaus form builder (issue 10): the generic row editor. A setting `path` of kind JSON whose rows the definition
// schema describes (`path[].key`, as emails.more / emails.more[].subject) is drawn as a list of rows: add, remove,
// move up and down, and each row key edited by the builder's editor of its own kind. Loaded before builder.js, which
// calls it through FormhausBuilderEditors['kind:rows'].
(function () {
    'use strict';
    var editors = window.FormhausBuilderEditors = window.FormhausBuilderEditors || {};

    editors['kind:rows'] = function (ctx) {
        var kit = ctx.kit, el = kit.el, t = kit.t;
        var prefix = ctx.setting.path + '[].';
        var keys = kit.rowSettings(ctx.setting);
        var rows = Array.isArray(ctx.value) ? ctx.value.map(function (r) {
            return r && typeof r === 'object' && !Array.isArray(r) ? r : {};
        }) : [];
        var box = el('div', {class: 'rows-editor', role: 'group', 'aria-labelledby': ctx.labelledBy, tabindex: '-1'});

        function store() { ctx.set(rows.length ? rows : undefined); }

        function summary(row, i) {
            var text = ['subject', 'label', 'name', 'title', 'field', 'postcode', 'user'].map(function (k) {
                return typeof row[k] === 'string' ? row[k] : '';
            }).filter(Boolean)[0];
            return t('builder.rows.row').replace('{0}', i + 1) + (text ? ': ' + text : '');
        }

        function draw(focusSelector) {
            box.textContent = '';
            var list = el('ol', {class: 'rows'});
            rows.forEach(function (row, i) {
                var name = summary(row, i);
                var fieldset = el('fieldset', {class: 'row', 'data-row': i}, [el('legend', {text: name})]);
                keys.forEach(function (s) {
                    var key = s.path.substring(prefix.length);
                    var e = kit.editor(s, function () { return kit.getPath(row, key); }, function (v) {
                        kit.setPath(row, key, v);
                        store();
                    }, ctx.place + '[' + i + '].' + key);
                    if (e) { fieldset.appendChild(e); }
                });
                fieldset.appendChild(el('p', {class: 'inline row-actions'}, [
                    el('button', {type: 'button', class: 'small row-up', disabled: i === 0, text: '↑',
                        'aria-label': t('builder.rows.up') + ': ' + name, onclick: function () { move(i, -1); }}),
                    el('button', {type: 'button', class: 'small row-down', disabled: i === rows.length - 1, text: '↓',
                        'aria-label': t('builder.rows.down') + ': ' + name, onclick: function () { move(i, 1); }}),
                    el('button', {type: 'button', class: 'small row-remove', text: '✕ ' + t('builder.rows.remove'),
                        'aria-label': t('builder.rows.remove') + ': ' + name, onclick: function () {
                            rows.splice(i, 1);
                            store();
                            draw('.row-add');
                            kit.announce(t('builder.removed').replace('{0}', name));
                        }})]));
                list.appendChild(el('li', {}, [fieldset]));
            });
            if (rows.length) { box.appendChild(list); } else { box.appendChild(el('p', {class: 'hint', text: t('builder.rows.none')})); }
            box.appendChild(el('button', {type: 'button', class: 'row-add', text: '+ ' + t('builder.rows.add'),
                onclick: function () {
                    rows.push({});
                    store();
                    draw('.row[data-row="' + (rows.length - 1) + '"] input, .row[data-row="' + (rows.length - 1) + '"] select');
                }}));
            if (focusSelector) {
                var target = box.querySelector(focusSelector);
                if (target && target.disabled) { target = target.closest('.row').querySelector('.row-remove'); }
                if (target) { target.focus(); }
            }
        }

        function move(i, by) {
            var row = rows.splice(i, 1)[0];
            rows.splice(i + by, 0, row);
            store();
            draw('.row[data-row="' + (i + by) + '"] ' + (by < 0 ? '.row-up' : '.row-down'));
            kit.announce(t('builder.moved').replace('{0}', summary(row, i + by)).replace('{1}', i + by + 1)
                .replace('{2}', rows.length));
        }

        draw();
        return box;
    };
})();
