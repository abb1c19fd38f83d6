// The main menu as a disclosure on narrow screens: the stylesheet shows the "Menú" button and hides
// the closed list below 48rem; on wider screens the button is not displayed and the list always is.
// Without this script the button stays hidden and the list open.
(function () {
  "use strict";
  var nav = document.querySelector(".main-nav");
  var button = nav && nav.querySelector(".main-nav__toggle");
  if (!button) return;

  function setOpen(open) {
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("main-nav--closed", !open);
  }

  setOpen(false);
  button.hidden = false;
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  // Escape closes the open menu from any of its links and gives the focus back to the button.
  nav.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true" && button.offsetParent) {
      setOpen(false);
      button.focus();
    }
  });
})();
