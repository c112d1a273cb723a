// Upward portal, learner pages: dashboard, course outline, search, lesson reader, progress, certificate, power profile.

import { POWER_LABELS, POWER_ORDER, api, dispatch, drawChart, esc, hasRole, home, percentText, progressBar, route, session, showError, statusText } from './core.js';

// ---- learner: dashboard, outline, lesson, progress --------------------------------------------------

function quizState(quiz) {
  if (quiz.passed) return `passed (${percentText(quiz.percent)})`;
  if (!quiz.attempts) return 'not attempted yet';
  return `not passed yet: ${percentText(quiz.percent)} after ${quiz.attempts} attempt${quiz.attempts > 1 ? 's' : ''}`;
}

route('/', async () => {
  if (!hasRole('learner')) {
    // The logo links here: staff go to their own start page.
    location.replace(`#${home()}`);
    return { title: 'Upward', html: '<h1>Upward</h1>' };
  }
  const [catalogue, progress] = await Promise.all([api('/api/v1/courses'), api('/api/v1/me/progress')]);
  const byCourse = Object.fromEntries(progress.map(p => [p.courseId, p]));
  const cards = catalogue.items.map(course => {
    const mine = byCourse[course.id];
    const percent = mine ? mine.percent : 0;
    const next = mine ? mine.nextLessonId : (course.firstLessonId || null);
    const overdue = mine?.status === 'OVERDUE';
    return `<article class="card${overdue ? ' card-overdue' : ''}">
      <h2><a href="#/courses/${esc(course.id)}">${esc(course.title)}</a></h2>
      <p>${esc(course.summary)}</p>
      <p class="meta">${course.lessonCount} lessons · about ${course.estimatedMinutes} minutes</p>
      ${overdue ? `<p class="warning"><strong>Overdue:</strong> this course was due on ${esc(mine.dueDate)}.</p>`
        : mine?.dueDate ? `<p>Due on <strong>${esc(mine.dueDate)}</strong>.</p>` : ''}
      ${progressBar(percent, `Progress in ${course.title}`)}
      <p>${mine ? `Status: <strong>${esc(statusText(mine.status))}</strong>` : 'Not started yet.'}</p>
      ${mine?.quizzes?.length ? `<ul class="quiz-states">${mine.quizzes.map(q => `<li>${esc(q.title)}${q.required ? ' (required)' : ''}: ${esc(quizState(q))}</li>`).join('')}</ul>` : ''}
      <p><a class="button" href="#/courses/${esc(course.id)}${next ? `/lessons/${esc(next)}` : ''}">${mine ? (next ? 'Continue' : 'Review') : 'Start'}</a>
        ${mine?.certificateId ? ` <a href="#/certificates/${esc(mine.certificateId)}">Your certificate</a>` : ''}</p>
    </article>`;
  }).join('');
  // #practice-today is filled by practice.js when the dashboard announces itself.
  return { title: 'Dashboard', html: `<h1>Welcome, ${esc(session.user.name || '')}</h1><div class="grid">${cards || '<p>No course yet.</p>'}</div><section id="practice-today" aria-live="polite"></section>`,
    mount: () => document.dispatchEvent(new Event('upward:dashboard')) };
});

/** Search snippets are HTML with <mark> around matches: keep the text and the marks, nothing else. */
function safeSnippet(html) {
  const doc = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
  return [...doc.body.firstChild.childNodes]
    .map(node => node.nodeName === 'MARK' ? `<mark>${esc(node.textContent)}</mark>` : esc(node.textContent)).join('');
}

route('/courses/:courseId/search(?:\\?.*)?', async ({ courseId }) => {
  const q = new URLSearchParams(location.hash.split('?')[1] || '').get('q') || '';
  const results = q ? await api(`/api/v1/courses/${encodeURIComponent(courseId)}/search?${new URLSearchParams({ q })}`) : { items: [] };
  const items = results.items.map(r => `<li><a href="#/courses/${esc(courseId)}/lessons/${esc(r.lessonId)}">${esc(r.title)}</a>
      <p class="snippet">${safeSnippet(r.snippet || '')}</p></li>`).join('');
  return { title: `Search: ${q}`, html: `<h1>Search results for “${esc(q)}”</h1>
    ${searchForm(courseId, q)}
    ${items ? `<ol class="search-results">${items}</ol>` : '<p>No lesson matches.</p>'}
    <p><a href="#/courses/${esc(courseId)}">Back to the course</a></p>`, mount: () => mountSearch(courseId) };
});

function searchForm(courseId, q = '') {
  return `<form role="search" class="search-form" id="search-form" data-course="${esc(courseId)}">
    <label for="search-q">Search the lessons</label>
    <input id="search-q" name="q" type="search" maxlength="200" value="${esc(q)}" required>
    <button type="submit" class="button">Search</button></form>`;
}

function mountSearch(courseId) {
  document.getElementById('search-form')?.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = `#/courses/${courseId}/search?${new URLSearchParams({ q: event.target.q.value })}`;
  });
}

