// Upward portal: a small client-side application over the public API (/api/v1).
// The access token lives only in memory (never in localStorage): a reload asks to sign in again.

const session = { token: null, claims: null };
const main = () => document.getElementById('main');

// ---- helpers ---------------------------------------------------------------------------------------

/** Escapes text for HTML: every value from the API goes through this before it reaches the page. */
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function decodeClaims(token) {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(escape(atob(payload))));
}

const statusText = status => status.replace('_', ' ').toLowerCase();
const percentText = value => `${Math.round(Number(value) * 10) / 10}%`;

function hasRole(role) {
  return (session.claims?.groups || []).includes(role);
}

class ApiError extends Error {
  constructor(problem, { network = false } = {}) {
    super(problem.detail || problem.title || 'Request failed');
    this.problem = problem;
    this.status = problem.status;
    // Worth trying again as it is: the connection failed, or the service was briefly unavailable.
    this.retryable = network || [502, 503, 504].includes(problem.status);
  }
}

const CONNECTION_FAILED = 'The connection to Upward failed. Check that you are online, then try again.';

/** Calls the API with the session's token; problem+json answers become ApiErrors with their detail. */
export async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (options.body !== undefined && typeof options.body !== 'string') {
    headers['Content-Type'] = 'application/json';
    options = { ...options, body: JSON.stringify(options.body) };
  }
  let response;
  try {
    response = await fetch(path, { ...options, headers });
  } catch {
    // The browser's own words ("Failed to fetch") tell a person nothing: nothing was answered at all.
    throw new ApiError({ title: 'Connection failed', detail: CONNECTION_FAILED }, { network: true });
  }
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    const problem = type.includes('json') ? await response.json() : { status: response.status, title: response.statusText };
    if (response.status === 401 && session.token) signOut('Your session has ended. Please sign in again.');
    throw new ApiError(problem);
  }
  if (response.status === 204) return null;
  const body = await (type.includes('json') ? response.json() : response.text());
  options.onEtag?.(response.headers.get('ETag'));
  return body;
}

/** The input a problem's field error names: by data-problem-field, then by name; "items[2]" falls back to "items". */
function fieldFor(scope, field) {
  let name = field;
  while (name) {
    const input = scope.querySelector(`[data-problem-field="${CSS.escape(name)}"]`) || scope.querySelector(`[name="${CSS.escape(name)}"]`);
    if (input) return input;
    const shorter = name.replace(/\[\d+\]$/, '');
    if (shorter === name) return null;
    name = shorter;
  }
  return null;
}

/**
 * Shows why an action failed beside it: the problem's detail in the action's error slot (a role=alert element),
 * each field error beside its field (aria-invalid, aria-describedby), and a retry button when trying again can help.
 * Called with no error, it clears what an earlier failure showed.
 */
function showError(slotId, error, retry) {
  const slot = document.getElementById(slotId);
  if (!slot) { if (error) notify(error.message); return; }
  const scope = slot.parentElement.closest('form, section, div') || main();
  scope.querySelectorAll('.field-problem').forEach(p => p.remove());
  scope.querySelectorAll('[aria-invalid]').forEach(input => { input.removeAttribute('aria-invalid'); input.removeAttribute('aria-describedby'); });
  slot.textContent = '';
  if (!error) return;
  const unplaced = [];
  (error.problem?.errors || []).forEach(({ field, message }, i) => {
    const input = fieldFor(scope, field || '');
    if (!input) { unplaced.push(`${field ? `${field}: ` : ''}${message}`); return; }
    const id = `${slotId}-field-${i}`;
    input.insertAdjacentHTML('afterend', `<p class="field-error field-problem" id="${id}">${esc(message)}</p>`);
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
  });
  const detail = error.problem?.errors?.length ? 'Some fields need a change: see the messages beside them.' : error.message;
  slot.innerHTML = `<span>${esc(detail)}</span>${unplaced.length ? `<ul>${unplaced.map(u => `<li>${esc(u)}</li>`).join('')}</ul>` : ''}
    ${retry && error.retryable ? ' <button type="button" class="button button-secondary retry">Try again</button>' : ''}`;
  slot.querySelector('.retry')?.addEventListener('click', () => { showError(slotId, null); retry(); });
}

