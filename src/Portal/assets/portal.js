// The portal works without this file: every page is a plain form. With it, searches suggest as
// you type and uploads show their progress.
(function () {
  "use strict";

  // Connect to an Organization: results as the person types, from the portal's own page.
  var search = document.querySelector("input[data-suggest]");
  var results = document.getElementById("results");
  if (search && results) {
    var timer = null;
    var latest = 0;
    search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = search.value.trim();
        var ticket = ++latest;
        if (q.length < 2) {
          results.innerHTML = "";
          return;
        }
        fetch(search.dataset.suggest + "&q=" + encodeURIComponent(q), { credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.text() : ""; })
          .then(function (html) { if (ticket === latest) { results.innerHTML = html; } });
      }, 250);
    });
  }

  // Operators' imports: the upload's progress, then the report in place of the page's result area.
  var form = document.querySelector("form[data-upload]");
  if (form && window.XMLHttpRequest && window.FormData) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var box = form.querySelector(".qpp-upload-progress");
      var bar = form.querySelector("progress");
      var text = form.querySelector("[data-progress-text]");
      var button = form.querySelector("button[type=submit]");
      box.hidden = false;
      button.disabled = true;
      var request = new XMLHttpRequest();
      request.open("POST", form.getAttribute("action") || window.location.pathname);
      request.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          var percent = Math.round((e.loaded / e.total) * 100);
          bar.value = percent;
          text.textContent = percent < 100 ? percent + "% uploaded" : "Uploaded; the server is importing the lines…";
        }
      });
      request.addEventListener("load", function () {
        var page = new DOMParser().parseFromString(request.responseText, "text/html");
        var fresh = page.getElementById("import-result");
        var target = document.getElementById("import-result");
        if (fresh && target) { target.innerHTML = fresh.innerHTML; }
        text.textContent = "Done.";
        button.disabled = false;
        var report = document.getElementById("import-report") || target;
        if (report) { report.setAttribute("tabindex", "-1"); report.focus(); }
      });
      request.addEventListener("error", function () {
        text.textContent = "The upload failed. Try again.";
        button.disabled = false;
      });
      request.send(new FormData(form));
    });
  }
})();
