// Progressive enhancement: a "Copy" button for fields marked data-copy. Without JavaScript the
// button stays hidden and the read-only field can be selected and copied by hand.
(function () {
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    var field = document.querySelector(button.getAttribute('data-copy'));
    var status = button.parentNode.querySelector('[data-copy-status]');
    if (!field || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(field.value).then(function () {
        if (status) { status.textContent = button.getAttribute('data-copied'); }
      });
    });
  });
}());
