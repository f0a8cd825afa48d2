/* Copy buttons: a button with data-copy="<input id>" copies that input's value and says
 * so in its live region. Without this script the button stays hidden and the address
 * can be selected in the read-only input. No inline script: the CSP forbids it.
 */
(function () {
  "use strict";

  function setUp(button) {
    var input = document.getElementById(button.dataset.copy);
    var status = document.getElementById(button.dataset.copyStatus);
    if (!input || !navigator.clipboard || button.dataset.copyReady) { return; }
    button.dataset.copyReady = "1";
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(input.value).then(function () {
        status.textContent = button.dataset.copied;
      }, function () {
        input.select();
        status.textContent = button.dataset.copyFailed;
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("button[data-copy]").forEach(setUp);
  });
})();
