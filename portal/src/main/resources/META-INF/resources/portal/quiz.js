// Upward portal, quizzes: settings and attempts, taking an attempt, results.

import { POWER_LABELS, POWER_ORDER, api, drawChart, esc, percentText, route, showError } from './core.js';

// ---- quizzes: settings, taking an attempt, results -------------------------------------------------

const ATTEMPT_STATES = { IN_PROGRESS: 'in progress', SCORED: 'scored', EXPIRED: 'expired (not submitted in time)' };

/** The link of an attempt in the history: only an open attempt can be resumed, only a scored one has a result. */
function attemptAction(a) {
  if (a.status === 'IN_PROGRESS') return `<a href="#/attempts/${esc(a.id)}">Resume</a>`;
  if (a.status === 'SCORED') return `<a href="#/attempts/${esc(a.id)}/result">Result</a>`;
  return 'No result';
}

/** The quiz's place in its course's outline (where the sequencing rule is evaluated for this learner), or null. */
async function quizPlacement(quiz) {
  if (!quiz.courseId) return null;
  const outline = await api(`/api/v1/courses/${encodeURIComponent(quiz.courseId)}`);
  const lessons = outline.modules.flatMap(m => m.lessons);
  const placed = outline.modules.flatMap(m => m.quizzes).find(q => q.id === quiz.id);
  if (!placed) return null;
  const remaining = (placed.unlockedBy || quiz.unlockedBy || [])
    .map(id => lessons.find(l => l.id === id) || { id, title: id.replace(/-/g, ' '), completed: false })
    .filter(l => !l.completed);
  return { courseId: quiz.courseId, unlocked: placed.unlocked !== false, lockedReason: placed.lockedReason, remaining };
}

route('/quizzes/:quizId', async ({ quizId }) => {
  const quiz = await api(`/api/v1/quizzes/${encodeURIComponent(quizId)}`);
  const placement = await quizPlacement(quiz);
  const mine = quiz.myAttempts || { used: 0, attempts: [] };
  const rows = mine.attempts.map(a => `<tr><td>${a.attemptNumber}</td><td>${esc(ATTEMPT_STATES[a.status] || a.status.toLowerCase())}</td>
      <td>${a.percent == null ? '–' : percentText(a.percent)}</td><td>${a.passed == null ? '–' : a.passed ? 'Passed' : 'Not passed'}</td>
      <td>${attemptAction(a)}</td></tr>`).join('');
  const canStart = mine.remaining == null || mine.remaining > 0;
  const locked = placement && !placement.unlocked;
  const lockedHtml = locked ? `<section class="card locked-quiz" id="quiz-locked" aria-labelledby="locked-heading">
      <h2 id="locked-heading">This quiz is locked</h2>
      <p>It opens once you have completed ${placement.remaining.length === 1 ? 'this lesson' : 'these lessons'}:</p>
      <ul class="remaining-lessons">${placement.remaining.map(l => `<li><a href="#/courses/${esc(placement.courseId)}/lessons/${esc(l.id)}">${esc(l.title)}</a></li>`).join('')}</ul>
    </section>` : '';
  const html = `<h1>${esc(quiz.title)}</h1>
    <ul class="facts">
      <li>${quiz.questionCount} questions · pass mark ${quiz.passPercent}%</li>
      <li>Attempts: ${quiz.attemptsAllowed == null ? 'unlimited' : `${mine.used} of ${quiz.attemptsAllowed} used`}</li>
      <li>Time limit: ${quiz.timeLimitMinutes == null ? 'none' : `${quiz.timeLimitMinutes} minutes`}</li>
      <li>Grade: the ${quiz.grading === 'HIGHEST' ? 'highest' : 'last'} attempt${mine.gradePercent == null ? '' : ` · now ${percentText(mine.gradePercent)}${mine.passed ? ' (passed)' : ''}`}</li>
      ${mine.nextAttemptAvailableAt ? `<li>Your next attempt opens at ${esc(new Date(mine.nextAttemptAvailableAt).toLocaleString())}</li>` : ''}
    </ul>
    ${mine.openAttemptId ? `<p><a class="button" href="#/attempts/${esc(mine.openAttemptId)}">Resume your attempt</a></p>`
      : locked ? lockedHtml
      : canStart ? '<p><button type="button" class="button" id="start-attempt">Start an attempt</button></p><div id="start-error" class="field-error" role="alert"></div>' : '<p>You have used every attempt.</p>'}
    ${rows ? `<h2>Your attempts</h2><table><thead><tr><th scope="col">#</th><th scope="col">Status</th><th scope="col">Score</th><th scope="col">Result</th><th scope="col"><span class="visually-hidden">Link</span></th></tr></thead><tbody>${rows}</tbody></table>` : ''}`;
  const mount = () => document.getElementById('start-attempt')?.addEventListener('click', async event => {
    const button = event.currentTarget;
    button.disabled = true;
    showError('start-error', null);
    try {
      const attempt = await api(`/api/v1/quizzes/${encodeURIComponent(quizId)}/attempts`, { method: 'POST' });
      location.hash = `#/attempts/${attempt.id}`;
    } catch (error) {
      button.disabled = false;
      // Refused here (a lock the outline did not know of yet, no attempt left): say why beside the button.
      showError('start-error', error, () => button.click());
    }
  });
  return { title: quiz.title, html, mount };
});

