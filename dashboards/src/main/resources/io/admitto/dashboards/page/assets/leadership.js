/*
 * Leadership overview: KPI tiles (value, target, change vs the prior period, sparkline, definition), the
 * registration accuracy trend, front-end denials by category, the top denial patterns with current spikes,
 * POS collections and the wait heatmap. Everything comes from the API as JSON.
 */
(function () {
    'use strict';

    const { el, format, getJson } = window.Admitto;

    /** The tiles, in this order; definitions from docs/kpis.md. */
    const KPIS = [
        ['registration_accuracy_rate', 'Registration accuracy', 'percent',
            'Registrations whose current QA assessment has no error or critical finding, over assessed registrations (HFMA registration QA).'],
        ['registration_error_rate', 'Registration error rate', 'percent',
            'Error and critical findings over assessed registrations; an account with three errors counts three (HFMA). Warnings are not errors.'],
        ['insurance_verification_rate', 'Insurance verification', 'percent',
            'Registered encounters with a primary coverage whose active 271 from the primary payer came at or before registration, over those encounters.'],
        ['pre_registration_rate', 'Pre-registration', 'percent',
            'Scheduled encounters (booked at least one day ahead; no walk-ins, no ED) pre-registered before the service date, over scheduled encounters.'],
        ['pos_cash_collection_rate', 'POS collections', 'percent',
            'Patient payments collected at or before service start, over all patient payments, in dollars. ED is excluded (EMTALA).'],
        ['initial_denial_rate', 'Initial denial rate', 'percent',
            'Claims whose first 835 carries a denying CAS adjustment, over claims first remitted on the day (HFMA Claim Integrity).'],
        ['preventable_denial_share', 'Preventable denials', 'percent',
            'Denying adjustments in a front-end category (eligibility, registration, COB, authorization, medical necessity), over all denying adjustments.'],
        ['arrival_to_registration_p90', 'Wait to register (p90)', 'minutes',
            '90th percentile of the wait from arrival to registration complete: the mean of the daily department values.']
    ];
    const FRONT_END = ['ELIGIBILITY', 'REGISTRATION', 'COORDINATION_OF_BENEFITS', 'AUTHORIZATION', 'MEDICAL_NECESSITY'];
    const CATEGORY_COLORS = { ELIGIBILITY: '#1f618d', REGISTRATION: '#b9770e', COORDINATION_OF_BENEFITS: '#7d3c98', AUTHORIZATION: '#c0392b', MEDICAL_NECESSITY: '#1e8449' };
    const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));
    const KPI_FILTERS = ['from', 'to', 'facility', 'department'];

    const sparklines = new Map();

    function title(category) {
        return category.charAt(0) + category.slice(1).toLowerCase().replace(/_/g, ' ');
    }

    function formatValue(kind, value) {
        return kind === 'minutes' ? format.minutes(value) : format.percent(value);
    }

    /** "▲ 1.2 pts" with words for screen readers; better or worse by the KPI's direction, not by colour alone. */
    function change(kpi, kind) {
        if (kpi.change === null || kpi.change === undefined) {
            return el('span', { class: 'change' }, 'No prior figure');
        }
        const amount = kind === 'minutes' ? (Math.abs(kpi.change) / 60).toFixed(1) + ' min' : (Math.abs(kpi.change) * 100).toFixed(1) + ' pts';
        const arrow = kpi.change > 0 ? '▲' : kpi.change < 0 ? '▼' : '■';
        const better = kpi.higherIsBetter === null ? null : (kpi.change > 0) === kpi.higherIsBetter && kpi.change !== 0;
        const verdict = kpi.change === 0 || better === null ? '' : better ? ' (better)' : ' (worse)';
        return el('span', { class: 'change ' + (better === null || kpi.change === 0 ? '' : better ? 'good' : 'bad') },
            arrow + ' ' + amount + verdict + ' vs prior period');
    }

    function target(kpi, kind) {
        if (kpi.target === null || kpi.target === undefined) {
            return el('span', { class: 'target' }, 'No target');
        }
        const met = kpi.targetMet === null ? '' : kpi.targetMet ? ' · met' : ' · not met';
        return el('span', { class: 'target ' + (kpi.targetMet ? 'good' : kpi.targetMet === false ? 'bad' : '') },
            'Target ' + (kpi.higherIsBetter ? '≥ ' : '≤ ') + formatValue(kind, kpi.target) + met);
    }

    function tile(kpi, label, kind, definition) {
        const tipId = 'tip-' + kpi.kpi;
        const info = el('button', { type: 'button', class: 'info', 'aria-describedby': tipId, 'aria-label': 'Definition of ' + label }, 'i');
        const sparkId = 'spark-' + kpi.kpi;
        return el('li', { class: 'tile', 'data-kpi': kpi.kpi },
            el('div', { class: 'tile-head' }, el('span', { class: 'tile-label' }, label), info,
                el('span', { role: 'tooltip', id: tipId, class: 'tooltip' }, definition)),
            el('span', { class: 'tile-value' }, formatValue(kind, kpi.current)),
            target(kpi, kind),
            change(kpi, kind),
            el('div', { id: sparkId, class: 'sparkline', role: 'img', 'aria-label': label + ', daily trend' }));
    }

    function sparkline(id, trend, kind) {
        const element = document.getElementById(id);
        const chart = echarts.init(element, null, { renderer: 'canvas' });
        sparklines.set(id, chart);
        return new Promise((resolve) => {
            chart.on('finished', () => {
                chart.off('finished');
                resolve();
            });
            chart.setOption({
                animation: false,
                grid: { left: 2, right: 2, top: 4, bottom: 2 },
                xAxis: { type: 'category', show: false, data: trend.map((point) => point.day) },
                yAxis: { type: 'value', show: false, scale: true },
                tooltip: { trigger: 'axis', valueFormatter: (value) => formatValue(kind, value) },
                series: [{ type: 'line', name: 'Daily value', data: trend.map((point) => point.value), symbol: 'none', lineStyle: { width: 2, color: '#1f618d' }, areaStyle: { color: 'rgba(31, 97, 141, 0.12)' } }]
            });
        });
    }

    function renderTiles(report, view) {
        for (const chart of sparklines.values()) {
            chart.dispose();
        }
        sparklines.clear();
        const list = document.getElementById('kpi-tiles');
        list.replaceChildren();
        document.getElementById('kpi-period').textContent = report.from && report.to
            ? report.from + ' – ' + report.to + ' (prior ' + report.priorFrom + ' – ' + report.priorTo + ')'
            : '';
        document.getElementById('kpi-payer-note').hidden = view.param('payer') === '';
        const byName = new Map(report.kpis.map((kpi) => [kpi.kpi, kpi]));
        const drawn = [];
        for (const [name, label, kind, definition] of KPIS) {
            const kpi = byName.get(name);
            if (kpi === undefined) {
                continue;
            }
            list.append(tile(kpi, label, kind, definition));
            drawn.push(sparkline('spark-' + name, kpi.trend, kind));
        }
        if (drawn.length === 0) {
            list.append(el('li', { class: 'empty-state' }, 'No KPI figures for these filters yet.'));
        }
        return Promise.all(drawn);
    }

    function accuracyTrend(view, report) {
        const kpi = report.kpis.find((entry) => entry.kpi === 'registration_accuracy_rate');
        const trend = kpi ? kpi.trend : [];
        const option = {
            tooltip: { trigger: 'axis', valueFormatter: (value) => format.percent(value) },
            grid: { left: 56, right: 24, top: 24, bottom: 32 },
            xAxis: { type: 'category', data: trend.map((point) => point.day) },
            yAxis: { type: 'value', min: (range) => Math.max(0, Math.floor(range.min * 20) / 20), max: 1, axisLabel: { formatter: (value) => Math.round(value * 100) + ' %' } },
            series: [{
                type: 'line', name: 'Accuracy rate', data: trend.map((point) => point.value), symbolSize: 6, color: '#1f618d',
                markLine: kpi && kpi.target !== null ? { symbol: 'none', lineStyle: { type: 'dashed', color: '#a93226' }, label: { position: 'insideEndTop', formatter: 'Target ' + format.percent(kpi.target, 0) }, data: [{ yAxis: kpi.target }] } : undefined
            }]
        };
        return view.chart('accuracy-chart').show(option, {
            columns: ['day', 'accuracy_rate', 'clean_registrations', 'registrations'],
            rows: trend.map((point) => [point.day, point.value, point.numerator, point.denominator])
        });
    }

    /** Front-end denials per remittance day and category, from the daily denial patterns. */
    function denialCategories(view, patterns) {
        const measure = view.param('denialMeasure');
        for (const input of document.querySelectorAll('input[name="denial-measure"]')) {
            input.checked = input.value === measure;
        }
        const cells = new Map();
        const days = new Set();
        for (const row of patterns) {
            if (!row.frontEnd) {
                continue;
            }
            const day = row.windowStart.slice(0, 10);
            days.add(day);
            const key = day + '|' + row.category;
            const cell = cells.get(key) || { denials: 0, amount: 0 };
            cell.denials += row.denials;
            cell.amount += Number(row.deniedAmount);
            cells.set(key, cell);
        }
        const sortedDays = Array.from(days).sort();
        const categories = FRONT_END.filter((category) => sortedDays.some((day) => cells.has(day + '|' + category)));
        const value = (day, category) => {
            const cell = cells.get(day + '|' + category);
            return cell ? (measure === 'count' ? cell.denials : Math.round(cell.amount * 100) / 100) : 0;
        };
        const option = {
            tooltip: { trigger: 'axis', valueFormatter: (v) => (measure === 'count' ? format.number(v) : format.dollars(v)) },
            legend: { top: 0, type: 'scroll' },
            grid: { left: 64, right: 16, top: 40, bottom: 32 },
            xAxis: { type: 'category', data: sortedDays },
            yAxis: { type: 'value', axisLabel: { formatter: (v) => (measure === 'count' ? v : '$' + Math.round(v / 1000) + 'k') } },
            series: categories.map((category) => ({
                type: 'bar', stack: 'denials', name: title(category), color: CATEGORY_COLORS[category],
                data: sortedDays.map((day) => value(day, category))
            }))
        };
        const rows = [];
        for (const day of sortedDays) {
            for (const category of categories) {
                const cell = cells.get(day + '|' + category);
                rows.push([day, category, cell ? cell.denials : 0, cell ? cell.amount.toFixed(2) : '0.00']);
            }
        }
        return view.chart('denial-category-chart').show(option, { columns: ['remittance_day', 'category', 'denials', 'denied_amount'], rows });
    }

    /** The payer × category combinations with the most denied dollars over the period. */
    function topPatterns(view, patterns) {
        const groups = new Map();
        for (const row of patterns) {
            const key = row.payerId + ' · ' + title(row.category);
            const group = groups.get(key) || { key, payer: row.payerId, category: row.category, denials: 0, amount: 0, spikes: 0 };
            group.denials += row.denials;
            group.amount += Number(row.deniedAmount);
            group.spikes += row.spike ? 1 : 0;
            groups.set(key, group);
        }
        const top = Array.from(groups.values()).sort((a, b) => b.amount - a.amount || a.key.localeCompare(b.key)).slice(0, 10).reverse();
        const option = {
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => format.dollars(v) },
            grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
            xAxis: { type: 'value', axisLabel: { formatter: (v) => '$' + Math.round(v / 1000) + 'k' } },
            yAxis: { type: 'category', data: top.map((group) => group.key) },
            series: [{
                type: 'bar', name: 'Denied $', data: top.map((group) => ({ value: Math.round(group.amount * 100) / 100, itemStyle: { color: group.spikes > 0 ? '#a93226' : '#1f618d' } }))
            }]
        };
        return view.chart('patterns-chart').show(option, {
            columns: ['payer', 'category', 'denials', 'denied_amount', 'spike_windows'],
            rows: top.slice().reverse().map((group) => [group.payer, group.category, group.denials, group.amount.toFixed(2), group.spikes])
        });
    }

    function spikes(list) {
        const box = document.getElementById('spikes');
        box.replaceChildren();
        if (list.length === 0) {
            box.append(el('li', { class: 'muted' }, 'No spikes: every payer and category is within its usual range.'));
            return;
        }
        for (const spike of list.slice(-5).reverse()) {
            box.append(el('li', { class: 'spike' },
                spike.windowStart.slice(0, 10) + ' · ' + spike.payerId + ' · ' + title(spike.category) + ' · ' + format.department(spike.department)
                + ': ' + spike.denials + ' denials (' + format.dollars(Number(spike.deniedAmount)) + '), z = ' + (spike.zScore === null ? '–' : spike.zScore.toFixed(1))));
        }
    }

    function posCollections(view, report) {
        const kpi = report.kpis.find((entry) => entry.kpi === 'pos_cash_collection_rate');
        const trend = kpi ? kpi.trend : [];
        const series = [
            { type: 'bar', name: 'Collected at or before service', color: '#1e8449', data: trend.map((point) => Number(point.numerator)) },
            { type: 'line', name: 'All patient payments', color: '#17202a', data: trend.map((point) => Number(point.denominator)) }
        ];
        if (kpi && kpi.target !== null) {
            series.push({ type: 'line', name: 'Expected at the ' + format.percent(kpi.target, 0) + ' target', color: '#a93226', lineStyle: { type: 'dashed' },
                data: trend.map((point) => Math.round(Number(point.denominator) * kpi.target * 100) / 100) });
        }
        const option = {
            tooltip: { trigger: 'axis', valueFormatter: (v) => format.dollars(v) },
            legend: { top: 0, type: 'scroll' },
            grid: { left: 64, right: 16, top: 40, bottom: 32 },
            xAxis: { type: 'category', data: trend.map((point) => point.day) },
            yAxis: { type: 'value', axisLabel: { formatter: (v) => '$' + v } },
            series
        };
        return view.chart('pos-chart').show(option, {
            columns: ['day', 'collected_at_pos', 'all_patient_payments', 'rate'],
            rows: trend.map((point) => [point.day, point.numerator, point.denominator, point.value])
        });
    }

    function heatmap(view, cells) {
        const select = document.getElementById('heatmap-department');
        const departments = Array.from(new Set(cells.map((cell) => cell.department))).sort();
        const wanted = view.param('heatmapDepartment') || view.param('department') || (departments.includes('ED') ? 'ED' : departments[0] || '');
        select.replaceChildren(...departments.map((code) => el('option', { value: code }, format.department(code))));
        select.value = wanted;
        const shown = cells.filter((cell) => cell.department === wanted);
        const maxMinutes = Math.max(1, ...shown.map((cell) => cell.p50Seconds / 60));
        const option = {
            tooltip: { position: 'top', formatter: (item) => WEEKDAYS[item.value[1]] + ' ' + HOURS[item.value[0]] + ':00 UTC · median ' + item.value[2] + ' min · ' + item.value[3] + ' waits' },
            grid: { left: 48, right: 16, top: 8, bottom: 72 },
            xAxis: { type: 'category', data: HOURS, name: 'Hour (UTC)', nameLocation: 'middle', nameGap: 26, splitArea: { show: true } },
            yAxis: { type: 'category', data: WEEKDAYS, inverse: true, splitArea: { show: true } },
            visualMap: { min: 0, max: Math.ceil(maxMinutes), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, text: ['min', ''], inRange: { color: ['#eaf2f8', '#5dade2', '#1f618d', '#7b241c'] } },
            series: [{ type: 'heatmap', name: 'Median wait (min)', data: shown.map((cell) => [cell.hourOfDay, cell.weekday - 1, Math.round(cell.p50Seconds / 6) / 10, cell.samples]) }]
        };
        return view.chart('wait-heatmap-chart').show(option, {
            columns: ['department', 'weekday', 'hour_utc', 'waits', 'p50_seconds', 'p90_seconds', 'sla_breaches'],
            rows: shown.map((cell) => [cell.department, WEEKDAYS[cell.weekday - 1], cell.hourOfDay, cell.samples, cell.p50Seconds, cell.p90Seconds, cell.slaBreaches])
        });
    }

    /** Without a date filter the tiles cover the year up to the newest figure: the API needs a period to compare. */
    async function kpiReport(view) {
        if (view.param('from') !== '' || view.param('to') !== '') {
            return getJson('/api/kpis' + view.query(KPI_FILTERS));
        }
        const tables = await view.freshness();
        const kpiDaily = tables.find((table) => table.table === 'kpi_daily');
        if (!kpiDaily || !kpiDaily.newestEventTime) {
            return getJson('/api/kpis' + view.query(KPI_FILTERS));
        }
        const newest = new Date(kpiDaily.newestEventTime.slice(0, 10) + 'T00:00:00Z');
        const from = new Date(newest.getTime() - 364 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
        return getJson('/api/kpis' + view.query(KPI_FILTERS, { from }));
    }

    async function render(view) {
        const [report, patterns, spikeList, cells] = await Promise.all([
            kpiReport(view),
            getJson('/api/denials/patterns' + view.query(null, { window: 'DAY' })),
            getJson('/api/denials/patterns' + view.query(null, { window: 'DAY', spikesOnly: 'true' })),
            getJson('/api/charts/wait-heatmap' + view.query(KPI_FILTERS))
        ]);
        spikes(spikeList);
        await Promise.all([
            renderTiles(report, view),
            accuracyTrend(view, report),
            denialCategories(view, patterns),
            topPatterns(view, patterns),
            posCollections(view, report),
            heatmap(view, cells)
        ]);
    }

    const view = window.Admitto.start({
        filters: ['from', 'to', 'facility', 'department', 'payer'],
        params: { denialMeasure: 'amount', heatmapDepartment: '' },
        freshness: ['department_hourly', 'registration_quality', 'denials', 'kpi_daily', 'wait_time_stats'],
        render
    });
    for (const input of document.querySelectorAll('input[name="denial-measure"]')) {
        input.addEventListener('change', () => view.navigate({ denialMeasure: input.value }));
    }
    document.getElementById('heatmap-department').addEventListener('change', (event) => view.navigate({ heatmapDepartment: event.target.value }));
}());
