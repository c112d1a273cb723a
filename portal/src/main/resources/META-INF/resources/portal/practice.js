// Practice beyond reading: spaced practice of the power types not mastered, and the conversation planner.
// Kept apart from app.js; it registers its own routes with app.js's router and fills the dashboard's
// "practice today" slot when the dashboard announces itself (the event upward:dashboard).
import { api, drawChart, esc, percentText, POWER_LABELS, POWER_ORDER, route, showError } from './core.js';
import { collectAnswers, questionField } from './quiz.js';

const powerName = type => POWER_LABELS[type] || type;
const dateText = iso => iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : '';
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

// ---- the dashboard's "practice today" ---------------------------------------------------------------

document.addEventListener('upward:dashboard', async () => {
  const slot = document.getElementById('practice-today');
  if (!slot) return;
  try {
    const practice = await api('/api/v1/me/practice');
    const due = practice.cards.filter(c => c.due);
    slot.innerHTML = `<h2>Practice today</h2>${due.length
      ? `<p>${plural(due.length, 'practice set')} due: ${due.map(c => esc(powerName(c.powerType))).join(', ')}.</p>`
      : '<p>Nothing is due today.</p>'}
      <p><a href="#/practice">Spaced practice</a> · <a href="#/plans">Conversation plans</a></p>`;
  } catch {
    slot.innerHTML = '<h2>Practice today</h2><p><a href="#/practice">Spaced practice</a> · <a href="#/plans">Conversation plans</a></p>';
  }
});

// ---- spaced practice --------------------------------------------------------------------------------

function masteryChart(history) {
  if (!history.masteryOverTime.length) return;
  drawChart('mastery-chart', {
    type: 'line',
    data: {
      datasets: history.masteryOverTime.map(series => ({
        label: powerName(series.powerType),
        data: series.points.map(p => ({ x: new Date(p.at).getTime(), y: p.percent }))
      }))
    },
    options: {
      animation: false,
      scales: {
        x: { type: 'linear', ticks: { callback: value => new Date(value).toISOString().slice(0, 10) } },
        y: { min: 0, max: 100, title: { display: true, text: 'Score %' } }
      }
    }
  });
}

