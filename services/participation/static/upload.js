/* Attachments checked in the browser before anything is sent: number, size and type, with the same
   limits the server applies (data attributes rendered from its configuration). An invalid choice is
   cleared with a message next to the field; the text typed so far stays where it is. */
(function () {
  "use strict";
  var input = document.getElementById("attachments");
  var form = document.getElementById("statement-form");
  var out = document.getElementById("attachments-error");
  if (!input || !form || !out) { return; }
  var maxBytes = parseInt(input.getAttribute("data-max-bytes"), 10);
  var maxMb = input.getAttribute("data-max-mb");
  var maxFiles = parseInt(input.getAttribute("data-max-files"), 10);
  var types = { "application/pdf": 1, "image/png": 1, "image/jpeg": 1 };
  var exts = /\.(pdf|png|jpe?g)$/i;

  function problem() {
    var files = input.files || [];
    if (files.length > maxFiles) { return "Höchstens " + maxFiles + " Anhänge."; }
    for (var i = 0; i < files.length; i++) {
      var f = files[i];
      if (f.size > maxBytes) {
        return "Anhang „" + f.name + "“ ist größer als " + maxMb + " MB. Bitte wählen Sie eine kleinere Datei.";
      }
      if (!(types[f.type] || (!f.type && exts.test(f.name)))) {
        return "Anhang „" + f.name + "“: nur PDF, PNG oder JPEG sind erlaubt.";
      }
    }
    return "";
  }
  function check() {
    var msg = problem();
    out.textContent = msg;
    out.hidden = !msg;
    input.setAttribute("aria-invalid", msg ? "true" : "false");
    return msg;
  }
  input.addEventListener("change", function () {
    if (check()) { input.value = ""; }
  });
  form.addEventListener("submit", function (e) {
    if (check()) { e.preventDefault(); input.value = ""; input.focus(); }
  });
})();
