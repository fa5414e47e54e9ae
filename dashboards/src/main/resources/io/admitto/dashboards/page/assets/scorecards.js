/*
 * Registrar scorecards (HFMA registration QA): accuracy rate and error rate per registrar against the
 * target, and the QA rules that fired most often for the same registrations.
 */
(function () {
    'use strict';

    const { el, format, getJson } = window.Admitto;

    const TOP_FINDINGS = 10;

    function name(registrar) {
        return registrar.registrarId === null ? registrar.facilityId + ' · (no registrar)' : registrar.registrarId;
    }

    function summary(report) {
        const entry = (title, value) => el('div', null, el('dt', null, title), el('dd', null, el('strong', null, value)));
        const meeting = report.registrars.filter((registrar) => registrar.meetsAccuracyTarget).length;
        document.getElementById('scorecard-summary').replaceChildren(
            entry('Registrations assessed', format.number(report.registrations)),
            entry('Accuracy rate', format.percent(report.accuracyRate) + ' (target ≥ ' + format.percent(report.accuracyTarget, 0) + ')'),
            entry('Error rate', format.percent(report.errorRate)),
            entry('Registrars at target', meeting + ' of ' + report.registrars.length));
    }

    /** Horizontal bars, worst first at the top, with the target as a line. */
    function rateChart(view, id, registrars, field, target, belowIsBad) {
        const ordered = registrars.slice().sort((a, b) => (belowIsBad ? b[field] - a[field] : a[field] - b[field]) || name(a).localeCompare(name(b)));
        const missed = (registrar) => (belowIsBad ? registrar[field] < target : registrar[field] > target);
        const option = {
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => format.percent(value) },
            grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
            xAxis: { type: 'value', min: 0, max: belowIsBad ? 1 : null, axisLabel: { formatter: (value) => Math.round(value * 100) + ' %' } },
            yAxis: { type: 'category', data: ordered.map(name) },
            series: [{
                type: 'bar', name: field === 'accuracyRate' ? 'Accuracy rate' : 'Error rate',
                data: ordered.map((registrar) => ({ value: registrar[field], itemStyle: { color: missed(registrar) ? '#a93226' : '#1e8449' } })),
                markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#17202a' }, label: { position: 'end', formatter: 'Target ' + format.percent(target, 0) }, data: [{ xAxis: target }] }
            }]
        };
        return view.chart(id).show(option, {
            columns: ['facility', 'registrar', 'registrations', 'clean_registrations', 'errors', 'warnings', 'error_rate', 'accuracy_rate', 'meets_accuracy_target'],
            rows: ordered.map((registrar) => [registrar.facilityId, registrar.registrarId, registrar.registrations, registrar.cleanRegistrations, registrar.errors,
                registrar.warnings, registrar.errorRate, registrar.accuracyRate, registrar.meetsAccuracyTarget])
        });
    }

    function findingsChart(view, rules) {
        const top = rules.filter((rule) => rule.fires > 0).sort((a, b) => b.fires - a.fires || a.id.localeCompare(b.id)).slice(0, TOP_FINDINGS);
        const option = {
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            grid: { left: 8, right: 32, top: 8, bottom: 24, containLabel: true },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', inverse: true, data: top.map((rule) => rule.id + ' · ' + rule.title) },
            series: [{ type: 'bar', name: 'Findings', color: '#1f618d', data: top.map((rule) => rule.fires) }]
        };
        return view.chart('findings-chart').show(option, {
            columns: ['rule', 'title', 'severity', 'findings', 'registrations', 'false_positive_rate'],
            rows: top.map((rule) => [rule.id, rule.title, rule.severity, rule.fires, rule.encounters, rule.falsePositiveRate])
        });
    }

    async function render(view) {
        const [report, rules] = await Promise.all([
            getJson('/api/quality/registrars' + view.query()),
            getJson('/api/rules' + view.query())
        ]);
        summary(report);
        // HFMA: error rate for management, accuracy rate for staff. The error line is 1 - the accuracy target
        // (0.05 by default, which is also the registration_error_rate KPI's default target).
        await Promise.all([
            rateChart(view, 'accuracy-rate-chart', report.registrars, 'accuracyRate', report.accuracyTarget, true),
            rateChart(view, 'error-rate-chart', report.registrars, 'errorRate', 1 - report.accuracyTarget, false),
            findingsChart(view, rules)
        ]);
    }

    window.Admitto.start({
        filters: ['from', 'to', 'facility', 'department', 'payer'],
        freshness: ['registration_quality'],
        render
    });
}());