route('/practice', async () => {
  const [practice, history] = await Promise.all([api('/api/v1/me/practice'), api('/api/v1/me/practice-history')]);
  // Soonest due first, then in the course's order of the powers; those out of the boxes last.
  const cards = [...practice.cards].sort((a, b) => (a.dueAt || '9').localeCompare(b.dueAt || '9')
    || POWER_ORDER.indexOf(a.powerType) - POWER_ORDER.indexOf(b.powerType));
  const rows = cards.map(c => `<tr>
      <th scope="row">${esc(powerName(c.powerType))}</th>
      <td>${c.mastered ? 'Out of the boxes' : `Box ${c.box} of 4`}</td>
      <td>${c.mastered ? 'Nothing more is due' : `${c.due ? '<strong>Due now</strong>' : 'Due'} ${esc(dateText(c.dueAt))}${c.overdue ? ' (overdue)' : ''}`}</td>
      <td>${c.lastPercent == null ? 'Not practised yet' : percentText(c.lastPercent)}</td>
      <td>${c.due || c.openSessionId ? `<button type="button" class="button start-set" data-course="${esc(c.courseId)}" data-type="${esc(c.powerType)}">${c.openSessionId ? 'Resume' : 'Practise'} ${esc(powerName(c.powerType))}</button>` : ''}</td>
    </tr>`).join('');
  const points = history.masteryOverTime.flatMap(s => s.points.map(p => ({ ...p, powerType: s.powerType })))
    .sort((a, b) => a.at.localeCompare(b.at));
  const html = `<h1>Spaced practice</h1>
    <p>Each power type you have not mastered in a quiz comes back as a short practice set: after 1 day, then 3, 7 and 21 days.
      A set you pass moves it out one box; a set you fail brings it back to the first. Practice never changes your quiz grade.</p>
    <p class="verdict">${practice.dueNow ? `${plural(practice.dueNow, 'set')} due now` : 'Nothing is due now'}</p>
    ${practice.cards.length ? `<table><caption>Your practice boxes</caption><thead><tr><th scope="col">Power</th><th scope="col">Box</th>
      <th scope="col">Next set</th><th scope="col">Last score</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
      <tbody>${rows}</tbody></table>` : '<p>No practice yet: a quiz whose result shows a power type not mastered schedules it.</p>'}
    <p id="start-error" class="field-error" role="alert"></p>
    <h2>Mastery per power type over time</h2>
    <div class="figures">
      <div class="figure"><span class="figure-value">${history.setsCompleted}</span><span class="figure-label">practice sets done</span></div>
      <div class="figure"><span class="figure-value">${history.conversationsHeld}</span><span class="figure-label">conversations held</span></div>
    </div>
    ${points.length ? `<canvas id="mastery-chart" role="img" aria-label="Score per power type over time, in quizzes and practice"></canvas>
      <table><caption>Scores behind the chart</caption><thead><tr><th scope="col">When</th><th scope="col">Power</th><th scope="col">From</th>
        <th scope="col">Score</th><th scope="col">Mastery</th></tr></thead><tbody>
        ${points.map(p => `<tr><td>${esc(dateText(p.at))}</td><td>${esc(powerName(p.powerType))}</td><td>${p.source === 'PRACTICE' ? 'Practice' : 'Quiz'}</td>
          <td>${percentText(p.percent)}</td><td>${p.mastered ? 'Mastered' : 'Not yet'}</td></tr>`).join('')}</tbody></table>`
      : '<p>No scores yet.</p>'}`;
  const mount = () => {
    masteryChart(history);
    document.querySelectorAll('.start-set').forEach(button => button.addEventListener('click', async () => {
      button.disabled = true;
      showError('start-error', null);
      try {
        const set = await api('/api/v1/me/practice/sessions', { method: 'POST', body: { courseId: button.dataset.course, powerType: button.dataset.type } });
        location.hash = `#/practice/sessions/${set.id}`;
      } catch (error) {
        button.disabled = false;
        showError('start-error', error);
      }
    }));
  };
  return { title: 'Spaced practice', html, mount };
});

function setResult(set) {
  const o = set.outcome;
  const feedback = (set.result.questions || []).map(q => `<li><p><strong>${esc(q.prompt)}</strong> <span class="badge">${esc(q.outcome.toLowerCase())}</span></p>
      ${(q.selected || []).map(f => `<p>You chose “${esc(f.text)}”: ${esc(f.feedback)}</p>`).join('')}
      ${(q.matches || []).map(m => `<p>${esc(m.itemText)}: ${m.correct ? 'right' : 'not right'}. ${esc(m.feedback)}</p>`).join('')}
      ${q.outcome !== 'CORRECT' && q.correctAnswer ? `<p>The right answer: ${q.correctAnswer.map(f => `“${esc(f.text)}”`).join(', ')}</p>` : ''}</li>`).join('');
  return `<h1>${esc(powerName(set.powerType))} practice: ${percentText(o.percent)}</h1>
    <p class="verdict ${o.mastered ? 'passed' : 'failed'}">${o.mastered ? 'Mastered' : 'Not mastered yet'}</p>
    <p id="next-due">${o.leftTheBoxes ? 'This power type has left the practice boxes: nothing more is due.'
      : `${o.mastered ? 'It moves out' : 'It goes back'} to box ${o.box}. Next set due ${esc(dateText(o.nextDueAt))}.`}</p>
    <h2>Feedback on each question</h2><ol class="feedback">${feedback}</ol>
    <p><a class="button" href="#/practice">Back to spaced practice</a></p>`;
}

