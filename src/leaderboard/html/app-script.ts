/**
 * The browser side of the item browser and the compare page (written to assets/app.js). It reads
 * the page's embedded JSON, loads per-item chunk scripts on demand (script tags work from file://),
 * and builds the DOM with textContent only: model output never becomes markup.
 */
export const APP_JS = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('jpeval-data').textContent);
  var store = {};
  var waiting = {};
  window.jpevalItems = function (key, items) {
    (store[key] = store[key] || []).push.apply(store[key], items);
  };
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function labelOf(id) {
    for (var i = 0; i < data.entries.length; i++) if (data.entries[i].id === id) return data.entries[i].label;
    return id;
  }
  function load(key, done) {
    var files = data.item_chunks[key] || [];
    if (store[key + '#loaded']) return done(store[key] || []);
    if (waiting[key]) return waiting[key].push(done);
    waiting[key] = [done];
    store[key] = [];
    var left = files.length;
    function finish() {
      store[key + '#loaded'] = true;
      var cbs = waiting[key];
      delete waiting[key];
      cbs.forEach(function (cb) { cb(store[key]); });
    }
    if (!left) return finish();
    files.forEach(function (f) {
      var s = document.createElement('script');
      s.src = f;
      s.onload = s.onerror = function () { if (--left === 0) finish(); };
      document.head.appendChild(s);
    });
  }
  function fill(select, options, value) {
    select.textContent = '';
    options.forEach(function (o) {
      var opt = el('option', o[1]);
      opt.value = o[0];
      if (o[0] === value) opt.selected = true;
      select.appendChild(opt);
    });
  }
  function field(name, text) {
    var d = el('div');
    d.appendChild(el('strong', name + ': '));
    d.appendChild(el('pre', text));
    return d;
  }
  function itemBox(entry, suite, item, target) {
    var box = el('div', undefined, 'item' + (target ? ' target' : ''));
    box.id = 'item-' + entry + '-' + item.id;
    var head = el('div');
    head.appendChild(el('strong', item.id + ' '));
    head.appendChild(el('span', item.outcome, 'outcome-' + item.outcome));
    var vals = Object.keys(item.values).map(function (k) { return k + '=' + item.values[k]; }).join(' ');
    head.appendChild(el('span', ' ' + vals + (item.flags.length ? ' [' + item.flags.join(', ') + ']' : ''), 'muted'));
    box.appendChild(head);
    var det = el('details');
    det.appendChild(el('summary', 'prompt'));
    det.appendChild(el('pre', item.prompt));
    box.appendChild(det);
    box.appendChild(field('output', item.output));
    box.appendChild(field('extracted', item.extracted === null ? '(none)' : item.extracted));
    box.appendChild(field('gold', item.gold));
    if (item.error) box.appendChild(field('error', item.error));
    return box;
  }
  function parseHash() {
    var h = decodeURIComponent(location.hash.replace(/^#/, ''));
    return h ? h.split('|') : [];
  }
  function suitesOf(entry) {
    return data.suites.filter(function (s) { return data.item_chunks[entry + '/' + s.name]; }).map(function (s) { return [s.name, s.name]; });
  }

  function itemsPage() {
    var root = document.getElementById('app');
    var h = parseHash();
    var entrySel = el('select'); entrySel.id = 'entry';
    var suiteSel = el('select'); suiteSel.id = 'suite';
    var outcomeSel = el('select'); outcomeSel.id = 'outcome';
    var search = el('input'); search.id = 'search'; search.placeholder = 'search text / id';
    var list = el('div'); list.id = 'items';
    var count = el('p', '', 'muted');
    fill(entrySel, data.entries.map(function (e) { return [e.id, e.label]; }), h[0]);
    fill(outcomeSel, [['', 'all outcomes'], ['correct', 'correct'], ['incorrect', 'incorrect'], ['not_attempted', 'not_attempted'], ['unscored', 'unscored'], ['error', 'error']], '');
    [['model ', entrySel], ['suite ', suiteSel], ['', outcomeSel], ['', search]].forEach(function (p) { var l = el('label', p[0]); l.appendChild(p[1]); root.appendChild(l); });
    root.appendChild(count); root.appendChild(list);
    function refillSuites(value) { fill(suiteSel, suitesOf(entrySel.value), value); }
    function show() {
      var entry = entrySel.value, suite = suiteSel.value, target = parseHash()[2];
      load(entry + '/' + suite, function (items) {
        list.textContent = '';
        var q = search.value.toLowerCase(), shown = 0;
        items.forEach(function (it) {
          if (outcomeSel.value && it.outcome !== outcomeSel.value) return;
          if (q && (it.id + it.prompt + it.output + it.gold).toLowerCase().indexOf(q) < 0) return;
          if (shown++ < 500 || it.id === target) list.appendChild(itemBox(entry, suite, it, it.id === target));
        });
        count.textContent = shown + ' of ' + items.length + ' items' + (shown > 500 ? ' (first 500 shown; narrow with the filters)' : '');
        var t = target && document.getElementById('item-' + entry + '-' + target);
        if (t) t.scrollIntoView();
      });
    }
    refillSuites(h[1]);
    entrySel.onchange = function () { refillSuites(suiteSel.value); show(); };
    suiteSel.onchange = outcomeSel.onchange = search.oninput = show;
    window.onhashchange = function () { var x = parseHash(); if (x[0]) { entrySel.value = x[0]; refillSuites(x[1]); } show(); };
    show();
  }

  function comparePage() {
    var root = document.getElementById('app');
    var h = parseHash();
    var aSel = el('select'); aSel.id = 'a';
    var bSel = el('select'); bSel.id = 'b';
    var suiteSel = el('select'); suiteSel.id = 'suite';
    var out = el('div'); out.id = 'compare';
    var entries = data.entries.map(function (e) { return [e.id, e.label]; });
    fill(aSel, entries, h[0] || (entries[0] || [])[0]);
    fill(bSel, entries, h[1] || (entries[1] || entries[0] || [])[0]);
    [['A ', aSel], ['B ', bSel], ['suite ', suiteSel]].forEach(function (p) { var l = el('label', p[0]); l.appendChild(p[1]); root.appendChild(l); });
    root.appendChild(out);
    function pairFor(a, b, suite) {
      for (var i = 0; i < data.groups.length; i++) {
        var g = data.groups[i];
        if (g.suite !== suite) continue;
        for (var j = 0; j < g.pairwise.length; j++) {
          var p = g.pairwise[j];
          if (p.a === a && p.b === b) return { p: p, flip: false };
          if (p.a === b && p.b === a) return { p: p, flip: true };
        }
      }
      return null;
    }
    function refillSuites() {
      var a = aSel.value, b = bSel.value;
      fill(suiteSel, data.suites.filter(function (s) { return pairFor(a, b, s.name); }).map(function (s) { return [s.name, s.name]; }), suiteSel.value || h[2]);
    }
    function show() {
      var a = aSel.value, b = bSel.value, suite = suiteSel.value;
      out.textContent = '';
      var found = pairFor(a, b, suite);
      if (!found) { out.appendChild(el('p', a === b ? 'Pick two different models.' : 'These two models have no comparable results on a common suite (different suite version, data, items, shots, decoding or choice mode).')); return; }
      var p = found.p, sign = found.flip ? -1 : 1;
      var gained = found.flip ? p.lost_items : p.gained_items, lost = found.flip ? p.gained_items : p.lost_items;
      out.appendChild(el('p', labelOf(a) + ' − ' + labelOf(b) + ' on ' + suite + ': ' + (sign * p.difference).toFixed(4) + ' [' + (found.flip ? (-p.ci95[1]).toFixed(4) + ', ' + (-p.ci95[0]).toFixed(4) : p.ci95[0].toFixed(4) + ', ' + p.ci95[1].toFixed(4)) + '], p (Holm) = ' + p.p_holm.toPrecision(3) + ' (' + p.test + ', n = ' + p.n + ')'));
      load(a + '/' + suite, function (itemsA) {
        load(b + '/' + suite, function (itemsB) {
          var byA = {}, byB = {};
          itemsA.forEach(function (i) { byA[i.id] = i; });
          itemsB.forEach(function (i) { byB[i.id] = i; });
          [[labelOf(a) + ' better (' + gained.length + ')', gained, 'gained'], [labelOf(b) + ' better (' + lost.length + ')', lost, 'lost']].forEach(function (sec) {
            var wrap = el('section'); wrap.id = sec[2];
            wrap.appendChild(el('h2', sec[0]));
            sec[1].forEach(function (id) {
              var row = el('div', undefined, 'flip');
              var ha = el('a', id + ' (' + labelOf(a) + ')'); ha.href = 'items.html#' + encodeURIComponent(a + '|' + suite + '|' + id);
              var hb = el('a', id + ' (' + labelOf(b) + ')'); hb.href = 'items.html#' + encodeURIComponent(b + '|' + suite + '|' + id);
              row.appendChild(ha); row.appendChild(el('span', '  ')); row.appendChild(hb);
              var cols = el('div', undefined, 'cols');
              if (byA[id]) cols.appendChild(field(labelOf(a), byA[id].output));
              if (byB[id]) cols.appendChild(field(labelOf(b), byB[id].output));
              row.appendChild(cols);
              wrap.appendChild(row);
            });
            out.appendChild(wrap);
          });
        });
      });
    }
    refillSuites();
    aSel.onchange = bSel.onchange = function () { refillSuites(); show(); };
    suiteSel.onchange = show;
    show();
  }

  if (document.body.dataset.page === 'items') itemsPage();
  else if (document.body.dataset.page === 'compare') comparePage();
})();
`;