/** One question as a fieldset, with the learner's saved answer checked; practice sets use it too. */
export function questionField(question, saved) {
  const chosen = new Set(saved?.optionIds || []);
  const legend = `<legend><span class="question-number">Question ${question.number}.</span> ${esc(question.prompt)}</legend>`;
  if (question.type === 'MATCHING') {
    const matches = saved?.matches || {};
    return `<fieldset class="question" data-question="${esc(question.id)}" data-type="MATCHING">${legend}
      ${question.items.map(item => `<label for="m-${esc(question.id)}-${esc(item.id)}">${esc(item.text)}</label>
        <select id="m-${esc(question.id)}-${esc(item.id)}" data-item="${esc(item.id)}">
          <option value="">Choose…</option>
          ${question.options.map(o => `<option value="${esc(o.id)}" ${matches[item.id] === o.id ? 'selected' : ''}>${esc(o.text)}</option>`).join('')}
        </select>`).join('')}</fieldset>`;
  }
  const multiple = question.type === 'MULTIPLE_RESPONSE';
  return `<fieldset class="question" data-question="${esc(question.id)}" data-type="${esc(question.type)}">${legend}
    ${multiple ? '<p class="hint">Choose every answer that applies.</p>' : ''}
    ${question.options.map(o => `<div class="choice"><input type="${multiple ? 'checkbox' : 'radio'}" name="q-${esc(question.id)}"
        id="o-${esc(question.id)}-${esc(o.id)}" value="${esc(o.id)}" ${chosen.has(o.id) ? 'checked' : ''}>
      <label for="o-${esc(question.id)}-${esc(o.id)}">${esc(o.text)}</label></div>`).join('')}</fieldset>`;
}

export function collectAnswers(form) {
  return [...form.querySelectorAll('fieldset.question')].map(fieldset => {
    const questionId = fieldset.dataset.question;
    if (fieldset.dataset.type === 'MATCHING') {
      const matches = {};
      fieldset.querySelectorAll('select').forEach(select => { if (select.value) matches[select.dataset.item] = select.value; });
      return { questionId, matches };
    }
    return { questionId, optionIds: [...fieldset.querySelectorAll('input:checked')].map(input => input.value) };
  });
}

/** The numbers (1-based) of the questions with no answer, or a matching question with an item left unmatched. */
function unanswered(form) {
  return [...form.querySelectorAll('fieldset.question')].map((fieldset, i) => {
    const done = fieldset.dataset.type === 'MATCHING'
      ? [...fieldset.querySelectorAll('select')].every(select => select.value)
      : fieldset.querySelector('input:checked') !== null;
    return done ? null : i + 1;
  }).filter(n => n !== null);
}

