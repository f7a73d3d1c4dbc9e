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
