// Formhaus admin UI: the few interactions that call the admin JSON API with the session's CSRF token.
// No framework; every page works without this file for reading, it is needed for saving.
(function () {
    'use strict';

    var csrfMeta = document.querySelector('meta[name="csrf-token"]');
    var csrf = csrfMeta ? csrfMeta.getAttribute('content') : '';
    var msg = document.body.dataset;

    function api(method, url, body) {
        var headers = {'X-CSRF-Token': csrf, 'Accept': 'application/json'};
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        return fetch(url, {
            method: method, headers: headers, credentials: 'same-origin',
            body: body === undefined ? undefined : JSON.stringify(body)
        }).then(function (response) {
            return response.text().then(function (text) {
                var data = null;
                try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
                return {ok: response.ok, status: response.status, data: data};
            });
        });
    }

    function errorText(result) {
        return result.data && result.data.error ? result.data.error : msg.msgFailed + ' (' + result.status + ')';
    }

    function status(text) {
        var el = document.getElementById('page-status');
        if (el) { el.textContent = text; }
    }

    /** Shows errors in the form's .errors box: one list item per "; "-separated problem. */
    function showErrors(box, text) {
        box.textContent = '';
        if (!text) { return; }
        var list = document.createElement('ul');
        text.replace(/^Invalid form definition: /, '').split('; ').forEach(function (problem) {
            var item = document.createElement('li');
            item.textContent = problem;
            list.appendChild(item);
        });
        box.appendChild(list);
    }

    // Form editor: POST (new) or PUT (existing) the JSON; errors next to the textarea.
    var editor = document.getElementById('form-editor');
    if (editor) {
        editor.addEventListener('submit', function (event) {
            event.preventDefault();
            var area = document.getElementById('definition');
            var box = document.getElementById('definition-errors');
            var definition;
            try {
                definition = JSON.parse(area.value);
            } catch (e) {
                area.setAttribute('aria-invalid', 'true');
                showErrors(box, 'JSON: ' + e.message);
                area.focus();
                return;
            }
            api(editor.dataset.method, editor.dataset.url, definition).then(function (result) {
                if (result.ok && result.data && result.data.warnings && result.data.warnings.length) {
                    // Saved and published, but it needs a right the API user lacks: say so before leaving.
                    area.removeAttribute('aria-invalid');
                    showErrors(box, result.data.warnings.join('; '));
                    status(msg.msgSaved || '');
                    return;
                }
                if (result.ok) {
                    window.location.href = editor.dataset.done;
                    return;
                }
                area.setAttribute('aria-invalid', 'true');
                showErrors(box, errorText(result));
            });
        });
    }

    // Settings forms: PUT their fields as JSON.
    Array.prototype.forEach.call(document.querySelectorAll('form.api-form'), function (form) {
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var body = {};
            if (form.id === 'onoffice-form') {
                body.url = form.elements.url.value.trim();
                body.token = form.elements.token.value.trim();
                if (form.elements.secret.value.trim() !== '') {
                    body.secret = form.elements.secret.value.trim();
                }
                body.senders = form.elements.senders.value.split(',').map(function (s) { return s.trim(); })
                    .filter(function (s) { return s !== ''; });
            } else if (form.id === 'embedding-form') {
                body.allowedOrigins = form.elements.origins.value.split(/\s+/).filter(function (s) { return s !== ''; });
            } else if (form.id === 'webhooks-form') {
                body.endpoints = form.elements.urls.value.split(/\s+/).filter(function (s) { return s !== ''; })
                    .map(function (url) { return {url: url}; });
            }
            var box = form.querySelector('.errors');
            api(form.dataset.method, form.dataset.url, body).then(function (result) {
                showErrors(box, result.ok ? '' : errorText(result));
                if (result.ok) {
                    if (form.elements.secret) { form.elements.secret.value = ''; }
                    status(msg.msgSaved);
                    if (form.id === 'webhooks-form') { window.location.reload(); } // shows the new secrets
                }
            });
        });
    });

    // Retry a failed submission.
    Array.prototype.forEach.call(document.querySelectorAll('button.retry'), function (button) {
        button.addEventListener('click', function () {
            button.disabled = true;
            api('POST', button.dataset.url).then(function (result) {
                if (result.ok) {
                    status(msg.msgRetried);
                    window.location.reload();
                } else {
                    button.disabled = false;
                    status(errorText(result));
                }
            });
        });
    });

    // API tokens: create (shown once) and revoke.
    var tokenForm = document.getElementById('token-form');
    if (tokenForm) {
        tokenForm.addEventListener('submit', function (event) {
            event.preventDefault();
            api('POST', tokenForm.dataset.url, {label: tokenForm.elements.label.value}).then(function (result) {
                var box = tokenForm.querySelector('.errors');
                showErrors(box, result.ok ? '' : errorText(result));
                if (result.ok) {
                    var panel = document.getElementById('new-token');
                    document.getElementById('new-token-value').value = result.data.token;
                    panel.hidden = false;
                    panel.focus();
                }
            });
        });
    }
    Array.prototype.forEach.call(document.querySelectorAll('button.revoke'), function (button) {
        button.addEventListener('click', function () {
            if (!window.confirm(msg.msgConfirmRevoke)) { return; }
            api('DELETE', button.dataset.url).then(function (result) {
                if (result.ok) {
                    var row = button.closest('tr');
                    row.parentNode.removeChild(row);
                    status(msg.msgSaved);
                } else {
                    status(errorText(result));
                }
            });
        });
    });

    // Copy buttons for embed snippets and new tokens.
    Array.prototype.forEach.call(document.querySelectorAll('button.copy'), function (button) {
        button.addEventListener('click', function () {
            var field = document.getElementById(button.dataset.target);
            field.select();
            var done = function () { status(msg.msgCopied); };
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand('copy'); done(); });
            } else {
                document.execCommand('copy');
                done();
            }
        });
    });

    var result = document.getElementById('check-result');
    if (result) { result.focus(); }
})();
