// The meeting form by keyboard alone: Enter moves to the next field
// instead of sending the form; at a list's last field (data-last: the
// last member's note, the last statement's summary, the last item's
// decision) it presses that list's 添加 button, so the next row comes
// with the cursor in it; Enter in a row left blank skips past the row
// (a blank row is dropped when saved); Ctrl+Enter saves.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // The first step: Enter on the chosen type goes on to the form.
    var typeForm = document.getElementById("meeting-type-form");
    if (typeForm) {
      typeForm.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" && !ev.isComposing && ev.target.tagName === "SELECT") {
          ev.preventDefault();
          typeForm.submit();
        }
      });
    }
    var form = document.getElementById("meeting-form");
    if (!form) { return; }
    function fields() {
      return Array.prototype.filter.call(form.elements, function (el) {
        return (el.tagName === "INPUT" && el.type !== "hidden") || el.tagName === "SELECT" || el.tagName === "TEXTAREA";
      });
    }
    function blank(row) {
      return Array.prototype.every.call(row.querySelectorAll("input[type=text]"), function (i) { return i.value.trim() === ""; });
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
      var all = fields();
      var row = el.closest("tr, fieldset.meeting-item");
      if (row && el.value === "" && blank(row)) {
        var inRow = all.filter(function (f) { return row.contains(f); });
        var after = all.indexOf(inRow[inRow.length - 1]) + 1;
        if (after < all.length) { all[after].focus(); }
        return;
      }
      var last = el.getAttribute("data-last");
      if (last) {
        var same = form.querySelectorAll('[data-last="' + last + '"]');
        if (same[same.length - 1] === el) {
          var add = form.querySelector('button[name="add"][value="' + last + '"]');
          if (add) { add.click(); return; }
        }
      }
      var i = all.indexOf(el);
      if (i >= 0 && i + 1 < all.length) { all[i + 1].focus(); }
    });
  });
})();
