/**
 * The script of the HTML report, inlined in a `<script>` element whose hash
 * the page's Content-Security-Policy allows. Plain ES2017 for any browser;
 * it builds DOM nodes with `textContent` only (never `innerHTML`), so the
 * article text it reads from the JSON data block stays text. It does three
 * things: opens and flashes the target of an in-page link (citations),
 * draws the side-by-side comparison of the chosen pair, and shows the
 * evidence of the focused provenance edge.
 */
export const REPORT_SCRIPT = `(function () {
  'use strict';
  var EDIT = ['spelling', 'punctuation', 'function-word', 'number-format', 'substitution', 'insertion', 'deletion'];
  var EDIT_WORDS = ['spelling', 'punctuation', 'function word', 'number format', 'changed words', 'only on the right', 'only on the left'];
  var PASSAGE = ['verbatim', 'edited', 'paraphrase'];
  var node = document.getElementById('parallax-data');
  var data = node ? JSON.parse(node.textContent || '{}') : {};
  var stories = data.stories || [];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function reveal(id) {
    var t = id ? document.getElementById(id) : null;
    if (!t) return null;
    for (var p = t.parentElement; p; p = p.parentElement) {
      if (p.tagName === 'DETAILS' && !p.open) p.open = true;
    }
    t.classList.remove('flash');
    void t.getBoundingClientRect();
    t.classList.add('flash');
    window.setTimeout(function () { t.classList.remove('flash'); }, 1700);
    return t;
  }

  function fragment(a) {
    var href = a.getAttribute('href') || '';
    try { return decodeURIComponent(href.slice(1)); } catch (e) { return href.slice(1); }
  }

  document.addEventListener('click', function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest('a[href^="#"]') : null;
    if (!a) return;
    var id = fragment(a);
    if (a.classList.contains('psg')) {
      ev.preventDefault();
      var t = reveal(id);
      if (t) t.scrollIntoView({ block: 'center' });
      reveal(a.id);
      return;
    }
    reveal(id);
  });
  window.addEventListener('hashchange', function () { reveal(location.hash.slice(1)); });
  if (location.hash.length > 1) {
    var first = reveal(decodeURIComponent(location.hash.slice(1)));
    if (first) first.scrollIntoView();
  }

  function flip(q) {
    return [q[0], q[3], q[4], q[1], q[2], q[5], q[6].map(function (e) {
      var kind = e[0] === 5 ? 6 : e[0] === 6 ? 5 : e[0];
      return [kind, e[3], e[4], e[1], e[2], e[5]];
    })];
  }

  function fillColumn(s, col, idx, otherIdx, passages, letter) {
    var text = s.texts[idx] || '';
    var other = s.texts[otherIdx] || '';
    col.textContent = '';
    var head = el('div', 'col-head');
    head.appendChild(el('div', 'outlet', (idx + 1) + '. ' + s.labels[idx]));
    if (s.headlines[idx]) head.appendChild(el('div', 'headline', s.headlines[idx]));
    col.appendChild(head);
    var body = el('div', 'col-body');
    body.tabIndex = 0;
    body.setAttribute('role', 'region');
    body.setAttribute('aria-label', 'Text of ' + s.labels[idx]);
    var other_letter = letter === 'a' ? 'b' : 'a';
    var list = passages.map(function (q, n) { return { n: n, q: q }; });
    list.sort(function (x, y) { return x.q[1] - y.q[1] || x.n - y.n; });
    var cur = 0;
    list.forEach(function (item) {
      var q = item.q;
      if (q[1] < cur) return;
      if (q[1] > cur) body.appendChild(document.createTextNode(text.slice(cur, q[1])));
      var a = el('a', 'psg psg-' + PASSAGE[q[0]]);
      a.id = s.id + '-' + letter + item.n;
      a.href = '#' + s.id + '-' + other_letter + item.n;
      a.title = PASSAGE[q[0]] + ' passage, ' + q[5] + '% of the words kept: select it to see the other side';
      var c = q[1];
      var edits = q[6].slice().sort(function (x, y) { return x[1] - y[1] || x[2] - y[2]; });
      edits.forEach(function (e) {
        var s0 = e[1], s1 = e[2];
        if (s0 < c || s1 > q[2]) return;
        if (s0 > c) a.appendChild(document.createTextNode(text.slice(c, s0)));
        var kind = EDIT[e[0]] || 'substitution';
        var mine = text.slice(s0, s1);
        var theirs = other.slice(e[3], e[4]);
        var cls = 'ed ed-' + kind + (e[5] ? ' framing' : '');
        var span;
        if (s1 === s0) {
          span = el('span', cls + ' gap-mark', '\\u2038');
          span.title = 'The other article has \\u201c' + theirs + '\\u201d here';
        } else {
          span = el('span', cls, mine);
          span.title = (e[0] === 6 ? 'only in this article' : EDIT_WORDS[e[0]]) + (e[5] ? ', loaded term' : '') + ': \\u201c' + mine + '\\u201d' +
            (theirs ? ' here, \\u201c' + theirs + '\\u201d in the other' : '');
          c = s1;
        }
        a.appendChild(span);
      });
      if (c < q[2]) a.appendChild(document.createTextNode(text.slice(c, q[2])));
      body.appendChild(a);
      cur = q[2];
    });
    if (cur < text.length) body.appendChild(document.createTextNode(text.slice(cur)));
    col.appendChild(body);
  }

  function percent(x) { return Math.round(x * 100) + '%'; }

  stories.forEach(function (s) {
    var left = document.getElementById(s.id + '-left');
    var right = document.getElementById(s.id + '-right');
    var colA = document.getElementById(s.id + '-col-a');
    var colB = document.getElementById(s.id + '-col-b');
    var summary = document.getElementById(s.id + '-pair-summary');
    var swap = document.getElementById(s.id + '-swap');
    if (!left || !right || !colA || !colB) return;
    function render() {
      var i = Number(left.value), j = Number(right.value);
      var pair = null, flipped = false;
      for (var k = 0; k < s.pairs.length && i !== j; k++) {
        var p = s.pairs[k];
        if (p[0] === i && p[1] === j) { pair = p; break; }
        if (p[0] === j && p[1] === i) { pair = p; flipped = true; break; }
      }
      var passages = pair ? (flipped ? pair[4].map(flip) : pair[4]) : [];
      fillColumn(s, colA, i, j, passages, 'a');
      fillColumn(s, colB, j, i, passages.map(flip), 'b');
      if (summary) {
        if (i === j) summary.textContent = 'The same article on both sides: choose another one to compare.';
        else if (!pair) summary.textContent = 'These two articles share no passage: the same event told in other words, or another story.';
        else {
          var ca = flipped ? pair[3] : pair[2], cb = flipped ? pair[2] : pair[3];
          var counts = {};
          var loaded = 0;
          passages.forEach(function (q) { q[6].forEach(function (e) { counts[e[0]] = (counts[e[0]] || 0) + 1; if (e[5]) loaded++; }); });
          var parts = [];
          Object.keys(counts).sort().forEach(function (key) { parts.push(counts[key] + ' ' + EDIT_WORDS[Number(key)]); });
          summary.textContent = passages.length + ' shared passage' + (passages.length === 1 ? '' : 's') +
            ', covering ' + percent(ca) + ' of the left and ' + percent(cb) + ' of the right article. ' +
            (parts.length ? 'Edits: ' + parts.join(', ') + (loaded ? ' (' + loaded + ' with a loaded term)' : '') + '.' : 'No edits.');
        }
      }
    }
    left.addEventListener('change', render);
    right.addEventListener('change', render);
    if (swap) swap.addEventListener('click', function () { var t = left.value; left.value = right.value; right.value = t; render(); });
    render();
  });

  Array.prototype.forEach.call(document.querySelectorAll('[data-evidence-for]'), function (panel) {
    var fig = document.getElementById(panel.getAttribute('data-evidence-for'));
    if (!fig) return;
    function show(ev) {
      var t = ev.target && ev.target.closest ? ev.target.closest('.edge, .node') : null;
      var title = t ? t.querySelector('title') : null;
      if (title) panel.textContent = title.textContent || '';
    }
    fig.addEventListener('mouseover', show);
    fig.addEventListener('focusin', show);
  });
})();
`;
