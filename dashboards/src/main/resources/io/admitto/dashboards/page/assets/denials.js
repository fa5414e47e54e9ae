/*
 * Denials explorer: payer -> category -> CARC -> registrations, each level's denied dollars split into
 * caught by QA, missed by QA (front-end, not predicted) and not preventable by patient access. The payer
 * level is the report's payer filter, so a drilled view is an ordinary shareable link. The registrations
 * level is for QA reviewers: the API refuses it to other roles.
 */
(function () {
    'use strict';

    const { el, format, getJson, hasRole } = window.Admitto;

    const LEVEL_NAMES = { payer: 'payer', category: 'category', carc: 'CARC' };

    function level(view) {
        if (view.param('payer') === '') return 'payer';
        if (view.param('category') === '') return 'category';
        return 'carc';
    }

    function label(levelName, key) {
        return levelName === 'category' ? key.charAt(0) + key.slice(1).toLowerCase().replace(/_/g, ' ') : levelName === 'carc' ? 'CARC ' + key : key;
    }

    function drill(view, levelName, key) {
        if (levelName === 'payer') return view.navigate({ payer: key, category: null, carc: null });
        if (levelName === 'category') return view.navigate({ category: key, carc: null });
        return view.navigate({ carc: key });
    }

    function breadcrumb(view) {
        const list = document.getElementById('breadcrumb');
        const steps = [['All payers', { payer: null, category: null, carc: null }]];
        if (view.param('payer')) steps.push([view.param('payer'), { category: null, carc: null }]);
        if (view.param('category')) steps.push([label('category', view.param('category')), { carc: null }]);
        if (view.param('carc')) steps.push([label('carc', view.param('carc')), {}]);
        list.replaceChildren(...steps.map(([text, changes], index) => {
            if (index === steps.length - 1) {
                return el('li', null, el('span', { 'aria-current': 'location' }, text));
            }
            const button = el('button', { type: 'button' }, text);
            button.addEventListener('click', () => view.navigate(changes));
            return el('li', null, button);
        }));
    }

    function summary(data) {
        const box = document.getElementById('denial-summary');
        const entry = (title, value) => el('div', null, el('dt', null, title), el('dd', null, el('strong', null, value)));
        box.replaceChildren(
            entry('Denied', format.dollars(Number(data.deniedAmount)) + ' · ' + format.number(data.denials) + ' denials'),
            entry('Front-end (preventable)', format.dollars(Number(data.frontEndAmount)) + ' · ' + format.percent(data.preventableShare)),
            entry('Caught by QA', format.dollars(Number(data.caughtAmount)) + ' · ' + format.percent(data.caughtShare) + ' of front-end'),
            entry('Missed by QA', format.dollars(Number(data.missedAmount)) + ' · ' + format.number(data.missedByQa) + ' denials'));
    }

    function table(view, levelName, groups) {
        document.getElementById('drill-key-heading').textContent = LEVEL_NAMES[levelName].charAt(0).toUpperCase() + LEVEL_NAMES[levelName].slice(1);
        const rows = document.getElementById('drill-rows');
        rows.replaceChildren(...groups.map((group) => {
            const button = el('button', { type: 'button', 'aria-label': 'Drill into ' + label(levelName, group.key) }, label(levelName, group.key));
            button.addEventListener('click', () => drill(view, levelName, group.key));
            return el('tr', { 'data-key': group.key }, el('th', { scope: 'row' }, button),
                el('td', { class: 'number' }, format.number(group.denials)), el('td', { class: 'number' }, format.number(group.claims)),
                el('td', { class: 'number' }, format.dollars(Number(group.amount))), el('td', { class: 'number' }, format.dollars(Number(group.frontEndAmount))),
                el('td', { class: 'number' }, format.dollars(Number(group.caughtAmount))), el('td', { class: 'number' }, format.dollars(Number(group.missedAmount))));
        }));
    }

    function chart(view, levelName, groups) {
        const keys = groups.map((group) => label(levelName, group.key));
        const cents = (value) => Math.round(Number(value) * 100) / 100;
        const option = {
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => format.dollars(value) },
            legend: { top: 0 },
            grid: { left: 72, right: 16, top: 40, bottom: 48 },
            xAxis: { type: 'category', data: keys, axisLabel: { interval: 0, rotate: keys.length > 8 ? 30 : 0 } },
            yAxis: { type: 'value', axisLabel: { formatter: (value) => '$' + Math.round(value / 1000) + 'k' } },
            series: [
                { type: 'bar', stack: 'amount', name: 'Caught by QA', color: '#1e8449', data: groups.map((group) => cents(group.caughtAmount)) },
                { type: 'bar', stack: 'amount', name: 'Missed by QA', color: '#a93226', data: groups.map((group) => cents(group.missedAmount)) },
                { type: 'bar', stack: 'amount', name: 'Not front-end', color: '#aab7b8', data: groups.map((group) => cents(Number(group.amount) - Number(group.frontEndAmount))) }
            ]
        };
        const card = view.chart('denial-drill-chart');
        card.instance.off('click');
        card.instance.on('click', (item) => drill(view, levelName, groups[item.dataIndex].key));
        return card.show(option, {
            columns: [levelName, 'denials', 'claims', 'denied_amount', 'front_end_amount', 'caught_by_qa_amount', 'missed_by_qa_amount'],
            rows: groups.map((group) => [group.key, group.denials, group.claims, group.amount, group.frontEndAmount, group.caughtAmount, group.missedAmount])
        });
    }

    async function registrations(view, me) {
        const card = document.getElementById('registrations-card');
        const note = document.getElementById('registrations-note');
        const rows = document.getElementById('registrations-rows');
        card.hidden = view.param('carc') === '';
        rows.replaceChildren();
        if (card.hidden) return;
        if (!hasRole(me, 'qa_reviewer')) {
            note.textContent = 'The registrations behind a CARC are for QA reviewers; the levels above are open to every role.';
            document.getElementById('registrations-table').hidden = true;
            return;
        }
        const page = await getJson('/api/charts/denial-breakdown/registrations'
            + view.query(null, { category: view.param('category'), carc: view.param('carc'), size: '100' }));
        note.textContent = page.total > page.items.length ? 'The newest ' + page.items.length + ' of ' + page.total + '.' : page.total + ' denials.';
        rows.replaceChildren(...page.items.map((item) => el('tr', null,
            el('td', null, el('a', { href: '/queue?status=all&encounter=' + encodeURIComponent(item.encounterId) }, item.encounterId)),
            el('td', null, item.claimId), el('td', null, item.facilityId), el('td', null, item.department), el('td', null, item.registrarId || '–'),
            el('td', null, format.utc(item.remittedAt)), el('td', null, item.groupCode + '-' + item.carc), el('td', { class: 'number' }, format.dollars(Number(item.amount))),
            el('td', null, item.caughtByQa ? 'Yes' : item.frontEnd ? 'No (missed)' : 'Not front-end'), el('td', null, item.predictedBy || '–'))));
    }

    async function render(view, me) {
        const levelName = level(view);
        document.getElementById('drill-level').textContent = LEVEL_NAMES[levelName];
        breadcrumb(view);
        const [totals, breakdown] = await Promise.all([
            getJson('/api/denials/summary' + view.query()),
            getJson('/api/charts/denial-breakdown' + view.query(null, { level: levelName, category: view.param('category'), carc: view.param('carc') }))
        ]);
        summary(totals);
        table(view, levelName, breakdown.groups);
        await Promise.all([chart(view, levelName, breakdown.groups), registrations(view, me)]);
    }

    window.Admitto.start({
        filters: ['from', 'to', 'facility', 'department', 'payer'],
        params: { category: '', carc: '' },
        freshness: ['denials'],
        render
    });
}());
