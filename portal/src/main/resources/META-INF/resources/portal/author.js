// Upward portal, author pages: drafts, lesson editing, publishing.

import { api, esc, notify, route, showError } from './core.js';

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
