// Ponte's own script, on every page. Bootstrap Italia's script bundle is not loaded: the three
// behaviours of it that Ponte's pages use are here, done the same way (same classes and
// attributes, so the kit's style sheet shows them as before): the phone's main menu, the field
// labels that rest in an empty field, and focus rings shown for the keyboard only.

// Focus rings for the keyboard only: an element focused by a click is marked, and the kit's
// style sheet draws no ring on it (Bootstrap Italia's TrackFocus).
(function () {
  var usingMouse = false;
  document.addEventListener("keydown", function () { usingMouse = false; });
  document.addEventListener("mousedown", function () { usingMouse = true; });
  document.addEventListener("focusin", function (e) {
    if (usingMouse && e.target && e.target.setAttribute) e.target.setAttribute("data-focus-mouse", "true");
  });
  document.addEventListener("focusout", function (e) {
    if (e.target && e.target.setAttribute) e.target.setAttribute("data-focus-mouse", "false");
  });
})();

// Field labels (Bootstrap Italia's Input): in a .form-group the label of an empty field rests in
// the field, and moves above it while the field has focus or a value. A label marked `active` by
// the template starts above its field, as it shows without JavaScript.
document.addEventListener("DOMContentLoaded", function () {
  var skip = 'select, input[type="radio"], input[type="checkbox"], input[type="time"], ' +
    'input[data-bs-input][type="password"], input.input-password[data-bs-input], input[data-bs-autocomplete][type="search"]';
  var done = [];
  document.querySelectorAll("input, textarea, label").forEach(function (item) {
    var field = item;
    if (item.tagName === "LABEL") {
      var id = item.getAttribute("for");
      field = id && document.getElementById(id);
      if (!field) return;
    }
    if (done.indexOf(field) >= 0 || field.matches(skip) || !field.id) return;
    done.push(field);
    var label = document.querySelector('label[for="' + CSS.escape(field.id) + '"]');
    if (!label) return;
    var empty = function () { return !field.value && !field.getAttribute("placeholder"); };
    var over = function () { if (empty()) label.classList.remove("active"); };
    var out = function () { label.classList.add("active"); };
    if (!label.classList.contains("active")) { out(); over(); }
    if (label.getAttribute("it-bs-static") !== null) return;
    var type = field.getAttribute("type");
    if (type === "date" || type === "time") return;
    if (type === "file") { field.addEventListener("blur", out); return; }
    field.addEventListener("focus", out);
    field.addEventListener("blur", over);
    field.addEventListener("change", function () { if (empty()) over(); else out(); });
  });
});

// The phone's main menu (Bootstrap Italia's NavBarCollapsible): the button opens the menu as a
// dialog over a backdrop, keeps the focus in it, and the close button, the backdrop or Escape
// close it and give the focus back to the button. On wide screens the menu is always shown: an
// open menu closes when the window widens past the phone's width (the breakpoint of ponte.css),
// where the button is hidden and the page would otherwise stay inert under it.
document.addEventListener("DOMContentLoaded", function () {
  var button = document.querySelector('[data-bs-toggle="navbarcollapsible"]');
  var menu = button && document.querySelector(button.getAttribute("data-bs-target"));
  if (!menu) return;
  var main = document.querySelector("main");
  var wrapper = menu.querySelector(".menu-wrapper") || menu;
  var close = menu.querySelector(".close-div button");
  var phone = window.matchMedia("(max-width: 991.98px)");
  var shown = false, moving = false, backdrop = null, tabBack = false, closeWhenShown = false;
  if (!menu.getAttribute("tabindex")) menu.setAttribute("tabindex", "-1");
  // Calls `done` once the element's transition has ended (or at once, if it has none).
  function afterTransition(element, done) {
    var style = getComputedStyle(element);
    var ms = (parseFloat(style.transitionDuration) + parseFloat(style.transitionDelay)) * 1000;
    if (!ms) { done(); return; }
    var called = false;
    var finish = function (e) {
      if (called || (e && e.target !== element)) return;
      called = true; element.removeEventListener("transitionend", finish); done();
    };
    element.addEventListener("transitionend", finish);
    setTimeout(finish, ms + 5);
  }
  function focusable() {
    return Array.prototype.filter.call(
      menu.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])'),
      function (el) { return !el.disabled && el.offsetParent !== null; });
  }
  function show() {
    if (shown || moving) return;
    shown = true; moving = true;
    var scrollbar = window.innerWidth - document.documentElement.clientWidth;
    document.body.style.overflow = "hidden";
    if (scrollbar) document.body.style.paddingRight = (parseFloat(getComputedStyle(document.body).paddingRight) + scrollbar) + "px";
    document.body.classList.add("navbar-open");
    backdrop = document.createElement("div");
    backdrop.className = "navbar-backdrop fade";
    backdrop.addEventListener("mousedown", hide);
    menu.parentNode.appendChild(backdrop);
    void backdrop.offsetHeight;
    backdrop.classList.add("show");
    menu.style.display = "block";
    if (!menu.getAttribute("aria-label") && !menu.getAttribute("aria-labelledby")) menu.setAttribute("aria-label", "Menu");
    menu.setAttribute("aria-modal", "true");
    menu.setAttribute("role", "dialog");
    if (main && !main.contains(menu)) main.setAttribute("inert", "");
    void menu.offsetHeight;
    menu.classList.add("expanded");
    button.setAttribute("aria-expanded", "true");
    afterTransition(wrapper, function () {
      moving = false;
      // Widened while it opened: close at once, without taking the focus into it.
      if (closeWhenShown) { closeWhenShown = false; hide(); return; }
      (close || focusable()[0] || menu).focus();
    });
  }
  function hide() {
    if (!shown || moving) return;
    shown = false; moving = true;
    menu.classList.remove("expanded");
    var old = backdrop;
    backdrop = null;
    old.classList.remove("show");
    afterTransition(old, function () { old.remove(); });
    button.setAttribute("aria-expanded", "false");
    afterTransition(wrapper, function () {
      menu.style.display = "";
      menu.removeAttribute("aria-modal");
      menu.removeAttribute("role");
      document.body.classList.remove("navbar-open");
      if (main) main.removeAttribute("inert");
      document.body.style.overflow = "";
      document.body.style.paddingRight = "";
      moving = false;
      if (button.offsetParent !== null) button.focus();
    });
  }
  button.addEventListener("click", function () { if (shown) hide(); else show(); });
  if (close) close.addEventListener("click", function (e) { e.preventDefault(); hide(); });
  // Wider than a phone: close as Escape does (the focus goes back to the button only if shown).
  function widened() {
    if (phone.matches || !shown) return;
    if (moving) closeWhenShown = true; else hide();
  }
  if (phone.addEventListener) phone.addEventListener("change", widened);
  else if (phone.addListener) phone.addListener(widened);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Tab") tabBack = e.shiftKey;
    if (shown && e.key === "Escape") hide();
  });
  // The focus stays in the open menu: leaving it from one end comes back at the other.
  document.addEventListener("focusin", function (e) {
    if (!shown || moving || menu.contains(e.target)) return;
    var all = focusable();
    if (!all.length) menu.focus();
    else (tabBack ? all[all.length - 1] : all[0]).focus();
  });
});

