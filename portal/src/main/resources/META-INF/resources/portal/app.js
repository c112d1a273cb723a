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

function hasRole(role) {
  return (session.claims?.groups || []).includes(role);
}

class ApiError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || 'Request failed');
    this.problem = problem;
    this.status = problem.status;
  }
}

/** Calls the API with the session's token; problem+json answers become ApiErrors with their detail. */
export async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (options.body !== undefined && typeof options.body !== 'string') {
    headers['Content-Type'] = 'application/json';
    options = { ...options, body: JSON.stringify(options.body) };
  }
  const response = await fetch(path, { ...options, headers });
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    const problem = type.includes('json') ? await response.json() : { status: response.status, title: response.statusText };
    if (response.status === 401 && session.token) signOut('Your session has ended. Please sign in again.');
    throw new ApiError(problem);
  }
  if (response.status === 204) return null;
  return type.includes('json') ? response.json() : response.text();
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
  if (hasRole('learner')) links.push(['#/', 'Dashboard'], ['#/progress', 'My progress']);
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
  if (!session.token && path !== '/signin') {
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
    try {
      const answer = await api('/api/v1/auth/token', { method: 'POST', body: { username: form.username.value, password: form.password.value } });
      session.token = answer.access_token;
      session.claims = decodeClaims(session.token);
      renderNav();
      location.hash = hasRole('learner') ? '#/' : hasRole('admin') ? '#/admin' : hasRole('author') ? '#/author' : '#/';
    } catch (error) {
      document.getElementById('signin-error').textContent = error.message;
    }
  })
}));

// ---- learner: dashboard, outline, lesson, progress --------------------------------------------------

route('/', async () => {
  const [catalogue, progress] = await Promise.all([api('/api/v1/courses'), api('/api/v1/me/progress')]);
  const byCourse = Object.fromEntries(progress.map(p => [p.courseId, p]));
  const cards = catalogue.items.map(course => {
    const mine = byCourse[course.id];
    const percent = mine ? mine.percent : 0;
    const next = mine ? mine.nextLessonId : null;
    return `<article class="card">
      <h2><a href="#/courses/${esc(course.id)}">${esc(course.title)}</a></h2>
      <p>${esc(course.summary)}</p>
      <p class="meta">${course.lessonCount} lessons · about ${course.estimatedMinutes} minutes</p>
      ${progressBar(percent, `Progress in ${course.title}`)}
      <p>${mine ? `Status: <strong>${esc(mine.status.replace('_', ' ').toLowerCase())}</strong>` : 'Not started yet.'}</p>
      <p><a class="button" href="#/courses/${esc(course.id)}${next ? `/lessons/${esc(next)}` : ''}">${mine ? (next ? 'Continue' : 'Review') : 'Start'}</a></p>
    </article>`;
  }).join('');
  return { title: 'Dashboard', html: `<h1>Welcome, ${esc(session.claims.name || '')}</h1><div class="grid">${cards || '<p>No course yet.</p>'}</div>` };
});

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
    ${modules}
    <p class="attribution">${esc(outline.attribution)}</p>` };
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
    </div>
    <nav class="pager" aria-label="Lessons">
      ${lesson.previousLessonId ? `<a href="${base}${esc(lesson.previousLessonId)}" rel="prev">← Previous</a>` : '<span></span>'}
      ${lesson.nextLessonId ? `<a href="${base}${esc(lesson.nextLessonId)}" rel="next">Next →</a>` : `<a href="#/courses/${esc(courseId)}">Back to the course</a>`}
    </nav>
    <p class="attribution">${esc(lesson.attribution)}</p>
  </article>`;
  const mount = () => document.getElementById('complete')?.addEventListener('click', async event => {
    const button = event.currentTarget;
    button.disabled = true;
    try {
      await api(`/api/v1/courses/${encodeURIComponent(courseId)}/lessons/${encodeURIComponent(lessonId)}/completion`, { method: 'POST' });
      document.getElementById('completion-state').textContent = 'You completed this lesson.';
      button.remove();
    } catch (error) {
      button.disabled = false;
      notify(error.message);
    }
  });
  return { title: lesson.title, html, mount };
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

window.addEventListener('hashchange', dispatch);
window.addEventListener('DOMContentLoaded', () => { renderNav(); dispatch(); });