route('/practice/sessions/:sessionId', async ({ sessionId }) => {
  const set = await api(`/api/v1/me/practice/sessions/${encodeURIComponent(sessionId)}`);
  if (set.status === 'SCORED') return { title: 'Practice result', html: setResult(set) };
  const html = `<h1>Practise ${esc(powerName(set.powerType))}</h1>
    <p>Box ${set.box} of 4 · ${plural(set.questions.length, 'question')}. This practice does not change your quiz grade.</p>
    <form id="set-form">${set.questions.map(question => questionField(question)).join('')}
      <button type="submit" class="button">Submit practice</button>
      <p id="set-error" class="field-error" role="alert"></p></form>`;
  const mount = () => document.getElementById('set-form').addEventListener('submit', async event => {
    event.preventDefault();
    showError('set-error', null);
    try {
      const scored = await api(`/api/v1/me/practice/sessions/${encodeURIComponent(sessionId)}/submission`,
        { method: 'POST', body: { answers: collectAnswers(event.target) } });
      const main = document.getElementById('main');
      main.innerHTML = setResult(scored);
      document.title = 'Practice result · Upward';
      main.querySelector('h1').setAttribute('tabindex', '-1');
      main.querySelector('h1').focus();
    } catch (error) {
      showError('set-error', error);
    }
  });
  return { title: `Practise ${powerName(set.powerType)}`, html, mount };
});

// ---- conversation planner ---------------------------------------------------------------------------

route('/plans', async () => {
  const { plans, held } = await api('/api/v1/me/conversation-plans');
  const rows = plans.map(p => `<tr><th scope="row"><a href="#/plans/${esc(p.id)}">${esc(p.title)}</a></th>
      <td>${p.status === 'HELD' ? `Held ${esc(dateText(p.heldAt))}` : 'Planned'}</td>
      <td>${(p.powers || []).map(t => esc(powerName(t))).join(', ') || '—'}</td><td>${esc(dateText(p.updatedAt))}</td></tr>`).join('');
  return {
    title: 'Conversation plans',
    html: `<h1>Conversation plans</h1>
      <p>The hard part of leading upward is having the conversation. Plan it with Aleta Norris's questions for first-timers,
        the four tips to engage and a softer opening, print it, and mark it held afterwards: it counts as practice.</p>
      <p><a class="button" href="#/plans/new">Plan a conversation</a></p>
      ${plans.length ? `<table><caption>Your plans (${plural(held, 'conversation')} held)</caption><thead><tr><th scope="col">Plan</th>
        <th scope="col">Status</th><th scope="col">Powers</th><th scope="col">Last changed</th></tr></thead><tbody>${rows}</tbody></table>`
        : '<p>No plan yet.</p>'}`
  };
});

function planForm(guide, plan) {
  const answers = plan?.answers || {};
  const tips = plan?.tips || {};
  const powers = new Set(plan?.powers || []);
  const profile = guide.powerProfile;
  return `<form id="plan-form" novalidate>
    <label for="plan-title">What is the conversation about, and with whom?</label>
    <input id="plan-title" name="title" maxlength="120" required value="${esc(plan?.title || '')}">
    <fieldset class="question"><legend>Think through a few questions</legend>
      ${guide.questions.map(q => `<label for="q-${esc(q.id)}">${esc(q.text)}</label>
        <textarea id="q-${esc(q.id)}" name="${esc(q.id)}" data-group="answers" data-problem-field="answers.${esc(q.id)}" rows="2" maxlength="2000">${esc(answers[q.id] || '')}</textarea>`).join('')}
      <p class="hint">${esc(guide.reminder)}</p>
    </fieldset>
    <fieldset class="question"><legend>Which powers can you draw on?</legend>
      <p class="hint">${profile ? 'Beside each: your power profile.' : 'Take the <a href="#/power-profile">power profile</a> to see yours beside each power.'}</p>
      ${guide.powers.map(p => `<div class="choice"><input type="checkbox" name="powers" id="power-${esc(p.powerType)}" value="${esc(p.powerType)}" ${powers.has(p.powerType) ? 'checked' : ''}>
        <label for="power-${esc(p.powerType)}">${esc(p.name)}: ${esc(p.description)}${profile?.[p.powerType] ? ` <strong>Your profile: ${percentText(profile[p.powerType].percent)}${(guide.strongest || []).includes(p.powerType) ? ', your strongest' : ''}</strong>` : ''}</label></div>`).join('')}
    </fieldset>
    <fieldset class="question"><legend>Apply the four tips to engage</legend>
      ${guide.tips.map(t => `<label for="tip-${esc(t.id)}">${esc(t.title)}</label><p class="hint" id="tip-${esc(t.id)}-advice">${esc(t.advice)}</p>
        <textarea id="tip-${esc(t.id)}" name="${esc(t.id)}" data-group="tips" data-problem-field="tips.${esc(t.id)}" rows="2" maxlength="2000" aria-describedby="tip-${esc(t.id)}-advice">${esc(tips[t.id] || '')}</textarea>`).join('')}
    </fieldset>
    <fieldset class="question"><legend>Choose an opening: your language may be softer than when you're leading one of your own people</legend>
      ${guide.openings.map(o => `<div class="choice"><input type="radio" name="opening" id="opening-${esc(o.id)}" value="${esc(o.id)}" ${plan?.opening === o.id ? 'checked' : ''}>
        <label for="opening-${esc(o.id)}">“${esc(o.text)}”</label></div>`).join('')}
    </fieldset>
    <button type="submit" class="button">Save plan</button>
    <p id="plan-error" class="field-error" role="alert"></p>
  </form>`;
}

