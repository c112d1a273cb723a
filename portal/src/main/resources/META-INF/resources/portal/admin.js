// Upward portal, admin pages: key figures and charts, learners, CSV, assignment, question statistics.

import { POWER_LABELS, api, drawChart, esc, percentText, route, showError, statusText } from './core.js';

// ---- admin: key figures, charts, learners, CSV, assignment, question statistics ---------------------

const ADMIN_COURSE = 'how-to-lead-upward';
const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'OVERDUE'];
const rate = value => value == null ? '–' : percentText(value);

function chart(id, type, labels, data, label, max) {
  drawChart(id, {
    type,
    data: { labels, datasets: [{ label, data, backgroundColor: '#0b5cad', borderColor: '#0b5cad' }] },
    options: { animation: false, plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ...(max ? { max } : { ticks: { precision: 0 } }) } } }
  });
}

route('/admin', async () => {
  const course = encodeURIComponent(ADMIN_COURSE);
  const [summary, funnel, mastery, weeks] = await Promise.all([
    api(`/api/v1/admin/reports/summary?courseId=${course}`),
    api(`/api/v1/admin/reports/lesson-funnel?courseId=${course}`),
    api(`/api/v1/admin/reports/power-mastery?courseId=${course}`),
    api(`/api/v1/admin/reports/completions-per-week?courseId=${course}`)]);
  const figure = (label, value) => `<div class="figure"><span class="figure-value">${esc(value)}</span><span class="figure-label">${esc(label)}</span></div>`;
  // Each chart's numbers as a table too (a text alternative that works without the chart and for screen readers).
  const dataTable = (id, caption, heads, rows) => `<details class="chart-data"><summary>${esc(caption)} as a table</summary>
    <table id="${id}"><thead><tr>${heads.map(h => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
    <tbody>${rows.map(r => `<tr>${r.map((cell, i) => i === 0 ? `<th scope="row">${esc(cell)}</th>` : `<td>${esc(cell)}</td>`).join('')}</tr>`).join('')
      || `<tr><td colspan="${heads.length}">No data yet.</td></tr>`}</tbody></table></details>`;
  const lessonName = l => l.title ? `${l.position ?? ''}. ${l.title}`.replace(/^\. /, '') : (l.position ?? l.lessonId);
  const html = `<h1>Reports: How to Lead Upward</h1>
    <section aria-label="Key figures" class="figures">
      ${figure('Enrolled', summary.enrolled)}${figure('Started', summary.started)}${figure('Completed', summary.completed)}
      ${figure('Completion rate', rate(summary.completionRate))}${figure('Pass rate', rate(summary.passRate))}
      ${figure('Average score', rate(summary.averageScore))}${figure('Overdue', summary.overdue)}
    </section>
    <p><a href="#/admin/learners">Learners</a> · <a href="#/admin/assign">Assign the course</a> · <a href="#/admin/questions">Question statistics</a></p>
    <div class="charts">
      <section><h2>Lesson funnel</h2><canvas id="funnel-chart" role="img" aria-label="Learners who completed each lesson; the table below has the numbers"></canvas>
        ${dataTable('funnel-table', 'Lesson funnel', ['Lesson', 'Learners who completed it'], funnel.lessons.map(l => [lessonName(l), l.learners]))}</section>
      <section><h2>Power-type mastery</h2><canvas id="mastery-chart" role="img" aria-label="Share of learners who mastered each type of power; the table below has the numbers"></canvas>
        ${dataTable('mastery-table', 'Power-type mastery', ['Type of power', 'Mastered'], mastery.map(m => [POWER_LABELS[m.powerType] || m.powerType, rate(m.masteryRate)]))}</section>
      <section><h2>Completions per week</h2><canvas id="weeks-chart" role="img" aria-label="Completions per week; the table below has the numbers"></canvas>
        ${dataTable('weeks-table', 'Completions per week', ['Week starting', 'Completions'], weeks.map(w => [w.weekStarting, w.completions]))}</section>
    </div>`;
  const mount = () => {
    chart('funnel-chart', 'bar', funnel.lessons.map(l => l.title || l.position || l.lessonId), funnel.lessons.map(l => l.learners), 'Learners');
    chart('mastery-chart', 'bar', mastery.map(m => POWER_LABELS[m.powerType] || m.powerType), mastery.map(m => m.masteryRate ?? 0), 'Mastered %', 100);
    chart('weeks-chart', 'line', weeks.map(w => w.weekStarting), weeks.map(w => w.completions), 'Completions');
  };
  return { title: 'Reports', html, mount };
});

