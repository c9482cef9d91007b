/* Wmo wegwijzer: the chat widget a gemeente puts on its website with one tag.

     <script src="https://.../widget.js" data-gemeente="GM0090" data-taal="nl"
             data-ingang="inwoner" defer></script>

   Plain JavaScript, no build step. It adds its own stylesheet (widget.css) and the socket.io
   client (vendor/socket.io.min.js) from the folder widget.js comes from, and talks to Rasa's
   socket.io channel (bot/kanalen/widget.py). Options and texts: docs/widget.md.

   Built like a govuk-frontend component: one class (Wegwijzer), frozen defaults, settings
   merged from the defaults, JavaScript options and data-* attributes (in that order), a guard
   against starting twice, every text overridable per language (nl, fy). Nothing is put in the
   page as HTML: messages become DOM nodes with textContent, so the widget also runs under
   `script-src 'self'; style-src 'self'`. */
(function () {
  "use strict";

  if (window.Wegwijzer && window.Wegwijzer.init) { return; }  // the tag is on the page twice

  var SCRIPT = document.currentScript;
  var BRON = new URL(".", (SCRIPT && SCRIPT.src) || window.location.href).href;

  // Every text the widget shows itself. {naam}, {gemeente} and {telefoon} are filled in.
  var TEKSTEN = Object.freeze({
    nl: Object.freeze({
      landmark: "Chat met de Wmo wegwijzer",
      openen: "Vraag het de wegwijzer",
      openenMantelzorger: "Doe de mantelzorgscan",
      nieuwBericht: "(nieuw bericht)",
      titel: "Wmo wegwijzer",
      sluiten: "Sluiten",
      taal: "Taal",
      groteLetters: "Grotere letters",
      gesprek: "Gesprek",
      invoer: "Typ uw vraag of antwoord",
      versturen: "Versturen",
      inwoner: "U",
      bot: "Wegwijzer",
      medewerker: "{naam}, gemeente",
      keuzes: "Kies een antwoord",
      voorlezen: "Voorlezen",
      typen: "De wegwijzer schrijft een antwoord",
      wachten: "U wacht op een medewerker.",
      offline: "De wegwijzer werkt nu niet. We proberen het zelf opnieuw.",
      geenAntwoord: "De wegwijzer geeft nu geen antwoord. Probeer het over een paar minuten opnieuw.",
      bellen: "Wilt u iemand spreken? Bel de gemeente {gemeente}: {telefoon}.",
      bellenNummer: "Wilt u iemand spreken? Bel uw gemeente: {telefoon}.",
      bellenZonderGemeente: "Bel uw gemeente op 14 met daarachter het netnummer van uw woonplaats.",
      terug: "De verbinding is terug. U kunt weer typen.",
      nieuwVenster: "(opent in een nieuw venster)"
    }),
    fy: Object.freeze({
      landmark: "Chat mei de Wmo-paadwizer",
      openen: "Freegje it de paadwizer",
      openenMantelzorger: "Doch de mantelsoargscan",
      nieuwBericht: "(nij berjocht)",
      titel: "Wmo-paadwizer",
      sluiten: "Slute",
      taal: "Taal",
      groteLetters: "Gruttere letters",
      gesprek: "Petear",
      invoer: "Typ jo fraach of antwurd",
      versturen: "Ferstjoere",
      inwoner: "Jo",
      bot: "Paadwizer",
      medewerker: "{naam}, gemeente",
      keuzes: "Kies in antwurd",
      voorlezen: "Foarlêze",
      typen: "De paadwizer skriuwt in antwurd",
      wachten: "Jo wachtsje op in meiwurker.",
      offline: "De paadwizer wurket no net. Wy besykje it sels opnij.",
      geenAntwoord: "De paadwizer jout no gjin antwurd. Besykje it oer in pear minuten opnij.",
      bellen: "Wolle jo ien sprekke? Belje de gemeente {gemeente}: {telefoon}.",
      bellenNummer: "Wolle jo ien sprekke? Belje jo gemeente: {telefoon}.",
      bellenZonderGemeente: "Belje jo gemeente op 14 mei it netnûmer fan jo wenplak.",
      terug: "De ferbining is werom. Jo kinne wer type.",
      nieuwVenster: "(iepenet yn in nij finster)"
    })
  });

  var STANDAARD = Object.freeze({
    gemeente: "",            // CBS code, e.g. GM0090: phone number and hours when offline
    taal: "nl",              // nl or fy
    ingang: "inwoner",       // inwoner or mantelzorger: which conversation starts
    rasaUrl: "",             // empty: rasa_url from config.json next to widget.js
    apiUrl: BRON,            // the sociale kaart (GET /gemeenten/{code}/toegang)
    telefoon: "",            // overrides the sociale kaart's phone number
    openingstijden: "",      // overrides the sociale kaart's opening hours
    open: false,             // start with the chat open
    antwoordSeconden: 20,    // no reply after this long: say so, with the phone number
    wegSeconden: 4,          // connection lost for this long: say so
    i18n: TEKSTEN
  });

  var TALEN = ["nl", "fy"];
  var INGANGEN = ["inwoner", "mantelzorger"];
  var STARTBERICHT = Object.freeze({ inwoner: "/groet", mantelzorger: "/mantelzorgscan_starten" });
  var MAX_LENGTE = 2000;  // as bot/kanalen/widget.py
  var MAX_BEWAARD = 200;  // messages kept for a reload
  var GEMEENTE_CODE = /^GM\d{4}$/;
  var volgnummer = 0;

  // Links in a message: web addresses, e-mail addresses and Dutch phone numbers (14 + area
  // code, 0800/0900, fixed and mobile lines, 112 and 113).
  var LINK = new RegExp([
    "(https?:\\/\\/[^\\s<>\"']+)",
    "([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})",
    "(\\b(?:14 ?0\\d{2,3}|0[89]00[ -]?\\d{4}(?:[ -]?\\d{3})?|06[ -]?\\d{8}|0\\d{2,3}[ -]?\\d{6,7}|11[23])(?![\\d-]))"
  ].join("|"), "g");

  /* ---------- small helpers ---------- */

  function element(naam, klasse, tekst) {
    var el = document.createElement(naam);
    if (klasse) { el.className = klasse; }
    if (tekst !== undefined) { el.textContent = tekst; }
    return el;
  }

  function vul(sjabloon, waarden) {
    return sjabloon.replace(/\{(\w+)\}/g, function (_, sleutel) {
      return waarden[sleutel] !== undefined ? waarden[sleutel] : "";
    });
  }

  function isObject(waarde) {
    return waarde !== null && typeof waarde === "object" && !Array.isArray(waarde);
  }

  // Deep merge of plain objects; later ones win. Frozen defaults are copied, never changed.
  function samen() {
    var uit = {};
    Array.prototype.forEach.call(arguments, function (bron) {
      if (!isObject(bron)) { return; }
      Object.keys(bron).forEach(function (sleutel) {
        var waarde = bron[sleutel];
        if (waarde === undefined) { return; }
        uit[sleutel] = isObject(waarde) ? samen(uit[sleutel], waarde) : waarde;
      });
    });
    return uit;
  }

  // data-* attributes as options: "true"/"false" become booleans, data-rasa-url rasaUrl.
  function dataOpties(el) {
    var uit = {};
    if (!el || !el.dataset) { return uit; }
    Object.keys(STANDAARD).forEach(function (sleutel) {
      if (sleutel === "i18n" || el.dataset[sleutel] === undefined) { return; }
      var waarde = el.dataset[sleutel];
      if (typeof STANDAARD[sleutel] === "boolean") { waarde = waarde === "true" || waarde === ""; }
      if (typeof STANDAARD[sleutel] === "number") { waarde = Number(waarde) || STANDAARD[sleutel]; }
      uit[sleutel] = waarde;
    });
    return uit;
  }

  // sessionStorage: cleared when the tab closes, so nothing of the conversation stays on a
  // shared computer. Some browsers refuse it (private mode); then memory is used.
  var geheugen = {};
  var opslag = {
    lees: function (sleutel) {
      try { return window.sessionStorage.getItem(sleutel); } catch (e) { return geheugen[sleutel] || null; }
    },
    schrijf: function (sleutel, waarde) {
      try { window.sessionStorage.setItem(sleutel, waarde); } catch (e) { geheugen[sleutel] = waarde; }
    },
    leesJson: function (sleutel, anders) {
      try { return JSON.parse(opslag.lees(sleutel)) || anders; } catch (e) { return anders; }
    }
  };

  function nieuwSessieId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  var geladen = {};
  function laadScript(url) {
    if (!geladen[url]) {
      geladen[url] = new Promise(function (klaar, mislukt) {
        var tag = document.createElement("script");
        tag.src = url;
        tag.async = true;
        tag.onload = klaar;
        tag.onerror = function () { delete geladen[url]; mislukt(new Error("could not load " + url)); };
        document.head.appendChild(tag);
      });
    }
    return geladen[url];
  }

  function laadStijl(url) {
    var bestaand = Array.prototype.some.call(document.querySelectorAll("link[rel='stylesheet']"),
      function (link) { return link.href === url; });
    if (bestaand) { return; }
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = url;
    document.head.appendChild(link);
  }

  // Text with links as DOM nodes: only http(s), mailto and tel links, never HTML.
  function metLinks(tekst, teksten) {
    var stukken = document.createDocumentFragment();
    var vanaf = 0;
    tekst.replace(LINK, function (gevonden, url, email, telefoon, plek) {
      var tekstDeel = gevonden;
      var href;
      if (url) {
        tekstDeel = url.replace(/[.,;:!?)]+$/, "");
        href = tekstDeel;
      } else if (email) {
        tekstDeel = email.replace(/\.+$/, "");
        href = "mailto:" + tekstDeel;
      } else {
        href = "tel:" + telefoon.replace(/\D/g, "");
      }
      stukken.appendChild(document.createTextNode(tekst.slice(vanaf, plek)));
      var link = element("a", "wegwijzer__link", tekstDeel);
      link.href = href;
      if (url) {
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        link.appendChild(document.createTextNode(" "));
        var uitleg = element("span", "wegwijzer__verborgen", teksten.nieuwVenster);
        uitleg.setAttribute("data-wegwijzer-tekst", "nieuwVenster");
        link.appendChild(uitleg);
      }
      stukken.appendChild(link);
      vanaf = plek + tekstDeel.length;
      return gevonden;
    });
    stukken.appendChild(document.createTextNode(tekst.slice(vanaf)));
    return stukken;
  }

  /* ---------- the component ---------- */

  function Wegwijzer(root, opties) {
    this.root = root;
    this.config = samen(STANDAARD, opties, dataOpties(root));
    var c = this.config;
    c.gemeente = GEMEENTE_CODE.test(String(c.gemeente).toUpperCase()) ? String(c.gemeente).toUpperCase() : "";
    c.ingang = INGANGEN.indexOf(c.ingang) >= 0 ? c.ingang : "inwoner";
    this.sleutel = "wegwijzer:" + c.ingang + ":";
    var gekozen = opslag.lees("wegwijzer:taal");
    this.taal = TALEN.indexOf(gekozen) >= 0 ? gekozen : (TALEN.indexOf(c.taal) >= 0 ? c.taal : "nl");
    this.sessieId = opslag.lees(this.sleutel + "sessie");
    this.gesprek = opslag.leesJson(this.sleutel + "gesprek", []);
    this.wachtOpMedewerker = opslag.lees(this.sleutel + "wachten") === "ja";
    // From the handover until the hand-back a person answers, so no typing dots or time-out.
    this.metMedewerker = opslag.lees(this.sleutel + "medewerker") === "ja";
    this.toegang = null;        // phone number and hours of the gemeente, from the sociale kaart
    this.socket = null;
    this.verbonden = false;     // socket connected and session confirmed
    this.ooitVerbonden = false;
    this.storing = null;        // which problem is shown: "offline" or "geenAntwoord"
    this.timers = {};
    this.id = "wegwijzer-" + (++volgnummer);

    this.bouw();
    this.haalToegang();
    if (this.sessieId) { this.verbind(); }  // a conversation is going on: staff may write
    if (c.open || opslag.lees(this.sleutel + "open") === "ja") { this.open(false); }
  }

  Wegwijzer.prototype.t = function (sleutel, waarden) {
    var teksten = this.config.i18n[this.taal] || this.config.i18n.nl;
    var tekst = teksten[sleutel] !== undefined ? teksten[sleutel] : this.config.i18n.nl[sleutel];
    return waarden ? vul(tekst, waarden) : tekst;
  };

  // A node whose text follows the language toggle.
  Wegwijzer.prototype.vertaald = function (naam, klasse, sleutel) {
    var el = element(naam, klasse, this.t(sleutel));
    el.setAttribute("data-wegwijzer-tekst", sleutel);
    return el;
  };

  Wegwijzer.prototype.bouw = function () {
    var self = this;
    var root = this.root;
    root.classList.add("wegwijzer");
    if (opslag.lees("wegwijzer:groot") === "ja") { root.classList.add("wegwijzer--groot"); }

    var openenSleutel = this.config.ingang === "mantelzorger" ? "openenMantelzorger" : "openen";
    this.launcher = element("button", "wegwijzer__launcher");
    this.launcher.type = "button";
    this.launcher.setAttribute("aria-expanded", "false");
    this.launcher.setAttribute("aria-controls", this.id + "-paneel");
    this.launcher.appendChild(element("span", "wegwijzer__launcher-icoon")).setAttribute("aria-hidden", "true");
    this.launcher.appendChild(this.vertaald("span", "", openenSleutel));
    this.nieuwLabel = this.vertaald("span", "wegwijzer__verborgen", "nieuwBericht");
    this.nieuwLabel.hidden = true;
    this.launcher.appendChild(this.nieuwLabel);
    this.launcher.addEventListener("click", function () { self.open(true); });

    var paneel = this.paneel = element("section", "wegwijzer__paneel");
    paneel.id = this.id + "-paneel";
    paneel.setAttribute("role", "dialog");
    paneel.setAttribute("aria-labelledby", this.id + "-titel");
    paneel.hidden = true;
    paneel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); self.sluit(); }
    });

    var kop = element("div", "wegwijzer__kop");
    var titel = this.vertaald("h2", "wegwijzer__titel", "titel");
    titel.id = this.id + "-titel";
    var sluiten = this.vertaald("button", "wegwijzer__sluiten", "sluiten");
    sluiten.type = "button";
    sluiten.addEventListener("click", function () { self.sluit(); });
    kop.appendChild(titel);
    kop.appendChild(sluiten);

    var opties = element("div", "wegwijzer__opties");
    var talen = element("div", "wegwijzer__talen");
    talen.setAttribute("role", "group");
    talen.setAttribute("aria-labelledby", this.id + "-taal");
    var taalLabel = this.vertaald("span", "wegwijzer__verborgen", "taal");
    taalLabel.id = this.id + "-taal";
    talen.appendChild(taalLabel);
    this.taalKnoppen = [["nl", "Nederlands"], ["fy", "Frysk"]].map(function (paar) {
      var knop = element("button", "wegwijzer__knop wegwijzer__taal", paar[1]);
      knop.type = "button";
      knop.lang = paar[0];
      knop.setAttribute("data-taal", paar[0]);
      knop.addEventListener("click", function () { self.kiesTaal(paar[0]); });
      talen.appendChild(knop);
      return knop;
    });
    this.grootKnop = this.vertaald("button", "wegwijzer__knop wegwijzer__groot", "groteLetters");
    this.grootKnop.type = "button";
    this.grootKnop.addEventListener("click", function () { self.wisselGroot(); });
    opties.appendChild(talen);
    opties.appendChild(this.grootKnop);

    // role=log is a polite live region: new messages are read out, not the ones restored
    // after a reload (they are there before the widget enters the page).
    this.log = element("div", "wegwijzer__log");
    this.log.setAttribute("role", "log");
    this.log.setAttribute("aria-live", "polite");
    this.log.setAttribute("aria-relevant", "additions");
    this.log.setAttribute("aria-labelledby", this.id + "-gesprek");
    this.log.tabIndex = 0;  // it scrolls: keyboard users must be able to reach it
    var gesprekLabel = this.vertaald("h3", "wegwijzer__verborgen", "gesprek");
    gesprekLabel.id = this.id + "-gesprek";

    this.typen = element("p", "wegwijzer__typen");
    this.typen.appendChild(this.vertaald("span", "wegwijzer__typen-tekst", "typen"));
    var puntjes = element("span", "wegwijzer__puntjes");
    puntjes.setAttribute("aria-hidden", "true");
    for (var i = 0; i < 3; i++) { puntjes.appendChild(element("span", "wegwijzer__punt")); }
    this.typen.appendChild(puntjes);
    this.typen.hidden = true;

    this.status = element("div", "wegwijzer__status");
    this.status.setAttribute("role", "status");
    this.wachtRegel = this.vertaald("p", "wegwijzer__wachten", "wachten");
    this.wachtRegel.hidden = !this.wachtOpMedewerker;
    this.storingVak = element("div", "wegwijzer__storing");
    this.storingVak.hidden = true;
    this.status.appendChild(this.wachtRegel);
    this.status.appendChild(this.storingVak);

    var formulier = element("form", "wegwijzer__formulier");
    formulier.noValidate = true;
    var label = this.vertaald("label", "wegwijzer__label", "invoer");
    label.htmlFor = this.id + "-invoer";
    this.invoer = element("textarea", "wegwijzer__invoer");
    this.invoer.id = this.id + "-invoer";
    this.invoer.rows = 2;
    this.invoer.maxLength = MAX_LENGTE;
    this.invoer.autocomplete = "off";
    // Enter sends, Shift+Enter starts a new line, as in most chat windows.
    this.invoer.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        self.verstuurInvoer();
      }
    });
    var versturen = this.vertaald("button", "wegwijzer__versturen", "versturen");
    versturen.type = "submit";
    var rij = element("div", "wegwijzer__rij");
    rij.appendChild(this.invoer);
    rij.appendChild(versturen);
    formulier.appendChild(label);
    formulier.appendChild(rij);
    formulier.addEventListener("submit", function (event) {
      event.preventDefault();
      self.verstuurInvoer();
    });

    paneel.appendChild(kop);
    paneel.appendChild(opties);
    paneel.appendChild(gesprekLabel);
    paneel.appendChild(this.log);
    paneel.appendChild(this.typen);
    paneel.appendChild(this.status);
    paneel.appendChild(formulier);

    this.gesprek.forEach(function (bericht) {
      self.log.appendChild(self.maakBericht(bericht));
    });
    root.appendChild(this.launcher);
    root.appendChild(paneel);
    this.zetTaal();
  };

  /* ---------- opening and closing ---------- */

  Wegwijzer.prototype.open = function (doorInwoner) {
    this.paneel.hidden = false;
    this.launcher.hidden = true;
    this.launcher.setAttribute("aria-expanded", "true");
    this.launcher.classList.remove("wegwijzer__launcher--nieuw");
    this.nieuwLabel.hidden = true;
    this.root.classList.add("wegwijzer--open");
    opslag.schrijf(this.sleutel + "open", "ja");
    this.naarOnder();
    if (doorInwoner) { this.invoer.focus(); }
    this.verbind();
    this.start();
  };

  Wegwijzer.prototype.sluit = function () {
    this.paneel.hidden = true;
    this.launcher.hidden = false;
    this.launcher.setAttribute("aria-expanded", "false");
    this.root.classList.remove("wegwijzer--open");
    opslag.schrijf(this.sleutel + "open", "nee");
    if (window.speechSynthesis) { window.speechSynthesis.cancel(); }
    this.launcher.focus();
  };

  Wegwijzer.prototype.isOpen = function () { return !this.paneel.hidden; };

  /* ---------- language and larger text ---------- */

  Wegwijzer.prototype.zetTaal = function () {
    var self = this;
    this.root.lang = this.taal;
    this.root.querySelectorAll("[data-wegwijzer-tekst]").forEach(function (el) {
      el.textContent = self.t(el.getAttribute("data-wegwijzer-tekst"), { naam: el.getAttribute("data-naam") || "" });
      if (self.log.contains(el)) { el.lang = self.taal; }  // inside a message of another language
    });
    if (this.root.tagName === "ASIDE") { this.root.setAttribute("aria-label", this.t("landmark")); }
    this.taalKnoppen.forEach(function (knop) {
      knop.setAttribute("aria-pressed", String(knop.getAttribute("data-taal") === self.taal));
    });
    this.grootKnop.setAttribute("aria-pressed", String(this.root.classList.contains("wegwijzer--groot")));
    if (this.storing) { this.toonStoring(this.storing); }
  };

  Wegwijzer.prototype.kiesTaal = function (taal) {
    if (taal === this.taal) { return; }
    this.taal = taal;
    opslag.schrijf("wegwijzer:taal", taal);
    this.zetTaal();
    // The bot confirms in the new language; before the conversation started, the start
    // message carries the language.
    if (opslag.lees(this.sleutel + "gestart") === "ja") {
      this.verstuur("/taal_kiezen" + JSON.stringify({ taal: taal }), null);
    }
  };

  Wegwijzer.prototype.wisselGroot = function () {
    var groot = this.root.classList.toggle("wegwijzer--groot");
    opslag.schrijf("wegwijzer:groot", groot ? "ja" : "nee");
    this.grootKnop.setAttribute("aria-pressed", String(groot));
    this.naarOnder();
  };

  /* ---------- the connection ---------- */

  Wegwijzer.prototype.rasaUrl = function () {
    if (this.config.rasaUrl) { return Promise.resolve(this.config.rasaUrl); }
    return fetch(BRON + "config.json", { credentials: "omit" })
      .then(function (antwoord) {
        if (!antwoord.ok) { throw new Error("config.json: HTTP " + antwoord.status); }
        return antwoord.json();
      })
      .then(function (config) {
        if (!config.rasa_url) { throw new Error("config.json has no rasa_url"); }
        return config.rasa_url;
      });
  };

  Wegwijzer.prototype.verbind = function () {
    if (this.socket || this.verbinden) { return; }
    var self = this;
    this.verbinden = true;
    var client = window.io ? Promise.resolve() : laadScript(BRON + "vendor/socket.io.min.js");
    Promise.all([client, this.rasaUrl()])
      .then(function (klaar) { self.maakSocket(klaar[1]); })
      .catch(function () {
        self.verbinden = false;
        self.toonStoring("offline");
      });
  };

  Wegwijzer.prototype.maakSocket = function (rasaUrl) {
    var self = this;
    var adres = new URL(rasaUrl, window.location.href);
    // A path in the address (https://host/rasa) is where socket.io lives, not a namespace.
    var socket = this.socket = window.io(adres.origin, {
      path: adres.pathname.replace(/\/$/, "") + "/socket.io",
      // WebSocket first: one connection, no CORS. Long polling when a proxy blocks it.
      transports: ["websocket", "polling"],
      tryAllTransports: true,
      reconnectionDelayMax: 10000
    });
    socket.on("connect", function () {
      if (!self.sessieId) {
        self.sessieId = nieuwSessieId();
        opslag.schrijf(self.sleutel + "sessie", self.sessieId);
      }
      socket.emit("session_request", { session_id: self.sessieId });
    });
    socket.on("session_confirm", function (sessieId) {
      if (sessieId && sessieId !== self.sessieId) {  // the server did not accept ours
        self.sessieId = sessieId;
        opslag.schrijf(self.sleutel + "sessie", sessieId);
      }
      clearTimeout(self.timers.weg);
      self.verbonden = true;
      if (self.storing === "offline") { self.toonHersteld(); }
      self.ooitVerbonden = true;
      self.start();
    });
    socket.on("disconnect", function () {
      self.verbonden = false;
      self.verbergTypen();
      clearTimeout(self.timers.weg);
      self.timers.weg = setTimeout(function () { self.toonStoring("offline"); },
        self.config.wegSeconden * 1000);
    });
    socket.on("connect_error", function () {
      self.verbonden = false;
      if (!self.ooitVerbonden) { self.toonStoring("offline"); }
    });
    socket.on("bot_uttered", function (bericht) { self.ontvang(bericht); });
  };

  // The first time the chat opens in a new session, a hidden message starts the conversation.
  Wegwijzer.prototype.start = function () {
    if (!this.isOpen() || !this.verbonden || opslag.lees(this.sleutel + "gestart") === "ja") { return; }
    opslag.schrijf(this.sleutel + "gestart", "ja");
    this.verstuur(STARTBERICHT[this.config.ingang] + JSON.stringify({ taal: this.taal }), null);
  };

  /* ---------- sending and receiving ---------- */

  Wegwijzer.prototype.verstuurInvoer = function () {
    var tekst = this.invoer.value.trim();
    if (!tekst) { return; }
    if (this.verstuur(tekst, tekst)) { this.invoer.value = ""; }
    this.invoer.focus();
  };

  // Sends `bericht` to the bot; `getoond` is what the resident sees as their message (null:
  // nothing, for the start message and the language choice). False when not connected.
  Wegwijzer.prototype.verstuur = function (bericht, getoond) {
    if (!this.verbonden) {
      this.toonStoring("offline");
      this.verbind();
      return false;
    }
    this.verwijderKeuzes();
    if (getoond !== null) { this.voegToe({ wie: "inwoner", tekst: getoond, taal: this.taal }); }
    this.socket.emit("user_uttered", {
      message: bericht.slice(0, MAX_LENGTE),
      session_id: this.sessieId,
      metadata: { gemeente: this.config.gemeente, taal: this.taal, ingang: this.config.ingang }
    });
    if (this.storing === "geenAntwoord") { this.wisStoring(); }
    if (!this.metMedewerker) {  // a person may take minutes; the bot answers at once
      this.typen.hidden = false;
      var self = this;
      clearTimeout(this.timers.antwoord);
      this.timers.antwoord = setTimeout(function () {
        self.verbergTypen();
        self.toonStoring("geenAntwoord");
      }, this.config.antwoordSeconden * 1000);
    }
    return true;
  };

  Wegwijzer.prototype.verbergTypen = function () {
    this.typen.hidden = true;
    clearTimeout(this.timers.antwoord);
  };

  Wegwijzer.prototype.ontvang = function (bericht) {
    if (!isObject(bericht)) { return; }
    this.verbergTypen();
    if (this.storing === "geenAntwoord") { this.wisStoring(); }
    if (isObject(bericht.custom)) { this.verwerkCustom(bericht.custom); }
    if (typeof bericht.text !== "string" || !bericht.text) { return; }
    var medewerker = typeof bericht.medewerker === "string" ? bericht.medewerker.trim().split(/\s+/)[0] : "";
    var keuzes = Array.isArray(bericht.quick_replies) ? bericht.quick_replies.filter(function (k) {
      return isObject(k) && typeof k.title === "string" && typeof k.payload === "string";
    }).map(function (k) { return { titel: k.title, payload: k.payload }; }) : [];
    if (medewerker) { this.zetWachten(false); }
    this.voegToe({
      wie: medewerker ? "medewerker" : "bot",
      naam: medewerker,
      tekst: bericht.text,
      taal: TALEN.indexOf(bericht.taal) >= 0 ? bericht.taal : (this.botTaal || this.taal),
      keuzes: keuzes
    });
    if (TALEN.indexOf(bericht.taal) >= 0) { this.botTaal = bericht.taal; }
    if (!this.isOpen()) {
      this.launcher.classList.add("wegwijzer__launcher--nieuw");
      this.nieuwLabel.hidden = false;
    }
  };

  // {"overdracht": "wachten"}: the conversation is handed to a person; "medewerker": a person
  // took it; "terug": back to the bot.
  Wegwijzer.prototype.verwerkCustom = function (custom) {
    if (custom.overdracht === "wachten") {
      this.zetWachten(true); this.zetMetMedewerker(true); this.verbergTypen();
    }
    if (custom.overdracht === "medewerker") { this.zetWachten(false); this.zetMetMedewerker(true); }
    if (custom.overdracht === "terug") { this.zetWachten(false); this.zetMetMedewerker(false); }
  };

  Wegwijzer.prototype.zetMetMedewerker = function (ja) {
    this.metMedewerker = ja;
    opslag.schrijf(this.sleutel + "medewerker", ja ? "ja" : "nee");
  };

  Wegwijzer.prototype.zetWachten = function (wachten) {
    this.wachtOpMedewerker = wachten;
    this.wachtRegel.hidden = !wachten;
    opslag.schrijf(this.sleutel + "wachten", wachten ? "ja" : "nee");
  };

  /* ---------- the conversation ---------- */

  Wegwijzer.prototype.voegToe = function (bericht) {
    this.gesprek.push(bericht);
    if (this.gesprek.length > MAX_BEWAARD) { this.gesprek = this.gesprek.slice(-MAX_BEWAARD); }
    this.bewaar();
    this.log.appendChild(this.maakBericht(bericht));
    this.naarOnder();
  };

  Wegwijzer.prototype.bewaar = function () {
    opslag.schrijf(this.sleutel + "gesprek", JSON.stringify(this.gesprek));
  };

  Wegwijzer.prototype.naarOnder = function () {
    this.log.scrollTop = this.log.scrollHeight;
  };

  Wegwijzer.prototype.maakBericht = function (bericht) {
    var self = this;
    var wie = ["bot", "inwoner", "medewerker"].indexOf(bericht.wie) >= 0 ? bericht.wie : "bot";
    var vak = element("div", "wegwijzer__bericht wegwijzer__bericht--" + wie);
    vak.lang = TALEN.indexOf(bericht.taal) >= 0 ? bericht.taal : this.taal;

    // Who wrote it: visible for a staff member, for screen readers only otherwise.
    var afzender = this.vertaald("p", wie === "medewerker" ? "wegwijzer__afzender" : "wegwijzer__verborgen", wie);
    if (wie === "medewerker") { afzender.setAttribute("data-naam", bericht.naam || ""); }
    afzender.textContent = this.t(wie, { naam: bericht.naam || "" });
    vak.appendChild(afzender);

    String(bericht.tekst).split(/\n{2,}/).forEach(function (alinea) {
      var p = element("p", "wegwijzer__alinea");
      p.appendChild(metLinks(alinea, self.config.i18n[self.taal] || TEKSTEN.nl));
      vak.appendChild(p);
    });

    if (wie !== "inwoner" && window.speechSynthesis && window.SpeechSynthesisUtterance) {
      var voorlezen = this.vertaald("button", "wegwijzer__voorlezen", "voorlezen");
      voorlezen.type = "button";
      voorlezen.addEventListener("click", function () { self.leesVoor(String(bericht.tekst), vak.lang); });
      vak.appendChild(voorlezen);
    }

    vak.querySelectorAll("[data-wegwijzer-tekst]").forEach(function (el) { el.lang = self.taal; });
    if (!bericht.keuzes || !bericht.keuzes.length) { return vak; }
    var groep = element("div", "wegwijzer__keuzes");
    groep.setAttribute("role", "group");
    groep.setAttribute("aria-label", this.t("keuzes"));
    bericht.keuzes.forEach(function (keuze) {
      var knop = element("button", "wegwijzer__knop wegwijzer__keuze", keuze.titel);
      knop.type = "button";
      knop.addEventListener("click", function () {
        if (self.verstuur(keuze.payload, keuze.titel)) { self.invoer.focus(); }
      });
      groep.appendChild(knop);
    });
    var geheel = document.createDocumentFragment();
    geheel.appendChild(vak);
    geheel.appendChild(groep);
    return geheel;
  };

  // Once the resident answers, older buttons go: only the current choice can be clicked.
  Wegwijzer.prototype.verwijderKeuzes = function () {
    this.log.querySelectorAll(".wegwijzer__keuzes").forEach(function (groep) { groep.remove(); });
    var veranderd = false;
    this.gesprek.forEach(function (bericht) {
      if (bericht.keuzes && bericht.keuzes.length) { bericht.keuzes = []; veranderd = true; }
    });
    if (veranderd) { this.bewaar(); }
  };

  /* ---------- read aloud ---------- */

  Wegwijzer.prototype.leesVoor = function (tekst, taal) {
    var spraak = window.speechSynthesis;
    var uiting = new window.SpeechSynthesisUtterance(tekst);
    uiting.lang = taal === "fy" ? "fy-NL" : "nl-NL";
    // Few computers have a Frisian voice: then a Dutch voice reads the Frisian text.
    var stemmen = spraak.getVoices ? spraak.getVoices() : [];
    function stemVoor(prefix) {
      return stemmen.filter(function (stem) { return (stem.lang || "").replace("_", "-").indexOf(prefix) === 0; })[0];
    }
    var stem = stemVoor(taal === "fy" ? "fy" : "nl") || stemVoor("nl");
    if (stem) { uiting.voice = stem; }
    spraak.cancel();
    spraak.speak(uiting);
  };

  /* ---------- offline and errors ---------- */

  Wegwijzer.prototype.haalToegang = function () {
    var self = this;
    var code = this.config.gemeente;
    if (!code) { return; }
    fetch(new URL("gemeenten/" + encodeURIComponent(code) + "/toegang", this.config.apiUrl).href,
      { credentials: "omit" })
      .then(function (antwoord) {
        if (!antwoord.ok) { throw new Error("toegang: HTTP " + antwoord.status); }
        return antwoord.json();
      })
      .then(function (toegang) {
        self.toegang = toegang;
        if (self.storing) { self.toonStoring(self.storing); }
      })
      .catch(function () { self.toegang = null; });  // the general 14 + area code route stays
  };

  // The phone number and hours to show: from data-telefoon / data-openingstijden, else from the
  // sociale kaart, else none (then the general "14 + area code" sentence).
  Wegwijzer.prototype.bereikbaar = function () {
    var toegang = this.toegang || {};
    var telefoon = this.config.telefoon || toegang.telefoon;
    if (!telefoon) { return null; }
    var naam = (this.taal === "fy" && toegang.gemeente_naam_fy) || toegang.gemeente_naam || "";
    return { telefoon: telefoon, naam: naam, uren: this.config.openingstijden || toegang.kcc_open || "" };
  };

  Wegwijzer.prototype.toonStoring = function (soort) {
    this.storing = soort;
    var vak = this.storingVak;
    vak.textContent = "";
    vak.className = "wegwijzer__storing";
    vak.appendChild(element("p", "wegwijzer__storing-kop", this.t(soort)));
    var bel = element("p", "");
    var gegevens = this.bereikbaar();
    if (gegevens) {
      // The sentence around the phone number, which becomes a link.
      var sjabloon = this.t(gegevens.naam ? "bellen" : "bellenNummer");
      var delen = vul(sjabloon, { gemeente: gegevens.naam, telefoon: "\u0000" }).split("\u0000");
      bel.appendChild(document.createTextNode(delen[0]));
      var link = element("a", "wegwijzer__link", gegevens.telefoon);
      link.href = "tel:" + gegevens.telefoon.replace(/[^\d+]/g, "");
      bel.appendChild(link);
      bel.appendChild(document.createTextNode(delen[1] || ""));
      if (gegevens.uren) {
        // Opening hours come from the sociale kaart in Dutch only.
        var uren = element("span", "", " " + gegevens.uren);
        if (this.taal !== "nl") { uren.lang = "nl"; }
        bel.appendChild(uren);
      }
    } else {
      bel.textContent = this.t("bellenZonderGemeente");
    }
    vak.appendChild(bel);
    vak.hidden = false;
  };

  Wegwijzer.prototype.toonHersteld = function () {
    this.storing = null;
    this.storingVak.textContent = "";
    this.storingVak.className = "wegwijzer__storing wegwijzer__storing--hersteld";
    this.storingVak.appendChild(element("p", "", this.t("terug")));
    this.storingVak.hidden = false;
    var self = this;
    clearTimeout(this.timers.hersteld);
    this.timers.hersteld = setTimeout(function () { if (!self.storing) { self.wisStoring(); } }, 8000);
  };

  Wegwijzer.prototype.wisStoring = function () {
    this.storing = null;
    this.storingVak.hidden = true;
    this.storingVak.textContent = "";
  };

  /* ---------- starting ---------- */

  function init(el, opties) {
    if (!el) { return null; }
    if (el.wegwijzer) { return el.wegwijzer; }  // started already
    laadStijl(BRON + "widget.css");
    el.wegwijzer = new Wegwijzer(el, opties);
    el.setAttribute("data-wegwijzer-init", "");
    return el.wegwijzer;
  }

  // With the one tag: the tag's data-* attributes are the options. A gemeente that wants the
  // chat in its own element puts <div data-module="wegwijzer"> on the page; otherwise it is an
  // <aside> at the end of the page.
  function automatisch() {
    if (SCRIPT && SCRIPT.getAttribute("data-init") === "handmatig") { return; }
    var opties = dataOpties(SCRIPT);
    var plekken = document.querySelectorAll("[data-module='wegwijzer']");
    if (plekken.length) {
      plekken.forEach(function (el) { init(el, opties); });
      return;
    }
    var aside = document.createElement("aside");
    document.body.appendChild(aside);
    init(aside, opties);
  }

  window.Wegwijzer = Object.freeze({ init: init, standaard: STANDAARD });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", automatisch);
  } else {
    automatisch();
  }
})();
