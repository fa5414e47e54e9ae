/*
 * Overview page: reads the filters from the URL, fetches the KPI figures and the server-built ECharts
 * option from the API, and draws them. All data arrives as JSON from the API and is written into the page
 * as text, never as HTML. document.body.dataset.state tells tests and tools where the page is:
 * loading, ready, empty or error.
 */
(function () {
    'use strict';

    const FILTERS = ['from', 'to', 'facility', 'department'];

    const form = document.getElementById('filters');
    const chartElement = document.getElementById('registration-volume-chart');
    const emptyState = document.getElementById('empty-state');
    const errorBox = document.getElementById('error');
    const asOf = document.getElementById('data-as-of');
    const kpiTotal = document.getElementById('kpi-total');
    const kpiBusiest = document.getElementById('kpi-busiest');
    const kpiDepartments = document.getElementById('kpi-departments');

    const chart = echarts.init(chartElement, null, { renderer: 'canvas' });
    window.addEventListener('resize', () => chart.resize());

    const numbers = new Intl.NumberFormat('en-US');
    const utcTime = new Intl.DateTimeFormat('en-GB', {
        day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC'
    });

    function setState(state) {
        document.body.dataset.state = state;
    }

    function readFiltersFromUrl() {
        const params = new URLSearchParams(window.location.search);
        for (const name of FILTERS) {
            if (params.has(name)) {
                form.elements[name].value = params.get(name);
            }
        }
    }

    function filterQuery() {
        const params = new URLSearchParams();
        for (const name of FILTERS) {
            const value = form.elements[name].value.trim();
            if (value !== '') {
                params.set(name, value);
            }
        }
        const query = params.toString();
        return query === '' ? '' : '?' + query;
    }

    async function getJson(path) {
        const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (response.status === 401) {
            // The session ended: log in again and come back to this view.
            window.location.assign('/login?next=' + encodeURIComponent(window.location.pathname + window.location.search));
            return new Promise(() => {});
        }
        const body = await response.json().catch(() => null);
        if (!response.ok) {
            // Problem documents (RFC 9457) say what was wrong in "detail".
            throw new Error(body && body.detail ? body.detail : 'The server answered ' + response.status + '.');
        }
        return body;
    }

    function busiestDepartment(byDepartment) {
        const totals = new Map();
        for (const row of byDepartment) {
            totals.set(row.department, (totals.get(row.department) || 0) + row.registrations);
        }
        let busiest = null;
        for (const [department, registrations] of totals) {
            if (busiest === null || registrations > busiest.registrations) {
                busiest = { department, registrations };
            }
        }
        return { busiest, count: totals.size };
    }

    function showFigures(kpi) {
        kpiTotal.textContent = numbers.format(kpi.totalRegistrations);
        const { busiest, count } = busiestDepartment(kpi.byDepartment);
        kpiBusiest.textContent = busiest === null ? '–' : busiest.department + ' · ' + numbers.format(busiest.registrations);
        kpiDepartments.textContent = numbers.format(count);
        if (kpi.hourly.length === 0) {
            asOf.textContent = 'No data for these filters yet';
        } else {
            const lastHourStart = new Date(kpi.hourly[kpi.hourly.length - 1].hourStart);
            const dataEnd = new Date(lastHourStart.getTime() + 60 * 60 * 1000);
            asOf.textContent = 'Data as of ' + utcTime.format(dataEnd) + ' UTC';
        }
    }

    async function load() {
        setState('loading');
        errorBox.hidden = true;
        const query = filterQuery();
        try {
            const [kpi, option] = await Promise.all([
                getJson('api/kpi/registration-volume' + query),
                getJson('api/charts/registration-volume' + query)
            ]);
            showFigures(kpi);
            if (kpi.hourly.length === 0) {
                chart.clear();
                chartElement.hidden = true;
                emptyState.hidden = false;
                setState('empty');
                return;
            }
            emptyState.hidden = true;
            chartElement.hidden = false;
            chart.resize();
            // "ready" only once the bars have finished animating, so what a reader or a screenshot sees
            // is the final chart.
            chart.off('finished');
            chart.on('finished', () => {
                chart.off('finished');
                setState('ready');
            });
            chart.setOption(option, true);
        } catch (error) {
            errorBox.textContent = error.message;
            errorBox.hidden = false;
            asOf.textContent = 'Figures unavailable';
            setState('error');
        }
    }

    form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (!form.reportValidity()) {
            return;
        }
        const query = filterQuery();
        window.history.replaceState(null, '', query === '' ? window.location.pathname : query);
        load();
    });

    readFiltersFromUrl();
    load();
}());
