/*
 * Login page: posts the credentials as JSON to the API, which answers with the session cookie (HttpOnly,
 * SameSite=Strict), then goes back to the page the user came from. Only same-site paths are followed, so a
 * crafted link cannot send the user elsewhere after logging in.
 */
(function () {
    'use strict';

    const form = document.getElementById('login');
    const errorBox = document.getElementById('error');

    function nextPage() {
        const next = new URLSearchParams(window.location.search).get('next');
        // A path on this server only: "/x", never "//host" or "/\host", which browsers treat as another site.
        if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')) {
            return next;
        }
        return '/';
    }

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        errorBox.hidden = true;
        document.body.dataset.state = 'loading';
        try {
            const response = await fetch('/api/auth/login', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                credentials: 'same-origin',
                body: JSON.stringify({ username: form.elements.username.value, password: form.elements.password.value })
            });
            if (response.ok) {
                window.location.assign(nextPage());
                return;
            }
            const problem = await response.json().catch(() => null);
            throw new Error(problem && problem.detail ? problem.detail : 'The server answered ' + response.status + '.');
        }
        catch (error) {
            errorBox.textContent = error.message;
            errorBox.hidden = false;
            document.body.dataset.state = 'error';
        }
    });
}());