function planBody(form) {
  const group = name => Object.fromEntries([...form.querySelectorAll(`textarea[data-group="${name}"]`)].map(t => [t.name, t.value.trim() || null]));
  return {
    title: form.title.value,
    answers: group('answers'),
    powers: [...form.querySelectorAll('input[name="powers"]:checked')].map(i => i.value),
    tips: group('tips'),
    opening: form.querySelector('input[name="opening"]:checked')?.value || null
  };
}

function planEditor(guide, plan) {
  const mount = () => document.getElementById('plan-form').addEventListener('submit', async event => {
    event.preventDefault();
    showError('plan-error', null);
    try {
      const saved = await api(plan ? `/api/v1/me/conversation-plans/${encodeURIComponent(plan.id)}` : '/api/v1/me/conversation-plans',
        { method: plan ? 'PUT' : 'POST', body: planBody(event.target) });
      location.hash = `#/plans/${saved.id}`;
    } catch (error) {
      showError('plan-error', error);
    }
  });
  return { title: plan ? 'Edit plan' : 'Plan a conversation', html: `<h1>${plan ? 'Edit your plan' : 'Plan a conversation'}</h1>${planForm(guide, plan)}`, mount };
}

route('/plans/new', async () => planEditor(await api('/api/v1/me/conversation-plans/guide'), null));

route('/plans/:planId/edit', async ({ planId }) => {
  const [guide, plan] = await Promise.all([api('/api/v1/me/conversation-plans/guide'), api(`/api/v1/me/conversation-plans/${encodeURIComponent(planId)}`)]);
  return planEditor(guide, plan);
});

