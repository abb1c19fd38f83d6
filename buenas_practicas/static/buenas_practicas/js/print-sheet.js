// "Imprimir la ficha": without JavaScript the link opens the print layout (?print=1) and the
// browser's own Print command does the rest; with it, the link and the button print at once.
(function () {
  "use strict";
  if (typeof window.print !== "function") return;
  document.querySelectorAll("[data-print]").forEach(function (control) {
    control.hidden = false;
    control.addEventListener("click", function (event) {
      event.preventDefault();
      window.print();
    });
  });
})();
