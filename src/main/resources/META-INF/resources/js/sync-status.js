// Progressive enhancement: while a sync runs, ask for its status every two seconds and show the
// result as soon as it is done. Without JavaScript the page reloads itself (<noscript> refresh).
(function () {
  var section = document.querySelector('[data-syncing][data-sync-status]');
  if (!section || !window.fetch) { return; }
  var url = section.getAttribute('data-sync-status');
  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : { syncing: true }; })
      .then(function (status) {
        if (status.syncing) { window.setTimeout(poll, 2000); } else { window.location.reload(); }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 2000);
}());
