(function () {
  'use strict';
  var PAGE = 20;
  var form = document.getElementById('filters');
  var status = document.getElementById('status');
  var pagers = Array.prototype.slice.call(document.querySelectorAll('.pager'));
  var docs = Array.prototype.slice.call(document.querySelectorAll('#docs > .doc'));
  var matching = docs;
  var filter = null;
  var page = 0;
  var shown = docs.slice(0, PAGE);
  var sentencesOf = new Map();

  function sentences(doc) {
    var list = sentencesOf.get(doc);
    if (!list) {
      list = Array.prototype.slice.call(doc.querySelectorAll('.s'));
      sentencesOf.set(doc, list);
    }
    return list;
  }

  function words(value) {
    return value ? value.split(' ') : [];
  }

  function has(element, name, wanted) {
    var values = words(element.getAttribute(name));
    for (var i = 0; i < wanted.length; i++) {
      if (values.indexOf(wanted[i]) >= 0) {
        return true;
      }
    }
    return false;
  }

  function current() {
    var categories = [];
    form.querySelectorAll('input[name=c]:checked').forEach(function (box) { categories.push(box.value); });
    var f = {
      categories: categories,
      rule: form.elements.rule.value,
      show: form.elements.show.value,
      query: form.elements.q.value.trim().toLowerCase()
    };
    return f.categories.length || f.rule || f.show !== 'all' || f.query ? f : null;
  }

  // the cheap test on a document's attributes (a union of its sentences'), before its sentences
  function mayMatch(element, f) {
    return (!f.categories.length || has(element, 'data-c', f.categories))
      && (!f.rule || has(element, 'data-r', [f.rule]))
      && (f.show === 'all' || has(element, 'data-f', [f.show]));
  }

  function text(sentence) {
    if (sentence.searchText === undefined) {
      sentence.searchText = sentence.querySelector('.t').textContent.toLowerCase();
    }
    return sentence.searchText;
  }

  function matches(sentence, f) {
    return mayMatch(sentence, f) && (!f.query || text(sentence).indexOf(f.query) >= 0);
  }

  function apply(keepPage) {
    filter = current();
    var count = 0;
    matching = [];
    docs.forEach(function (doc) {
      if (!filter) {
        matching.push(doc);
        count += Number(doc.getAttribute('data-n'));
        return;
      }
      if (!mayMatch(doc, filter)) {
        return;
      }
      var n = 0;
      sentences(doc).forEach(function (s) { if (matches(s, filter)) { n++; } });
      if (n) {
        matching.push(doc);
        count += n;
      }
    });
    if (!keepPage) {
      page = 0;
    }
    render();
    status.textContent = (filter ? 'Matching: ' : '') + plural(count, 'sentence') + ' in ' + plural(matching.length, 'document');
  }

  function plural(n, noun) {
    return n.toLocaleString('en') + ' ' + noun + (n === 1 ? '' : 's');
  }

  function pages() {
    return Math.max(1, Math.ceil(matching.length / PAGE));
  }

  function render() {
    page = Math.max(0, Math.min(page, pages() - 1));
    var next = matching.slice(page * PAGE, (page + 1) * PAGE);
    shown.forEach(function (doc) { doc.hidden = true; });
    next.forEach(function (doc) {
      doc.hidden = false;
      sentences(doc).forEach(function (s) { s.hidden = filter !== null && !matches(s, filter); });
    });
    shown = next;
    pagers.forEach(drawPager);
  }

  function drawPager(nav) {
    nav.textContent = '';
    if (pages() === 1) {
      return;
    }
    nav.appendChild(button('← Previous', page === 0, function () { turn(page - 1, nav); }));
    var label = document.createElement('span');
    label.textContent = 'Page ' + (page + 1) + ' of ' + pages() + ' (documents ' + (page * PAGE + 1) + '–'
      + Math.min(matching.length, (page + 1) * PAGE) + ' of ' + matching.length.toLocaleString('en') + ')';
    nav.appendChild(label);
    nav.appendChild(button('Next →', page === pages() - 1, function () { turn(page + 1, nav); }));
  }

  function button(label, disabled, action) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.disabled = disabled;
    b.addEventListener('click', action);
    return b;
  }

  function turn(to, nav) {
    page = to;
    render();
    document.getElementById('documents').scrollIntoView();
    var again = nav.querySelector('button:not([disabled])');
    if (again) {
      again.focus({ preventScroll: true });
    }
  }

  function clear() {
    form.querySelectorAll('input[name=c]').forEach(function (box) { box.checked = false; });
    form.elements.rule.value = '';
    form.elements.show.value = 'all';
    form.elements.q.value = '';
  }

  // a link to a sentence or document opens its page, clearing filters that hide it
  function reveal(id) {
    var target = id && document.getElementById(id);
    var doc = target && target.closest('.doc');
    if (!doc) {
      return false;
    }
    if (matching.indexOf(doc) < 0 || (target !== doc && filter && !matches(target, filter))) {
      clear();
      apply();
    }
    page = Math.floor(matching.indexOf(doc) / PAGE);
    render();
    if (!target.hasAttribute('tabindex')) {
      target.setAttribute('tabindex', '-1');
    }
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    return true;
  }

  function showAll(setting) {
    clear();
    setting();
    apply();
    document.getElementById('documents').scrollIntoView();
  }

  var typing = null;
  form.addEventListener('input', function (event) {
    if (event.target.name === 'q') {
      clearTimeout(typing);
      typing = setTimeout(apply, 200);
    }
  });
  form.addEventListener('change', function (event) {
    if (event.target.name !== 'q') {
      apply();
    }
  });
  form.querySelector('button.clear').addEventListener('click', function () { clear(); apply(); });
  form.addEventListener('submit', function (event) { event.preventDefault(); clearTimeout(typing); apply(); });

  document.addEventListener('click', function (event) {
    var link = event.target.closest('a[href^="#"]');
    if (!link) {
      return;
    }
    if (link.hasAttribute('data-rule')) {
      event.preventDefault();
      showAll(function () { form.elements.rule.value = link.getAttribute('data-rule'); });
    } else if (link.hasAttribute('data-show')) {
      event.preventDefault();
      showAll(function () { form.elements.show.value = link.getAttribute('data-show'); });
    } else if (link.getAttribute('href') === location.hash && reveal(location.hash.slice(1))) {
      event.preventDefault();
    }
  });
  window.addEventListener('hashchange', function () { reveal(location.hash.slice(1)); });

  document.addEventListener('keydown', function (event) {
    var inField = /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName);
    if (event.key === '/' && !inField) {
      event.preventDefault();
      form.elements.q.focus();
    } else if (event.key === 'Escape' && event.target === form.elements.q) {
      form.elements.q.value = '';
      apply();
    }
  });

  // a tag's details open to its left when they would run off the right of the window
  function place(event) {
    var tag = event.target.closest && event.target.closest('.tag');
    var tip = tag && tag.querySelector('.tip');
    if (tip) {
      tag.classList.remove('flip');
      if (tip.getBoundingClientRect().right > document.documentElement.clientWidth) {
        tag.classList.add('flip');
      }
    }
  }
  document.addEventListener('mouseover', place);
  document.addEventListener('focusin', place);

  document.querySelectorAll('table.sortable').forEach(function (table) {
    var headings = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headings.forEach(function (th, column) {
      th.querySelector('button').addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        headings.forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = th.hasAttribute('data-num');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].textContent;
          var y = b.cells[column].textContent;
          var order = numeric ? Number(x.replace(/,/g, '')) - Number(y.replace(/,/g, '')) : x.localeCompare(y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  apply(true);
  if (location.hash) {
    reveal(location.hash.slice(1));
  }
  document.documentElement.setAttribute('data-ready', '');
})();
