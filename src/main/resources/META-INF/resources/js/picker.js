// Progressive enhancement for the platform picker: filters the cards as you type.
// Without JavaScript the search form submits ?q= and the server filters.
(function () {
  var input = document.querySelector('input[data-filter]');
  if (!input) { return; }
  var cards = Array.prototype.slice.call(document.querySelectorAll(input.getAttribute('data-filter')));
  var count = document.getElementById('search-count');
  function counted(n) {
    return n === 1 ? count.getAttribute('data-one') : count.getAttribute('data-many').replace(/\d+/, n);
  }
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  input.addEventListener('input', function () {
    var query = fold(input.value.trim());
    var shown = 0;
    cards.forEach(function (card) {
      var match = fold(card.getAttribute('data-name')).indexOf(query) !== -1;
      card.hidden = !match;
      if (match) { shown++; }
    });
    document.querySelectorAll('.platform-group').forEach(function (group) {
      group.hidden = group.querySelectorAll('.platform-card:not([hidden])').length === 0;
    });
    if (count) { count.textContent = counted(shown); }
  });
}());
