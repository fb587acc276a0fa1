// htmx requests carry the CSRF token of the page.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A button that adds a numbered row (data-next-index-of names the rows) asks for the next
// free number: one more than the highest row there, 0 when there is none.
document.addEventListener('htmx:configRequest', function (event) {
  var rows = event.detail.elt.dataset ? event.detail.elt.dataset.nextIndexOf : null;
  if (rows) {
    var highest = -1;
    document.querySelectorAll(rows).forEach(function (row) {
      highest = Math.max(highest, Number(row.dataset.index));
    });
    event.detail.parameters.index = highest + 1;
  }
});

// A long operation (an import, a reconciliation upload, an audit verification, an export) shows
// that it is working, and its button cannot be pressed twice. The buttons are disabled just after
// the submit event, so the pressed button's own name and value are still sent.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (event.defaultPrevented || form.getAttribute('aria-busy') === 'true') {
    if (form.getAttribute('aria-busy') === 'true') {
      event.preventDefault();
    }
    return;
  }
  setTimeout(function () {
    form.setAttribute('aria-busy', 'true');
    form.querySelectorAll('button, input[type="submit"]').forEach(function (button) {
      button.disabled = true;
    });
  }, 0);
});

function govcloudIdle(form) {
  form.removeAttribute('aria-busy');
  form.querySelectorAll('button, input[type="submit"]').forEach(function (button) {
    button.disabled = false;
  });
}

// An htmx form stays on the page: it is ready again when its answer has arrived.
document.addEventListener('htmx:afterRequest', function (event) {
  var form = event.target.closest ? event.target.closest('form') : null;
  if (form) {
    govcloudIdle(form);
  }
});

// Back from the next page (the browser's page cache keeps the disabled buttons): ready again.
window.addEventListener('pageshow', function () {
  document.querySelectorAll('form[aria-busy="true"]').forEach(govcloudIdle);
});

// A download link (an Excel export or template) is busy for a few seconds after it is followed.
document.addEventListener('click', function (event) {
  var link = event.target.closest ? event.target.closest('a[href*=".xlsx"], a[href*="/export"]') : null;
  if (!link) {
    return;
  }
  if (link.getAttribute('aria-busy') === 'true') {
    event.preventDefault();
    return;
  }
  link.setAttribute('aria-busy', 'true');
  setTimeout(function () {
    link.removeAttribute('aria-busy');
  }, 3000);
});

// A list filtered or sorted through htmx (ADR 0017): a link that follows the list's filters (the
// Excel export) is given the list's new query, as a full reload would have written it; one that
// needs a filter (data-requires) is hidden without it.
document.addEventListener('htmx:pushedIntoHistory', function () {
  document.querySelectorAll('a[data-follows-filters]').forEach(function (link) {
    var url = new URL(link.href, window.location.href);
    var query = new URLSearchParams(window.location.search);
    query.delete('page');
    query.delete('sort');
    query.forEach(function (value, name) {
      if (value === '') {
        query.delete(name);
      }
    });
    url.search = query.toString();
    link.href = url.pathname + url.search;
    if (link.dataset.requires) {
      link.hidden = !query.get(link.dataset.requires);
    }
  });
});

// A request line's remove button takes its line away (no inline handler: the page's
// Content-Security-Policy allows scripts from GovCloud's own files only).
document.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('button.remove-line') : null;
  if (button) {
    var line = button.closest('.line');
    if (line) {
      line.remove();
    }
  }
});
