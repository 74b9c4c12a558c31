/* newssift report: highlight the passage a link points at, filter facts by status, open folds for print.
   The page works without this script; it only adds comfort. It never loads anything. */
(function () {
  "use strict";
  function highlight() {
    var old = document.querySelectorAll(".hl.hit");
    for (var i = 0; i < old.length; i++) { old[i].classList.remove("hit"); }
    var key = decodeURIComponent(location.hash.slice(1));
    if (!/^d\d+-\d+-\d+$/.test(key)) { return; }
    var segs = document.querySelectorAll('[data-k~="' + key + '"]');
    for (var j = 0; j < segs.length; j++) { segs[j].classList.add("hit"); }
  }
  window.addEventListener("hashchange", highlight);
  highlight();

  var bar = document.querySelector(".filters");
  if (bar) {
    bar.hidden = false;
    bar.addEventListener("click", function (ev) {
      var btn = ev.target.closest("button[data-filter]");
      if (!btn) { return; }
      var want = btn.getAttribute("data-filter");
      var buttons = bar.querySelectorAll("button");
      for (var i = 0; i < buttons.length; i++) { buttons[i].setAttribute("aria-pressed", String(buttons[i] === btn)); }
      var rows = document.querySelectorAll(".matrix tbody tr");
      for (var j = 0; j < rows.length; j++) {
        rows[j].classList.toggle("is-hidden", want !== "all" && rows[j].getAttribute("data-status") !== want);
      }
    });
  }

  window.addEventListener("beforeprint", function () {
    var folds = document.querySelectorAll("details");
    for (var i = 0; i < folds.length; i++) { folds[i].open = true; }
  });
})();
