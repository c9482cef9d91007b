/* Minimal chat page: talks to Rasa's REST channel, with quick-reply buttons. The full widget
   (socket.io, language toggle, read aloud) comes later. */
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

  // Quick replies: a button sends its payload; the resident sees the button's title as their
  // answer. Old buttons go once an answer is given, so only the current choice can be clicked.
  Chat.prototype.addButtons = function (buttons) {
    var chat = this;
    var group = document.createElement("li");
    group.className = "ww-buttons";
    buttons.forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = b.title;
      button.addEventListener("click", function () { chat.send(b.payload, b.title); });
      group.appendChild(button);
    });
    this.log.appendChild(group);
  };

  Chat.prototype.onSubmit = function (event) {
    event.preventDefault();
    var text = this.input.value.trim();
    if (!text) { return; }
    this.input.value = "";
    this.send(text, text);
  };

  Chat.prototype.send = function (message, shown) {
    this.log.querySelectorAll(".ww-buttons").forEach(function (g) { g.remove(); });
    this.add("user", shown);
    this.status.textContent = TEXTS.busy;
    var chat = this;
    fetch(this.webhook, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: this.sender, message: message }),
    })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (messages) {
        messages.forEach(function (m) {
          if (m.text) { chat.add("bot", m.text); }
          if (m.buttons && m.buttons.length) { chat.addButtons(m.buttons); }
        });
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