route('/courses/:courseId', async ({ courseId }) => {
  const outline = await api(`/api/v1/courses/${encodeURIComponent(courseId)}`);
  const modules = outline.modules.map(module => `<section class="module">
      <h2>${module.position}. ${esc(module.title)}</h2>
      <ol class="lessons">${module.lessons.map(lesson => `<li class="${lesson.completed ? 'done' : ''}">
        <a href="#/courses/${esc(courseId)}/lessons/${esc(lesson.id)}">${esc(lesson.title)}</a>
        <span class="meta">${lesson.estimatedMinutes} min${lesson.completed ? ' · <span class="badge">Done</span>' : ''}</span></li>`).join('')}
      </ol>
      ${module.quizzes.map(quiz => `<div class="quiz-item">
        <strong>Quiz: ${esc(quiz.title)}</strong> (pass mark ${quiz.passPercent}%${quiz.required ? ', required' : ''})
        ${quiz.unlocked ? `<a class="button" href="#/quizzes/${esc(quiz.id)}">Open the quiz</a>`
                        : `<p class="locked">Locked. ${esc(quiz.lockedReason)}</p>`}</div>`).join('')}
    </section>`).join('');
  return { title: outline.title, html: `<h1>${esc(outline.title)}</h1>
    <p>${esc(outline.summary)}</p>
    <p class="meta">Version ${outline.version} · ${outline.lessonsCompleted} of ${outline.lessonsTotal} lessons done</p>
    ${progressBar(Math.floor(100 * outline.lessonsCompleted / Math.max(1, outline.lessonsTotal)), 'Lessons done')}
    ${outline.nextLessonId ? `<p><a class="button" href="#/courses/${esc(courseId)}/lessons/${esc(outline.nextLessonId)}">Next lesson</a></p>` : ''}
    ${searchForm(courseId)}
    ${modules}
    <p class="attribution">${esc(outline.attribution)}</p>`, mount: () => mountSearch(courseId) };
});

/** One lesson block as learners see it (the author's preview uses it too). */
export function block(b) {
  const paragraphs = text => esc(text).split(/\n\n+/).map(p => `<p>${p}</p>`).join('');
  switch (b.type) {
    case 'text': return `<div class="block block-text">${paragraphs(b.text)}</div>`;
    case 'key-points': return `<aside class="block block-key-points" aria-label="Key points"><h2>${esc(b.title || 'Key points')}</h2><ul>${b.items.map(i => `<li>${esc(i)}</li>`).join('')}</ul></aside>`;
    case 'quote': return `<figure class="block block-quote"><blockquote>${paragraphs(b.text)}</blockquote><figcaption>${esc(b.cite)}</figcaption></figure>`;
    case 'interview': return `<section class="block block-interview"><p class="question"><strong>${esc(b.asker)}:</strong> ${esc(b.question)}</p><div class="answer"><strong>${esc(b.answerer)}:</strong> ${paragraphs(b.answer)}</div></section>`;
    case 'reflection': return `<aside class="block block-reflection" aria-label="Reflect"><h2>Reflect</h2><p>${esc(b.prompt)}</p></aside>`;
    default: return '';
  }
}

route('/courses/:courseId/lessons/:lessonId', async ({ courseId, lessonId }) => {
  const lesson = await api(`/api/v1/courses/${encodeURIComponent(courseId)}/lessons/${encodeURIComponent(lessonId)}`);
  const base = `#/courses/${esc(courseId)}/lessons/`;
  const html = `<article class="lesson">
    <p class="meta"><a href="#/courses/${esc(courseId)}">${esc(lesson.moduleTitle)}</a> · lesson ${lesson.position} · ${lesson.estimatedMinutes} min</p>
    <h1>${esc(lesson.title)}</h1>
    <section class="objectives" aria-label="Learning objectives"><h2>In this lesson you will</h2>
      <ul>${lesson.objectives.map(o => `<li>${esc(o)}</li>`).join('')}</ul></section>
    ${lesson.blocks.map(block).join('')}
    <div class="lesson-actions">
      <p id="completion-state" aria-live="polite">${lesson.completed ? 'You completed this lesson.' : ''}</p>
      ${lesson.completed ? '' : '<button type="button" class="button" id="complete">Mark complete</button>'}
      <div id="complete-error" class="field-error" role="alert"></div>
    </div>
    <nav class="pager" aria-label="Lessons">
      ${lesson.previousLessonId ? `<a href="${base}${esc(lesson.previousLessonId)}" rel="prev">← Previous</a>` : '<span></span>'}
      ${lesson.nextLessonId ? `<a href="${base}${esc(lesson.nextLessonId)}" rel="next">Next →</a>` : `<a href="#/courses/${esc(courseId)}">Back to the course</a>`}
    </nav>
    <p class="attribution">${esc(lesson.attribution)}</p>
  </article>
  ${searchForm(courseId)}`;
  const mountCompletion = () => document.getElementById('complete')?.addEventListener('click', async event => {
    const button = event.currentTarget;
    button.disabled = true;
    showError('complete-error', null);
    try {
      await api(`/api/v1/courses/${encodeURIComponent(courseId)}/lessons/${encodeURIComponent(lessonId)}/completion`, { method: 'POST' });
      document.getElementById('completion-state').textContent = 'You completed this lesson.';
      button.remove();
    } catch (error) {
      button.disabled = false;
      showError('complete-error', error, () => button.click());
    }
  });
  return { title: lesson.title, html, mount: () => { mountCompletion(); mountSearch(courseId); } };
});

