// The meeting form by keyboard alone: Enter moves to the next field
// instead of sending the form; at a row's last field (data-last) it
// presses that list's 添加 button when the row is the list's last, so the
// next row comes with the cursor in it; Ctrl+Enter saves.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("meeting-form");
    if (!form) { return; }
    function fields() {
      return Array.prototype.filter.call(form.elements, function (el) {
        return (el.tagName === "INPUT" && el.type !== "hidden") || el.tagName === "SELECT" || el.tagName === "TEXTAREA";
      });
    }
    form.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter" || ev.isComposing) { return; }
      var el = ev.target;
      if (ev.ctrlKey || ev.metaKey) {
        ev.preventDefault();
        document.getElementById("save-meeting").click();
        return;
      }
      if (el.tagName === "TEXTAREA" || el.tagName === "BUTTON" || el.tagName === "A") { return; }
      ev.preventDefault();
      var last = el.getAttribute("data-last");
      if (last) {
        var same = form.querySelectorAll('[data-last="' + last + '"]');
        if (same[same.length - 1] === el) {
          var add = form.querySelector('button[name="add"][value="' + last + '"]');
          if (add) { add.click(); return; }
        }
      }
      var all = fields();
      var i = all.indexOf(el);
      if (i >= 0 && i + 1 < all.length) { all[i + 1].focus(); }
    });
  });
})();