// The logframe editor: rows can be dragged by their handle. A row takes the rows under it
// (deeper levels) along; the form's fields are renumbered in the new order and the form is saved,
// so that the server numbers the rows again. The move buttons do the same without a mouse.
document.addEventListener("DOMContentLoaded", function () {
  var list = document.getElementById("lf-rows");
  if (!list) return;
  var dragged = null;
  function rows() { return Array.prototype.slice.call(list.querySelectorAll(":scope > li.lf-row")); }
  function block(row) {
    var all = rows(), i = all.indexOf(row), depth = +row.dataset.depth, out = [row];
    for (var k = i + 1; k < all.length && +all[k].dataset.depth > depth; k++) out.push(all[k]);
    return out;
  }
  rows().forEach(function (row) {
    var handle = row.querySelector(".lf-handle");
    if (!handle) return;
    row.setAttribute("draggable", "true");
    row.addEventListener("dragstart", function (e) {
      dragged = row; row.classList.add("lf-dragging");
      e.dataTransfer.effectAllowed = "move";
      e.dataTransfer.setData("text/plain", row.id);
    });
    row.addEventListener("dragend", function () {
      row.classList.remove("lf-dragging");
      rows().forEach(function (r) { r.classList.remove("lf-drop-target"); });
    });
    row.addEventListener("dragover", function (e) {
      if (!dragged || block(dragged).indexOf(row) >= 0) return;
      e.preventDefault(); row.classList.add("lf-drop-target");
    });
    row.addEventListener("dragleave", function () { row.classList.remove("lf-drop-target"); });
    row.addEventListener("drop", function (e) {
      e.preventDefault();
      if (!dragged || block(dragged).indexOf(row) >= 0) return;
      var moving = block(dragged);
      moving.forEach(function (r) { list.insertBefore(r, row); });
      rows().forEach(function (r, n) {
        r.querySelectorAll("[name]").forEach(function (field) {
          field.name = field.name.replace(/^r\d+\./, "r" + n + ".");
        });
      });
      var form = document.getElementById("editor");
      var stay = document.createElement("input");
      stay.type = "hidden"; stay.name = "stay"; stay.value = "1";
      form.appendChild(stay);
      form.submit();
    });
  });
});

// Long lists of checkboxes (the logframe's DAC sectors): a search field shows only the choices
// whose label holds what is typed, accents and case ignored; chosen ones stay in view.
document.addEventListener("DOMContentLoaded", function () {
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  document.querySelectorAll("input[data-filter]").forEach(function (input) {
    var list = document.getElementById(input.dataset.filter);
    if (!list) return;
    input.closest(".choice-filter").hidden = false;
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim());
      list.querySelectorAll(".choice").forEach(function (choice) {
        var box = choice.querySelector("input[type=checkbox]");
        var match = !wanted || fold(choice.textContent).indexOf(wanted) >= 0;
        choice.hidden = !(match || (box && box.checked));
      });
    });
  });
});

// The product editor: a form larger than the server takes (a text over 200,000 characters) is
// not sent; the message says so and what was typed stays in the editor.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form[data-max-body]").forEach(function (form) {
    var maxBody = parseInt(form.dataset.maxBody, 10);
    var maxChars = parseInt(form.dataset.maxChars, 10);
    var message = null;
    form.addEventListener("submit", function (event) {
      var tooLong = false;
      form.querySelectorAll("textarea").forEach(function (area) {
        if (Array.from(area.value.replace(/\r\n/g, "\n")).length > maxChars) tooLong = true;
      });
      var size = new URLSearchParams(new FormData(form)).toString().length;
      if (!tooLong && size <= maxBody) return;
      event.preventDefault();
      if (!message) {
        message = document.createElement("p");
        message.className = "alert alert-danger";
        message.setAttribute("role", "alert");
        message.textContent = form.dataset.tooLarge;
        form.insertBefore(message, form.firstChild);
      }
      message.scrollIntoView({ block: "center" });
    });
  });
});

// Copy buttons (hidden without JavaScript): copy the value of the field they name and say so.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.dataset.copy);
    if (!field || !navigator.clipboard) return;
    var status = button.parentNode.querySelector(".copy-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        if (status) status.textContent = button.dataset.copied;
      });
    });
  });
});
