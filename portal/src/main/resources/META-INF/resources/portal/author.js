// Upward portal, author pages: drafts, lesson editing, publishing.

import { api, esc, notify, route, showError } from './core.js';
import { block as lessonBlock } from './learner.js';

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
  const [draft, validation, changes] = await Promise.all([
    api(`/api/v1/admin/courses/${enc(courseId)}/draft`),
    api(`/api/v1/admin/courses/${enc(courseId)}/draft/validation`),
    api(`/api/v1/admin/courses/${enc(courseId)}/draft/changes`)]);
  // What learners who start from then on get that differs from the version they get now.
  const changeList = changes.comparedWith == null
    ? '<p>This is the first version of the course.</p>'
    : `<h4 id="publish-changes-heading">What changed since version ${changes.comparedWith}</h4>
       ${changes.changes.length
         ? `<ul id="publish-changes" aria-labelledby="publish-changes-heading">${changes.changes.map(c => `<li data-kind="${esc(c.kind)}">${esc(c.summary)}</li>`).join('')}</ul>`
         : `<p id="publish-changes">Nothing changed since version ${changes.comparedWith}: publishing makes a copy of it.</p>`}`;
  const modules = draft.modules.map(m => `<section class="module"><h2>${esc(m.title)}</h2><ol>
      ${m.lessons.map(l => `<li><a href="#/author/${esc(courseId)}/lessons/${esc(l.id)}">${esc(l.title)}</a>
        <span class="meta">${l.estimatedMinutes} min · ${l.blockCount} blocks</span></li>`).join('')}</ol></section>`).join('');
  const html = `<h1>Draft of ${esc(draft.title)}</h1>
    <p class="meta">Based on version ${draft.basedOnVersion ?? '–'} · revision ${draft.revision}</p>
    <section class="card" aria-label="Validation"><h2>Ready to publish?</h2>
      ${validation.valid ? `<p>The draft is valid. Publishing makes it version ${validation.version}; learners on an earlier version keep theirs until they finish.</p>
        <button type="button" class="button" id="publish">Publish version ${validation.version}…</button>
        <div id="publish-confirm" class="card confirm" hidden>
          <h3>Publish version ${validation.version}?</h3>
          ${changeList}
          <p>Learners who start the course from now on get this version:</p>
          <ul id="publish-summary">
            <li>${draft.modules.length} modules, ${draft.modules.reduce((n, m) => n + m.lessons.length, 0)} lessons, ${(draft.quizzes || []).length} quizzes</li>
            ${draft.modules.map(m => `<li>${esc(m.title)}: ${m.lessons.map(l => esc(l.title)).join(', ')}</li>`).join('')}
          </ul>
          <p>It replaces version ${draft.basedOnVersion ?? '–'} for new learners; learners already in an earlier version keep theirs until they finish. A published version cannot be changed.</p>
          <button type="button" class="button" id="publish-confirmed">Publish version ${validation.version}</button>
          <button type="button" class="button button-secondary" id="publish-cancel">Cancel</button>
        </div>`
        : `<p>Publishing would be refused:</p><ul>${validation.problems.map(problem => `<li>${esc(problem)}</li>`).join('')}</ul>`}
      <p id="publish-result" role="status"></p>
      <div id="publish-error" class="field-error" role="alert"></div>
    </section>
    ${modules}`;
  const mount = () => {
    const confirm = document.getElementById('publish-confirm');
    // Publishing cannot be undone: the first button asks, showing what changed and what the new version holds.
    document.getElementById('publish')?.addEventListener('click', () => {
      confirm.hidden = false;
      document.getElementById('publish-confirmed').focus();
    });
    document.getElementById('publish-cancel')?.addEventListener('click', () => {
      confirm.hidden = true;
      document.getElementById('publish').focus();
    });
    document.getElementById('publish-confirmed')?.addEventListener('click', async event => {
      const button = event.currentTarget;
      button.disabled = true;
      showError('publish-error', null);
      try {
        const publication = await api(`/api/v1/admin/courses/${enc(courseId)}/draft/publication`, { method: 'POST', headers: { 'If-Match': `"${draft.revision}"` } });
        confirm.hidden = true;
        document.getElementById('publish').remove();
        document.getElementById('publish-result').textContent = `Published version ${publication.version} with ${publication.lessonCount} lessons.`;
      } catch (error) {
        button.disabled = false;
        showError('publish-error', error, () => button.click());
      }
    });
  };
  return { title: 'Draft', html, mount };
});

const BLOCK_FIELDS = {
  text: [['text', 'Text', 'area']],
  'key-points': [['title', 'Title', 'line'], ['items', 'Points (one per line)', 'lines']],
  quote: [['text', 'Quote', 'area'], ['cite', 'Cited from', 'line']],
  interview: [['asker', 'Asked by', 'line'], ['question', 'Question', 'area'], ['answerer', 'Answered by', 'line'], ['answer', 'Answer', 'area']],
  reflection: [['prompt', 'Prompt', 'area']]
};

const BLOCK_NAMES = { text: 'Text', 'key-points': 'Key points', quote: 'Quote', interview: 'Interview', reflection: 'Reflection' };

