// The widget picker (embed-demo.html): builds the partner's snippet from the choices,
// copies it, and shows the widget live through the real loader.
(function () {
  'use strict';
  var form = document.getElementById('picker');
  var snippet = document.getElementById('snippet');
  var preview = document.getElementById('preview');
  var loader = new URL('embed.js', document.baseURI).href;
  var API = { en: 'en', ru: 'ru', arm: 'hy' };

  function field(name) { return form.elements[name]; }

  function fill(select, options) {
    select.textContent = '';
    options.forEach(function (o) {
      var opt = document.createElement('option');
      opt.value = o[0];
      opt.textContent = o[1];
      select.appendChild(opt);
    });
  }

  function load(path) {
    return fetch(new URL('api/' + API[field('edition').value] + '/' + path, document.baseURI))
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
  }

  function sections() {
    return load('site.json').then(function (site) {
      fill(field('section'), site.sections.map(function (s) { return [s.slug, s.title]; }));
      return stories();
    });
  }

  function stories() {
    return load('sections/' + encodeURIComponent(field('section').value) + '/1.json').then(function (page) {
      fill(field('story'), page.items.map(function (s) { return [s.section.slug + '/' + s.slug, s.title]; }));
      render();
    });
  }

  function placeholder() {
    var kind = form.querySelector('input[name=kind]:checked').value;
    var div = document.createElement('div');
    div.setAttribute('data-embed', kind === 'section' ? 'section/' + field('section').value : 'article/' + field('story').value);
    if (field('edition').value !== 'en') div.setAttribute('data-edition', field('edition').value);
    if (field('theme').value) div.setAttribute('data-theme', field('theme').value);
    if (kind === 'section') div.setAttribute('data-count', String(Math.max(1, Math.min(10, +field('count').value || 5))));
    return div;
  }

  function render() {
    var div = placeholder();
    snippet.textContent = div.outerHTML + '\n<script src="' + loader + '" async></' + 'script>';
    preview.textContent = '';
    preview.appendChild(div);
  }

  form.addEventListener('change', function (e) {
    var name = e.target.name;
    var done = name === 'edition' ? sections() : name === 'section' ? stories() : (render(), null);
    if (done) done.catch(function (err) { snippet.textContent = 'Could not load the sections (' + err.message + ').'; });
  });

  document.getElementById('copy').addEventListener('click', function () {
    var status = document.getElementById('copied');
    navigator.clipboard.writeText(snippet.textContent).then(
      function () { status.textContent = 'Snippet copied.'; },
      function () { status.textContent = 'Select the snippet above and copy it.'; }
    );
  });

  var s = document.createElement('script');
  s.src = loader;
  s.async = true;
  document.head.appendChild(s);
  sections().catch(function (err) { snippet.textContent = 'Could not load the sections (' + err.message + ').'; });
})();