route('/admin/learners', async () => {
  const query = new URLSearchParams(location.hash.split('?')[1] || '');
  return learnersPage(query);
});

async function learnersPage(query) {
  const params = new URLSearchParams({ courseId: ADMIN_COURSE, page: query.get('page') || '0', size: '20',
    sort: query.get('sort') || 'NAME', order: query.get('order') || 'asc' });
  if (query.get('status')) params.set('status', query.get('status'));
  const page = await api(`/api/v1/admin/reports/learners?${params}`);
  // data-label names each cell's column where a phone shows a row as a card (styles.css, table.stack).
  const rows = page.items.map(r => `<tr><td data-label="Learner">${esc(r.name || r.learnerId)}</td><td data-label="Status">${esc(statusText(r.status))}</td>
      <td data-label="Progress">${r.percent}%</td><td data-label="Best score">${r.bestScore == null ? '–' : percentText(r.bestScore)}</td><td data-label="Due">${esc(r.dueDate || '–')}</td>
      <td data-label="Completed">${r.completedAt ? esc(new Date(r.completedAt).toLocaleDateString()) : '–'}</td></tr>`).join('');
  const html = `<h1>Learners</h1>
    <form id="learner-filter" class="filters">
      <label for="status-filter">Status</label>
      <select id="status-filter" name="status"><option value="">Any</option>
        ${STATUSES.map(st => `<option value="${st}" ${params.get('status') === st ? 'selected' : ''}>${statusText(st)}</option>`).join('')}</select>
      <label for="sort-by">Sort by</label>
      <select id="sort-by" name="sort">${['NAME', 'STATUS', 'PERCENT', 'SCORE', 'DUE_DATE', 'COMPLETED_AT'].map(so =>
        `<option value="${so}" ${params.get('sort') === so ? 'selected' : ''}>${statusText(so)}</option>`).join('')}</select>
      <button type="submit" class="button">Apply</button>
      <button type="button" class="button" id="download-csv">Download CSV</button>
    </form>
    <table class="stack" id="learner-table"><caption>${page.totalItems} learners · page ${page.page + 1} of ${Math.max(1, page.totalPages)}</caption>
      <thead><tr><th scope="col">Learner</th><th scope="col">Status</th><th scope="col">Progress</th><th scope="col">Best score</th><th scope="col">Due</th><th scope="col">Completed</th></tr></thead>
      <tbody>${rows || '<tr><td colspan="6">No learner matches.</td></tr>'}</tbody></table>
    <nav class="pager" aria-label="Pages">
      ${page.page > 0 ? `<a href="#/admin/learners?${new URLSearchParams({ ...Object.fromEntries(query), page: page.page - 1 })}">← Previous page</a>` : '<span></span>'}
      ${page.page + 1 < page.totalPages ? `<a href="#/admin/learners?${new URLSearchParams({ ...Object.fromEntries(query), page: page.page + 1 })}">Next page →</a>` : '<span></span>'}
    </nav>`;
  const mount = () => {
    document.getElementById('learner-filter').addEventListener('submit', event => {
      event.preventDefault();
      const form = new FormData(event.target);
      location.hash = `#/admin/learners?${new URLSearchParams({ status: form.get('status'), sort: form.get('sort') })}`;
    });
    document.getElementById('download-csv').addEventListener('click', async () => {
      const csvParams = new URLSearchParams(params);
      csvParams.delete('page');
      csvParams.delete('size');
      const text = await api(`/api/v1/admin/reports/learners.csv?${csvParams}`, { headers: { Accept: 'text/csv' } });
      // Fetched with the session like every call, then handed to the browser as a Blob to save.
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
      link.download = 'learners.csv';
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  };
  return { title: 'Learners', html, mount };
}

route('/admin/learners\\?.*', async () => learnersPage(new URLSearchParams(location.hash.split('?')[1] || '')));

// The organisation's assignments of the course, each with its due date to change and a remove button that asks first.
function assignmentRows(items) {
  return items.map((a, i) => `<tr data-learner="${esc(a.learnerId)}">
      <td data-label="Learner">${esc(a.name || a.learnerId)}</td>
      <td data-label="Due">
        <form class="change-due inline-form" data-index="${i}">
          <label for="due-${i}" class="visually-hidden">New due date for ${esc(a.name || a.learnerId)}</label>
          <input id="due-${i}" name="dueDate" type="date" required value="${esc(a.dueDate || '')}">
          <button type="submit" class="button button-secondary">Change<span class="visually-hidden"> the due date of ${esc(a.name || a.learnerId)}</span></button>
          <div id="due-error-${i}" class="field-error" role="alert"></div>
        </form></td>
      <td data-label="Remove"><div class="remove-cell">
        <button type="button" class="button button-secondary remove-assignment" data-index="${i}">Remove<span class="visually-hidden"> the assignment of ${esc(a.name || a.learnerId)}</span>…</button>
        <div class="card confirm" id="remove-confirm-${i}" hidden>
          <p>Remove the assignment of ${esc(a.name || a.learnerId)}? What they have done stays in the reports.</p>
          <button type="button" class="button remove-confirmed" data-index="${i}">Remove the assignment</button>
          <button type="button" class="button button-secondary remove-cancel" data-index="${i}">Cancel</button>
          <div id="remove-error-${i}" class="field-error" role="alert"></div>
        </div></div></td></tr>`).join('');
}

route('/admin/assign', async () => {
  // The learners of the admin's own organisation, from the identity the gateway holds: picked by name, never typed as ids.
  const course = encodeURIComponent(ADMIN_COURSE);
  const [directory, current] = await Promise.all([
    api('/api/v1/admin/learners'),
    api(`/api/v1/admin/enrolments?courseId=${course}&size=100`)]);
  let listed = current;
  let assignments = current.items;
  const picker = directory.items.length
    ? `<fieldset class="learner-picker" data-problem-field="learnerIds"><legend>Learners</legend>
        <label for="learner-search">Search by name or username</label>
        <input id="learner-search" type="search" autocomplete="off" aria-controls="learner-list">
        <p id="learner-count" class="meta" aria-live="polite">${directory.items.length} learners</p>
        <ul id="learner-list" class="learner-list">${directory.items.map(l => `<li data-search="${esc(`${l.name} ${l.username}`.toLowerCase())}">
          <input type="checkbox" name="learnerIds" id="learner-${esc(l.id)}" value="${esc(l.id)}">
          <label for="learner-${esc(l.id)}">${esc(l.name)} <span class="meta">${esc(l.username)}</span></label></li>`).join('')}</ul>
      </fieldset>`
    // An external identity provider: the gateway holds no directory, so ids are typed as before.
    : `<label for="learner-ids">Learner ids (one per line)</label>
      <textarea id="learner-ids" name="learnerIdsText" data-problem-field="learnerIds" rows="5" required></textarea>`;
  const table = () => assignments.length
    ? `<table class="stack" id="assignment-table"><caption>${assignments.length} assigned${listed.totalItems > assignments.length ? ` (the first ${assignments.length} of ${listed.totalItems})` : ''}</caption>
        <thead><tr><th scope="col">Learner</th><th scope="col">Due</th><th scope="col">Remove</th></tr></thead>
        <tbody>${assignmentRows(assignments)}</tbody></table>`
    : '<p id="assignment-table">Nobody is assigned the course yet.</p>';
  const reload = async () => {
    listed = await api(`/api/v1/admin/enrolments?courseId=${course}&size=100`);
    assignments = listed.items;
    document.getElementById('assignments').innerHTML = table();
    mountRows();
  };
  const mountRows = () => {
    document.querySelectorAll('form.change-due').forEach(form => form.addEventListener('submit', async event => {
      event.preventDefault();
      const a = assignments[form.dataset.index];
      const slot = `due-error-${form.dataset.index}`;
      showError(slot, null);
      try {
        const changed = await api(`/api/v1/admin/enrolments/${course}/${encodeURIComponent(a.learnerId)}`,
          { method: 'PUT', body: { dueDate: new FormData(form).get('dueDate') } });
        document.getElementById('assignment-result').textContent = `Due date of ${a.name || a.learnerId} changed to ${changed.dueDate}.`;
      } catch (error) {
        showError(slot, error, () => form.requestSubmit());
      }
    }));
    document.querySelectorAll('.remove-assignment').forEach(button => button.addEventListener('click', () => {
      const confirm = document.getElementById(`remove-confirm-${button.dataset.index}`);
      confirm.hidden = false;
      confirm.querySelector('.remove-confirmed').focus();
    }));
    document.querySelectorAll('.remove-cancel').forEach(button => button.addEventListener('click', () => {
      document.getElementById(`remove-confirm-${button.dataset.index}`).hidden = true;
      document.querySelector(`.remove-assignment[data-index="${button.dataset.index}"]`).focus();
    }));
    document.querySelectorAll('.remove-confirmed').forEach(button => button.addEventListener('click', async () => {
      const a = assignments[button.dataset.index];
      const slot = `remove-error-${button.dataset.index}`;
      button.disabled = true;
      showError(slot, null);
      try {
        await api(`/api/v1/admin/enrolments/${course}/${encodeURIComponent(a.learnerId)}`, { method: 'DELETE' });
        await reload();
        document.getElementById('assignment-result').textContent = `The assignment of ${a.name || a.learnerId} was removed.`;
        document.getElementById('assignments-heading').focus();
      } catch (error) {
        button.disabled = false;
        showError(slot, error, () => button.click());
      }
    }));
  };
  return {
    title: 'Assign the course',
    html: `<h1>Assign the course</h1>
    <form id="assign-form" class="card">
      ${picker}
      <label for="due-date">Due date</label>
      <input id="due-date" name="dueDate" type="date" required>
      <button type="submit" class="button">Assign “How to Lead Upward”</button>
      <p id="assign-result" role="status"></p>
      <div id="assign-error" class="field-error" role="alert"></div>
    </form>
    <section aria-labelledby="assignments-heading">
      <h2 id="assignments-heading" tabindex="-1">Assigned learners</h2>
      <p id="assignment-result" role="status"></p>
      <div id="assignments">${table()}</div>
    </section>`,
    mount: () => {
      mountRows();
      const search = document.getElementById('learner-search');
      search?.addEventListener('input', () => {
        const needle = search.value.trim().toLowerCase();
        let shown = 0;
        document.querySelectorAll('#learner-list li').forEach(li => {
          li.hidden = needle !== '' && !li.dataset.search.includes(needle);
          if (!li.hidden) shown++;
        });
        document.getElementById('learner-count').textContent = `${shown} of ${directory.items.length} learners`;
      });
      document.getElementById('assign-form').addEventListener('submit', async event => {
        event.preventDefault();
        const form = new FormData(event.target);
        const learnerIds = directory.items.length ? form.getAll('learnerIds').map(String)
          : String(form.get('learnerIdsText')).split(/\s+/).filter(Boolean);
        showError('assign-error', null);
        document.getElementById('assign-result').textContent = '';
        if (!learnerIds.length) {
          showError('assign-error', { message: 'Choose at least one learner.', problem: { detail: 'Choose at least one learner.' } });
          return;
        }
        try {
          const assigned = await api('/api/v1/admin/enrolments', { method: 'POST', body: { learnerIds, courseId: ADMIN_COURSE, dueDate: form.get('dueDate') } });
          const names = assigned.learnerIds.map(id => directory.items.find(l => l.id === id)?.name || id);
          document.getElementById('assign-result').textContent = `Assigned to ${names.length} learner${names.length === 1 ? '' : 's'} (${names.join(', ')}), due ${assigned.dueDate}.`;
          await reload();
        } catch (error) {
          showError('assign-error', error, () => event.target.requestSubmit());
        }
      });
    }
  };
});

route('/admin/questions', async () => {
  const stats = await api('/api/v1/admin/question-statistics/four-types-of-power');
  const rows = stats.questions.map(q => `<tr><td>${esc(q.prompt)}</td><td>${q.attempts}</td><td>${percentText(q.facilityIndex)}</td>
      <td>${q.discriminationIndex == null ? '–' : percentText(q.discriminationIndex)}</td></tr>`).join('');
  return { title: 'Question statistics', html: `<h1>Question statistics: the four types of power</h1>
    <p>Over ${stats.firstAttempts} first attempts. Cronbach's alpha: ${stats.cronbachAlpha == null ? 'not enough data yet' : stats.cronbachAlpha.toFixed(2)}.</p>
    <table><thead><tr><th scope="col">Question</th><th scope="col">Attempts</th><th scope="col">Facility</th><th scope="col">Discrimination</th></tr></thead>
    <tbody>${rows || '<tr><td colspan="4">No attempts yet.</td></tr>'}</tbody></table>` };
});
