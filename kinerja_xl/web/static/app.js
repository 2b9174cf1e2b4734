// kinerja-xl's pages, a little livelier: drop files to send them; while a check runs the button
// is disabled and says so; the check page sends its files in the background and keeps them,
// so that switching the language shows the same results in the other language. Without
// JavaScript every form still works as a plain form.
(function () {
  "use strict";
  var kept = null; // the files of the last check on this page (a FileList)

  function busy(form, on) {
    var button = form.querySelector("button[type=submit]");
    var progress = document.getElementById("progress");
    if (button) {
      if (on) {
        button.dataset.idle = button.dataset.idle || button.textContent;
        button.textContent = button.dataset.busy || button.textContent;
      } else if (button.dataset.idle) {
        button.textContent = button.dataset.idle;
      }
      button.disabled = on;
      button.setAttribute("aria-busy", on ? "true" : "false");
    }
    if (progress) progress.textContent = on && button ? button.dataset.busy || "" : "";
    var results = document.getElementById("results");
    if (results) results.setAttribute("aria-busy", on ? "true" : "false");
  }

  function parse(html) {
    return new DOMParser().parseFromString(html, "text/html");
  }

  function showError(doc) {
    var results = document.getElementById("results");
    var message = doc.querySelector(".error-message");
    if (!results) return;
    var box = document.createElement("p");
    box.className = "error-message";
    box.setAttribute("role", "alert");
    box.textContent = message ? message.textContent : "HTTP error";
    results.replaceChildren(box);
  }

  function send(form, files, url) {
    var data = new FormData();
    Array.prototype.forEach.call(files, function (file) { data.append("files", file); });
    return fetch(url || form.action, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) {
        return response.text().then(function (html) { return { ok: response.ok, doc: parse(html) }; });
      });
  }

  function check(form) {
    var input = form.querySelector("input[type=file]");
    if (!input || !input.files.length) return;
    var files = input.files;
    busy(form, true);
    send(form, files)
      .then(function (answer) {
        if (!answer.ok) { showError(answer.doc); return; }
        kept = files;
        var fresh = answer.doc.getElementById("results");
        var results = document.getElementById("results");
        if (fresh && results) results.replaceWith(fresh);
      })
      .catch(function () { showError(parse("")); })
      .then(function () { busy(form, false); });
  }

  // The other language, with the same results: the kept files checked again in it.
  function toggle(event) {
    var results = document.getElementById("results");
    var form = document.getElementById("upload");
    if (!kept || !results || !results.children.length || !form || form.dataset.mode !== "fetch") return;
    event.preventDefault();
    var lang = event.currentTarget.getAttribute("hreflang");
    busy(form, true);
    send(form, kept, form.action + "?lang=" + encodeURIComponent(lang))
      .then(function (answer) {
        if (!answer.ok) { showError(answer.doc); busy(form, false); return; }
        document.documentElement.lang = answer.doc.documentElement.lang;
        document.title = answer.doc.title;
        document.body.replaceWith(answer.doc.body);
        var files = kept;
        init();
        kept = files;
        var input = document.getElementById("files");
        if (input) {
          var transfer = new DataTransfer();
          Array.prototype.forEach.call(files, function (file) { transfer.items.add(file); });
          input.files = transfer.files;
          label(input);
        }
      })
      .catch(function () { busy(form, false); });
  }

  function label(input) {
    var span = document.querySelector("#drop span");
    if (span && input.files.length) {
      span.textContent = Array.prototype.map.call(input.files, function (f) { return f.name; }).join(", ");
    }
  }

  function init() {
    var drop = document.getElementById("drop");
    var input = document.getElementById("files");
    var form = document.getElementById("upload");
    var toggleLink = document.getElementById("lang-toggle");
    if (toggleLink) toggleLink.addEventListener("click", toggle);
    document.querySelectorAll("form.withdraw").forEach(function (withdraw) {
      withdraw.addEventListener("submit", function () { busy(withdraw, true); });
    });
    if (!drop || !input || !form) return;
    ["dragenter", "dragover"].forEach(function (name) {
      drop.addEventListener(name, function (event) {
        event.preventDefault();
        drop.classList.add("over");
      });
    });
    ["dragleave", "drop"].forEach(function (name) {
      drop.addEventListener(name, function () { drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      if (!event.dataTransfer || !event.dataTransfer.files.length) return;
      input.files = event.dataTransfer.files;
      label(input);
      if (form.requestSubmit) form.requestSubmit(); else form.submit();
    });
    input.addEventListener("change", function () { label(input); });
    form.addEventListener("submit", function (event) {
      if (form.dataset.mode === "fetch" && window.fetch && window.DOMParser) {
        event.preventDefault();
        check(form);
      } else {
        busy(form, true); // a plain form: the page changes when the answer comes
      }
    });
  }

  // An issue's cell link: the cell itself takes the focus (its sheet opened), so that its
  // message shows and the keyboard goes on from there.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("table.issues a[href^='#']");
    if (!link) return;
    var cell = document.getElementById(link.getAttribute("href").slice(1));
    if (!cell) return;
    event.preventDefault();
    var sheet = cell.closest("details");
    if (sheet) sheet.open = true;
    cell.focus();
    cell.scrollIntoView({ block: "center", inline: "center" });
  });

  // Back to a page the browser kept (its back button): nothing is being sent any more.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("form").forEach(function (form) { busy(form, false); });
  });

  init();
})();
