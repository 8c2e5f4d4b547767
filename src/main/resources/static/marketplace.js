// onOffice Marketplace activation page: the unlock button stays disabled until the privacy policy is accepted; the
// unlock answer ("active") is handed to the enclosing onOffice window, as onOffice's reference iFrame does.
(function () {
    'use strict';
    var form = document.getElementById('unlock-form');
    if (!form) { return; }
    var privacy = document.getElementById('privacy');
    var button = document.getElementById('unlock');
    var error = document.getElementById('unlock-error');
    privacy.addEventListener('change', function () { button.disabled = !privacy.checked; });
    button.disabled = !privacy.checked;

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        if (!privacy.checked) { return; }
        button.disabled = true;
        error.textContent = '';
        var body = new URLSearchParams();
        body.append('state', form.elements.state.value);
        body.append('secret', form.elements.secret.value.trim());
        fetch(form.getAttribute('action'), {method: 'POST', body: body, credentials: 'same-origin'})
            .then(function (response) {
                return response.text().then(function (text) { return {ok: response.ok, text: text}; });
            })
            .then(function (result) {
                if (result.ok && result.text === 'active') {
                    form.hidden = true;
                    var done = document.getElementById('unlock-done');
                    done.textContent = form.dataset.activeText;
                    done.hidden = false;
                    window.parent.postMessage(result.text, '*');
                } else {
                    error.textContent = result.text;
                    button.disabled = !privacy.checked;
                }
            }, function () {
                error.textContent = 'Network error';
                button.disabled = !privacy.checked;
            });
    });
})();