function notify(message, kind = 'error') {
  const notice = document.getElementById('notice');
  notice.textContent = message;
  notice.className = `notice notice-${kind}`;
  notice.hidden = !message;
}

function render(html, title) {
  const el = main();
  el.innerHTML = html;
  document.title = title ? `${title} · Upward` : 'Upward';
  // Move focus to the new content so keyboard and screen-reader users land on it.
  const heading = el.querySelector('h1');
  (heading || el).setAttribute('tabindex', '-1');
  (heading || el).focus();
}

function progressBar(percent, label) {
  // The native element: accessible as it is, and no inline style (the CSP forbids them).
  const value = Number(percent) || 0;
  return `<progress class="progress" max="100" value="${value}" aria-label="${esc(label)}">${value}%</progress><span class="progress-text">${value}%</span>`;
}

// ---- navigation ------------------------------------------------------------------------------------

function renderNav() {
  const nav = document.getElementById('nav');
  if (!session.token) {
    nav.innerHTML = '';
    return;
  }
  const links = [];
  if (hasRole('learner')) links.push(['#/', 'Dashboard'], ['#/progress', 'My progress'], ['#/power-profile', 'Power profile']);
  if (hasRole('admin')) links.push(['#/admin', 'Reports']);
  if (hasRole('author')) links.push(['#/author', 'Authoring']);
  nav.innerHTML = `<ul>${links.map(([href, text]) => `<li><a href="${href}">${esc(text)}</a></li>`).join('')}
    <li><span class="who">${esc(session.claims.name || session.claims.upn)}</span></li>
    <li><button type="button" id="sign-out" class="link-button">Sign out</button></li></ul>`;
  document.getElementById('sign-out').addEventListener('click', () => signOut());
}

function signOut(message) {
  session.token = null;
  session.claims = null;
  renderNav();
  location.hash = '#/signin';
  if (message) notify(message, 'info');
}

// Views return { title, html, mount }: dispatch renders them, then mount wires up their controls.
const routes = [];
export function route(pattern, view) {
  const keys = [];
  const regex = new RegExp('^' + pattern.replace(/:([a-zA-Z]+)/g, (_, key) => { keys.push(key); return '([^/]+)'; }) + '$');
  routes.push({ regex, keys, view });
}