let attemptTimer = null;

route('/attempts/:attemptId', async ({ attemptId }) => {
  const attempt = await api(`/api/v1/attempts/${encodeURIComponent(attemptId)}`);
  if (attempt.status !== 'IN_PROGRESS') {
    location.hash = `#/attempts/${attemptId}/result`;
    return { title: 'Attempt', html: '<h1>Attempt submitted</h1>' };
  }
  const saved = Object.fromEntries((attempt.savedAnswers || []).map(a => [a.questionId, a]));
  const html = `<h1>Attempt ${attempt.attemptNumber}</h1>
    ${attempt.deadline ? `<p class="timer" role="timer" aria-live="off">Time left: <strong id="time-left">…</strong></p>` : ''}
    <form id="attempt-form">
      ${attempt.questions.map(q => questionField(q, saved[q.id])).join('')}
      <p id="save-state" class="meta" aria-live="polite"></p>
      <div id="unanswered-warning" class="card confirm" role="alert" hidden>
        <p id="unanswered-text"></p>
        <button type="button" class="button" id="submit-anyway">Submit anyway</button>
        <button type="button" class="button button-secondary" id="keep-answering">Keep answering</button>
      </div>
      <button type="submit" class="button">Submit your answers</button>
      <div id="submit-error" class="field-error" role="alert"></div>
    </form>`;
  const mount = () => {
    const form = document.getElementById('attempt-form');
    const state = document.getElementById('save-state');
    clearInterval(attemptTimer);
    if (attempt.deadline) {
      const deadline = new Date(attempt.deadline).getTime();
      const tick = () => {
        const left = Math.max(0, deadline - Date.now());
        const minutes = Math.floor(left / 60000);
        const seconds = Math.floor((left % 60000) / 1000);
        const el = document.getElementById('time-left');
        if (!el) { clearInterval(attemptTimer); return; }
        el.textContent = `${minutes}:${String(seconds).padStart(2, '0')}`;
      };
      tick();
      attemptTimer = setInterval(tick, 1000);
    }
    // Answers are saved as the learner goes, so a lost connection or a closed tab loses nothing.
    form.addEventListener('change', async () => {
      try {
        await api(`/api/v1/attempts/${encodeURIComponent(attemptId)}/answers`, { method: 'PUT', body: { answers: collectAnswers(form) } });
        state.textContent = `Answers saved at ${new Date().toLocaleTimeString()}.`;
      } catch (error) {
        state.textContent = `Not saved: ${error.message}`;
      }
    });
    const button = form.querySelector('button[type=submit]');
    const warning = document.getElementById('unanswered-warning');
    const submit = async () => {
      button.disabled = true;
      showError('submit-error', null);
      try {
        await api(`/api/v1/attempts/${encodeURIComponent(attemptId)}/submission`, { method: 'POST', body: { answers: collectAnswers(form) } });
        clearInterval(attemptTimer);
        location.hash = `#/attempts/${attemptId}/result`;
      } catch (error) {
        button.disabled = false;
        showError('submit-error', error, submit);
      }
    };
    form.addEventListener('submit', event => {
      event.preventDefault();
      // Unanswered questions score nothing: ask before submitting, and let the learner go back to them.
      const open = unanswered(form);
      if (open.length) {
        document.getElementById('unanswered-text').textContent = open.length === 1
          ? `Question ${open[0]} is not answered. Submit anyway? An unanswered question scores no points.`
          : `${open.length} questions are not answered (questions ${open.join(', ')}). Submit anyway? Unanswered questions score no points.`;
        warning.hidden = false;
        document.getElementById('submit-anyway').focus();
        return;
      }
      submit();
    });
    document.getElementById('submit-anyway').addEventListener('click', () => { warning.hidden = true; submit(); });
    document.getElementById('keep-answering').addEventListener('click', () => {
      warning.hidden = true;
      const first = unanswered(form)[0];
      const fieldset = [...form.querySelectorAll('fieldset.question')][first - 1];
      (fieldset?.querySelector('input, select') || button).focus();
    });
  };
  return { title: `Attempt ${attempt.attemptNumber}`, html, mount };
});

