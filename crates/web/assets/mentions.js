// The person picker of the community's message forms. Typing `@` in a message lists the people
// who can see the space (read once from the space's people page, which works without this
// script too); arrows move through the list, Enter inserts `@[Name]`, Escape closes it.
// The list is a listbox the text field points to (aria-controls, aria-activedescendant), and a
// status line says how many people match, for screen readers.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("textarea[data-mention-people]").forEach(function (field, n) {
    var people = null;
    var loading = false;
    var list = document.createElement("ul");
    list.id = "mention-list-" + n;
    list.className = "mention-list list-unstyled border rounded mt-1 mb-0";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", field.getAttribute("data-mention-label"));
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    field.insertAdjacentElement("afterend", status);
    field.insertAdjacentElement("afterend", list);
    field.setAttribute("aria-controls", list.id);
    field.setAttribute("aria-autocomplete", "list");
    var matches = [];
    var active = -1;
    var start = -1;

    function fold(s) {
      return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    }
    function load() {
      if (people || loading) return;
      loading = true;
      fetch(field.getAttribute("data-mention-people"), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          people = Array.prototype.map.call(doc.querySelectorAll("[data-name]"),
            function (row) { return row.getAttribute("data-name"); });
          update();
        })
        .catch(function () { people = []; });
    }
    function close() {
      if (!list.hidden) status.textContent = "";
      list.hidden = true;
      list.textContent = "";
      matches = [];
      active = -1;
      field.removeAttribute("aria-activedescendant");
    }
    function mark() {
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.setAttribute("aria-selected", i === active ? "true" : "false");
        li.classList.toggle("active", i === active);
      });
      if (active >= 0) field.setAttribute("aria-activedescendant", list.id + "-" + active);
      else field.removeAttribute("aria-activedescendant");
    }
    // The `@` being typed before the caret, and what follows it.
    function typed() {
      var before = field.value.slice(0, field.selectionStart);
      var m = before.match(/(^|[\s(>])@\[?([^\]\[@\n]{0,60})$/);
      if (!m) return null;
      start = before.length - m[0].length + m[1].length;
      return m[2];
    }
    function update() {
      var q = typed();
      if (q === null) { close(); return; }
      if (!people) { load(); return; }
      var f = fold(q.trim());
      matches = people.filter(function (p) { return fold(p).indexOf(f) >= 0; }).slice(0, 8);
      list.textContent = "";
      matches.forEach(function (name, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.className = "px-2 py-1";
        li.textContent = name;
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      active = matches.length ? 0 : -1;
      var shown = matches.length > 0;
      if (!shown) { close(); return; }
      var said = (field.getAttribute("data-mention-count") || "{count}")
        .replace("{count}", String(matches.length));
      // Said when the list opens or its length changes, not on every key.
      if (list.hidden || status.textContent !== said) status.textContent = said;
      list.hidden = false;
      mark();
    }
    function choose(i) {
      var name = matches[i];
      // The caret may have moved since the list was drawn: the `@` being typed is read again.
      if (name === undefined || typed() === null) { close(); return; }
      var caret = field.selectionStart;
      var text = "@[" + name + "] ";
      field.value = field.value.slice(0, start) + text + field.value.slice(caret);
      var at = start + text.length;
      field.setSelectionRange(at, at);
      close();
      field.focus();
    }
    field.addEventListener("focus", load);
    field.addEventListener("input", update);
    // A caret moved by the mouse or the keys shows the list of the `@` it now stands after.
    field.addEventListener("click", update);
    field.addEventListener("keyup", function (e) {
      if (["ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"].indexOf(e.key) >= 0) update();
    });
    field.addEventListener("blur", function () { setTimeout(close, 150); });
    field.addEventListener("keydown", function (e) {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { active = (active + 1) % matches.length; mark(); e.preventDefault(); }
      else if (e.key === "ArrowUp") { active = (active - 1 + matches.length) % matches.length; mark(); e.preventDefault(); }
      else if (e.key === "Enter") { if (active >= 0) { choose(active); e.preventDefault(); } }
      else if (e.key === "Escape") { close(); e.preventDefault(); }
    });
  });
});
