// Formhaus form builder (issue 10): the visual editor of a definition's `rules` (README "Rules and calculations";
// the model is forms.RuleReader / Rule / RuleCondition / RuleOperator / RuleAction). Each rule: a condition (tests of
// fields chosen by label, with every operator, in AND/OR groups nested as deep as the server allows) and its actions
// (show, hide, require, lock, hide options, set value, calculate, change label or help). The server checks the draft
// on every save; a calculation's mistake is shown under its input with a caret at the position the server names.
// Loaded before builder.js, which calls it through FormhausBuilderEditors.rules.
(function () {
    'use strict';
    var editors = window.FormhausBuilderEditors = window.FormhausBuilderEditors || {};
    var OPERATORS = ['equals', 'notEquals', 'empty', 'filled', 'contains', 'greater', 'less', 'between', 'oneOf'];
    var ACTIONS = ['show', 'hide', 'require', 'lock', 'hideOptions', 'setValue', 'calculate', 'setLabel', 'setHelp'];
    var MAX_DEPTH = 8; // forms.RuleReader.MAX_DEPTH
    var CHOICE = ['select', 'radio', 'checkboxes'];

    /** Shows, under each calculation, where the server found its mistake ("at 9: ..." is 1-based). */
    function showCarets(problems) {
        Array.prototype.forEach.call(document.querySelectorAll('pre.expression-caret'), function (pre) {
            var problem = (problems || []).filter(function (p) { return p.place === pre.dataset.caretFor; })[0];
            var m = problem && /^at (\d+):/.exec(problem.message);
            var input = document.querySelector('input[data-place="' + pre.dataset.caretFor + '"]');
            if (!m || !input) { pre.hidden = true; pre.textContent = ''; return; }
            var at = Math.max(1, Math.min(Number(m[1]), input.value.length + 1));
            pre.textContent = input.value + '\n' + new Array(at).join(' ') + '^ ' + problem.message;
            pre.hidden = false;
        });
    }
    var builderRoot = document.getElementById('builder');
    if (builderRoot) { builderRoot.addEventListener('fh-problems', function (event) { showCarets(event.detail); }); }

    editors.rules = function (ctx) {
        var kit = ctx.kit, el = kit.el, t = kit.t;
        var rules = Array.isArray(ctx.value) ? ctx.value.filter(function (r) { return r && typeof r === 'object'; }) : [];
        var box = el('div', {class: 'rules-editor', role: 'group', 'aria-labelledby': ctx.labelledBy, tabindex: '-1'});
        var uid = 0;

        function store() { ctx.set(rules.length ? rules : undefined); }
        function changed(focusKey) { store(); draw(focusKey); }
        function named() { return kit.fields().filter(function (f) { return f.name; }); }
        function byName(name) { return named().filter(function (f) { return f.name === name; })[0]; }
        function optionsOf(f) {
            return f && Array.isArray(f.options) ? f.options.map(function (o) {
                return typeof o === 'string' ? {value: o, label: o} : {value: o.value, label: o.label || o.value};
            }) : [];
        }
        function title(f) { return kit.fieldTitle(f) + ' (' + f.name + ')'; }
        function hasValue(f) { return kit.NO_VALUE.indexOf(f.type) < 0 && f.type !== 'file'; }

        /** A labelled control in its own .setting, so that a problem at its place appears right under it. */
        function control(text, input, place, key, extraClass) {
            var id = ctx.id + '-c' + (++uid);
            input.id = id;
            if (place) { input.dataset.place = place; }
            if (key) { input.dataset.focusKey = key; }
            input.setAttribute('aria-describedby', id + '-problem');
            return el('div', {class: 'setting rule-control' + (extraClass ? ' ' + extraClass : '')}, [
                el('label', {for: id, text: text}), input, el('p', {class: 'problem', id: id + '-problem'})]);
        }
        function select(choices, value, onchange) {
            var known = choices.some(function (c) { return c[0] === String(value); });
            if (value !== undefined && value !== null && value !== '' && !known) {
                choices = [[String(value), String(value)]].concat(choices); // as the JSON has it, not hidden by a default
            }
            var s = el('select', {}, choices.map(function (c) { return el('option', {value: c[0], text: c[1]}); }));
            s.value = value === undefined || value === null ? '' : String(value);
            s.addEventListener('change', function () { onchange(s.value); });
            return s;
        }
        function text(value, onchange, type) {
            var i = el('input', {type: type || 'text', value: value === undefined || value === null ? '' : String(value),
                step: type === 'number' ? 'any' : null});
            i.addEventListener('change', function () { onchange(i.value); });
            return i;
        }
        function button(label, cls, key, onclick, aria) {
            var b = el('button', {type: 'button', class: 'small ' + cls, text: label, 'aria-label': aria || null,
                onclick: onclick});
            if (key) { b.dataset.focusKey = key; }
            return b;
        }
        function fieldChoices(list) {
            return [['', t('builder.rules.chooseField')]].concat(list.map(function (f) { return [f.name, title(f)]; }));
        }

        // ---- conditions ----
        function operatorOf(test) { return OPERATORS.filter(function (op) { return test[op] !== undefined; })[0] || 'equals'; }

        /** A fresh operand for {@code op} on field {@code f}. */
        function defaultOperand(op, f) {
            var first = optionsOf(f)[0];
            if (op === 'empty' || op === 'filled') { return true; }
            if (op === 'greater' || op === 'less') { return 0; }
            if (op === 'between') { return [0, 100]; }
            if (op === 'oneOf') { return first ? [first.value] : ['']; }
            if (op === 'contains') { return f && f.type === 'checkboxes' && first ? first.value : ''; }
            return first && op !== 'contains' ? first.value : (f && f.type === 'consent' ? 'yes' : '');
        }

        function setOperator(test, op) {
            OPERATORS.forEach(function (o) { delete test[o]; });
            test[op] = defaultOperand(op, byName(test.field));
        }

        function testEditor(test, place, key, onRemove) {
            var op = operatorOf(test);
            var source = byName(test.field);
            var row = el('div', {class: 'rule-test inline'});
            row.appendChild(control(t('builder.rules.field'), select(fieldChoices(named().filter(hasValue)), test.field,
                function (v) {
                    test.field = v;
                    setOperator(test, operatorOf(test));
                    changed(key + '.field');
                }), place + '.field', key + '.field'));
            row.appendChild(control(t('builder.rules.operator'), select(OPERATORS.map(function (o) {
                return [o, t('builder.rules.op.' + o)];
            }), op, function (v) { setOperator(test, v); changed(key + '.op'); }), place + '.' + op, key + '.op'));
            var options = optionsOf(source);
            var at = place + '.' + op;
            if (op === 'between') {
                var ends = Array.isArray(test.between) ? test.between : [0, 100];
                row.appendChild(control(t('builder.rules.low'), text(ends[0], function (v) {
                    test.between = [Number(v), Array.isArray(test.between) ? test.between[1] : 100]; store();
                }, 'number'), at, key + '.low'));
                row.appendChild(control(t('builder.rules.high'), text(ends[1], function (v) {
                    test.between = [Array.isArray(test.between) ? test.between[0] : 0, Number(v)]; store();
                }, 'number'), null, key + '.high'));
            } else if (op === 'greater' || op === 'less') {
                row.appendChild(control(t('builder.rules.value'), text(test[op], function (v) {
                    test[op] = v === '' ? '' : Number(v); store();
                }, 'number'), at, key + '.value'));
            } else if (op === 'oneOf' && options.length) {
                var chosen = Array.isArray(test.oneOf) ? test.oneOf : [];
                var boxes = el('fieldset', {class: 'rule-values', 'data-place': at},
                    [el('legend', {text: t('builder.rules.value')})].concat(options.map(function (o) {
                        var c = el('input', {type: 'checkbox', value: o.value, checked: chosen.indexOf(o.value) >= 0,
                            onchange: function () {
                                test.oneOf = Array.prototype.filter.call(boxes.querySelectorAll('input'), function (x) {
                                    return x.checked;
                                }).map(function (x) { return x.value; });
                                store();
                            }});
                        return el('label', {class: 'inline-label'}, [c, ' ' + o.label + ' ']);
                    })));
                row.appendChild(el('div', {class: 'setting rule-control'}, [boxes, el('p', {class: 'problem'})]));
            } else if (op === 'oneOf') {
                row.appendChild(control(t('builder.rules.values'), text((test.oneOf || []).join(', '), function (v) {
                    test.oneOf = v.split(',').map(function (s) { return s.trim(); }).filter(Boolean); store();
                }), at, key + '.value'));
            } else if (op !== 'empty' && op !== 'filled') {
                var input = options.length && op !== 'contains' || (source && source.type === 'checkboxes')
                    ? select(options.map(function (o) { return [o.value, o.label]; }), test[op], function (v) { test[op] = v; store(); })
                    : text(test[op], function (v) { test[op] = v; store(); });
                row.appendChild(control(t('builder.rules.value'), input, at, key + '.value'));
            }
            row.appendChild(button('✕', 'rule-remove-test', null, onRemove, t('builder.rules.removeCondition')));
            return row;
        }

        /**
         * A group's members; {@code group} is {all: [...]} or {any: [...]}. {@code persist} writes the rule's condition
         * back; {@code single}: the group is the rule's root stored as its one test (its member's place is the root's).
         */
        function groupEditor(group, place, key, depth, onRemove, persist, single) {
            var mode = group.any ? 'any' : 'all';
            var list = group[mode];
            var fieldset = el('fieldset', {class: 'rule-group'}, [el('legend', {text: t('builder.rules.group.' + mode)})]);
            if (onRemove || list.length > 1) {
                fieldset.appendChild(control(t('builder.rules.group.mode'), select([['all', t('builder.rules.group.all')],
                    ['any', t('builder.rules.group.any')]], mode, function (v) {
                    group[v] = list;
                    delete group[v === 'all' ? 'any' : 'all'];
                    persist();
                    draw(key + '.mode');
                }), single ? null : place, key + '.mode'));
            }
            list.forEach(function (c, i) {
                var childPlace = single ? place : place + '.' + mode + '[' + i + ']';
                var childKey = key + '.' + i;
                var remove = function () { list.splice(i, 1); persist(); draw(key + '.add'); };
                fieldset.appendChild(c && (c.all || c.any)
                    ? groupEditor(c, childPlace, childKey, depth + 1, remove, persist, false)
                    : testEditor(c, childPlace, childKey, remove));
            });
            var first = named().filter(hasValue)[0];
            fieldset.appendChild(el('p', {class: 'inline'}, [
                button('+ ' + t('builder.rules.addCondition'), 'rule-add-test', key + '.add', function () {
                    var test = {field: first ? first.name : ''};
                    setOperator(test, 'equals');
                    list.push(test);
                    persist();
                    draw(key + '.' + (list.length - 1) + '.field');
                }),
                depth + 1 < MAX_DEPTH ? button('+ ' + t('builder.rules.addGroup'), 'rule-add-group', null, function () {
                    var test = {field: first ? first.name : ''};
                    setOperator(test, 'equals');
                    list.push({any: [test]});
                    persist();
                    draw(key + '.' + (list.length - 1) + '.0.field');
                }) : null,
                onRemove ? button('✕ ' + t('builder.rules.removeGroup'), 'rule-remove-group', null, onRemove) : null]));
            return fieldset;
        }

        /** The rule's condition, shown as a group; stored as the single test when it is one test under "all". */
        function whenEditor(rule, i) {
            var root = rule.when && (rule.when.all || rule.when.any) ? rule.when : {all: rule.when ? [rule.when] : []};
            var section = el('div', {class: 'rule-when'}, [el('p', {class: 'rule-part', text: t('builder.rules.when')})]);
            function persist() {
                var list = root.any || root.all;
                if (!list.length) {
                    delete rule.when;
                } else if (list.length === 1 && root.all && !(list[0].all || list[0].any)) {
                    rule.when = list[0];
                } else {
                    rule.when = root;
                }
                var then = rule.then; // keep "when" before "then", as one reads a rule
                delete rule.then;
                rule.then = then;
                store();
            }
            if (!(root.all || root.any).length) {
                section.appendChild(el('p', {class: 'hint', text: t('builder.rules.always')}));
            }
            section.appendChild(groupEditor(root, 'rules[' + i + '].when', 'r' + i + '.when', 0, null, persist,
                !!rule.when && rule.when !== root));
            return section;
        }

        // ---- actions ----
        function targets(kind) {
            return named().filter(function (f) {
                switch (kind) {
                    case 'show': case 'hide': return f.type !== 'break';
                    case 'require': return hasValue(f) && f.type !== 'hidden' || f.type === 'file';
                    case 'lock': case 'setValue': return hasValue(f) && f.type !== 'range';
                    case 'calculate': return hasValue(f) && f.type !== 'range' && CHOICE.indexOf(f.type) < 0;
                    case 'hideOptions': return CHOICE.indexOf(f.type) >= 0 && f.optionsFrom !== 'onoffice';
                    default: return f.type !== 'hidden';
                }
            });
        }

        function actionEditor(rule, action, i, j) {
            var place = 'rules[' + i + '].then[' + j + ']';
            var key = 'r' + i + '.a' + j;
            var target = byName(action.field);
            var fieldset = el('fieldset', {class: 'rule-action'}, [
                el('legend', {text: t('builder.rules.action.n').replace('{0}', j + 1)})]);
            var row = el('div', {class: 'inline'});
            fieldset.appendChild(row);
            row.appendChild(control(t('builder.rules.action'), select(ACTIONS.map(function (a) {
                return [a, t('builder.rules.act.' + a)];
            }), action.action, function (v) {
                var field = action.field;
                Object.keys(action).forEach(function (k) { delete action[k]; });
                action.action = v; // a fresh action: its keys in the order the README shows them
                action.field = field;
                if (action.field && targets(v).map(function (f) { return f.name; }).indexOf(action.field) < 0) { action.field = ''; }
                if (v === 'hideOptions') { action.options = []; }
                if (v === 'setValue') { action.value = ''; }
                if (v === 'calculate') { action.expression = ''; }
                if (v === 'setLabel' || v === 'setHelp') { action.text = ''; }
                changed(key + '.action');
            }), place + '.action', key + '.action'));
            row.appendChild(control(t('builder.rules.target'), select(fieldChoices(targets(action.action)), action.field,
                function (v) {
                    action.field = v;
                    if (action.action === 'hideOptions') { action.options = []; }
                    if (action.action === 'setValue') { action.value = ''; }
                    changed(key + '.field');
                }), place + '.field', key + '.field'));
            var options = optionsOf(target);
            if (action.action === 'hideOptions') {
                var chosen = Array.isArray(action.options) ? action.options : [];
                var boxes = el('fieldset', {class: 'rule-values', 'data-place': place + '.options'},
                    [el('legend', {text: t('builder.rules.options')})].concat(options.map(function (o) {
                        return el('label', {class: 'inline-label'}, [el('input', {type: 'checkbox', value: o.value,
                            checked: chosen.indexOf(o.value) >= 0, onchange: function () {
                                action.options = Array.prototype.filter.call(boxes.querySelectorAll('input'), function (x) {
                                    return x.checked;
                                }).map(function (x) { return x.value; });
                                store();
                            }}), ' ' + o.label + ' ']);
                    })));
                fieldset.appendChild(el('div', {class: 'setting rule-control'}, [boxes, el('p', {class: 'problem'})]));
            } else if (action.action === 'setValue') {
                var input = options.length && target.type !== 'checkboxes'
                    ? select([['', t('builder.rules.empty')]].concat(options.map(function (o) { return [o.value, o.label]; })),
                        action.value, function (v) { action.value = v; store(); })
                    : text(action.value, function (v) { action.value = v; store(); });
                fieldset.appendChild(control(t('builder.rules.value'), input, place + '.value', key + '.value'));
            } else if (action.action === 'calculate') {
                fieldset.appendChild(calculation(action, place, key));
            } else if (action.action === 'setLabel' || action.action === 'setHelp') {
                fieldset.appendChild(control(t('builder.rules.text'), text(action.text, function (v) {
                    action.text = v; store();
                }), place + '.text', key + '.text', 'wide'));
            }
            fieldset.appendChild(button('✕ ' + t('builder.rules.removeAction'), 'rule-remove-action', null, function () {
                rule.then.splice(j, 1);
                changed('r' + i + '.addAction');
            }));
            return fieldset;
        }

        function calculation(action, place, key) {
            var wrap = el('div', {class: 'rule-calculation'});
            var expression = text(action.expression, function (v) { action.expression = v; store(); });
            expression.setAttribute('spellcheck', 'false');
            expression.classList.add('code');
            var hintId = ctx.id + '-h' + (++uid);
            wrap.appendChild(control(t('builder.rules.expression'), expression, place + '.expression',
                key + '.expression', 'wide'));
            expression.setAttribute('aria-describedby', expression.getAttribute('aria-describedby') + ' ' + hintId);
            wrap.appendChild(el('p', {class: 'hint', id: hintId, text: t('builder.rules.expression.hint')}));
            wrap.appendChild(el('pre', {class: 'expression-caret', 'data-caret-for': place + '.expression', hidden: true,
                'aria-hidden': 'true'}));
            var numbers = named().filter(function (f) { return hasValue(f) && f.name !== action.field && f.type !== 'file'; });
            var insert = select([['', t('builder.rules.chooseField')]].concat(numbers.map(function (f) {
                return [f.name, title(f)];
            })), '', function (v) {
                if (!v) { return; }
                var at = expression.selectionStart === null ? expression.value.length : expression.selectionStart;
                var before = expression.value.substring(0, at);
                var glue = before && !/[\s(]$/.test(before) ? ' ' : '';
                expression.value = before + glue + v + expression.value.substring(at);
                action.expression = expression.value;
                insert.value = '';
                store();
                expression.focus();
            });
            var decimals = text(action.decimals === undefined ? '' : action.decimals, function (v) {
                if (v === '') { delete action.decimals; } else { action.decimals = Number(v); }
                store();
            }, 'number');
            decimals.setAttribute('min', '0');
            decimals.setAttribute('max', '10');
            decimals.setAttribute('placeholder', '2');
            wrap.appendChild(el('div', {class: 'inline'}, [
                control(t('builder.rules.insertField'), insert, null, key + '.insert'),
                control(t('builder.rules.decimals'), decimals, place + '.decimals', key + '.decimals')]));
            return wrap;
        }

        // ---- rules ----
        function ruleEditor(rule, i) {
            if (!Array.isArray(rule.then)) { rule.then = []; }
            var name = t('builder.rules.rule').replace('{0}', i + 1);
            var fieldset = el('fieldset', {class: 'rule', 'data-rule': i, 'data-place': 'rules[' + i + ']'},
                [el('legend', {text: name})]);
            fieldset.appendChild(whenEditor(rule, i));
            var then = el('div', {class: 'rule-then'}, [el('p', {class: 'rule-part', text: t('builder.rules.then')})]);
            rule.then.forEach(function (action, j) {
                if (action && typeof action === 'object') { then.appendChild(actionEditor(rule, action, i, j)); }
            });
            then.appendChild(button('+ ' + t('builder.rules.addAction'), 'rule-add-action', 'r' + i + '.addAction', function () {
                rule.then.push({action: 'show', field: ''});
                changed('r' + i + '.a' + (rule.then.length - 1) + '.action');
            }));
            fieldset.appendChild(then);
            fieldset.appendChild(el('p', {class: 'inline'}, [
                button('↑', 'rule-up', 'r' + i + '.up', function () { move(i, -1); }, t('builder.rules.up') + ': ' + name),
                button('↓', 'rule-down', 'r' + i + '.down', function () { move(i, 1); }, t('builder.rules.down') + ': ' + name),
                button('✕ ' + t('builder.rules.remove'), 'rule-remove', null, function () {
                    rules.splice(i, 1);
                    changed('add');
                    kit.announce(t('builder.removed').replace('{0}', name));
                }, t('builder.rules.remove') + ': ' + name)]));
            fieldset.querySelector('.rule-up').disabled = i === 0;
            fieldset.querySelector('.rule-down').disabled = i === rules.length - 1;
            return fieldset;
        }

        function move(i, by) {
            var rule = rules.splice(i, 1)[0];
            rules.splice(i + by, 0, rule);
            changed('r' + (i + by) + (by < 0 ? '.up' : '.down'));
            kit.announce(t('builder.moved').replace('{0}', t('builder.rules.rule').replace('{0}', i + 1))
                .replace('{1}', i + by + 1).replace('{2}', rules.length));
        }

        function draw(focusKey) {
            box.textContent = '';
            uid = 0;
            if (!rules.length) { box.appendChild(el('p', {class: 'hint', text: t('builder.rules.none')})); }
            rules.forEach(function (rule, i) { box.appendChild(ruleEditor(rule, i)); });
            var add = button('+ ' + t('builder.rules.add'), 'rule-add', 'add', function () {
                var first = named().filter(function (f) { return f.type !== 'break'; })[0];
                rules.push({then: [{action: 'show', field: first ? first.name : ''}]});
                changed('r' + (rules.length - 1) + '.when.add');
            });
            add.classList.remove('small');
            box.appendChild(add);
            if (focusKey) {
                var target = box.querySelector('[data-focus-key="' + focusKey + '"]');
                if (target && target.disabled) { target = target.closest('fieldset').querySelector('button:not([disabled])'); }
                if (target) { target.focus(); }
            }
            showCarets(kit.problems());
        }

        draw();
        return box;
    };
})();
