// The Print button of a report, and the print date in its printed footer.
// Without JavaScript the button stays hidden; the browser's own print works.
(function () {
  'use strict';
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
  function stamp() {
    document.querySelectorAll('[data-print-date]').forEach(function (el) {
      var lang = el.getAttribute('data-lang') === 'en' ? 'en-GB' : 'vi-VN';
      el.textContent = new Date().toLocaleDateString(lang, { day: 'numeric', month: 'long', year: 'numeric' });
    });
  }
  stamp();
  window.addEventListener('beforeprint', stamp);
})();
