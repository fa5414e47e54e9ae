/*
 * QA work queue: the flagged registrations (sort, filter, paginate, claim), a detail panel with each
 * finding, its explanation and remediation, and the decision form (sent with If-Match: the ETag the
 * reviewer saw). Built for a day at the keyboard: arrow keys or j/k move, Enter opens, c claims, [ and ]
 * page, Escape closes, Ctrl+Enter saves a decision. Only QA reviewers get the queue from the API; anyone
 * else sees why, never the data.
 */
(function () {
    'use strict';

    const { el, format, getJson, send, ApiError } = window.Admitto;

    const COLUMNS = [
        ['priority', 'Priority', 'number', (item) => item.priority.toFixed(1)],
        ['encounterId', 'Encounter', '', (item) => item.encounterId],
        ['facilityId', 'Facility', '', (item) => item.facilityId],
        ['department', 'Dept', '', (item) => item.department],
        ['registrarId', 'Registrar', '', (item) => item.registrarId || '–'],
        ['payerId', 'Payer', '', (item) => item.payerId || '–'],
        ['serviceDate', 'Service date', '', (item) => item.serviceDate || '–'],
        ['findings', 'Findings', '', (item) => findingCounts(item)],
        ['predictedDenialDollars', 'Predicted $', 'number', (item) => format.dollars(Number(item.predictedDenialDollars))],
        ['status', 'Status', '', (item) => item.status + (item.assignee ? ' · ' + item.assignee : '')]
    ];
    const DECISIONS = [
        ['confirmed_error', 'Confirmed error'],
        ['corrected', 'Corrected'],
        ['false_positive', 'False positive'],
        ['needs_follow_up', 'Needs follow-up']
    ];

    let items = [];
    let active = 0;
    let page = null;

    function findingCounts(item) {
        const parts = [];
        if (item.critical) parts.push(item.critical + ' critical');
        if (item.errors) parts.push(item.errors + ' error' + (item.errors > 1 ? 's' : ''));
        if (item.warnings) parts.push(item.warnings + ' warning' + (item.warnings > 1 ? 's' : ''));
        return parts.join(', ');
    }

    function sortValue(item, key) {
        if (key === 'findings') return item.critical * 1e6 + item.errors * 1e3 + item.warnings;
        if (key === 'predictedDenialDollars') return Number(item.predictedDenialDollars);
        return item[key] === null || item[key] === undefined ? '' : item[key];
    }

    /** Sorts the page's rows; ties keep the API's order (priority, then service date, then encounter). */
    function sorted(list, key, direction) {
        const sign = direction === 'asc' ? 1 : -1;
        const apiOrder = new Map(list.map((item, index) => [item.encounterId, index]));
        return list.slice().sort((a, b) => {
            const x = sortValue(a, key);
            const y = sortValue(b, key);
            return (x < y ? -1 : x > y ? 1 : 0) * sign || apiOrder.get(a.encounterId) - apiOrder.get(b.encounterId);
        });
    }

    function renderHead(view) {
        const head = document.getElementById('queue-head');
        const key = view.param('sort');
        const direction = view.param('dir');
        head.replaceChildren(...COLUMNS.map(([column, label, kind]) => {
            const button = el('button', { type: 'button' }, label);
            button.addEventListener('click', () => view.navigate({ sort: column, dir: key === column && direction === 'desc' ? 'asc' : 'desc' }));
            return el('th', { scope: 'col', class: kind, 'aria-sort': key === column ? (direction === 'asc' ? 'ascending' : 'descending') : null }, button);
        }));
    }

    function renderRows(view) {
        const body = document.getElementById('queue-rows');
        const selected = view.param('encounter');
        body.replaceChildren(...items.map((item, index) => {
            const row = el('tr', { 'data-encounter': item.encounterId, tabindex: index === active ? 0 : -1, 'aria-selected': String(item.encounterId === selected) },
                ...COLUMNS.map(([column, , kind, cell]) => el('td', { class: kind + (column === 'findings' && item.critical ? ' severity-critical' : '') }, cell(item))));
            row.addEventListener('click', () => {
                active = index;
                view.navigate({ encounter: item.encounterId });
            });
            return row;
        }));
        document.getElementById('queue-empty').hidden = items.length > 0;
    }

    function renderPager(view) {
        const pages = Math.max(1, Math.ceil(page.total / page.size));
        document.getElementById('page-status').textContent = 'Page ' + page.page + ' of ' + pages;
        document.getElementById('queue-total').textContent = '(' + format.number(page.total) + ')';
        document.getElementById('page-previous').disabled = page.page <= 1;
        document.getElementById('page-next').disabled = page.page >= pages;
    }

    function focusRow(index) {
        const rows = document.querySelectorAll('#queue-rows tr');
        if (rows.length === 0) return;
        active = Math.max(0, Math.min(rows.length - 1, index));
        rows.forEach((row, position) => row.setAttribute('tabindex', position === active ? '0' : '-1'));
        rows[active].focus();
    }

    function refuse(message) {
        const box = document.getElementById('queue-refused');
        box.textContent = message;
        box.hidden = false;
        document.getElementById('queue-card').hidden = true;
    }

    function text(label, value) {
        return [el('dt', null, label), el('dd', null, value === null || value === undefined || value === '' ? '–' : String(value))];
    }

    function explanationOf(detail, finding) {
        const explanations = Array.isArray(detail.explanations) ? detail.explanations : [];
        return explanations.find((entry) => entry.ruleId === finding.ruleId) || null;
    }

    function findingItem(detail, finding) {
        const explanation = explanationOf(detail, finding);
        const seen = explanation ? explanation.valuesSeen : null;
        const values = Array.isArray(seen)
            ? seen.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join('; ')
            : seen && typeof seen === 'object'
                ? Object.entries(seen).map(([name, value]) => name + ' = ' + (value === null ? '(empty)' : JSON.stringify(value))).join('; ')
                : null;
        // "finding-<severity>", not "<severity>": the page's .error class is the alert box.
        return el('li', { class: 'finding finding-' + finding.severity, 'data-rule': finding.ruleId },
            el('strong', null, finding.ruleId + ' · ' + (finding.title || finding.category)),
            el('span', { class: 'severity-' + finding.severity }, ' (' + finding.severity + ')'),
            el('p', null, 'Field: ' + (finding.fieldPath || '–') + (finding.predictedCarcs ? ' · predicts CARC ' + finding.predictedCarcs : '')),
            explanation ? el('p', { class: 'explanation' }, explanation.message) : null,
            explanation && explanation.remediation ? el('p', { class: 'remediation' }, 'Remediation: ' + explanation.remediation) : null,
            values ? el('p', { class: 'muted' }, 'Values seen: ' + values) : null);
    }

    function decisionForm(view, detail) {
        const form = el('form', { class: 'decision-form', id: 'decision-form', 'aria-label': 'Decision on ' + detail.item.encounterId });
        const decisions = el('fieldset', null, el('legend', null, 'Decision'));
        DECISIONS.forEach(([value, label], index) => {
            decisions.append(el('label', null, el('input', { type: 'radio', name: 'decision', value, required: true, checked: index === 0 }), ' ' + label));
        });
        const rules = el('fieldset', null, el('legend', null, 'About the findings'));
        for (const ruleId of Array.from(new Set(detail.findings.map((finding) => finding.ruleId)))) {
            rules.append(el('label', null, el('input', { type: 'checkbox', name: 'ruleIds', value: ruleId, checked: true }), ' ' + ruleId));
        }
        const note = el('textarea', { id: 'decision-note', name: 'note', maxlength: 4000 });
        const status = el('p', { class: 'status', id: 'decision-status', role: 'status' });
        form.append(decisions, rules, el('label', { for: 'decision-note' }, 'Note'), note,
            el('button', { type: 'submit' }, 'Save decision'), status);
        const submit = async (event) => {
            if (event) event.preventDefault();
            const ruleIds = Array.from(form.querySelectorAll('input[name="ruleIds"]:checked')).map((input) => input.value);
            const body = { decision: form.elements.decision.value, note: note.value === '' ? null : note.value, ruleIds };
            status.textContent = 'Saving…';
            status.className = 'status';
            try {
                const answer = await send('POST', '/api/queue/' + encodeURIComponent(detail.item.encounterId) + '/decisions', body, { 'If-Match': '"' + detail.etag + '"' });
                await view.reload();
                const saved = document.getElementById('decision-status');
                if (saved) {
                    saved.textContent = 'Saved: ' + answer.body.decision + ' (revision ' + answer.body.revision + ').';
                    saved.className = 'status ok';
                }
            } catch (error) {
                // 409: another reviewer decided meanwhile; 412: the registration was reassessed
                const stale = error instanceof ApiError && (error.status === 409 || error.status === 412);
                status.textContent = stale ? error.message + ' The detail has been read again.' : error.message;
                status.className = 'status bad';
                if (stale) {
                    await showDetail(view, detail.item.encounterId, error.message);
                }
            }
        };
        form.addEventListener('submit', submit);
        form.addEventListener('keydown', (event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                submit(event);
            }
        });
        return form;
    }

    async function showDetail(view, encounterId, carriedStatus) {
        const placeholder = document.getElementById('detail-placeholder');
        const body = document.getElementById('detail-body');
        if (!encounterId) {
            placeholder.hidden = false;
            body.hidden = true;
            body.replaceChildren();
            return;
        }
        let detail;
        try {
            detail = await getJson('/api/queue/' + encodeURIComponent(encounterId));
        } catch (error) {
            if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
                placeholder.hidden = true;
                body.hidden = false;
                body.replaceChildren(el('p', { class: 'error', id: 'detail-refused', role: 'alert' }, error.message));
                return;
            }
            throw error;
        }
        const item = detail.item;
        const patient = detail.patient || {};
        const claim = detail.claim ? detail.claim.assignee + ' since ' + format.utc(detail.claim.claimedAt) : 'nobody';
        const claimButton = el('button', { type: 'button', id: 'detail-claim' }, 'Claim (c)');
        claimButton.addEventListener('click', () => claimEncounter(view, item.encounterId));
        const history = detail.history.length === 0
            ? el('p', { class: 'muted' }, 'No decision yet.')
            : el('ol', { class: 'history', id: 'detail-history' }, ...detail.history.map((entry) => el('li', null,
                entry.decision + ' by ' + entry.reviewer + ', ' + format.utc(entry.decidedAt) + (entry.note ? ': ' + entry.note : ''))));
        body.replaceChildren(
            el('dl', null, ...text('Encounter', item.encounterId), ...text('Facility · department', item.facilityId + ' · ' + format.department(item.department)),
                ...text('Registrar', item.registrarId), ...text('Payer', item.payerId), ...text('Service date', item.serviceDate),
                ...text('Priority', item.priority.toFixed(1)), ...text('Grade', detail.grade), ...text('Predicted denial $', format.dollars(Number(item.predictedDenialDollars))),
                ...text('Status', item.status), ...text('Claimed by', claim)),
            claimButton,
            el('h3', null, 'Findings'),
            el('ul', { class: 'findings', id: 'detail-findings' }, ...detail.findings.map((finding) => findingItem(detail, finding))),
            el('h3', null, 'Patient (PHI: this view is audited)'),
            el('dl', { id: 'detail-patient' }, ...text('MRN', patient.mrn), ...text('Name', [patient.givenName, patient.familyName].filter(Boolean).join(' ')),
                ...text('Birth date', patient.birthDate), ...text('Sex', patient.sex), ...text('Phone', patient.phone), ...text('Address', patient.address),
                ...text('Member id', patient.memberId)),
            el('h3', null, 'History'),
            history,
            el('h3', null, 'Decision'),
            decisionForm(view, detail));
        if (carriedStatus) {
            const status = document.getElementById('decision-status');
            status.textContent = carriedStatus + ' The detail has been read again.';
            status.className = 'status bad';
        }
        placeholder.hidden = true;
        body.hidden = false;
    }

    async function claimEncounter(view, encounterId) {
        try {
            await send('POST', '/api/queue/' + encodeURIComponent(encounterId) + '/claim');
            await view.navigate({ encounter: encounterId });
        } catch (error) {
            const box = document.getElementById('error');
            box.textContent = error.message;
            box.hidden = false;
        }
    }

    async function render(view, me) {
        // Rows are drawn anew: keep the keyboard where it was.
        const keyboardInRows = document.activeElement !== null && document.activeElement.closest('#queue-rows') !== null;
        for (const select of document.querySelectorAll('.toolbar select')) {
            select.value = view.param(select.dataset.param);
        }
        if (!window.Admitto.hasRole(me, 'qa_reviewer')) {
            // The API refuses the queue and every detail to other roles (403); the page does not ask.
            refuse('The QA work queue and its registration detail are for QA reviewers; you are signed in as '
                + me.user + ' (' + me.roles.join(', ') + ').');
            document.getElementById('detail').hidden = true;
            return;
        }
        page = await getJson('/api/queue' + view.query(null, {
            severity: view.param('severity'), status: view.param('status'), assignee: view.param('assignee'),
            page: view.param('page'), size: view.param('size')
        }));
        items = sorted(page.items, view.param('sort'), view.param('dir'));
        const selected = items.findIndex((item) => item.encounterId === view.param('encounter'));
        active = selected >= 0 ? selected : Math.min(active, Math.max(0, items.length - 1));
        renderHead(view);
        renderRows(view);
        renderPager(view);
        if (keyboardInRows) {
            focusRow(active);
        }
        await showDetail(view, view.param('encounter'));
    }

    const view = window.Admitto.start({
        filters: ['from', 'to', 'facility', 'department', 'payer'],
        params: { severity: '', status: 'open', assignee: '', page: '1', size: '25', sort: 'priority', dir: 'desc', encounter: '' },
        freshness: ['registration_quality'],
        render
    });

    for (const select of document.querySelectorAll('.toolbar select')) {
        select.addEventListener('change', () => view.navigate({ [select.dataset.param]: select.value, page: null }));
    }
    const turnPage = (delta) => {
        if (page === null) return;
        const next = page.page + delta;
        if (next >= 1 && next <= Math.max(1, Math.ceil(page.total / page.size))) {
            active = 0;
            view.navigate({ page: String(next) });
        }
    };
    document.getElementById('page-previous').addEventListener('click', () => turnPage(-1));
    document.getElementById('page-next').addEventListener('click', () => turnPage(1));

    document.getElementById('queue-rows').addEventListener('keydown', (event) => {
        const current = items[active];
        switch (event.key) {
            case 'ArrowDown': case 'j': focusRow(active + 1); break;
            case 'ArrowUp': case 'k': focusRow(active - 1); break;
            case 'Home': focusRow(0); break;
            case 'End': focusRow(items.length - 1); break;
            case 'Enter': case 'o': if (current) view.navigate({ encounter: current.encounterId }); break;
            case 'c': if (current) claimEncounter(view, current.encounterId); break;
            default: return;
        }
        event.preventDefault();
    });
    document.addEventListener('keydown', (event) => {
        const typing = event.target.closest('input, textarea, select');
        if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
        if (event.key === '[') turnPage(-1);
        else if (event.key === ']') turnPage(1);
        else if (event.key === 'Escape' && view.param('encounter')) view.navigate({ encounter: null }).then(() => focusRow(active));
        else if (event.key === 'c' && event.target.closest('#detail') && view.param('encounter')) claimEncounter(view, view.param('encounter'));
    });
}());