const currentPath = () => location.hash.replace(/^#/, '') || '/';

async function dispatch() {
  const path = currentPath();
  if (!session.token && path !== '/signin' && !path.startsWith('/lti/')) {
    location.hash = '#/signin';
    return;
  }
  notify('');
  for (const { regex, keys, view } of routes) {
    const match = path.match(regex);
    if (match) {
      const params = Object.fromEntries(keys.map((key, i) => [key, decodeURIComponent(match[i + 1])]));
      let page;
      try {
        page = await view(params);
      } catch (error) {
        page = { title: 'Error', html: `<h1>Something went wrong</h1><p>${esc(error.message)}</p><p><a href="#/">Back to the dashboard</a></p>` };
      }
      // A slower, older navigation must not overwrite the page the user has moved on to.
      if (currentPath() !== path) return;
      render(page.html, page.title);
      page.mount?.();
      return;
    }
  }
  render('<h1>Page not found</h1><p><a href="#/">Back to the dashboard</a></p>', 'Not found');
}

// ---- sign-in ---------------------------------------------------------------------------------------

route('/signin', async () => ({
  title: 'Sign in',
  html: `<section class="card narrow">
    <h1>Sign in</h1>
    <form id="signin-form" novalidate>
      <label for="username">Username</label>
      <input id="username" name="username" autocomplete="username" required placeholder="learner1@acme">
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
      <p id="signin-error" class="field-error" role="alert"></p>
      <button type="submit" class="button">Sign in</button>
    </form>
  </section>`,
  mount: () => document.getElementById('signin-form').addEventListener('submit', async event => {
    event.preventDefault();
    const form = event.target;
    showError('signin-error', null);
    try {
      const answer = await api('/api/v1/auth/token', { method: 'POST', body: { username: form.username.value, password: form.password.value } });
      session.token = answer.access_token;
      session.claims = decodeClaims(session.token);
      renderNav();
      location.hash = hasRole('learner') ? '#/' : hasRole('admin') ? '#/admin' : hasRole('author') ? '#/author' : '#/';
    } catch (error) {
      showError('signin-error', error, () => form.requestSubmit());
    }
  })
}));

// An LTI launch lands here with a one-time code: the gateway's session for the launched learner, and where to go.
route('/lti/:code', async ({ code }) => {
  try {
    const answer = await api('/api/v1/auth/lti-session', { method: 'POST', body: { code } });
    session.token = answer.accessToken;
    session.claims = decodeClaims(session.token);
    renderNav();
    location.replace('#' + answer.landing);
    return { title: 'Opening', html: '<p>Opening Upward…</p>' };
  } catch (error) {
    return { title: 'Launch expired', html: `<h1>This launch has expired</h1><p>${esc(error.message)}</p>` };
  }
});

// ---- learner: dashboard, outline, lesson, progress --------------------------------------------------

function quizState(quiz) {
  if (quiz.passed) return `passed (${percentText(quiz.percent)})`;
  if (!quiz.attempts) return 'not attempted yet';
  return `not passed yet: ${percentText(quiz.percent)} after ${quiz.attempts} attempt${quiz.attempts > 1 ? 's' : ''}`;
}

route('/', async () => {
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
  return { title: 'Dashboard', html: `<h1>Welcome, ${esc(session.claims.name || '')}</h1><div class="grid">${cards || '<p>No course yet.</p>'}</div>` };
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

function block(b) {
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

function questionField(question, saved) {
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

function collectAnswers(form) {
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

// Position power first (role, penalty), then personal power (reputation, expertise), as the course teaches them.
const POWER_ORDER = ['ROLE', 'PENALTY', 'REPUTATION', 'EXPERTISE'];
const POWER_LABELS = { ROLE: 'Role', PENALTY: 'Penalty', REPUTATION: 'Reputation', EXPERTISE: 'Expertise' };

function barChart(canvasId, labels, values, label) {
  if (!window.Chart) return;
  new window.Chart(document.getElementById(canvasId), {
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

route('/power-profile', async () => {
  const profile = await api('/api/v1/me/power-profile');
  const answers = profile.answers || {};
  const scale = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'];
  const html = `<h1>Your power profile</h1>
    <p>Understand what power you have and utilize it. Rate each statement; there are no right answers and nothing is graded.</p>
    ${profile.result ? `<canvas id="profile-chart" role="img" aria-label="Your power profile"></canvas>
      <p>Your strongest: ${(profile.strongest || []).map(t => esc(POWER_LABELS[t] || t)).join(', ')}</p>` : ''}
    <form id="profile-form">
      ${profile.statements.map(st => `<fieldset class="question"><legend>${esc(st.text)}</legend>
        <div class="likert">${scale.map((label, i) => `<span class="choice"><input type="radio" name="${esc(st.id)}" id="${esc(st.id)}-${i + 1}" value="${i + 1}" ${answers[st.id] === i + 1 ? 'checked' : ''} required>
        <label for="${esc(st.id)}-${i + 1}">${label}</label></span>`).join('')}</div></fieldset>`).join('')}
      <button type="submit" class="button">Save my profile</button>
      <div id="profile-error" class="field-error" role="alert"></div>
    </form>`;
  const mount = () => {
    if (profile.result && window.Chart) {
      const types = POWER_ORDER.filter(t => profile.result[t]);
      new window.Chart(document.getElementById('profile-chart'), {
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

// ---- admin: key figures, charts, learners, CSV, assignment, question statistics ---------------------

const ADMIN_COURSE = 'how-to-lead-upward';
const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'OVERDUE'];
const rate = value => value == null ? '–' : percentText(value);

function chart(id, type, labels, data, label, max) {
  if (!window.Chart) return;
  new window.Chart(document.getElementById(id), {
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
  const html = `<h1>Reports: How to Lead Upward</h1>
    <section aria-label="Key figures" class="figures">
      ${figure('Enrolled', summary.enrolled)}${figure('Started', summary.started)}${figure('Completed', summary.completed)}
      ${figure('Completion rate', rate(summary.completionRate))}${figure('Pass rate', rate(summary.passRate))}
      ${figure('Average score', rate(summary.averageScore))}${figure('Overdue', summary.overdue)}
    </section>
    <p><a href="#/admin/learners">Learners</a> · <a href="#/admin/assign">Assign the course</a> · <a href="#/admin/questions">Question statistics</a></p>
    <div class="charts">
      <section><h2>Lesson funnel</h2><canvas id="funnel-chart" role="img" aria-label="Learners who reached each lesson"></canvas></section>
      <section><h2>Power-type mastery</h2><canvas id="mastery-chart" role="img" aria-label="Share of learners who mastered each type of power"></canvas></section>
      <section><h2>Completions per week</h2><canvas id="weeks-chart" role="img" aria-label="Completions per week"></canvas></section>
    </div>`;
  const mount = () => {
    chart('funnel-chart', 'bar', funnel.lessons.map(l => l.position ?? l.lessonId), funnel.lessons.map(l => l.learners), 'Learners');
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
  const rows = page.items.map(r => `<tr><td>${esc(r.name || r.learnerId)}</td><td>${esc(statusText(r.status))}</td>
      <td>${r.percent}%</td><td>${r.bestScore == null ? '–' : percentText(r.bestScore)}</td><td>${esc(r.dueDate || '–')}</td>
      <td>${r.completedAt ? esc(new Date(r.completedAt).toLocaleDateString()) : '–'}</td></tr>`).join('');
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
    <table><caption>${page.totalItems} learners · page ${page.page + 1} of ${Math.max(1, page.totalPages)}</caption>
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
      // The token is in memory only, so the file is fetched with it and handed to the browser as a Blob.
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

route('/admin/assign', async () => ({
  title: 'Assign the course',
  html: `<h1>Assign the course</h1>
    <form id="assign-form" class="card">
      <label for="learner-ids">Learner ids (one per line)</label>
      <textarea id="learner-ids" name="learnerIds" rows="5" required></textarea>
      <label for="due-date">Due date</label>
      <input id="due-date" name="dueDate" type="date" required>
      <button type="submit" class="button">Assign “How to Lead Upward”</button>
      <p id="assign-result" role="status"></p>
      <div id="assign-error" class="field-error" role="alert"></div>
    </form>`,
  mount: () => document.getElementById('assign-form').addEventListener('submit', async event => {
    event.preventDefault();
    const form = new FormData(event.target);
    const learnerIds = String(form.get('learnerIds')).split(/\s+/).filter(Boolean);
    showError('assign-error', null);
    document.getElementById('assign-result').textContent = '';
    try {
      const assigned = await api('/api/v1/admin/enrolments', { method: 'POST', body: { learnerIds, courseId: ADMIN_COURSE, dueDate: form.get('dueDate') } });
      document.getElementById('assign-result').textContent = `Assigned to ${assigned.learnerIds.length} learner${assigned.learnerIds.length === 1 ? "" : "s"}, due ${assigned.dueDate}.`;
    } catch (error) {
      showError('assign-error', error, () => event.target.requestSubmit());
    }
  })
}));

route('/admin/questions', async () => {
  const stats = await api('/api/v1/admin/question-statistics/four-types-of-power');
  const rows = stats.questions.map(q => `<tr><td>${esc(q.prompt)}</td><td>${q.attempts}</td><td>${percentText(q.facilityIndex)}</td>
      <td>${q.discriminationIndex == null ? '–' : percentText(q.discriminationIndex)}</td></tr>`).join('');
  return { title: 'Question statistics', html: `<h1>Question statistics: the four types of power</h1>
    <p>Over ${stats.firstAttempts} first attempts. Cronbach's alpha: ${stats.cronbachAlpha == null ? 'not enough data yet' : stats.cronbachAlpha.toFixed(2)}.</p>
    <table><thead><tr><th scope="col">Question</th><th scope="col">Attempts</th><th scope="col">Facility</th><th scope="col">Discrimination</th></tr></thead>
    <tbody>${rows || '<tr><td colspan="4">No attempts yet.</td></tr>'}</tbody></table>` };
});

// ---- author: drafts, lesson editing, publishing ----------------------------------------------------

const enc = encodeURIComponent;

route('/author', async () => {
  const page = await api('/api/v1/admin/courses');
  const rows = page.items.map(c => `<tr><td>${esc(c.title)}</td><td>${c.latestVersion ?? '–'}</td>
      <td>${c.draft ? `Draft (revision ${c.draft.revision})` : 'No draft'}</td>
      <td>${c.draft ? `<a href="#/author/${esc(c.courseId)}">Open the draft</a>`
                    : `<button type="button" class="link-button start-draft" data-course="${esc(c.courseId)}">Start a draft of version ${(c.latestVersion || 0) + 1}</button>`}</td></tr>`).join('');
  const mount = () => document.querySelectorAll('.start-draft').forEach(button => button.addEventListener('click', async () => {
    try {
      await api(`/api/v1/admin/courses/${enc(button.dataset.course)}/draft`, { method: 'POST', body: { start: 'LATEST' } });
      location.hash = `#/author/${button.dataset.course}`;
    } catch (error) {
      notify(error.message);
    }
  }));
  return { title: 'Authoring', mount, html: `<h1>Authoring</h1>
    <table><thead><tr><th scope="col">Course</th><th scope="col">Published version</th><th scope="col">Draft</th><th scope="col">Action</th></tr></thead><tbody>${rows}</tbody></table>` };
});

route('/author/:courseId', async ({ courseId }) => {
  const [draft, validation] = await Promise.all([
    api(`/api/v1/admin/courses/${enc(courseId)}/draft`),
    api(`/api/v1/admin/courses/${enc(courseId)}/draft/validation`)]);
  const modules = draft.modules.map(m => `<section class="module"><h2>${esc(m.title)}</h2><ol>
      ${m.lessons.map(l => `<li><a href="#/author/${esc(courseId)}/lessons/${esc(l.id)}">${esc(l.title)}</a>
        <span class="meta">${l.estimatedMinutes} min · ${l.blockCount} blocks</span></li>`).join('')}</ol></section>`).join('');
  const html = `<h1>Draft of ${esc(draft.title)}</h1>
    <p class="meta">Based on version ${draft.basedOnVersion ?? '–'} · revision ${draft.revision}</p>
    <section class="card" aria-label="Validation"><h2>Ready to publish?</h2>
      ${validation.valid ? `<p>The draft is valid. Publishing makes it version ${validation.version}; learners on an earlier version keep theirs until they finish.</p>
        <button type="button" class="button" id="publish">Publish version ${validation.version}</button>`
        : `<p>Publishing would be refused:</p><ul>${validation.problems.map(problem => `<li>${esc(problem)}</li>`).join('')}</ul>`}
      <p id="publish-result" role="status"></p>
      <div id="publish-error" class="field-error" role="alert"></div>
    </section>
    ${modules}`;
  const mount = () => document.getElementById('publish')?.addEventListener('click', async event => {
    const button = event.currentTarget;
    button.disabled = true;
    showError('publish-error', null);
    try {
      const publication = await api(`/api/v1/admin/courses/${enc(courseId)}/draft/publication`, { method: 'POST', headers: { 'If-Match': `"${draft.revision}"` } });
      document.getElementById('publish-result').textContent = `Published version ${publication.version} with ${publication.lessonCount} lessons.`;
    } catch (error) {
      button.disabled = false;
      showError('publish-error', error, () => button.click());
    }
  });
  return { title: 'Draft', html, mount };
});

const BLOCK_FIELDS = {
  text: [['text', 'Text', 'area']],
  'key-points': [['title', 'Title', 'line'], ['items', 'Points (one per line)', 'lines']],
  quote: [['text', 'Quote', 'area'], ['cite', 'Cited from', 'line']],
  interview: [['asker', 'Asked by', 'line'], ['question', 'Question', 'area'], ['answerer', 'Answered by', 'line'], ['answer', 'Answer', 'area']],
  reflection: [['prompt', 'Prompt', 'area']]
};

function blockEditor(b, i) {
  const fields = BLOCK_FIELDS[b.type] || [];
  return `<fieldset class="question block-editor" data-type="${esc(b.type)}"><legend>Block ${i + 1}: ${esc(b.type)}</legend>
    ${fields.map(([name, label, kind]) => {
      const id = `b${i}-${name}`;
      const value = kind === 'lines' ? (b[name] || []).join('\n') : (b[name] ?? '');
      return `<label for="${id}">${esc(label)}</label>${kind === 'line'
        ? `<input id="${id}" data-field="${name}" data-kind="${kind}" data-problem-field="blocks[${i}].${name}" value="${esc(value)}">`
        : `<textarea id="${id}" data-field="${name}" data-kind="${kind}" data-problem-field="blocks[${i}].${name}" rows="${kind === 'area' ? 5 : 4}">${esc(value)}</textarea>`}`;
    }).join('')}</fieldset>`;
}

route('/author/:courseId/lessons/:lessonId', async ({ courseId, lessonId }) => {
  const base = `/api/v1/admin/courses/${enc(courseId)}/draft`;
  const [draft, lesson] = await Promise.all([api(base), api(`${base}/lessons/${enc(lessonId)}`)]);
  const html = `<h1>Edit: ${esc(lesson.title)}</h1>
    <form id="lesson-form">
      <label for="lesson-title">Title</label><input id="lesson-title" name="title" value="${esc(lesson.title)}" required>
      <label for="lesson-minutes">Estimated minutes</label><input id="lesson-minutes" name="estimatedMinutes" type="number" min="1" max="240" value="${lesson.estimatedMinutes}">
      <label for="lesson-objectives">Learning objectives (one per line)</label>
      <textarea id="lesson-objectives" name="objectives" rows="4">${esc(lesson.objectives.join('\n'))}</textarea>
      ${lesson.blocks.map(blockEditor).join('')}
      <button type="submit" class="button">Save the lesson</button>
      <p id="save-result" role="status"></p>
      <div id="save-error" class="field-error" role="alert"></div>
    </form>
    <p><a href="#/author/${esc(courseId)}">Back to the draft</a></p>`;
  // Every save names the revision it edits (If-Match): the page-load one first, then the one each save returned.
  let revision = draft.revision;
  const mount = () => document.getElementById('lesson-form').addEventListener('submit', async event => {
    event.preventDefault();
    const form = event.target;
    const result = document.getElementById('save-result');
    result.textContent = '';
    showError('save-error', null);
    const blocks = [...form.querySelectorAll('.block-editor')].map(fieldset => {
      const block = { type: fieldset.dataset.type };
      fieldset.querySelectorAll('[data-field]').forEach(input => {
        const value = input.dataset.kind === 'lines' ? input.value.split('\n').map(v => v.trim()).filter(Boolean) : input.value;
        if (!(input.dataset.field === 'title' && value === '')) block[input.dataset.field] = value;
      });
      return block;
    });
    const body = { id: lesson.id, moduleId: lesson.moduleId, title: form.title.value, estimatedMinutes: Number(form.estimatedMinutes.value),
      required: lesson.required, objectives: form.objectives.value.split('\n').map(v => v.trim()).filter(Boolean), blocks };
    try {
      await api(`${base}/lessons/${enc(lessonId)}`, { method: 'PUT', body, headers: { 'If-Match': `"${revision}"` },
        onEtag: tag => { if (tag) revision = tag.replace(/^W\//, '').replace(/"/g, ''); } });
      result.textContent = `Saved (draft revision ${revision}).`;
    } catch (error) {
      showError('save-error', error, () => form.requestSubmit());
    }
  });
  return { title: `Edit ${lesson.title}`, html, mount };
});

// The skip link moves focus to the main content. Its href (#main) works without JavaScript, but here the hash is
// the route: following it would navigate to a page that does not exist.
function mountSkipLink() {
  document.querySelector('.skip-link')?.addEventListener('click', event => {
    event.preventDefault();
    main().focus();
  });
}

window.addEventListener('hashchange', dispatch);
window.addEventListener('DOMContentLoaded', () => { mountSkipLink(); renderNav(); dispatch(); });