route('/progress', async () => {
  const progress = await api('/api/v1/me/progress');
  const rows = progress.map(p => `<section class="card">
      <h2><a href="#/courses/${esc(p.courseId)}">${esc(p.title)}</a></h2>
      ${progressBar(p.percent, `Progress in ${p.title}`)}
      <p>Status: <strong>${esc(p.status.replace('_', ' ').toLowerCase())}</strong> · ${p.lessonsCompleted} of ${p.lessonsTotal} lessons</p>
      ${p.certificateId ? `<p><a href="#/certificates/${esc(p.certificateId)}">Your certificate</a></p>` : ''}
    </section>`).join('');
  return { title: 'My progress', html: `<h1>My progress</h1>${rows || '<p>You have not started a course yet.</p>'}` };
});

route('/certificates/:certificateId', async ({ certificateId }) => {
  const certificate = await api(`/api/v1/certificates/${encodeURIComponent(certificateId)}`);
  const verifyUrl = `${location.origin}/api/v1/certificates/${encodeURIComponent(certificateId)}/print`;
  return { title: 'Certificate', html: `<section class="certificate card">
      <h1>Certificate of completion</h1>
      <p class="certificate-name">${esc(certificate.learnerName)}</p>
      <p>completed <strong>${esc(certificate.courseTitle)}</strong> on ${esc(new Date(certificate.completedAt).toLocaleDateString())}.</p>
      <p class="meta">Certificate ${esc(certificate.certificateId)}</p>
      <p><a class="button" href="${esc(verifyUrl)}" target="_blank" rel="noopener">Printable certificate</a></p>
      <p>Anyone can check it at <a href="${esc(verifyUrl)}">${esc(verifyUrl)}</a>.</p>
    </section>` };
});


route('/power-profile', async () => {
  const profile = await api('/api/v1/me/power-profile');
  const answers = profile.answers || {};
  const scale = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'];
  const html = `<h1>Your power profile</h1>
    <p>Understand what power you have and utilize it. Rate each statement; there are no right answers and nothing is graded.</p>
    ${profile.result ? `<canvas id="profile-chart" role="img" aria-label="Your power profile"></canvas>
      <table id="profile-table"><caption>Your profile in numbers</caption><thead><tr><th scope="col">Type of power</th><th scope="col">Score</th></tr></thead>
        <tbody>${POWER_ORDER.filter(t => profile.result[t]).map(t => `<tr><th scope="row">${esc(POWER_LABELS[t] || t)}</th><td>${esc(percentText(profile.result[t].percent))}</td></tr>`).join('')}</tbody></table>
      <p>Your strongest: ${(profile.strongest || []).map(t => esc(POWER_LABELS[t] || t)).join(', ')}</p>` : ''}
    <form id="profile-form">
      ${profile.statements.map(st => `<fieldset class="question"><legend>${esc(st.text)}</legend>
        <div class="likert">${scale.map((label, i) => `<span class="choice"><input type="radio" name="${esc(st.id)}" id="${esc(st.id)}-${i + 1}" value="${i + 1}" ${answers[st.id] === i + 1 ? 'checked' : ''} required>
        <label for="${esc(st.id)}-${i + 1}">${label}</label></span>`).join('')}</div></fieldset>`).join('')}
      <button type="submit" class="button">Save my profile</button>
      <div id="profile-error" class="field-error" role="alert"></div>
    </form>`;
  const mount = () => {
    if (profile.result) {
      const types = POWER_ORDER.filter(t => profile.result[t]);
      drawChart('profile-chart', {
        type: 'radar',
        data: { labels: types.map(t => POWER_LABELS[t] || t), datasets: [{ label: 'Your profile', data: types.map(t => profile.result[t].percent), backgroundColor: 'rgba(11,92,173,0.2)', borderColor: '#0b5cad' }] },
        options: { animation: false, scales: { r: { min: 0, max: 100 } } }
      });
    }
    document.getElementById('profile-form').addEventListener('submit', async event => {
      event.preventDefault();
      const data = Object.fromEntries([...new FormData(event.target).entries()].map(([k, v]) => [k, Number(v)]));
      try {
        await api('/api/v1/me/power-profile', { method: 'PUT', body: { answers: data } });
        dispatch();
      } catch (error) {
        showError('profile-error', error, () => event.target.requestSubmit());
      }
    });
  };
  return { title: 'Power profile', html, mount };
});
