// Ponte's own script, loaded before Bootstrap Italia. The bundled video player would inject
// <style> elements, which the Content-Security-Policy forbids: tell it not to.
window.VIDEOJS_NO_DYNAMIC_STYLE = true;

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