route('/plans/:planId', async ({ planId }) => {
  const [guide, plan] = await Promise.all([api('/api/v1/me/conversation-plans/guide'), api(`/api/v1/me/conversation-plans/${encodeURIComponent(planId)}`)]);
  const answer = text => text ? esc(text) : '<span class="meta">Not answered yet</span>';
  const held = plan.status === 'HELD';
  const html = `<article class="plan-page">
    <h1>${esc(plan.title)}</h1>
    <p class="meta">${held ? `Conversation held ${esc(dateText(plan.heldAt))}` : 'Planned conversation'} · last changed ${esc(dateText(plan.updatedAt))}</p>
    <section><h2>Questions</h2><dl class="plan-answers">${guide.questions.map(q => `<dt>${esc(q.text)}</dt><dd>${answer(plan.answers[q.id])}</dd>`).join('')}</dl>
      <p class="hint">${esc(guide.reminder)}</p></section>
    <section><h2>Powers I can draw on</h2><p>${(plan.powers || []).map(t => esc(guide.powers.find(p => p.powerType === t)?.name || t)).join(', ') || '<span class="meta">None chosen yet</span>'}</p></section>
    <section><h2>The four tips to engage</h2><dl class="plan-answers">${guide.tips.map(t => `<dt>${esc(t.title)}</dt><dd>${answer(plan.tips[t.id])}</dd>`).join('')}</dl></section>
    <section><h2>Opening</h2><p>${plan.openingText ? `“${esc(plan.openingText)}”` : '<span class="meta">Not chosen yet</span>'}</p></section>
    ${held ? `<section><h2>Reflection</h2><p>${esc(plan.reflection)}</p></section>` : ''}
  </article>
  <div class="plan-actions">
    <button type="button" class="button" id="print-plan">Print this plan</button>
    ${held ? '' : `<a class="button button-secondary" href="#/plans/${esc(plan.id)}/edit">Edit</a>
      <button type="button" class="button button-secondary" id="delete-plan">Delete</button>`}
    <p id="delete-error" class="field-error" role="alert"></p>
    ${held ? '' : `<form id="held-form" novalidate><h2>After the conversation</h2>
      <label for="reflection">How did it go? A short reflection</label>
      <textarea id="reflection" name="reflection" rows="3" maxlength="1000" required></textarea>
      <button type="submit" class="button">Mark conversation held</button>
      <p id="held-error" class="field-error" role="alert"></p></form>`}
    <p><a href="#/plans">All your plans</a></p>
  </div>`;
  const mount = () => {
    document.getElementById('print-plan').addEventListener('click', () => window.print());
    document.getElementById('delete-plan')?.addEventListener('click', async () => {
      try {
        await api(`/api/v1/me/conversation-plans/${encodeURIComponent(plan.id)}`, { method: 'DELETE' });
        location.hash = '#/plans';
      } catch (error) {
        showError('delete-error', error);
      }
    });
    document.getElementById('held-form')?.addEventListener('submit', async event => {
      event.preventDefault();
      showError('held-error', null);
      try {
        await api(`/api/v1/me/conversation-plans/${encodeURIComponent(plan.id)}/held`, { method: 'POST', body: { reflection: event.target.reflection.value } });
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      } catch (error) {
        showError('held-error', error);
      }
    });
  };
  return { title: plan.title, html, mount };
});

// ---- admin: practice report -------------------------------------------------------------------------

route('/admin/practice', async () => {
  const report = await api('/api/v1/admin/practice-report?size=100');
  const c = report.conversations;
  const rows = report.overdue.items.map(card => `<tr><th scope="row">${esc(card.learnerId)}</th><td>${esc(powerName(card.powerType))}</td>
      <td>Box ${card.box}</td><td>${esc(dateText(card.dueAt))}</td></tr>`).join('');
  return {
    title: 'Practice report',
    html: `<h1>Practice report</h1>
      <div class="figures">
        <div class="figure"><span class="figure-value">${report.cardsDue}</span><span class="figure-label">practice sets due</span></div>
        <div class="figure"><span class="figure-value">${report.learnersOverdue}</span><span class="figure-label">learners with practice overdue</span></div>
        <div class="figure"><span class="figure-value">${c.plans}</span><span class="figure-label">conversation plans</span></div>
        <div class="figure"><span class="figure-value" id="conversations-held">${c.held}</span><span class="figure-label">conversations held</span></div>
        <div class="figure"><span class="figure-value">${c.learnersWhoHeld}</span><span class="figure-label">learners who held one</span></div>
      </div>
      <h2>Who has practice overdue</h2>
      ${rows ? `<table><caption>Overdue practice sets, the longest overdue first (${report.overdue.totalItems} in all)</caption><thead><tr><th scope="col">Learner</th>
        <th scope="col">Power</th><th scope="col">Box</th><th scope="col">Due since</th></tr></thead><tbody>${rows}</tbody></table>`
        : '<p>No practice is overdue.</p>'}
      <p class="meta">As of ${esc(dateText(report.generatedAt))}. An LMS or mail system reads what is due per learner from
        <code>GET /api/v1/integration/practice-due</code>.</p>`
  };
});