function blockEditor(b, i, count) {
  const fields = BLOCK_FIELDS[b.type] || [];
  const name = `block ${i + 1}`;
  return `<fieldset class="question block-editor" data-type="${esc(b.type)}"><legend>Block ${i + 1}: ${esc(BLOCK_NAMES[b.type] || b.type)}</legend>
    <div class="block-tools">
      <button type="button" class="button button-secondary" data-move="-1" data-index="${i}" aria-label="Move ${name} up" ${i === 0 ? 'disabled' : ''}>Move up</button>
      <button type="button" class="button button-secondary" data-move="1" data-index="${i}" aria-label="Move ${name} down" ${i === count - 1 ? 'disabled' : ''}>Move down</button>
      <button type="button" class="button button-secondary" data-remove data-index="${i}" aria-label="Remove ${name}">Remove</button>
    </div>
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
      <div id="blocks">${lesson.blocks.map((b, i) => blockEditor(b, i, lesson.blocks.length)).join('')}</div>
      <div class="add-block">
        <label for="new-block-type">Add a block</label>
        <select id="new-block-type">${Object.entries(BLOCK_NAMES).map(([type, label]) => `<option value="${type}">${label}</option>`).join('')}</select>
        <button type="button" class="button button-secondary" id="add-block">Add the block</button>
      </div>
      <p id="blocks-state" class="meta" aria-live="polite"></p>
      <button type="button" class="button button-secondary" id="preview-lesson">Preview</button>
      <button type="submit" class="button">Save the lesson</button>
      <p id="save-result" role="status"></p>
      <div id="save-error" class="field-error" role="alert"></div>
    </form>
    <section id="lesson-preview" class="card lesson" aria-labelledby="preview-heading" hidden></section>
    <p><a href="#/author/${esc(courseId)}">Back to the draft</a></p>`;
  // Every save names the revision it edits (If-Match): the page-load one first, then the one each save returned.
  let revision = draft.revision;
  // The blocks as they stand in the form: what a save sends, and what add, remove and reorder start from.
  const currentBlocks = form => [...form.querySelectorAll('.block-editor')].map(fieldset => {
    const b = { type: fieldset.dataset.type };
    fieldset.querySelectorAll('[data-field]').forEach(input => {
      const value = input.dataset.kind === 'lines' ? input.value.split('\n').map(v => v.trim()).filter(Boolean) : input.value;
      if (!(input.dataset.field === 'title' && value === '')) b[input.dataset.field] = value;
    });
    return b;
  });
  const showBlocks = (blocks, focusSelector, said) => {
    document.getElementById('blocks').innerHTML = blocks.map((b, i) => blockEditor(b, i, blocks.length)).join('');
    document.getElementById('blocks-state').textContent = said;
    (document.querySelector(focusSelector) || document.getElementById('add-block')).focus();
  };
  const mountBlocks = form => {
    document.getElementById('blocks').addEventListener('click', event => {
      const button = event.target.closest('button[data-index]');
      if (!button) return;
      const blocks = currentBlocks(form);
      const i = Number(button.dataset.index);
      if (button.hasAttribute('data-remove')) {
        blocks.splice(i, 1);
        showBlocks(blocks, `[data-remove][data-index="${Math.min(i, blocks.length - 1)}"]`, `Block ${i + 1} removed: save the lesson to keep the change.`);
      } else {
        const to = i + Number(button.dataset.move);
        [blocks[i], blocks[to]] = [blocks[to], blocks[i]];
        showBlocks(blocks, `[data-move="${button.dataset.move}"][data-index="${to}"]`, `Block ${i + 1} is now block ${to + 1}: save the lesson to keep the change.`);
      }
    });
    document.getElementById('add-block').addEventListener('click', () => {
      const blocks = currentBlocks(form);
      const type = document.getElementById('new-block-type').value;
      blocks.push({ type });
      showBlocks(blocks, `#b${blocks.length - 1}-${BLOCK_FIELDS[type][0][0]}`, `A ${BLOCK_NAMES[type].toLowerCase()} block was added as block ${blocks.length}.`);
    });
    document.getElementById('preview-lesson').addEventListener('click', () => {
      const preview = document.getElementById('lesson-preview');
      const objectives = form.objectives.value.split('\n').map(v => v.trim()).filter(Boolean);
      // Blocks with a field left empty would be refused on save; the preview shows what there is.
      const blocks = currentBlocks(form).map(b => ({ ...b, items: b.items || [] }));
      preview.innerHTML = `<h2 id="preview-heading" tabindex="-1">Preview: ${esc(form.title.value)}</h2>
        <section class="objectives" aria-label="Learning objectives (preview)"><h3>In this lesson you will</h3>
          <ul>${objectives.map(o => `<li>${esc(o)}</li>`).join('')}</ul></section>
        ${blocks.map(lessonBlock).join('')}`;
      preview.hidden = false;
      document.getElementById('preview-heading').focus();
    });
  };
  const mount = () => { const lessonForm = document.getElementById('lesson-form'); mountBlocks(lessonForm); lessonForm.addEventListener('submit', async event => {
    event.preventDefault();
    const form = event.target;
    const result = document.getElementById('save-result');
    result.textContent = '';
    showError('save-error', null);
    const blocks = currentBlocks(form);
    const body = { id: lesson.id, moduleId: lesson.moduleId, title: form.title.value, estimatedMinutes: Number(form.estimatedMinutes.value),
      required: lesson.required, objectives: form.objectives.value.split('\n').map(v => v.trim()).filter(Boolean), blocks };
    try {
      await api(`${base}/lessons/${enc(lessonId)}`, { method: 'PUT', body, headers: { 'If-Match': `"${revision}"` },
        onEtag: tag => { if (tag) revision = tag.replace(/^W\//, '').replace(/"/g, ''); } });
      result.textContent = `Saved (draft revision ${revision}).`;
    } catch (error) {
      showError('save-error', error, () => form.requestSubmit());
    }
  }); };
  return { title: `Edit ${lesson.title}`, html, mount };
});
