// Upward portal, core: the session, calls to the API, errors beside what failed, the route table and the sign-in page.
// Page modules (learner.js, quiz.js, admin.js, author.js, ...) add their routes with route(pattern, view); app.js
// imports them all, then calls start().
// The gateway holds the session: the browser has only an HttpOnly cookie no script can read, so a reload, a new tab
// or a deep link stays signed in. What the portal keeps is who is signed in and the session's CSRF token.

export const session = { user: null, csrf: null };
export const main = () => document.getElementById('main');

// ---- helpers ---------------------------------------------------------------------------------------

/** Escapes text for HTML: every value from the API goes through this before it reaches the page. */
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export const statusText = status => status.replace('_', ' ').toLowerCase();
export const percentText = value => `${Math.round(Number(value) * 10) / 10}%`;

export function hasRole(role) {
  return (session.user?.roles || []).includes(role);
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

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/** Calls the API with the session's cookie (and its CSRF token on writes); problem+json answers become ApiErrors. */
export async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (session.csrf && !SAFE_METHODS.includes((options.method || 'GET').toUpperCase())) headers['X-CSRF-Token'] = session.csrf;
  if (options.body !== undefined && typeof options.body !== 'string') {
    headers['Content-Type'] = 'application/json';
    options = { ...options, body: JSON.stringify(options.body) };
  }
  let response;
  try {
    response = await fetch(path, { ...options, headers, credentials: 'same-origin' });
  } catch {
    // The browser's own words ("Failed to fetch") tell a person nothing: nothing was answered at all.
    throw new ApiError({ title: 'Connection failed', detail: CONNECTION_FAILED }, { network: true });
  }
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    const problem = type.includes('json') ? await response.json() : { status: response.status, title: response.statusText };
    if (response.status === 401 && session.user && !path.startsWith('/api/v1/auth/')) sessionEnded();
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
export function showError(slotId, error, retry) {
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

export function notify(message, kind = 'error') {
  const notice = document.getElementById('notice');
  notice.textContent = message;
  notice.className = `notice notice-${kind}`;
  notice.hidden = !message;
}

export function render(html, title) {
  const el = main();
  el.innerHTML = html;
  document.title = title ? `${title} · Upward` : 'Upward';
  // Move focus to the new content so keyboard and screen-reader users land on it.
  const heading = el.querySelector('h1');
  (heading || el).setAttribute('tabindex', '-1');
  (heading || el).focus();
}

export function progressBar(percent, label) {
  // The native element: accessible as it is, and no inline style (the CSP forbids them).
  const value = Number(percent) || 0;
  return `<progress class="progress" max="100" value="${value}" aria-label="${esc(label)}">${value}%</progress><span class="progress-text">${value}%</span>`;
}

// ---- navigation ------------------------------------------------------------------------------------

function renderNav() {
  const nav = document.getElementById('nav');
  if (!session.user) {
    nav.innerHTML = '';
    return;
  }
  const links = [];
  if (hasRole('learner')) links.push(['#/', 'Dashboard'], ['#/progress', 'My progress'], ['#/power-profile', 'Power profile'], ['#/practice', 'Practice'], ['#/plans', 'Conversation plans']);
  if (hasRole('admin')) links.push(['#/admin', 'Reports'], ['#/admin/practice', 'Practice report']);
  if (hasRole('author')) links.push(['#/author', 'Authoring']);
  nav.innerHTML = `<ul>${links.map(([href, text]) => `<li><a href="${href}">${esc(text)}</a></li>`).join('')}
    <li class="who-item"><span class="who">${esc(session.user.name || session.user.username)}</span></li>
    <li><button type="button" id="sign-out" class="link-button">Sign out</button></li></ul>`;
  document.getElementById('sign-out').addEventListener('click', () => signOut());
}

/** The page a signed-in user starts from. */
export const home = () => hasRole('learner') ? '/' : hasRole('admin') ? '/admin' : hasRole('author') ? '/author' : '/';

function forget() {
  session.user = null;
  session.csrf = null;
  renderNav();
}

/** Ends the session on the server (the cookie is gone too), then shows the sign-in page. */
async function signOut() {
  try {
    await api('/api/v1/auth/session', { method: 'DELETE' });
  } catch {
    // Signed out here whatever the server said: the next request finds no session either way.
  }
  forget();
  location.replace('#/signin');
}

/** The session ended while the user was on a page: sign-in says so, and brings them back to it. */
function sessionEnded() {
  const next = currentPath();
  forget();
  location.replace(`#/signin?${new URLSearchParams({ next: next.startsWith('/signin') ? '/' : next, ended: '1' })}`);
}

/** Who is signed in on this browser (after a reload, in a new tab); says whether a session had ended. */
async function loadSession() {
  try {
    const current = await api('/api/v1/auth/session');
    if (current.state !== 'SIGNED_IN') return current.state === 'ENDED' ? 'ended' : 'none';
    session.user = current;
    session.csrf = current.csrfToken;
    return 'live';
  } catch {
    return 'none';
  }
}

// Views return { title, html, mount }: dispatch renders them, then mount wires up their controls.
const routes = [];
export function route(pattern, view) {
  const keys = [];
  const regex = new RegExp('^' + pattern.replace(/:([a-zA-Z]+)/g, (_, key) => { keys.push(key); return '([^/]+)'; }) + '$');
  routes.push({ regex, keys, view });
}

export const currentPath = () => location.hash.replace(/^#/, '') || '/';

const isSignIn = path => path === '/signin' || path.startsWith('/signin?');
const isLtiLanding = path => path.startsWith('/lti/');

/** A route to return to after sign-in: a page of this portal, never the sign-in page itself. */
function safeNext(next) {
  return next && next.startsWith('/') && !next.startsWith('//') && !isSignIn(next) ? next : null;
}

export async function dispatch() {
  const path = currentPath();
  // Replace, not push: Back never returns to a sign-in form the user has left behind, nor to a page that redirected.
  if (!session.user && !isSignIn(path) && !isLtiLanding(path)) {
    location.replace(`#/signin?${new URLSearchParams({ next: path })}`);
    return;
  }
  if (session.user && isSignIn(path)) {
    location.replace(`#${safeNext(new URLSearchParams(path.split('?')[1] || '').get('next')) || home()}`);
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

// An LTI launch lands here with a one-time code: the gateway opens the launched user's session (its cookie) and says
// where the launch asked to go.
route('/lti/:code', async ({ code }) => {
  try {
    const answer = await api('/api/v1/auth/lti-session', { method: 'POST', body: { code } });
    session.user = answer.session;
    session.csrf = answer.session.csrfToken;
    renderNav();
    location.replace(`#${safeNext(answer.landing) || home()}`);
    return { title: 'Opening', html: '<p>Opening Upward…</p>' };
  } catch (error) {
    return { title: 'Launch expired', html: `<h1>This launch has expired</h1><p>${esc(error.message)}</p>` };
  }
});

route('/signin(?:\\?.*)?', async () => {
  const query = new URLSearchParams(currentPath().split('?')[1] || '');
  const next = safeNext(query.get('next'));
  return {
  title: 'Sign in',
  html: `<section class="card narrow">
    <h1>Sign in</h1>
    ${query.get('ended') ? '<p class="notice notice-info" id="session-ended" role="status">Your session has ended, sign in again.</p>' : ''}
    ${next && next !== '/' && !query.get('ended') ? '<p class="meta" id="signin-next">Sign in to open the page you asked for.</p>' : ''}
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
      const answer = await api('/api/v1/auth/session', { method: 'POST', body: { username: form.username.value, password: form.password.value } });
      session.user = answer;
      session.csrf = answer.csrfToken;
      renderNav();
      // Where the user was going (a deep link, the page their session ended on), in place of the sign-in entry.
      location.replace(`#${next || home()}`);
    } catch (error) {
      showError('signin-error', error, () => form.requestSubmit());
    }
  })
  };
});



// Position power first (role, penalty), then personal power (reputation, expertise), as the course teaches them.
export const POWER_ORDER = ['ROLE', 'PENALTY', 'REPUTATION', 'EXPERTISE'];
export const POWER_LABELS = { ROLE: 'Role', PENALTY: 'Penalty', REPUTATION: 'Reputation', EXPERTISE: 'Expertise' };

const CHART_JS = '/webjars/chart.js/4.5.1/dist/chart.umd.js';
let chartLibrary = null;

/** Chart.js (208 KB) is fetched by the first page that draws a chart, not by every page (sign-in included). */
function loadChartJs() {
  chartLibrary ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = CHART_JS;
    script.onload = () => resolve(window.Chart);
    script.onerror = () => { chartLibrary = null; reject(new Error('Chart.js did not load')); };
    document.head.appendChild(script);
  });
  return chartLibrary;
}

