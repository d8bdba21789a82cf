/**
 * The web UI's script, served as `/assets/ui.js` and loaded as an ES module
 * (the page's Content-Security-Policy allows scripts from this server only,
 * none inline). Plain modern JavaScript, no framework, no build step. It
 * reads the JSON API of the same server and builds every node with
 * `textContent` and `setAttribute` — never `innerHTML` — because article
 * text, headlines, outlet names and error messages are untrusted.
 *
 * Views, chosen by the URL fragment so the back button works:
 * - `#/?sort=&outlet=&from=&to=`: the story list with its filters, and the
 *   ingest panel (drop files, choose files, paste URLs; job status; failed jobs);
 * - `#/story/<id>`: the story, i.e. the HTML report of its analysis in a
 *   sandboxed frame (one renderer for the report file and the UI);
 * - `#/search?q=`: articles matching a text search.
 *
 * Kept as a string, like the HTML report's script, so `dist/` serves it
 * with no copy step; test/ui.test.ts runs it in Chromium.
 */
export const UI_SCRIPT = `const main = document.getElementById('main');
const TOKEN_KEY = 'parallax-token';
const DONE = ['completed', 'failed'];
const POLL_MS = 800;
const STORY_POLL_MS = 1500;
const STORY_POLL_TRIES = 400;
let view = 0;
let info = { writeTokenRequired: false };
const storyTitles = new Map();

function el(tag, props, children) {
  const node = document.createElement(tag);
  if (props) {
    for (const key of Object.keys(props)) {
      const value = props[key];
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') node.textContent = String(value);
      else if (key === 'className') node.className = value;
      else if (key === 'hidden') node.hidden = true;
      else node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children || []) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function plural(n, one, many) {
  return n + ' ' + (n === 1 ? one : many || one + 's');
}

function day(iso) {
  return typeof iso === 'string' ? iso.slice(0, 10) : '';
}

function dateRange(first, last) {
  const a = day(first);
  const b = day(last);
  if (!a && !b) return '';
  if (!a || !b || a === b) return a || b;
  return a + ' – ' + b;
}

function token() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) || '';
  } catch (e) {
    return '';
  }
}

async function api(path, init) {
  const options = init || {};
  const headers = new Headers(options.headers || {});
  headers.set('accept', 'application/json');
  const method = options.method || 'GET';
  if (method !== 'GET' && token()) headers.set('authorization', 'Bearer ' + token());
  const response = await fetch(path, {
    method: method,
    body: options.body,
    headers: headers,
    credentials: 'same-origin',
    cache: 'no-store',
  });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const message =
      body && body.error && typeof body.error.message === 'string'
        ? body.error.message
        : 'The server answered ' + response.status;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return body;
}

function show(nodes) {
  main.replaceChildren.apply(main, nodes);
}

function errorBox(error) {
  return el('p', { className: 'error', role: 'alert', text: error.message || String(error) });
}

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  return { path: path, params: params };
}

function route() {
  view += 1;
  const where = parseHash();
  if (where.path.indexOf('/story/') === 0) {
    let id = where.path.slice('/story/'.length);
    try {
      id = decodeURIComponent(id);
    } catch (e) {
      /* shown as given; the server answers 400 or 404 */
    }
    showStory(id);
  } else if (where.path === '/search') {
    showSearch(where.params.get('q') || '');
  } else {
    showList(where.params);
  }
}

/* ---- the story list ---- */

function storyItem(story) {
  const title = story.headline || 'Untitled story';
  storyTitles.set(story.id, title);
  const parts = [plural(story.size, 'article'), plural(story.outlets.length, 'outlet')];
  const dates = dateRange(story.firstPublishedAt, story.lastPublishedAt);
  if (dates) parts.push(dates);
  return el('li', { 'data-story-id': story.id }, [
    el('a', { className: 'story-link', href: '#/story/' + encodeURIComponent(story.id), text: title }),
    el('p', { className: 'meta', text: parts.join(' · ') }),
    el(
      'ul',
      { className: 'chips', 'aria-label': 'Outlets' },
      story.outlets.map(function (o) {
        return el('li', { text: o });
      }),
    ),
  ]);
}

function filterForm(params) {
  const sort = el('select', { name: 'sort', id: 'f-sort' }, [
    el('option', { value: 'newest', text: 'Newest first' }),
    el('option', { value: 'biggest', text: 'Biggest first' }),
  ]);
  sort.value = params.get('sort') === 'biggest' ? 'biggest' : 'newest';
  const outlet = el('input', { name: 'outlet', id: 'f-outlet', type: 'text', maxlength: 200, placeholder: 'any outlet' });
  outlet.value = params.get('outlet') || '';
  const from = el('input', { name: 'from', id: 'f-from', type: 'date' });
  from.value = params.get('from') || '';
  const to = el('input', { name: 'to', id: 'f-to', type: 'date' });
  to.value = params.get('to') || '';
  const form = el('form', { className: 'filters', id: 'filters', 'aria-label': 'Filter stories' }, [
    el('label', { for: 'f-sort' }, ['Order', sort]),
    el('label', { for: 'f-outlet' }, ['Outlet', outlet]),
    el('label', { for: 'f-from' }, ['From', from]),
    el('label', { for: 'f-to' }, ['To', to]),
    el('div', { className: 'actions' }, [
      el('button', { type: 'submit', text: 'Apply' }),
      el('button', { type: 'button', className: 'quiet', id: 'f-clear', text: 'Clear' }),
    ]),
  ]);
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    const next = new URLSearchParams();
    if (sort.value !== 'newest') next.set('sort', sort.value);
    if (outlet.value.trim()) next.set('outlet', outlet.value.trim());
    if (from.value) next.set('from', from.value);
    if (to.value) next.set('to', to.value);
    const qs = next.toString();
    location.hash = '#/' + (qs ? '?' + qs : '');
  });
  form.querySelector('#f-clear').addEventListener('click', function () {
    location.hash = '#/';
  });
  return form;
}

function storyQuery(params, cursor) {
  const query = new URLSearchParams();
  query.set('sort', params.get('sort') === 'biggest' ? 'biggest' : 'newest');
  for (const key of ['outlet', 'from', 'to']) {
    if (params.get(key)) query.set(key, params.get(key));
  }
  query.set('limit', '20');
  if (cursor) query.set('cursor', cursor);
  return '/api/stories?' + query.toString();
}

function showList(params) {
  const list = el('ol', { className: 'stories', id: 'story-list', 'aria-labelledby': 'stories-h' });
  const status = el('p', { className: 'status', id: 'list-status', role: 'status' });
  const more = el('button', { type: 'button', className: 'quiet more', id: 'more-stories', hidden: true, text: 'Load more stories' });
  let cursor = null;
  // A reload (after an ingest run) drops the pages still on their way.
  let generation = 0;
  async function load() {
    const mine = generation;
    more.disabled = true;
    status.textContent = 'Loading stories…';
    try {
      const page = await api(storyQuery(params, cursor));
      if (mine !== generation) return;
      for (const story of page.items) list.append(storyItem(story));
      cursor = page.next;
      more.hidden = !cursor;
      status.textContent =
        list.children.length === 0
          ? 'No story yet' + (params.toString() ? ' matches these filters.' : ': add articles on the right.')
          : plural(list.children.length, 'story', 'stories') + (cursor ? ' shown' : '');
    } catch (error) {
      status.replaceChildren(errorBox(error));
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener('click', load);
  const section = el('section', { 'aria-labelledby': 'stories-h' }, [
    el('h1', { id: 'stories-h', text: 'Stories' }),
    filterForm(params),
    status,
    list,
    more,
  ]);
  show([el('div', { className: 'wrap' }, [el('div', { className: 'layout' }, [section, ingestPanels(function () {
    generation += 1;
    list.replaceChildren();
    cursor = null;
    load();
  })])])]);
  document.title = 'Stories · parallax';
  load();
}

/* ---- ingest: drop or choose files, paste URLs, follow the jobs ---- */

function jobLine(job) {
  const names = job.input.slice(0, 3).join(', ') + (job.input.length > 3 ? ' and ' + (job.input.length - 3) + ' more' : '');
  const c = job.counts || {};
  const facts = [];
  if (c.inputs) facts.push((c.read || 0) + ' of ' + plural(c.inputs, 'input') + ' read');
  if (c.articles) facts.push(plural(c.articles, 'article') + ' (' + (c.created || 0) + ' new)');
  if (c.articles) facts.push((c.grouped || 0) + ' grouped');
  const problems = (job.problems || []).slice(0, 3).map(function (p) {
    return el('span', { className: 'why', text: p.source + ': ' + p.message });
  });
  const failures = (job.failures || []).map(function (f) {
    return el('span', { className: 'why', text: f.subject + ': ' + f.error });
  });
  return el('li', { 'data-job-id': job.id, 'data-state': job.state }, [
    el('span', { className: 'badge ' + job.state, text: job.state }),
    el('span', { className: 'what', text: names || job.id }),
    facts.length ? el('span', { className: 'why fact', text: facts.join(' · ') }) : null,
  ].concat(problems, failures));
}

function failedLine(job) {
  return el('li', { 'data-job-id': job.id, 'data-state': 'failed' }, [
    el('span', { className: 'badge failed', text: job.kind }),
    el('span', { className: 'what', text: job.subject }),
    el('span', { className: 'why', text: job.error + ' (' + plural(job.attempts, 'attempt') + ')' }),
  ]);
}

function ingestPanels(onDone) {
  const myView = view;
  const status = el('p', { className: 'status', id: 'ingest-status', role: 'status', 'aria-live': 'polite' });
  const jobs = el('ul', { className: 'jobs', id: 'job-list', 'aria-label': 'Recent ingest runs' });
  const fileInput = el('input', { type: 'file', id: 'file-input', multiple: true, 'aria-describedby': 'drop-help' });
  const drop = el('div', { className: 'drop', id: 'drop-zone' }, [
    el('p', { id: 'drop-help', text: 'Drop article files here: web pages, text, Markdown, RSS/Atom/JSON feeds, JSONL, WARC.' }),
    el('label', { for: 'file-input' }, ['Or choose files', fileInput]),
  ]);
  const urls = el('textarea', { id: 'url-input', name: 'urls', placeholder: 'https://example.com/news/story.html', spellcheck: 'false' });
  const urlForm = el('form', { id: 'url-form' }, [
    el('label', { for: 'url-input', text: 'Or paste article or feed URLs, one per line' }),
    urls,
    el('button', { type: 'submit', text: 'Fetch and add' }),
  ]);
  const tokenInput = el('input', { type: 'password', id: 'token-input', autocomplete: 'off' });
  tokenInput.value = token();
  tokenInput.addEventListener('change', function () {
    try {
      sessionStorage.setItem(TOKEN_KEY, tokenInput.value.trim());
    } catch (e) {
      /* private mode: the token lasts as long as the field */
    }
  });
  const tokenBox = el('form', { id: 'token-box', hidden: !info.writeTokenRequired }, [
    el('label', { for: 'token-input' }, ['Write token (this server needs one to add articles)', tokenInput]),
  ]);
  tokenBox.addEventListener('submit', function (ev) {
    ev.preventDefault();
  });

  // The runs shown, by id, newest first. A run seen running and then done
  // (by the poll or by any later answer) reloads the stories once.
  const runs = new Map();
  let polling = false;
  function render() {
    const list = Array.from(runs.values()).sort(function (a, b) {
      return a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0;
    });
    jobs.replaceChildren.apply(
      jobs,
      list.length === 0 ? [el('li', { className: 'empty', text: 'Nothing added yet.' })] : list.map(jobLine),
    );
  }
  function running(job) {
    return DONE.indexOf(job.state) < 0;
  }
  function update(job) {
    const before = runs.get(job.id);
    runs.set(job.id, job);
    return before !== undefined && running(before) && !running(job);
  }
  function updated(finished) {
    if (myView !== view) return;
    render();
    if (finished) {
      status.textContent = 'Added. Stories are analysed a few seconds after their articles arrive.';
      onDone();
      loadFailed();
    }
  }
  async function poll() {
    if (polling) return;
    polling = true;
    try {
      while (myView === view && Array.from(runs.values()).some(running)) {
        await new Promise(function (resolve) {
          setTimeout(resolve, POLL_MS);
        });
        let finished = false;
        for (const job of Array.from(runs.values()).filter(running)) {
          try {
            if (update(await api('/api/jobs/' + encodeURIComponent(job.id)))) finished = true;
          } catch (error) {
            status.replaceChildren(errorBox(error));
            return;
          }
        }
        updated(finished);
      }
    } finally {
      polling = false;
    }
  }
  async function loadRuns() {
    try {
      const page = await api('/api/jobs?limit=5');
      let finished = false;
      for (const job of page.items) {
        if (update(job)) finished = true;
      }
      updated(finished);
      poll();
    } catch (error) {
      jobs.replaceChildren(el('li', {}, [errorBox(error)]));
    }
  }

  async function submit(path, init, label) {
    status.textContent = 'Sending ' + label + '…';
    try {
      const result = await api(path, init);
      status.textContent = 'Queued ' + label + '.';
      // A small run may be done before its answer arrives; a run another answer
      // saw first is reported by the poll.
      runs.set(result.job.id, result.job);
      updated(!running(result.job));
      poll();
      return true;
    } catch (error) {
      status.replaceChildren(errorBox(error));
      if (error.status === 401) tokenBox.hidden = false;
      return false;
    }
  }

  function sendFiles(files) {
    if (!files || files.length === 0) return;
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    submit('/api/ingest/files', { method: 'POST', body: form }, plural(files.length, 'file'));
  }

  fileInput.addEventListener('change', function () {
    sendFiles(Array.from(fileInput.files || []));
    fileInput.value = '';
  });
  drop.addEventListener('dragover', function (ev) {
    ev.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', function () {
    drop.classList.remove('over');
  });
  drop.addEventListener('drop', function (ev) {
    ev.preventDefault();
    drop.classList.remove('over');
    sendFiles(Array.from((ev.dataTransfer && ev.dataTransfer.files) || []));
  });
  urlForm.addEventListener('submit', async function (ev) {
    ev.preventDefault();
    const list = urls.value.split(/\\s+/).filter(Boolean);
    if (list.length === 0) {
      status.textContent = 'Paste at least one URL.';
      return;
    }
    const ok = await submit(
      '/api/ingest/urls',
      { method: 'POST', body: JSON.stringify({ urls: list }), headers: { 'content-type': 'application/json' } },
      plural(list.length, 'URL'),
    );
    if (ok) urls.value = '';
  });

  const failed = el('ul', { className: 'jobs', id: 'failed-list', 'aria-label': 'Failed jobs' });
  const refresh = el('button', { type: 'button', className: 'quiet', text: 'Refresh' });
  async function loadFailed() {
    try {
      const page = await api('/api/jobs/failed?limit=20');
      failed.replaceChildren.apply(
        failed,
        page.items.length === 0 ? [el('li', { className: 'empty', text: 'None.' })] : page.items.map(failedLine),
      );
    } catch (error) {
      failed.replaceChildren(el('li', {}, [errorBox(error)]));
    }
  }
  refresh.addEventListener('click', loadFailed);
  loadRuns();
  loadFailed();

  return el('aside', { 'aria-label': 'Add articles and jobs' }, [
    el('section', { className: 'panel', 'aria-labelledby': 'ingest-h' }, [
      el('h2', { id: 'ingest-h', text: 'Add articles' }),
      drop,
      urlForm,
      tokenBox,
      status,
      el('h3', { className: 'sub', text: 'Recent' }),
      jobs,
    ]),
    el('section', { className: 'panel', 'aria-labelledby': 'failed-h' }, [
      el('h2', { id: 'failed-h', text: 'Failed jobs' }),
      failed,
      refresh,
    ]),
  ]);
}

/* ---- one story: the report of its analysis ---- */

function reportFrame(path) {
  return el('iframe', {
    className: 'report',
    id: 'story-report',
    title: 'Story report',
    src: path + '/report',
    sandbox: 'allow-scripts allow-popups allow-popups-to-escape-sandbox',
    referrerpolicy: 'no-referrer',
  });
}

async function showStory(id) {
  const myView = view;
  const title = el('span', { className: 'title', id: 'story-title', text: storyTitles.get(id) || 'Story' });
  const note = el('span', { className: 'note', id: 'story-note', role: 'status' });
  const path = '/api/stories/' + encodeURIComponent(id);
  // The report is framed once the story is known to exist: the error answer
  // for an unknown or invalid id may not be framed (frame-ancestors 'none').
  let frame = el('p', { className: 'empty wrap', id: 'story-loading', text: 'Loading…' });
  show([
    el('nav', { className: 'storybar', 'aria-label': 'Story' }, [
      el('div', { className: 'wrap' }, [
        el('a', { href: '#/', text: '← All stories' }),
        title,
        note,
        el('a', { href: path, text: 'JSON' }),
        el('a', { href: path + '/report', target: '_blank', rel: 'noopener', text: 'Open report alone' }),
      ]),
    ]),
    frame,
  ]);
  document.title = title.textContent + ' · parallax';
  // Until the story's analysis is there and current, say so and look again;
  // once it is, show the report again with it.
  let shown = null;
  for (let tries = 0; myView === view; tries++) {
    let detail;
    try {
      detail = await api(path);
    } catch (error) {
      if (myView !== view) return;
      show([el('div', { className: 'wrap' }, [el('h1', { text: 'Story' }), errorBox(error), el('a', { href: '#/', text: '← All stories' })])]);
      return;
    }
    if (myView !== view) return;
    const analysis = detail.analysis;
    const brief = analysis ? analysis.analysis.brief : null;
    title.textContent = (brief && brief.headline) || detail.story.headline || 'Story';
    document.title = title.textContent + ' · parallax';
    const version = analysis ? analysis.updatedAt : null;
    if (tries === 0 || version !== shown) {
      const next = reportFrame(path);
      frame.replaceWith(next);
      frame = next;
    }
    shown = version;
    if (analysis && !analysis.stale) {
      note.textContent = '';
      return;
    }
    note.textContent = analysis ? 'Articles were added: updating the analysis…' : 'Analysing this story…';
    if (tries >= STORY_POLL_TRIES) {
      note.textContent = 'The analysis is not ready yet; is a worker running?';
      return;
    }
    await new Promise(function (resolve) {
      setTimeout(resolve, STORY_POLL_MS);
    });
  }
}

/* ---- search ---- */

async function showSearch(q) {
  document.getElementById('search-q').value = q;
  const status = el('p', { className: 'status', role: 'status', text: 'Searching…' });
  const results = el('ol', { className: 'results', id: 'search-results' });
  show([el('div', { className: 'wrap' }, [el('h1', { text: 'Search: ' + q }), status, results])]);
  document.title = 'Search · parallax';
  try {
    const page = await api('/api/search?' + new URLSearchParams({ q: q, limit: '50' }).toString());
    status.textContent = page.items.length === 0 ? 'No article matches.' : plural(page.items.length, 'article') + ' found.';
    for (const hit of page.items) {
      const head = hit.headline || hit.url || hit.id;
      const meta = [hit.outlet, day(hit.publishedAt)].filter(Boolean).join(' · ');
      results.append(
        el('li', {}, [
          hit.storyId
            ? el('a', { className: 'story-link', href: '#/story/' + encodeURIComponent(hit.storyId), text: head })
            : el('span', { className: 'story-link', text: head }),
          meta ? el('p', { className: 'meta', text: meta }) : null,
        ]),
      );
    }
  } catch (error) {
    status.replaceChildren(errorBox(error));
  }
}

document.getElementById('search-form').addEventListener('submit', function (ev) {
  ev.preventDefault();
  const q = document.getElementById('search-q').value.trim();
  if (q) location.hash = '#/search?' + new URLSearchParams({ q: q }).toString();
});

window.addEventListener('hashchange', route);

api('/api/info')
  .then(function (i) {
    info = i;
  })
  .catch(function () {
    /* the views show their own errors */
  })
  .then(route);
`;
