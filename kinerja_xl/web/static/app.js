// Drag and drop onto the upload area: the files go into the form's file input, which is sent.
(function () {
  var drop = document.getElementById("drop");
  var input = document.getElementById("files");
  var form = document.getElementById("upload");
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
    form.submit();
  });
  input.addEventListener("change", function () {
    var label = drop.querySelector("span");
    if (label && input.files.length) {
      label.textContent = Array.prototype.map.call(input.files, function (f) { return f.name; }).join(", ");
    }
  });
})();