/**
 * Draws a chart once it comes near the screen and Chart.js is there. On a phone a chart below the fold would
 * otherwise cost half a second of script work before the page answers a tap; the numbers are also on the page
 * as text, so a chart not yet drawn (or one that fails) hides nothing.
 */
export function drawChart(canvasId, config) {
  const canvas = document.getElementById(canvasId);
  if (!canvas) return;
  const draw = () => loadChartJs().then(Chart => {
    if (canvas.isConnected) new Chart(canvas, config);
  }).catch(() => {});
  if (!('IntersectionObserver' in window)) {
    draw();
    return;
  }
  const nearScreen = new IntersectionObserver(entries => {
    if (entries.some(entry => entry.isIntersecting)) {
      nearScreen.disconnect();
      draw();
    }
  }, { rootMargin: '200px' });
  nearScreen.observe(canvas);
}


// The skip link moves focus to the main content. Its href (#main) works without JavaScript, but here the hash is
// the route: following it would navigate to a page that does not exist.
function mountSkipLink() {
  document.querySelector('.skip-link')?.addEventListener('click', event => {
    event.preventDefault();
    main().focus();
  });
}

/** Starts the portal once every page module has added its routes (app.js). */
export function start() {
  window.addEventListener('hashchange', dispatch);
  // A page restored from the back-forward cache kept its old state: ask again who is signed in (they may have
  // signed in or out in another tab since), then show the route for that.
  window.addEventListener('pageshow', async event => {
    if (!event.persisted) return;
    if (await loadSession() !== 'live') forget(); else renderNav();
    dispatch();
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot); else boot();
}

async function boot() {
  mountSkipLink();
  const state = await loadSession();
  renderNav();
  const path = currentPath();
  if (state === 'ended' && !isSignIn(path)) {
    location.replace(`#/signin?${new URLSearchParams({ next: path, ended: '1' })}`);
    return;
  }
  dispatch();
}