function barChart(canvasId, labels, values, label) {
  drawChart(canvasId, {
    type: 'bar',
    data: { labels, datasets: [{ label, data: values, backgroundColor: '#0b5cad' }] },
    options: { animation: false, scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } }, plugins: { legend: { display: false } } }
  });
}

route('/attempts/:attemptId/result', async ({ attemptId }) => {
  const attempt = await api(`/api/v1/attempts/${encodeURIComponent(attemptId)}`);
  const result = attempt.result;
  if (!result) {
    const back = `<p><a class="button" href="#/quizzes/${esc(attempt.quizId)}">Back to the quiz</a></p>`;
    return attempt.status === 'EXPIRED'
      ? { title: 'Result', html: `<h1>No result: time ran out</h1><p>This attempt was not submitted before its time limit, so it has no score. It counts as an attempt.</p>${back}` }
      : { title: 'Result', html: `<h1>No result yet</h1><p>This attempt is still open: <a href="#/attempts/${esc(attempt.id)}">go back to it</a> and submit it.</p>${back}` };
  }
  const types = POWER_ORDER.filter(t => (result.byPowerType || {})[t]);
  const powerRows = types.map(t => { const p = result.byPowerType[t]; return `<tr><th scope="row">${esc(POWER_LABELS[t] || t)}</th>
      <td>${p.correct} of ${p.total}</td><td>${percentText(p.percent)}</td><td>${p.mastered ? 'Mastered' : 'Not yet'}</td></tr>`; }).join('');
  const questions = (result.questions || []).map(q => `<li class="result-${esc(q.outcome.toLowerCase())}">
      <p><strong>${esc(q.prompt)}</strong> <span class="badge">${esc(q.outcome.toLowerCase())}</span></p>
      ${(q.selected || []).map(f => `<p>You chose “${esc(f.text)}”: ${esc(f.feedback)}</p>`).join('')}
      ${(q.matches || []).map(m => `<p>${esc(m.itemText)}: ${m.correct ? 'right' : 'not right'}. ${esc(m.feedback)}</p>`).join('')}
      ${q.outcome !== 'CORRECT' && q.correctAnswer ? `<p>The right answer: ${q.correctAnswer.map(f => `“${esc(f.text)}”`).join(', ')}</p>` : ''}
    </li>`).join('');
  const revisit = (result.lessonsToRevisit || []).map(id => `<li><a href="#/courses/${esc(attempt.courseId)}/lessons/${esc(id)}">${esc(id.replace(/-/g, ' '))}</a></li>`).join('');
  const html = `<h1>Your result: ${percentText(result.percent)}</h1>
    <p class="verdict ${result.passed ? 'passed' : 'failed'}">${result.passed ? 'Passed' : 'Not passed'} (pass mark ${result.passPercent}%) · ${result.score} of ${result.maxScore} points</p>
    ${types.length ? `<h2>By type of power</h2>
      <canvas id="power-chart" role="img" aria-label="Score per type of power"></canvas>
      <table><thead><tr><th scope="col">Power</th><th scope="col">Correct</th><th scope="col">Score</th><th scope="col">Mastery</th></tr></thead><tbody>${powerRows}</tbody></table>` : ''}
    ${revisit ? `<h2>Lessons to revisit</h2><ul>${revisit}</ul>` : ''}
    <h2>Feedback on each question</h2><ol class="feedback">${questions}</ol>
    <p><a class="button" href="#/quizzes/${esc(attempt.quizId)}">Back to the quiz</a></p>`;
  const mount = () => types.length && barChart('power-chart', types.map(t => POWER_LABELS[t] || t), types.map(t => result.byPowerType[t].percent), 'Score %');
  return { title: 'Result', html, mount };
});
