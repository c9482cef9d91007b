/* KCC console: the live queue of conversations the wegwijzer hands to a person, and one
 * conversation: what the bot already knows, the transcript, replies, hand back and close.
 * Talks to /staff (login) and /kcc (docs/kcc.md). The login, the session and the API calls are
 * in ../medewerker/sessie.js, shared with the team page. Plain JavaScript without inline code,
 * so it runs under a strict Content-Security-Policy. Data from the API only ever goes into the
 * page as text (textContent), never as HTML.
 *
 * Where the page is: the hash. "#/wachtrij" is the queue, "#/gesprek/12" one conversation.
 * The queue is fetched every 3 seconds, an open conversation every 2 seconds.
 */
(function () {
  "use strict";

  var sessie = window.WmoSessie;
  var vul = sessie.vul;
  var element = sessie.element;

  var TEKST = Object.freeze({
    titel: "KCC-console",
    nietGevonden: "Dit gesprek is er niet. Misschien hoort het bij een andere gemeente. " +
      "Kies een gesprek uit de wachtrij.",
    gemeenten: "U ziet de gesprekken van: {gemeenten}, en gesprekken zonder gemeente.",
    alleGemeenten: "U ziet de gesprekken van alle gemeenten.",
    geenGesprekken: "Er wacht nu niemand.",
    aantalWachtend: "{aantal} wachtend, {bezig} in behandeling.",
    nieuwInRij: "Er is een nieuw gesprek in de wachtrij.",
    nieuwBericht: "Nieuw bericht van de inwoner: {tekst}",
    geenOnderwerp: "Onderwerp onbekend",
    wacht: "Wacht {tijd}",
    wachtte: "Wachtte {tijd}",
    opgepaktDoor: "Opgepakt door {naam}",
    opgepaktDoorU: "Opgepakt door u",
    oppakken: "Oppakken",
    openen: "Openen",
    opgepakt: "U hebt dit gesprek opgepakt. De inwoner ziet uw voornaam bij uw berichten.",
    opgepaktBellen: "U hebt dit verzoek opgepakt. Bel de inwoner en sluit het daarna af.",
    legeTekst: "Typ eerst een bericht.",
    teruggegeven: "Het gesprek is terug bij de wegwijzer.",
    afgesloten: "Het gesprek is afgesloten.",
    titelGesprek: "Gesprek: {onderwerp}",
    geenTranscript: "Er zijn nog geen berichten.",
    knoppen: "Knoppen: {knoppen}",
    inwoner: "Inwoner",
    bot: "Wegwijzer",
    medewerker: "{naam} (medewerker)",
  });

  var SOORT = Object.freeze({ chat: "Chat", terugbellen: "Terugbellen" });
  var URGENTIE = Object.freeze({ normaal: "Normaal", hoog: "Hoog", crisis: "Crisis" });
  var STATUS = Object.freeze({
    wachtend: "Wachtend", in_behandeling: "In behandeling", teruggegeven: "Terug bij de wegwijzer",
    afgesloten: "Afgesloten",
  });
  var UITKOMST = Object.freeze({
    beantwoord: "Vraag beantwoord", doorverwezen: "Doorverwezen", melding_nodig: "Melding nodig",
    terugbellen: "Wij bellen terug", geen_reactie: "Geen reactie van de inwoner",
  });
  var TAAL = Object.freeze({ nl: "Nederlands", fy: "Fries" });
  var WACHTRIJ_MS = 3000;
  var GESPREK_MS = 2000;
  var ZONE = "Europe/Amsterdam";
  var TIJD = new Intl.DateTimeFormat("nl-NL", { timeZone: ZONE, hour: "2-digit", minute: "2-digit" });
  var DATUM_TIJD = new Intl.DateTimeFormat("nl-NL", {
    timeZone: ZONE, day: "numeric", month: "long", hour: "2-digit", minute: "2-digit",
  });

  /* "45 seconden", "3 minuten", "1 uur en 5 minuten" */
  function duur(seconden) {
    seconden = Math.max(0, Math.floor(seconden));
    if (seconden < 60) { return seconden + (seconden === 1 ? " seconde" : " seconden"); }
    var minuten = Math.floor(seconden / 60);
    if (minuten < 60) { return minuten + (minuten === 1 ? " minuut" : " minuten"); }
    var uren = Math.floor(minuten / 60);
    var rest = minuten % 60;
    return uren + " uur" + (rest ? " en " + rest + (rest === 1 ? " minuut" : " minuten") : "");
  }

  function Console(root) {
    sessie.Sessiepagina.call(this, root, {
      tekst: TEKST,
      vlag: "wmo-kcc-ingelogd", // sessionStorage: was this tab logged in? (no secrets in it)
      rollen: ["kcc", "admin"],
      // The API's own Dutch detail tells the medewerker what to do: taken by someone else
      // (409), Rasa is not reachable (502, 503).
      detailBij: [403, 409, 502, 503],
      foutTeksten: { 404: TEKST.nietGevonden },
    });
    this.timer = null;       // the next poll
    this.klok = null;        // updates the waiting times every second
    this.rij = [];           // the queue as last fetched
    this.rijOpgehaald = 0;   // Date.now() of that fetch
    this.bekendeIds = null;  // ids in the queue, to announce new ones
    this.gesprek = null;     // the open conversation
    this.regels = 0;         // lines of its transcript already shown

    var vind = function (selector) { return root.querySelector(selector); };
    Object.assign(this.el, {
      // The announcer of new messages is not a message area: meld() leaves it alone.
      berichten: root.querySelectorAll("[data-bericht]:not([data-bericht='nieuw'])"),
      nieuw: vind("[data-bericht='nieuw']"),
      aantal: vind("[data-veld='aantal']"),
      lijst: vind("[data-veld='rij']"),
      wachtrijTitel: vind("#kcc-wachtrij-titel"),
      gesprekTitel: vind("[data-veld='gesprek-titel']"),
      oppakkenBlok: vind("[data-veld='oppakken-blok']"),
      oppakken: vind("[data-actie='oppakken']"),
      velden: vind("[data-veld='velden']"),
      transcriptMelding: vind("[data-veld='transcript-melding']"),
      berichtenWrap: vind("[data-veld='berichten-wrap']"),
      transcript: vind("[data-veld='transcript']"),
      antwoordForm: vind("[data-form='antwoord']"),
      antwoord: vind("#kcc-antwoord"),
      afronden: vind("[data-veld='afronden']"),
      terugBlok: vind("[data-veld='terug-blok']"),
      teruggeven: vind("[data-actie='teruggeven']"),
      afsluitenForm: vind("[data-form='afsluiten']"),
      uitkomst: vind("#kcc-uitkomst"),
    });

    this.el.oppakken.addEventListener("click", this.onOppakken.bind(this, null));
    this.el.antwoordForm.addEventListener("submit", this.onAntwoord.bind(this));
    this.el.antwoord.addEventListener("keydown", this.onToets.bind(this));
    this.el.teruggeven.addEventListener("click", this.onTeruggeven.bind(this));
    this.el.afsluitenForm.addEventListener("submit", this.onAfsluiten.bind(this));
  }
  sessie.erf(Console);

  /* ---- messages ---- */

  /* Read out, without showing: a new conversation or a new message of the resident. */
  Console.prototype.kondig = function (tekst) {
    var gebied = this.el.nieuw;
    gebied.textContent = "";
    window.setTimeout(function () { gebied.textContent = tekst; }, 60);
  };

  Console.prototype.stopPeilen = function () {
    window.clearTimeout(this.timer);
    window.clearInterval(this.klok);
    this.timer = null;
    this.klok = null;
  };

  Console.prototype.peil = function (functie, ms) {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(functie, ms);
  };

  /* ---- session and navigation ---- */

  /* The login form is shown: stop fetching, and no conversation stays in the page. */
  Console.prototype.vergeet = function () {
    this.stopPeilen();
    this.gesprek = null;
    this.rij = [];
    this.bekendeIds = null;
    this.el.aantal.textContent = "";
    this.el.lijst.replaceChildren();
    this.el.velden.replaceChildren();
    this.el.transcript.replaceChildren();
    this.el.antwoord.value = "";
  };

  /* Called by route() in sessie.js once the session and the access are checked. */
  Console.prototype.toonPlek = function (hash, zetFocus) {
    this.stopPeilen();
    var gesprek = /^#\/gesprek\/(\d{1,12})$/.exec(hash);
    if (gesprek) { this.openGesprek(parseInt(gesprek[1], 10), zetFocus); }
    else { this.openWachtrij(zetFocus); }
  };

  /* ---- the queue ---- */

  Console.prototype.openWachtrij = function (zetFocus) {
    this.gesprek = null;
    this.verzoek += 1;
    this.toon("wachtrij", "Wachtrij");
    if (zetFocus) { this.el.wachtrijTitel.focus(); }
    this.laadWachtrij(this.verzoek);
    this.klok = window.setInterval(this.toonWachttijden.bind(this), 1000);
  };

  Console.prototype.laadWachtrij = function (mijn) {
    var console_ = this;
    this.el.lijst.setAttribute("aria-busy", "true");
    this.json("kcc/wachtrij", { stil: true })
      .then(function (rij) {
        if (mijn !== console_.verzoek) { return; }
        console_.el.lijst.removeAttribute("aria-busy");
        console_.toonWachtrij(rij);
        console_.peil(console_.laadWachtrij.bind(console_, mijn), WACHTRIJ_MS);
      })
      .catch(function (fout) {
        if (mijn !== console_.verzoek || fout instanceof sessie.SessieVerlopen) { return; }
        console_.el.lijst.removeAttribute("aria-busy");
        console_.toonFout(fout);
        console_.peil(console_.laadWachtrij.bind(console_, mijn), WACHTRIJ_MS * 2);
      });
  };

  Console.prototype.toonWachtrij = function (rij) {
    var ids = rij.map(function (o) { return o.id; });
    var bekend = this.bekendeIds;
    if (bekend && rij.some(function (o) { return o.status === "wachtend" && bekend.indexOf(o.id) === -1; })) {
      this.kondig(TEKST.nieuwInRij);
    }
    this.bekendeIds = ids;
    this.rij = rij;
    this.rijOpgehaald = Date.now();
    // Keep the focus on the same button when the list is drawn again.
    var actief = document.activeElement;
    var focusId = actief && actief.getAttribute && actief.getAttribute("data-overdracht");
    this.el.lijst.replaceChildren.apply(this.el.lijst, rij.map(this.kaart, this));
    if (focusId) {
      var zelfde = this.el.lijst.querySelector("[data-overdracht='" + focusId + "']");
      if (zelfde) { zelfde.focus(); }
    }
    var wachtend = rij.filter(function (o) { return o.status === "wachtend"; }).length;
    this.el.aantal.textContent = rij.length === 0 ? TEKST.geenGesprekken
      : vul(TEKST.aantalWachtend, { aantal: wachtend, bezig: rij.length - wachtend });
  };

  Console.prototype.kaart = function (o) {
    var li = element("li", "kcc-kaart" + (o.urgentie !== "normaal" ? " kcc-kaart--" + o.urgentie : "")
      + (o.status === "wachtend" ? "" : " kcc-kaart--bezig"));
    var titelId = "kcc-kaart-" + o.id;
    var titel = element("h3", "kcc-kaart__titel", o.onderwerp || TEKST.geenOnderwerp);
    titel.id = titelId;
    li.appendChild(titel);

    var info = element("p", "kcc-kaart__info");
    info.appendChild(sessie.label(o.soort, SOORT[o.soort] || o.soort));
    if (o.urgentie !== "normaal") {
      info.appendChild(sessie.label(o.urgentie,
        "Urgentie: " + (URGENTIE[o.urgentie] || o.urgentie)));
    }
    info.appendChild(element("span", null, o.gemeente_naam || o.gemeente_code || "Gemeente onbekend"));
    info.appendChild(element("span", null, TAAL[o.taal] || o.taal));
    li.appendChild(info);

    var wacht = element("p", "kcc-kaart__wacht");
    wacht.setAttribute("data-wacht", String(o.id));
    li.appendChild(wacht);
    if (o.status !== "wachtend") {
      li.appendChild(element("p", "kcc-kaart__info",
        o.van_mij ? TEKST.opgepaktDoorU : vul(TEKST.opgepaktDoor, { naam: o.medewerker_naam || "?" })));
    }

    if (o.status === "wachtend" || o.van_mij) {
      var knop = element("button", "mw-knop kcc-kaart__knop", o.status === "wachtend" ? TEKST.oppakken : TEKST.openen);
      knop.type = "button";
      knop.setAttribute("data-overdracht", String(o.id));
      knop.setAttribute("aria-describedby", titelId);
      knop.addEventListener("click", o.status === "wachtend"
        ? this.onOppakken.bind(this, o.id)
        : this.ga.bind(this, "#/gesprek/" + o.id));
      li.appendChild(knop);
    }
    this.toonWachttijd(o, wacht);
    return li;
  };

  Console.prototype.toonWachttijd = function (o, plek) {
    var verstreken = o.status === "wachtend" ? (Date.now() - this.rijOpgehaald) / 1000 : 0;
    plek.textContent = vul(o.status === "wachtend" ? TEKST.wacht : TEKST.wachtte,
      { tijd: duur(o.wachttijd_seconden + verstreken) });
  };

  /* Between two fetches the waiting times go on counting. */
  Console.prototype.toonWachttijden = function () {
    this.rij.forEach(function (o) {
      var plek = this.el.lijst.querySelector("[data-wacht='" + o.id + "']");
      if (plek) { this.toonWachttijd(o, plek); }
    }, this);
  };

  /* ---- one conversation ---- */

  Console.prototype.onOppakken = function (id) {
    id = id || (this.gesprek && this.gesprek.id);
    if (!id || this.bezig) { return; }
    var console_ = this;
    this.bezig = true;
    this.json("kcc/overdrachten/" + id + "/oppakken", { method: "POST" })
      .then(function (resultaat) {
        console_.bezig = false;
        console_.naOppakken = resultaat.waarschuwing ||
          (resultaat.overdracht.soort === "chat" ? TEKST.opgepakt : TEKST.opgepaktBellen);
        console_.naOppakkenFout = Boolean(resultaat.waarschuwing);
        console_.ga("#/gesprek/" + id);
      })
      .catch(function (fout) {
        console_.bezig = false;
        console_.toonFout(fout, console_.gesprek ? "gesprek" : "pagina");
        if (!console_.gesprek) { console_.laadWachtrij(console_.verzoek); }
      });
  };

  Console.prototype.openGesprek = function (id, zetFocus) {
    this.verzoek += 1;
    this.gesprek = null;
    this.regels = 0;
    this.el.transcript.replaceChildren();
    this.el.velden.replaceChildren();
    this.el.antwoordForm.hidden = true;
    this.el.afronden.hidden = true;
    this.el.oppakkenBlok.hidden = true;
    this.el.transcriptMelding.hidden = true;
    this.el.gesprekTitel.textContent = "Gesprek";
    this.toon("gesprek", "Gesprek");
    this.meld("", false, "gesprek");
    this.laadGesprek(id, this.verzoek, zetFocus);
  };

  Console.prototype.laadGesprek = function (id, mijn, zetFocus) {
    var console_ = this;
    this.json("kcc/overdrachten/" + id, { stil: true })
      .then(function (o) {
        if (mijn !== console_.verzoek) { return; }
        var eerste = !console_.gesprek;
        console_.toonGesprek(o, eerste);
        if (eerste) {
          if (zetFocus) { console_.el.gesprekTitel.focus(); }
          if (console_.naOppakken) {
            console_.meld(console_.naOppakken, console_.naOppakkenFout, "gesprek");
            console_.naOppakken = null;
          }
        }
        var open = o.status === "wachtend" || o.status === "in_behandeling";
        if (open) { console_.peil(console_.laadGesprek.bind(console_, id, mijn, false), GESPREK_MS); }
      })
      .catch(function (fout) {
        if (mijn !== console_.verzoek || fout instanceof sessie.SessieVerlopen) { return; }
        if (fout instanceof sessie.ApiFout && (fout.status === 404 || fout.status === 422)) {
          console_.meld(TEKST.nietGevonden, true, "gesprek");
          return;
        }
        console_.toonFout(fout, "gesprek");
        console_.peil(console_.laadGesprek.bind(console_, id, mijn, false), GESPREK_MS * 2);
      });
  };

  Console.prototype.toonGesprek = function (o, eerste) {
    this.gesprek = o;
    var titel = vul(TEKST.titelGesprek, { onderwerp: o.onderwerp || TEKST.geenOnderwerp });
    if (eerste) {
      this.el.gesprekTitel.textContent = titel;
      document.title = titel + " – " + TEKST.titel;
    }
    this.toonVelden(o);
    this.toonTranscript(o, eerste);

    var mijn = o.status === "in_behandeling" && o.van_mij;
    var chat = o.soort === "chat";
    this.el.oppakkenBlok.hidden = o.status !== "wachtend";
    this.el.antwoordForm.hidden = !(mijn && chat);
    this.el.afronden.hidden = !(mijn || o.status === "wachtend");
    this.el.terugBlok.hidden = !(mijn && chat);
  };

  Console.prototype.toonVelden = function (o) {
    var aangeboden = null;
    if (o.aangeboden && o.aangeboden.length) {
      aangeboden = element("ul");
      o.aangeboden.forEach(function (tekst) { aangeboden.appendChild(element("li", null, tekst)); });
    }
    var status = STATUS[o.status] || o.status;
    if (o.status === "in_behandeling") {
      status += " – " + (o.van_mij ? TEKST.opgepaktDoorU : vul(TEKST.opgepaktDoor, { naam: o.medewerker_naam || "?" }));
    }
    if (o.uitkomst) { status += " – " + (UITKOMST[o.uitkomst] || o.uitkomst); }
    var telefoon = sessie.telefoonLink(o.telefoon);
    var velden = [
      ["Gemeente", o.gemeente_naam || o.gemeente_code || "Onbekend"],
      ["Onderwerp", o.onderwerp || TEKST.geenOnderwerp],
      ["Urgentie", URGENTIE[o.urgentie] || o.urgentie],
      ["Soort", SOORT[o.soort] || o.soort],
      ["Taal van de inwoner", TAAL[o.taal] || o.taal],
      ["Samenvatting van de wegwijzer", o.samenvatting || "Geen samenvatting"],
      ["Al aangeboden", aangeboden || "Nog niets"],
      o.soort === "terugbellen" ? ["Telefoon", telefoon || "Niet bekend"] : null,
      o.soort === "terugbellen" ? ["Beste moment om te bellen", o.belmoment || "Niet bekend"] : null,
      ["Status", status],
      ["Gestart", sessie.tijdElement(o.aangemaakt_op, DATUM_TIJD)],
    ];
    this.el.velden.replaceChildren.apply(this.el.velden, sessie.veldGroepen(velden));
  };

  function wie(regel) {
    if (regel.wie === "inwoner") { return TEKST.inwoner; }
    if (regel.wie === "medewerker") { return vul(TEKST.medewerker, { naam: regel.naam || "?" }); }
    return regel.wie === "bot" ? TEKST.bot : null;
  }

  function berichtElement(regel) {
    var li = element("li", "kcc-bericht kcc-bericht--" + regel.wie);
    var naam = wie(regel);
    if (naam) {
      var kop = element("span", "kcc-bericht__wie", naam);
      if (regel.tijd) {
        kop.appendChild(document.createTextNode(", "));
        kop.appendChild(sessie.tijdElement(regel.tijd, TIJD));
      }
      li.appendChild(kop);
    }
    li.appendChild(document.createTextNode(regel.tekst));
    if (regel.knoppen && regel.knoppen.length) {
      li.appendChild(element("span", "kcc-bericht__knoppen",
        vul(TEKST.knoppen, { knoppen: regel.knoppen.join(" · ") })));
    }
    return li;
  }

  /* Add the lines that are new since the last fetch, and read out the resident's new ones. */
  Console.prototype.toonTranscript = function (o, eerste) {
    var melding = this.el.transcriptMelding;
    melding.hidden = !o.melding;
    melding.textContent = o.melding || "";
    if (!o.transcript) { return; }
    var regels = o.transcript;
    if (regels.length < this.regels) { // a new session in Rasa: draw it again
      this.el.transcript.replaceChildren();
      this.regels = 0;
    }
    if (regels.length === 0 && this.regels === 0) {
      this.el.transcript.replaceChildren(element("li", "kcc-bericht kcc-bericht--systeem", TEKST.geenTranscript));
      return;
    }
    if (this.regels === 0) { this.el.transcript.replaceChildren(); }
    var nieuw = regels.slice(this.regels);
    var wrap = this.el.berichtenWrap;
    var onderaan = wrap.scrollHeight - wrap.scrollTop - wrap.clientHeight < 40;
    nieuw.forEach(function (regel) { this.el.transcript.appendChild(berichtElement(regel)); }, this);
    this.regels = regels.length;
    if (eerste || onderaan) { wrap.scrollTop = wrap.scrollHeight; }
    if (!eerste) {
      var vanInwoner = nieuw.filter(function (regel) { return regel.wie === "inwoner"; });
      if (vanInwoner.length) {
        this.kondig(vul(TEKST.nieuwBericht, { tekst: vanInwoner[vanInwoner.length - 1].tekst }));
      }
    }
  };

  /* Enter sends, Shift+Enter is a new line (and so is Enter while an input method composes). */
  Console.prototype.onToets = function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.el.antwoordForm.requestSubmit();
    }
  };

  Console.prototype.onAntwoord = function (event) {
    event.preventDefault();
    var o = this.gesprek;
    if (!o || this.bezig) { return; }
    var veld = this.el.antwoord;
    var tekst = veld.value.trim();
    if (!tekst) {
      veld.setAttribute("aria-invalid", "true");
      this.meld(TEKST.legeTekst, true, "gesprek");
      veld.focus();
      return;
    }
    veld.removeAttribute("aria-invalid");
    var console_ = this;
    this.bezig = true;
    this.json("kcc/overdrachten/" + o.id + "/berichten", { method: "POST", json: { tekst: tekst } })
      .then(function () {
        console_.bezig = false;
        veld.value = "";
        console_.meld("", false, "gesprek");
        veld.focus();
        // Show it now instead of at the next fetch.
        console_.peil(console_.laadGesprek.bind(console_, o.id, console_.verzoek, false), 0);
      })
      .catch(function (fout) {
        console_.bezig = false;
        console_.toonFout(fout, "gesprek");
        veld.focus();
      });
  };

  Console.prototype.rondAf = function (pad, json, gelukt) {
    var o = this.gesprek;
    if (!o || this.bezig) { return; }
    var console_ = this;
    this.bezig = true;
    this.json("kcc/overdrachten/" + o.id + "/" + pad, { method: "POST", json: json })
      .then(function (resultaat) {
        console_.bezig = false;
        console_.ga("#/wachtrij");
        console_.meld(resultaat.waarschuwing ? gelukt + " " + resultaat.waarschuwing : gelukt,
          Boolean(resultaat.waarschuwing));
      })
      .catch(function (fout) {
        console_.bezig = false;
        console_.toonFout(fout, "gesprek");
      });
  };

  Console.prototype.onTeruggeven = function () {
    this.rondAf("teruggeven", undefined, TEKST.teruggegeven);
  };

  Console.prototype.onAfsluiten = function (event) {
    event.preventDefault();
    this.rondAf("afsluiten", { uitkomst: this.el.uitkomst.value }, TEKST.afgesloten);
  };

  sessie.begin("kcc-console", Console);
})();
