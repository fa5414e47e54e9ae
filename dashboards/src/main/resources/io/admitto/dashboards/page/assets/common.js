/*
 * What every dashboard page shares, as window.Admitto:
 *  - the navigation and the filter bar (date range with presets, facility, department, payer, auto-refresh,
 *    TV mode), all of it kept in the URL so a link shows the same view;
 *  - fetch with the session cookie (401 -> the login page; the CSRF token on unsafe methods) and problem
 *    documents (RFC 9457) turned into readable errors;
 *  - chart cards: an ECharts instance with CSV export of the data it shows, PNG export (getDataURL) and
 *    full screen;
 *  - the page state for people and tests: body[data-state] is loading, ready or error, and
 *    body[data-render-ms] is performance.now() when every chart of the first load had finished rendering.
 * Data from the API is only ever written as text (textContent), never as HTML.
 */
(function () {
    'use strict';

    const PAGES = [
        { path: '/leadership', label: 'Leadership' },
        { path: '/queue', label: 'QA work queue', role: 'qa_reviewer' },
        { path: '/denials', label: 'Denials' },
        { path: '/wait-times', label: 'Wait times' },
        { path: '/scorecards', label: 'Registrar scorecards' },
        { path: '/', label: 'Registration volume' }
    ];
    const REPORT_FILTERS = ['from', 'to', 'facility', 'department', 'payer'];
    const DEPARTMENTS = [['ED', 'Emergency'], ['IMG', 'Imaging'], ['SURG', 'Surgery'], ['INPT', 'Inpatient'], ['CLIN', 'Clinics']];
    const PRESETS = [['', 'Custom'], ['7', 'Last 7 days of data'], ['30', 'Last 30 days of data'], ['90', 'Last 90 days of data'], ['all', 'All dates']];
    const REFRESH = [['', 'Off'], ['1', 'Every minute'], ['5', 'Every 5 minutes'], ['15', 'Every 15 minutes']];
    const CODE_PATTERN = '[A-Za-z0-9_\\-]{1,32}';
    const DAY_MS = 24 * 60 * 60 * 1000;

    const numbers = new Intl.NumberFormat('en-US');
    const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
    const utcTime = new Intl.DateTimeFormat('en-GB', {
        day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC'
    });

    /** A refused or failed API call; message is the problem document's detail when there is one. */
    class ApiError extends Error {
        constructor(status, message, headers) {
            super(message);
            this.status = status;
            this.headers = headers;
        }
    }

    /** Creates an element: el('button', {type: 'button', class: 'x'}, 'text', child). Attributes and text only, never HTML. */
    function el(tag, attributes, ...children) {
        const element = document.createElement(tag);
        for (const [name, value] of Object.entries(attributes || {})) {
            if (value === false || value === null || value === undefined) {
                continue;
            }
            element.setAttribute(name, value === true ? '' : String(value));
        }
        for (const child of children) {
            if (child !== null && child !== undefined) {
                element.append(child instanceof Node ? child : String(child));
            }
        }
        return element;
    }

    function loginRedirect() {
        window.location.assign('/login?next=' + encodeURIComponent(window.location.pathname + window.location.search));
        // Never settles: the page is being replaced.
        return new Promise(() => {});
    }

    async function send(method, path, body, headers) {
        const init = { method, credentials: 'same-origin', headers: Object.assign({ Accept: 'application/json' }, headers || {}) };
        if (body !== undefined) {
            init.headers['Content-Type'] = 'application/json';
            init.body = JSON.stringify(body);
        }
        if (method !== 'GET') {
            const me = await session();
            if (me.csrfToken) {
                init.headers['X-CSRF-Token'] = me.csrfToken;
            }
        }
        const response = await fetch(path, init);
        if (response.status === 401) {
            return loginRedirect();
        }
        const json = await response.json().catch(() => null);
        if (!response.ok) {
            throw new ApiError(response.status, json && json.detail ? json.detail : 'The server answered ' + response.status + '.', response.headers);
        }
        return { body: json, headers: response.headers };
    }

    async function getJson(path) {
        return (await send('GET', path)).body;
    }

    let sessionPromise = null;

    /** The signed-in user ({user, roles, csrfToken}), asked once per page. */
    function session() {
        if (sessionPromise === null) {
            sessionPromise = fetch('/api/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
                .then((response) => (response.status === 401 ? loginRedirect() : response.json()));
        }
        return sessionPromise;
    }

    function hasRole(me, role) {
        return Array.isArray(me.roles) && me.roles.includes(role);
    }

    const format = {
        number: (value) => (value === null || value === undefined ? '–' : numbers.format(value)),
        dollars: (value) => (value === null || value === undefined ? '–' : dollars.format(value)),
        percent: (value, digits) => (value === null || value === undefined ? '–' : (value * 100).toFixed(digits === undefined ? 1 : digits) + ' %'),
        minutes: (seconds) => (seconds === null || seconds === undefined ? '–' : (seconds / 60).toFixed(1) + ' min'),
        utc: (instant) => utcTime.format(new Date(instant)) + ' UTC',
        department: (code) => {
            const known = DEPARTMENTS.find(([id]) => id === code);
            return known ? known[1] + ' (' + code + ')' : code;
        }
    };

    function isoDay(date) {
        return date.toISOString().slice(0, 10);
    }

    function csvField(value) {
        const text = value === null || value === undefined ? '' : String(value);
        return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
    }

    /** RFC 4180 text: a header line, then one line per row, CRLF-terminated. */
    function toCsv(table) {
        return [table.columns].concat(table.rows).map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
    }

    function download(filename, href) {
        const link = el('a', { href, download: filename, hidden: true });
        document.body.append(link);
        link.click();
        link.remove();
    }

    /**
     * A chart card: <section class="card"> holding an <h2>, a .chart element with the given id and an
     * optional .empty-state. The card gets CSV, PNG and full-screen buttons.
     */
    class ChartCard {
        constructor(id) {
            this.id = id;
            this.element = document.getElementById(id);
            this.card = this.element.closest('.card');
            this.title = this.card.querySelector('h2').textContent.trim();
            this.empty = this.card.querySelector('.empty-state');
            this.table = { columns: [], rows: [] };
            this.instance = echarts.init(this.element, null, { renderer: 'canvas' });
            new ResizeObserver(() => this.instance.resize()).observe(this.element);
            this.addTools();
        }

        addTools() {
            const tools = el('div', { class: 'card-tools', role: 'group', 'aria-label': this.title + ': export and view' });
            const csv = el('button', { type: 'button', 'data-export': 'csv', 'aria-label': 'Download the data of ' + this.title + ' as CSV' }, 'CSV');
            const png = el('button', { type: 'button', 'data-export': 'png', 'aria-label': 'Download ' + this.title + ' as a PNG image' }, 'PNG');
            const full = el('button', { type: 'button', 'data-view': 'fullscreen', 'aria-label': 'Show ' + this.title + ' full screen' }, 'Full screen');
            csv.addEventListener('click', () => this.downloadCsv());
            png.addEventListener('click', () => this.downloadPng());
            full.addEventListener('click', () => toggleFullscreen(this.card));
            tools.append(csv, png, full);
            this.card.querySelector('h2').after(tools);
        }

        /** File names carry the chart and the filters, so exports of two views do not overwrite each other. */
        fileName(extension) {
            const filters = new URLSearchParams(window.location.search);
            filters.delete('refresh');
            filters.delete('tv');
            const suffix = filters.toString().replace(/[^A-Za-z0-9_=-]+/g, '_');
            return this.id + (suffix ? '_' + suffix : '') + '.' + extension;
        }

        downloadCsv() {
            const url = URL.createObjectURL(new Blob([toCsv(this.table)], { type: 'text/csv;charset=utf-8' }));
            download(this.fileName('csv'), url);
            setTimeout(() => URL.revokeObjectURL(url), 60000);
        }

        downloadPng() {
            download(this.fileName('png'), this.instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }));
        }

        /**
         * Draws the option; table ({columns, rows}) is what the CSV export gives: the data the chart shows.
         * Resolves once ECharts has finished rendering (animations included).
         */
        show(option, table) {
            this.table = table;
            const hasData = table.rows.length > 0;
            if (this.empty) {
                this.empty.hidden = hasData;
            }
            this.card.classList.toggle('is-empty', !hasData);
            return new Promise((resolve) => {
                this.instance.off('finished');
                this.instance.on('finished', () => {
                    this.instance.off('finished');
                    resolve();
                });
                // No animation: a wall board or a reviewer wants the figures at once, and 'finished' comes sooner.
                this.instance.setOption(Object.assign({ animation: false, aria: { enabled: true } }, option), true);
            });
        }
    }

    function toggleFullscreen(element) {
        if (document.fullscreenElement) {
            document.exitFullscreen();
        } else if (element.requestFullscreen) {
            element.requestFullscreen().catch(() => {});
        }
    }

    function departmentSelect(name, id) {
        const select = el('select', { id, name });
        select.append(el('option', { value: '' }, 'All departments'));
        for (const [code, label] of DEPARTMENTS) {
            select.append(el('option', { value: code }, label + ' (' + code + ')'));
        }
        return select;
    }

    function optionsSelect(name, id, options) {
        const select = el('select', { id, name });
        for (const [value, label] of options) {
            select.append(el('option', { value }, label));
        }
        return select;
    }

    function field(label, control) {
        return el('label', { for: control.id }, label, control);
    }

    function buildNavigation(nav) {
        const list = el('ul');
        for (const page of PAGES) {
            const link = el('a', { href: page.path, 'data-role': page.role || null }, page.label);
            if (page.path === window.location.pathname) {
                link.setAttribute('aria-current', 'page');
            }
            list.append(el('li', { 'data-role': page.role || null }, link));
        }
        nav.append(list);
    }

    function buildFilterBar(form, filters) {
        form.classList.add('filters');
        form.setAttribute('aria-label', 'Report filters');
        form.append(field('Period', optionsSelect('preset', 'filter-preset', PRESETS)));
        form.append(field('From', el('input', { type: 'date', id: 'filter-from', name: 'from' })));
        form.append(field('To', el('input', { type: 'date', id: 'filter-to', name: 'to' })));
        const code = (name, label, placeholder) => field(label, el('input', {
            type: 'text', id: 'filter-' + name, name, placeholder, maxlength: 32, pattern: CODE_PATTERN, autocomplete: 'off',
            title: label + ' code: letters, digits, \'_\' or \'-\''
        }));
        form.append(code('facility', 'Facility', 'All facilities'));
        form.append(field('Department', departmentSelect('department', 'filter-department')));
        if (filters.includes('payer')) {
            form.append(code('payer', 'Payer', 'All payers'));
        }
        form.append(field('Auto-refresh', optionsSelect('refresh', 'filter-refresh', REFRESH)));
        form.append(el('button', { type: 'submit' }, 'Apply'));
        form.append(el('button', { type: 'button', id: 'tv-mode', class: 'secondary', 'aria-pressed': 'false' }, 'TV mode'));
    }

    /**
     * Starts a page. spec: {
     *   filters: report filters the page's endpoints take (subset of from, to, facility, department, payer),
     *   params: page-specific URL parameters (drill-down, sort, page …) with their defaults,
     *   freshness: tables whose newest event time is the "data as of" stamp,
     *   render: async (view) => { … } draws the page; resolves when its charts have finished
     * }
     */
    function start(spec) {
        const filters = spec.filters || REPORT_FILTERS;
        const params = spec.params || {};
        const form = document.getElementById('filters');
        const errorBox = document.getElementById('error');
        const asOf = document.getElementById('data-as-of');
        buildNavigation(document.getElementById('site-nav'));
        buildFilterBar(form, filters);
        const cards = new Map();
        let refreshTimer = null;
        let loads = 0;
        let anchorDay = null;
        let freshness = null;

        function currentUrlParams() {
            return new URLSearchParams(window.location.search);
        }

        function readForm() {
            const url = currentUrlParams();
            for (const name of filters.concat(['refresh'])) {
                form.elements[name].value = url.get(name) || '';
            }
            form.elements.preset.value = '';
            document.body.classList.toggle('tv-mode', url.get('tv') === '1');
            document.getElementById('tv-mode').setAttribute('aria-pressed', String(url.get('tv') === '1'));
        }

        function param(name) {
            const value = currentUrlParams().get(name);
            return value === null || value === '' ? (params[name] === undefined ? '' : params[name]) : value;
        }

        /** Sets page parameters (null removes one), keeps the rest of the URL, records it in history and reloads. */
        function navigate(changes) {
            const url = currentUrlParams();
            for (const [name, value] of Object.entries(changes)) {
                if (value === null || value === undefined || value === '') {
                    url.delete(name);
                } else {
                    url.set(name, value);
                }
            }
            const query = url.toString();
            window.history.pushState(null, '', query === '' ? window.location.pathname : '?' + query);
            readForm();
            scheduleRefresh();
            return load();
        }

        /** The query string of the current filters for an endpoint: only the filters it takes, plus extra parameters. */
        function query(names, extra) {
            const url = currentUrlParams();
            const out = new URLSearchParams();
            for (const name of names || filters) {
                const value = url.get(name);
                if (value) {
                    out.set(name, value);
                }
            }
            for (const [name, value] of Object.entries(extra || {})) {
                if (value !== null && value !== undefined && value !== '') {
                    out.set(name, value);
                }
            }
            const text = out.toString();
            return text === '' ? '' : '?' + text;
        }

        function chart(id) {
            if (!cards.has(id)) {
                cards.set(id, new ChartCard(id));
            }
            return cards.get(id);
        }

        async function stampFreshness() {
            const tables = await freshness;
            const newest = tables
                .filter((table) => (spec.freshness || []).includes(table.table) && table.newestEventTime)
                .map((table) => table.newestEventTime)
                .sort()
                .pop();
            anchorDay = newest ? newest.slice(0, 10) : null;
            asOf.textContent = newest ? 'Data as of ' + format.utc(newest) : 'No data yet';
            asOf.dataset.asOf = newest || '';
        }

        async function load() {
            const thisLoad = ++loads;
            document.body.dataset.state = 'loading';
            errorBox.hidden = true;
            try {
                const me = await session();
                document.body.dataset.roles = (me.roles || []).join(' ');
                freshness = getJson('/api/freshness');
                await Promise.all([stampFreshness(), spec.render(view, me)]);
                if (thisLoad !== loads) {
                    return;
                }
                if (!document.body.dataset.renderMs) {
                    // performance.now() counts from navigation start: the whole first load, every chart drawn.
                    document.body.dataset.renderMs = String(Math.round(performance.now()));
                }
                document.body.dataset.state = 'ready';
            } catch (error) {
                if (thisLoad !== loads) {
                    return;
                }
                errorBox.textContent = error.message;
                errorBox.hidden = false;
                document.body.dataset.state = 'error';
            }
        }

        function scheduleRefresh() {
            if (refreshTimer !== null) {
                clearInterval(refreshTimer);
                refreshTimer = null;
            }
            const minutes = Number(currentUrlParams().get('refresh') || (currentUrlParams().get('tv') === '1' ? '5' : '0'));
            if (minutes > 0) {
                refreshTimer = setInterval(load, minutes * 60 * 1000);
            }
        }

        function applyPreset(preset) {
            if (preset === 'all') {
                form.elements.from.value = '';
                form.elements.to.value = '';
            } else if (preset !== '' && anchorDay !== null) {
                const to = new Date(anchorDay + 'T00:00:00Z');
                form.elements.to.value = isoDay(to);
                form.elements.from.value = isoDay(new Date(to.getTime() - (Number(preset) - 1) * DAY_MS));
            }
        }

        function submitForm() {
            if (!form.reportValidity()) {
                return;
            }
            const changes = {};
            for (const name of filters.concat(['refresh'])) {
                changes[name] = form.elements[name].value.trim();
            }
            // A new filter starts a list from its first page.
            if (params.page !== undefined) {
                changes.page = null;
            }
            navigate(changes);
        }

        form.addEventListener('submit', (event) => {
            event.preventDefault();
            submitForm();
        });
        form.elements.preset.addEventListener('change', () => {
            applyPreset(form.elements.preset.value);
            submitForm();
        });
        form.elements.refresh.addEventListener('change', submitForm);
        document.getElementById('tv-mode').addEventListener('click', () => {
            const on = currentUrlParams().get('tv') !== '1';
            if (on) {
                toggleFullscreen(document.documentElement);
            } else if (document.fullscreenElement) {
                document.exitFullscreen();
            }
            navigate({ tv: on ? '1' : null });
        });
        window.addEventListener('popstate', () => {
            readForm();
            scheduleRefresh();
            load();
        });

        /** The API's freshness answer of the current load: every table's newest event time. */
        const view = { query, param, navigate, chart, reload: load, el, format, freshness: () => freshness };
        readForm();
        scheduleRefresh();
        load();
        return view;
    }

    window.Admitto = { start, getJson, send, session, hasRole, el, format, ApiError, DEPARTMENTS };
}());
