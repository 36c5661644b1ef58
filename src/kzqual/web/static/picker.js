/* kzqual: small progressive enhancements of the eligibility form (no framework, no inline script:
   the Content-Security-Policy allows scripts from this origin only).
   - the post picker: typing in #post_q asks the public API (/api/v1/positions) and lists posts to
     pick with the mouse or the arrow keys and Enter; the pick fills the form's position_id.
     Without JavaScript the "Find" button does the same on the server (search-then-pick step).
   - [data-print] buttons print the page (the print stylesheet shows the result only). */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });

  var input = document.getElementById("post_q");
  var box = document.getElementById("post-choices");
  var chosen = document.getElementById("post-chosen");
  if (!input || !box || !chosen || !window.fetch) { return; }
  var api = input.getAttribute("data-picker");
  var texts = document.getElementById("picker-texts");
  var say = function (name) { return texts ? texts.getAttribute("data-" + name) || "" : ""; };
  var timer = null, items = [], active = -1, seq = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }

  function hidden() {
    // one position_id field: the server's radio list (no-JS step) gives way to a hidden input
    var h = document.getElementById("position_id");
    if (!h) {
      box.querySelectorAll("input[name=position_id]").forEach(function (r) { r.remove(); });
      h = el("input"); h.type = "hidden"; h.id = "position_id"; h.name = "position_id";
      box.parentNode.insertBefore(h, box);
    }
    return h;
  }

  function line(item) {
    var span = el("span", "post-line");
    span.appendChild(el("span", "post-title", item.title));
    if (item.category_raw || item.category) {
      span.appendChild(document.createTextNode(" "));
      span.appendChild(el("span", "badge cat", item.category_raw || item.category));
    }
    if (item.act_status === "repealed") {
      span.appendChild(document.createTextNode(" "));
      span.appendChild(el("span", "badge repealed", say("repealed")));
    }
    var where = [item.department, item.act_title].filter(Boolean).join(" · ");
    if (where) { span.appendChild(el("span", "post-where small muted", where)); }
    return span;
  }

  function close() {
    items = []; active = -1;
    input.removeAttribute("aria-activedescendant");
    input.setAttribute("aria-expanded", "false");
    var list = document.getElementById("post-listbox");
    if (list) { list.remove(); }
  }

  function pick(i) {
    var item = items[i];
    if (!item) { return; }
    hidden().value = item.id;
    chosen.textContent = "";
    chosen.appendChild(line(item));
    box.querySelectorAll("p, ul").forEach(function (n) { n.remove(); });
    close();
    input.focus();
  }

  function highlight(i) {
    var opts = box.querySelectorAll("[role=option]");
    if (!opts.length) { return; }
    active = (i + opts.length) % opts.length;
    opts.forEach(function (o, k) { o.setAttribute("aria-selected", k === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", opts[active].id);
    opts[active].scrollIntoView({ block: "nearest" });
  }

  function show(found) {
    close();
    box.querySelectorAll("p, ul").forEach(function (n) { n.remove(); });
    items = found;
    var list = el("ul", "choice-list picker-list");
    list.id = "post-listbox";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", say("label"));
    if (!found.length) {
      list.appendChild(el("li", "muted", say("nothing")));
    }
    found.forEach(function (item, k) {
      var li = el("li", "picker-option");
      li.id = "post-opt-" + k;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.setAttribute("data-id", item.id);
      li.appendChild(line(item));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(k); });
      list.appendChild(li);
    });
    box.appendChild(list);
    input.setAttribute("aria-expanded", "true");
  }

  function search() {
    var q = input.value.trim();
    if (q.length < 2) { close(); return; }
    var mine = ++seq;
    fetch(api + "?limit=8&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { items: [] }; })
      .then(function (page) { if (mine === seq) { show(page.items || []); } })
      .catch(function () { /* the Find button still works */ });
  }

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { ev.preventDefault(); if (!items.length) { search(); } else { highlight(active + 1); } }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); highlight(active - 1); }
    else if (ev.key === "Escape") { close(); }
    else if (ev.key === "Enter") {
      ev.preventDefault(); // Enter in the search box searches or picks, never sends the form
      if (active >= 0) { pick(active); } else { clearTimeout(timer); search(); }
    }
  });
}());
