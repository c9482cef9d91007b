/* Minimal chat page: talks to Rasa's REST channel. The full widget comes later. */
(function () {
  "use strict";

  var TEXTS = Object.freeze({
    you: "U",
    bot: "Wegwijzer",
    busy: "Even geduld, de wegwijzer denkt na…",
    offline: "De wegwijzer is nu niet bereikbaar. Probeer het later nog eens, of bel uw gemeente.",
  });

  function senderId() {
    var key = "wegwijzer-sender";
    var id = window.sessionStorage.getItem(key);
    if (!id) {
      id = (window.crypto && window.crypto.randomUUID) ? window.crypto.randomUUID()
        : String(Date.now()) + Math.random().toString(16).slice(2);
      window.sessionStorage.setItem(key, id);
    }
    return id;
  }

  function Chat(root, rasaUrl) {
    if (root.dataset.initialised) { return; }
    root.dataset.initialised = "true";
    this.log = root.querySelector(".ww-log");
    this.form = root.querySelector(".ww-form");
    this.input = root.querySelector("input");
    this.status = root.querySelector(".ww-status");
    this.webhook = rasaUrl.replace(/\/$/, "") + "/webhooks/rest/webhook";
    this.sender = senderId();
    this.form.addEventListener("submit", this.onSubmit.bind(this));
  }

  Chat.prototype.add = function (who, text) {
    var item = document.createElement("li");
    item.className = "ww-msg ww-msg--" + who;
    var label = document.createElement("span");
    label.className = "ww-visually-hidden";
    label.textContent = (who === "user" ? TEXTS.you : TEXTS.bot) + ": ";
    item.appendChild(label);
    item.appendChild(document.createTextNode(text));
    this.log.appendChild(item);
  };

  Chat.prototype.onSubmit = function (event) {
    event.preventDefault();
    var text = this.input.value.trim();
    if (!text) { return; }
    this.add("user", text);
    this.input.value = "";
    this.status.textContent = TEXTS.busy;
    var chat = this;
    fetch(this.webhook, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: this.sender, message: text }),
    })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (messages) {
        messages.forEach(function (m) { if (m.text) { chat.add("bot", m.text); } });
        chat.status.textContent = "";
      })
      .catch(function () { chat.status.textContent = TEXTS.offline; })
      .finally(function () { chat.input.focus(); });
  };

  fetch("config.json")
    .then(function (r) { return r.json(); })
    .then(function (config) {
      document.querySelectorAll("[data-module='wegwijzer-chat']").forEach(function (root) {
        new Chat(root, config.rasa_url);
      });
    })
    .catch(function () {
      document.querySelectorAll(".ww-status").forEach(function (s) { s.textContent = TEXTS.offline; });
    });
})();
