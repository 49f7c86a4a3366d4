// Progressive enhancement for the platform picker: filters the cards as you type, matching as the server does
// (platforms/PlatformSearch: accents and case ignored, spaces and dashes too, one typo forgiven from 4 letters, two
// from 8, also on a word still being typed). Change both together. Without JavaScript the form submits ?q=.
(function () {
  var input = document.querySelector('input[data-filter]');
  if (!input) { return; }
  var FORGIVING_FROM = 4, TWO_TYPOS_FROM = 8;
  var cards = Array.prototype.slice.call(document.querySelectorAll(input.getAttribute('data-filter')));
  var count = document.getElementById('search-count');
  var popular = document.querySelector('.popular');
  function counted(n) {
    return n === 1 ? count.getAttribute('data-one') : count.getAttribute('data-many').replace(/\d+/, n);
  }
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
  }
  function compact(text) {
    return text.replace(/[^\p{L}\p{N}]/gu, '');
  }
  // Edits between two words (insert, delete, replace, swap two neighbours).
  function distance(a, b) {
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) { d[i] = [i]; }
    for (j = 0; j <= b.length; j++) { d[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length][b.length];
  }
  function closeToAPrefix(query, word, allowed) {
    if (word.length < FORGIVING_FROM - 1) { return false; }
    for (var length = query.length - allowed; length <= query.length + allowed; length++) {
      if (length >= FORGIVING_FROM - 1 && length <= word.length && distance(query, word.substring(0, length)) <= allowed) {
        return true;
      }
    }
    return false;
  }
  function matches(texts, q) {
    if (!q) { return true; }
    var cq = compact(q);
    if (texts.some(function (t) { return t.indexOf(q) !== -1 || (cq && compact(t).indexOf(cq) !== -1); })) { return true; }
    if (cq.length < FORGIVING_FROM) { return false; }
    var allowed = cq.length >= TWO_TYPOS_FROM ? 2 : 1;
    return texts.some(function (t) {
      var words = t.split(/[^\p{L}\p{N}]+/u).concat([compact(t)]);
      return words.some(function (w) { return closeToAPrefix(cq, w, allowed); });
    });
  }
  input.addEventListener('input', function () {
    var query = fold(input.value);
    var shown = 0;
    cards.forEach(function (card) {
      var match = matches(card.getAttribute('data-name').split('|'), query);
      card.hidden = !match;
      if (match) { shown++; }
    });
    document.querySelectorAll('.platform-group').forEach(function (group) {
      group.hidden = group.querySelectorAll('.platform-card:not([hidden])').length === 0;
    });
    // While searching, the shortcuts give way to what the search finds.
    if (popular) { popular.hidden = query.length > 0; }
    if (count) { count.textContent = counted(shown); }
  });
}());
