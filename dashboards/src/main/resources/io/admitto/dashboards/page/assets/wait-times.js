/*
 * Wait times: the chosen percentile of the chosen phase per department and UTC hour of day, SLA breaches
 * per department and hour, and a table of breaches per department. Percentiles come from the API, which
 * merges the hourly t-digests; nothing is averaged here.
 */
(function () {
    'use strict';

    const { el, format, getJson } = window.Admitto;

    const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));
    const COLORS = { ED: '#c0392b', IMG: '#2e86c1', SURG: '#8e44ad', INPT: '#d68910', CLIN: '#229954' };
    const PERCENTILES = { p50: 'p50Seconds', p90: 'p90Seconds', p95: 'p95Seconds' };

    /** cells of one department by hour of day; hours without waits are null (a gap, not a zero wait). */
    function byHour(cells, department, pick) {
        const values = new Array(24).fill(null);
        for (const cell of cells) {
            if (cell.department === department) {
                values[cell.hourOfDay] = pick(cell);
            }
        }
        return values;
    }

    function departments(cells) {
        return Array.from(new Set(cells.map((cell) => cell.department))).sort();
    }

    function percentileChart(view, cells) {
        const pct = view.param('pct');
        const field = PERCENTILES[pct] || PERCENTILES.p90;
        const option = {
            tooltip: { trigger: 'axis', valueFormatter: (value) => (value === null || value === undefined ? '–' : value + ' min') },
            legend: { top: 0, type: 'scroll' },
            grid: { left: 56, right: 16, top: 40, bottom: 40 },
            xAxis: { type: 'category', data: HOURS, name: 'Hour (UTC)', nameLocation: 'middle', nameGap: 26 },
            yAxis: { type: 'value', name: pct + ' wait (min)', min: 0 },
            series: departments(cells).map((department) => ({
                type: 'line', name: format.department(department), color: COLORS[department], connectNulls: false, symbolSize: 5,
                data: byHour(cells, department, (cell) => Math.round(cell[field] / 6) / 10)
            }))
        };
        return view.chart('wait-percentile-chart').show(option, {
            columns: ['department', 'phase', 'hour_utc', 'waits', 'p50_seconds', 'p90_seconds', 'p95_seconds', 'max_seconds', 'sla_breaches'],
            rows: cells.map((cell) => [cell.department, cell.phase, cell.hourOfDay, cell.samples, cell.p50Seconds, cell.p90Seconds, cell.p95Seconds, cell.maxSeconds, cell.slaBreaches])
        });
    }

    function slaChart(view, cells) {
        const option = {
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            legend: { top: 0, type: 'scroll' },
            grid: { left: 56, right: 16, top: 40, bottom: 40 },
            xAxis: { type: 'category', data: HOURS, name: 'Hour (UTC)', nameLocation: 'middle', nameGap: 26 },
            yAxis: { type: 'value', name: 'Breaches', minInterval: 1 },
            series: departments(cells).map((department) => ({
                type: 'bar', stack: 'breaches', name: format.department(department), color: COLORS[department],
                data: byHour(cells, department, (cell) => cell.slaBreaches).map((value) => value || 0)
            }))
        };
        return view.chart('sla-chart').show(option, {
            columns: ['department', 'hour_utc', 'waits', 'sla_breaches', 'sla_breach_rate'],
            rows: cells.map((cell) => [cell.department, cell.hourOfDay, cell.samples, cell.slaBreaches, cell.slaBreachRate])
        });
    }

    function slaTable(cells) {
        const rows = departments(cells).map((department) => {
            const own = cells.filter((cell) => cell.department === department);
            const samples = own.reduce((sum, cell) => sum + cell.samples, 0);
            const breaches = own.reduce((sum, cell) => sum + cell.slaBreaches, 0);
            const worst = own.reduce((a, b) => (b.slaBreachRate > a.slaBreachRate ? b : a));
            const longest = Math.max(...own.map((cell) => cell.maxSeconds));
            return el('tr', null, el('th', { scope: 'row' }, format.department(department)), el('td', { class: 'number' }, format.number(samples)),
                el('td', { class: 'number' }, format.number(breaches)), el('td', { class: 'number' }, format.percent(samples === 0 ? null : breaches / samples)),
                el('td', null, HOURS[worst.hourOfDay] + ':00 (' + format.percent(worst.slaBreachRate, 0) + ')'), el('td', { class: 'number' }, format.minutes(longest)));
        });
        document.getElementById('sla-rows').replaceChildren(...rows);
    }

    async function render(view) {
        for (const select of document.querySelectorAll('.toolbar select')) {
            select.value = view.param(select.dataset.param);
        }
        const cells = await getJson('/api/wait-times' + view.query(null, { phase: view.param('phase') }));
        slaTable(cells);
        await Promise.all([percentileChart(view, cells), slaChart(view, cells)]);
    }

    const view = window.Admitto.start({
        filters: ['from', 'to', 'facility', 'department'],
        params: { phase: 'arrival_to_registration', pct: 'p90' },
        freshness: ['wait_time_stats'],
        render
    });
    for (const select of document.querySelectorAll('.toolbar select')) {
        select.addEventListener('change', () => view.navigate({ [select.dataset.param]: select.value }));
    }
}());
