/* Team page for gemeente staff: log in, see the meldingen of your gemeenten, open one, change
 * its status and download them. Talks to the sociale kaart's /staff and /team/meldingen API
 * (docs/meldingen.md). Plain JavaScript, no inline code, so it runs under a strict
 * Content-Security-Policy (script-src 'self'). Data from the API is only ever put in the page
 * with textContent, never as HTML.
 *
 * Where the page is: the hash. "#/meldingen?status=nieuw&pagina=2" is the list,
 * "#/melding/WMO-2026-000042" one melding. So reload and the back button work.
 */
(function () {
  "use strict";

  var TEKST = Object.freeze({
    titel: "Wmo-meldingen voor het team",
    inloggen: "Inloggen",
    leeg: "Vul uw gebruikersnaam en uw wachtwoord in.",
    loginFout: "Gebruikersnaam of wachtwoord klopt niet. Hebt u het 5 keer fout gedaan? " +
      "Wacht dan 15 minuten.",
    bezigInloggen: "Even geduld, u wordt ingelogd…",
    verlopen: "Uw sessie is verlopen. Log opnieuw in.",
    uitgelogd: "U bent uitgelogd.",
    uitloggenMislukt: "Uitloggen is niet gelukt. Probeer het opnieuw. Of sluit de browser.",
    onbereikbaar: "Dit lukt nu niet. De server is niet bereikbaar. Probeer het over een paar " +
      "minuten opnieuw. Lukt het dan nog niet? Neem contact op met de beheerder.",
    fout: "Er ging iets mis. Probeer het opnieuw. Lukt het dan nog niet? Neem contact op met " +
      "de beheerder.",
    geenRechten: "Dit mag niet met uw account. Hebt u dit nodig? Vraag het aan de beheerder.",
    nietGevonden: "Deze melding is er niet. Misschien hoort hij bij een andere gemeente. " +
      "Kies een melding uit de lijst.",
    geenMeldingen: "Er zijn geen meldingen.",
    geenMetStatus: "Er zijn geen meldingen met de status ‘{status}’.",
    eenMelding: "1 melding",
    meerMeldingen: "{aantal} meldingen",
    metStatus: " met de status ‘{status}’",
    pagina: "Pagina {pagina} van {totaal}",
    titelMelding: "Melding {nummer}",
    statusGelijk: "De status is al ‘{status}’. Kies een andere status.",
    statusOpgeslagen: "Opgeslagen. De status van melding {nummer} is nu ‘{status}’.",
    downloaden: "Even geduld, het bestand wordt gemaakt…",
    gedownload: "Het bestand {naam} is gedownload. Er staan persoonsgegevens in: bewaar het veilig.",
    gemeenten: "U ziet de meldingen van: {gemeenten}.",
    alleGemeenten: "U ziet de meldingen van alle gemeenten.",
    nietIngevuld: "Niet ingevuld",
    verwijderd: "Verwijderd",
  });

  var STATUS = Object.freeze({ nieuw: "Nieuw", in_behandeling: "In behandeling", afgerond: "Afgerond" });
  var ANTWOORD = Object.freeze({ ja: "Ja", nee: "Nee", weet_niet: "Weet de inwoner niet" });
  var VOOR_WIE = Object.freeze({ zelf: "Voor zichzelf", ander: "Voor een ander (een naaste)" });
  var TAAL = Object.freeze({ nl: "Nederlands", fy: "Fries" });
  var ROLLEN_MET_TOEGANG = ["team", "admin"];
  var PER_PAGINA = 25;
  var ZONE = "Europe/Amsterdam";
  var DATUM = new Intl.DateTimeFormat("nl-NL", { // 22-11-2026
    timeZone: ZONE, day: "2-digit", month: "2-digit", year: "numeric",
  });
  var DATUM_TIJD = new Intl.DateTimeFormat("nl-NL", {
    timeZone: ZONE, day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit",
  });
  var VLAG = "wmo-team-ingelogd"; // sessionStorage: was this tab logged in? (no secrets in it)

  function vul(tekst, waarden) {
    return tekst.replace(/\{(\w+)\}/g, function (_, sleutel) { return String(waarden[sleutel]); });
  }

  /* An answer from the API that is not a success. `status` 0 means no answer at all. */
  function ApiFout(status, detail) {
    this.status = status;
    this.detail = typeof detail === "string" ? detail : null;
  }

  /* Thrown after a 401: the page has already gone back to the login form. */
  function SessieVerlopen() {}

  function Teampagina(root) {
    this.root = root;
    this.basis = new URL(root.getAttribute("data-api") || "../", document.baseURI);
    this.medewerker = null;
    this.csrf = null;
    this.gemeenteNamen = {};
    this.verzoek = 0; // the newest navigation; older answers are ignored
    this.huidige = null; // the melding that is open
    this.bezig = false;
    this.filterGekozen = false; // the filter form was sent: say how many meldingen there are
    this.berichtTimers = [];

    var vind = function (selector) { return document.querySelector(selector); };
    this.el = {
      berichten: root.querySelectorAll("[data-bericht]"),
      gebruiker: vind(".mw-user"),
      medewerker: vind("[data-veld='medewerker']"),
      uitloggen: vind("[data-actie='uitloggen']"),
      loginForm: root.querySelector("[data-form='login']"),
      gebruikersnaam: root.querySelector("#mw-gebruikersnaam"),
      wachtwoord: root.querySelector("#mw-wachtwoord"),
      gemeenten: root.querySelector("[data-veld='gemeenten']"),
      filterForm: root.querySelector("[data-form='filter']"),
      filter: root.querySelector("#mw-status-filter"),
      aantal: root.querySelector("[data-veld='aantal']"),
      tabel: root.querySelector("[data-veld='tabel']"),
      rijen: root.querySelector("[data-veld='rijen']"),
      paging: root.querySelector("[data-veld='paging']"),
      pagina: root.querySelector("[data-veld='pagina']"),
      vorige: root.querySelector("[data-paging='vorige']"),
      volgende: root.querySelector("[data-paging='volgende']"),
      terug: root.querySelector("[data-veld='terug']"),
      meldingTitel: root.querySelector("[data-veld='melding-titel']"),
      geanonimiseerd: root.querySelector("[data-veld='geanonimiseerd']"),
      velden: root.querySelector("[data-veld='velden']"),
      statusForm: root.querySelector("[data-form='status']"),
      nieuweStatus: root.querySelector("#mw-nieuwe-status"),
    };

    this.el.loginForm.addEventListener("submit", this.onLogin.bind(this));
    this.el.uitloggen.addEventListener("click", this.onUitloggen.bind(this));
    this.el.filterForm.addEventListener("submit", this.onFilter.bind(this));
    this.el.statusForm.addEventListener("submit", this.onStatus.bind(this));
    root.querySelectorAll("[data-export]").forEach(function (knop) {
      knop.addEventListener("click", this.onExport.bind(this, knop.getAttribute("data-export")));
    }, this);
    window.addEventListener("hashchange", this.route.bind(this, true));
  }

  /* ---- talking to the API ---- */

  Teampagina.prototype.vraag = function (pad, opties) {
    opties = opties || {};
    var methode = opties.method || "GET";
    var headers = { Accept: "application/json" };
    if (opties.json !== undefined) { headers["Content-Type"] = "application/json"; }
    if (methode !== "GET" && this.csrf) { headers["X-CSRF-Token"] = this.csrf; }
    var pagina = this;
    return fetch(new URL(pad, this.basis), {
      method: methode,
      headers: headers,
      body: opties.json === undefined ? undefined : JSON.stringify(opties.json),
      credentials: "same-origin",
      cache: "no-store",
    }).then(function (antwoord) {
      if (antwoord.ok) { return antwoord; }
      if (antwoord.status === 401 && !opties.login) {
        pagina.sessieVerlopen(!opties.stil);
        throw new SessieVerlopen();
      }
      return antwoord.json().catch(function () { return {}; }).then(function (body) {
        throw new ApiFout(antwoord.status, body && body.detail);
      });
    }, function () {
      throw new ApiFout(0, null);
    });
  };

  Teampagina.prototype.json = function (pad, opties) {
    return this.vraag(pad, opties).then(function (antwoord) { return antwoord.json(); });
  };

  /* The message for a failed request; a 401 has been handled already. */
  Teampagina.prototype.toonFout = function (fout, waar) {
    if (fout instanceof SessieVerlopen) { return; }
    if (!(fout instanceof ApiFout)) {
      window.console.error(fout);
      this.meld(TEKST.fout, true, waar);
    } else if (fout.status === 0) {
      this.meld(TEKST.onbereikbaar, true, waar);
    } else if (fout.status === 403) {
      this.meld(fout.detail || TEKST.geenRechten, true, waar);
    } else {
      this.meld(TEKST.fout, true, waar);
    }
  };

  /* ---- messages and views ---- */

  /* Show a message in one message area ("pagina", "export" or "status": near what the
   * medewerker just did) and empty the others. */
  Teampagina.prototype.meld = function (tekst, isFout, waar) {
    waar = waar || "pagina";
    this.berichtTimers.forEach(window.clearTimeout);
    this.berichtTimers = [];
    this.el.berichten.forEach(function (bericht) {
      // Empty first, then the text: a screen reader then also reads a message that repeats.
      bericht.textContent = "";
      if (!tekst || bericht.getAttribute("data-bericht") !== waar) { return; }
      bericht.classList.toggle("mw-bericht--fout", Boolean(isFout));
      this.berichtTimers.push(window.setTimeout(function () { bericht.textContent = tekst; }, 60));
    }, this);
  };

  Teampagina.prototype.toon = function (naam, titel) {
    this.root.querySelectorAll("[data-view]").forEach(function (view) {
      view.hidden = view.getAttribute("data-view") !== naam;
    });
    document.title = (titel ? titel + " – " : "") + TEKST.titel;
  };

  Teampagina.prototype.focus = function (element) {
    if (element) { element.focus(); }
  };

  /* ---- session ---- */

  Teampagina.prototype.start = function () {
    var pagina = this;
    this.json("staff/me", { stil: true })
      .then(function (wie) { pagina.ingelogd(wie, false); })
      .catch(function (fout) {
        if (fout instanceof SessieVerlopen) { return; }
        pagina.toonLogin();
        pagina.toonFout(fout);
      });
  };

  Teampagina.prototype.ingelogd = function (wie, naLogin) {
    this.medewerker = wie;
    this.csrf = wie.csrf_token;
    window.sessionStorage.setItem(VLAG, "ja");
    this.el.medewerker.textContent = wie.naam || wie.gebruikersnaam;
    this.el.gebruiker.hidden = false;
    this.toonGemeenten();
    this.laadGemeenteNamen();
    this.route(naLogin);
  };

  Teampagina.prototype.heeftToegang = function () {
    return Boolean(this.medewerker) && ROLLEN_MET_TOEGANG.indexOf(this.medewerker.rol) !== -1;
  };

  Teampagina.prototype.laadGemeenteNamen = function () {
    var pagina = this;
    // Public list; without it the page shows the CBS codes.
    fetch(new URL("gemeenten", this.basis), { headers: { Accept: "application/json" } })
      .then(function (antwoord) { return antwoord.ok ? antwoord.json() : []; })
      .then(function (gemeenten) {
        gemeenten.forEach(function (g) { pagina.gemeenteNamen[g.code] = g.naam; });
        pagina.toonGemeenten();
        if (pagina.huidige) { pagina.toonMelding(pagina.huidige); }
      })
      .catch(function () { /* the codes are enough */ });
  };

  Teampagina.prototype.gemeenteNaam = function (code) {
    var naam = this.gemeenteNamen[code];
    return naam ? naam + " (" + code + ")" : code;
  };

  Teampagina.prototype.toonGemeenten = function () {
    if (!this.medewerker) { return; }
    var codes = this.medewerker.gemeenten || [];
    this.el.gemeenten.textContent = this.medewerker.rol === "admin" || codes.length === 0
      ? TEKST.alleGemeenten
      : vul(TEKST.gemeenten, { gemeenten: codes.map(this.gemeenteNaam, this).join(", ") });
  };

  /* Forget everything about the medewerker and the meldingen, and show the login form. */
  Teampagina.prototype.toonLogin = function () {
    this.verzoek += 1;
    this.medewerker = null;
    this.csrf = null;
    this.huidige = null;
    this.bezig = false;
    this.el.gebruiker.hidden = true;
    this.el.medewerker.textContent = "";
    this.el.gemeenten.textContent = "";
    this.el.rijen.replaceChildren();
    this.el.velden.replaceChildren();
    this.el.aantal.textContent = "";
    this.el.paging.hidden = true;
    this.el.wachtwoord.value = "";
    this.toon("login", TEKST.inloggen);
  };

  Teampagina.prototype.sessieVerlopen = function (zegHet) {
    var wasIngelogd = Boolean(this.medewerker) || window.sessionStorage.getItem(VLAG) === "ja";
    window.sessionStorage.removeItem(VLAG);
    this.toonLogin();
    if (zegHet || wasIngelogd) {
      this.meld(TEKST.verlopen, true);
      this.focus(this.el.gebruikersnaam);
    }
  };

  Teampagina.prototype.onLogin = function (event) {
    event.preventDefault();
    if (this.bezig) { return; }
    var naam = this.el.gebruikersnaam;
    var wachtwoord = this.el.wachtwoord;
    var leeg = [naam, wachtwoord].filter(function (veld) { return !veld.value.trim(); });
    [naam, wachtwoord].forEach(function (veld) {
      if (leeg.indexOf(veld) === -1) { veld.removeAttribute("aria-invalid"); }
      else { veld.setAttribute("aria-invalid", "true"); }
    });
    if (leeg.length) {
      this.meld(TEKST.leeg, true);
      this.focus(leeg[0]);
      return;
    }
    var pagina = this;
    this.bezig = true;
    this.meld(TEKST.bezigInloggen);
    this.json("staff/login", {
      method: "POST", login: true,
      json: { gebruikersnaam: naam.value.trim(), wachtwoord: wachtwoord.value },
    }).then(function (wie) {
      pagina.bezig = false;
      wachtwoord.value = "";
      pagina.meld("");
      pagina.ingelogd(wie, true);
    }).catch(function (fout) {
      pagina.bezig = false;
      wachtwoord.value = "";
      if (fout instanceof ApiFout && (fout.status === 401 || fout.status === 422)) {
        pagina.meld(fout.status === 401 ? (fout.detail || TEKST.loginFout) : TEKST.leeg, true);
        naam.setAttribute("aria-invalid", "true");
        wachtwoord.setAttribute("aria-invalid", "true");
        pagina.focus(wachtwoord);
      } else {
        pagina.toonFout(fout);
      }
    });
  };

  Teampagina.prototype.onUitloggen = function () {
    var pagina = this;
    this.vraag("staff/logout", { method: "POST", stil: true })
      .then(function () { pagina.uitgelogd(); })
      .catch(function (fout) {
        if (fout instanceof SessieVerlopen) { pagina.uitgelogd(); }
        else { pagina.meld(TEKST.uitloggenMislukt, true); }
      });
  };

  Teampagina.prototype.uitgelogd = function () {
    window.sessionStorage.removeItem(VLAG);
    // The next person starts at the list, not at the melding that was open.
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    this.toonLogin();
    [this.el.gebruikersnaam, this.el.wachtwoord].forEach(function (veld) {
      veld.value = "";
      veld.removeAttribute("aria-invalid");
    });
    this.meld(TEKST.uitgelogd);
    this.focus(this.el.gebruikersnaam);
  };

  /* ---- navigation ---- */

  Teampagina.prototype.plek = function () {
    var hash = window.location.hash;
    var melding = /^#\/melding\/([^?]+)$/.exec(hash);
    if (melding) {
      try { return { melding: decodeURIComponent(melding[1]) }; }
      catch (e) { return { melding: melding[1] }; } // a broken address: the API says 404
    }
    var query = hash.indexOf("?") === -1 ? "" : hash.slice(hash.indexOf("?") + 1);
    var params = new URLSearchParams(query);
    var status = params.get("status") || "";
    var nummer = parseInt(params.get("pagina") || "1", 10);
    return {
      status: Object.prototype.hasOwnProperty.call(STATUS, status) ? status : "",
      pagina: nummer >= 1 && nummer <= 100000 ? nummer : 1,
    };
  };

  function lijstHash(status, pagina) {
    var params = new URLSearchParams();
    if (status) { params.set("status", status); }
    if (pagina > 1) { params.set("pagina", String(pagina)); }
    var query = params.toString();
    return "#/meldingen" + (query ? "?" + query : "");
  }

  /* Go to a place; when the hash does not change, show it again all the same. */
  Teampagina.prototype.ga = function (hash) {
    if (window.location.hash === hash) { this.route(true); }
    else { window.location.hash = hash; }
  };

  Teampagina.prototype.route = function (zetFocus) {
    var hash = window.location.hash;
    if (hash && hash.indexOf("#/") !== 0) { return; } // e.g. the skip link
    if (!this.medewerker) { return; }
    if (!this.heeftToegang()) {
      this.toon("geen-toegang", "Geen toegang");
      if (zetFocus) { this.focus(this.root.querySelector("#mw-geen-toegang-titel")); }
      return;
    }
    var plek = this.plek();
    if (plek.melding) { this.laadMelding(plek.melding, zetFocus); }
    else { this.laadLijst(plek.status, plek.pagina, zetFocus); }
  };

  /* ---- the list ---- */

  Teampagina.prototype.onFilter = function (event) {
    event.preventDefault();
    this.filterGekozen = true;
    this.ga(lijstHash(this.el.filter.value, 1));
  };

  Teampagina.prototype.laadLijst = function (status, paginaNummer, zetFocus) {
    var pagina = this;
    var mijn = ++this.verzoek;
    var gefilterd = this.filterGekozen;
    this.filterGekozen = false;
    this.huidige = null;
    this.el.filter.value = status;
    this.toon("lijst", "Meldingen");
    this.el.tabel.setAttribute("aria-busy", "true");
    var params = new URLSearchParams({ page: String(paginaNummer), per_page: String(PER_PAGINA) });
    if (status) { params.set("status", status); }
    this.json("team/meldingen?" + params.toString())
      .then(function (resultaat) {
        if (mijn !== pagina.verzoek) { return; }
        if (resultaat.empty && paginaNummer > 1 && resultaat.total_pages >= 1) {
          // The page no longer exists (fewer meldingen now): go to the last one.
          pagina.ga(lijstHash(status, resultaat.total_pages));
          return;
        }
        pagina.toonLijst(resultaat, status);
        if (gefilterd) {
          pagina.meld(pagina.el.aantal.textContent);
        } else if (zetFocus) {
          pagina.meld("");
          pagina.focus(pagina.root.querySelector("#mw-lijst-titel"));
        }
      })
      .catch(function (fout) {
        if (mijn !== pagina.verzoek) { return; }
        pagina.el.tabel.removeAttribute("aria-busy");
        pagina.toonFout(fout);
      });
  };

  Teampagina.prototype.toonLijst = function (resultaat, status) {
    var rijen = resultaat.contents.map(this.rij, this);
    this.el.rijen.replaceChildren.apply(this.el.rijen, rijen);
    this.el.tabel.removeAttribute("aria-busy");
    this.el.tabel.hidden = rijen.length === 0;

    var aantal;
    if (resultaat.total_items === 0) {
      aantal = status ? vul(TEKST.geenMetStatus, { status: STATUS[status] }) : TEKST.geenMeldingen;
    } else {
      aantal = resultaat.total_items === 1 ? TEKST.eenMelding
        : vul(TEKST.meerMeldingen, { aantal: resultaat.total_items });
      if (status) { aantal += vul(TEKST.metStatus, { status: STATUS[status] }); }
      aantal += ".";
      if (resultaat.total_pages > 1) {
        aantal += " " + vul(TEKST.pagina, {
          pagina: resultaat.page_number, totaal: resultaat.total_pages }) + ".";
      }
    }
    this.el.aantal.textContent = aantal;

    var meerderePaginas = resultaat.total_pages > 1;
    this.el.paging.hidden = !meerderePaginas;
    if (meerderePaginas) {
      this.el.pagina.textContent = vul(TEKST.pagina, {
        pagina: resultaat.page_number, totaal: resultaat.total_pages });
      this.el.vorige.hidden = resultaat.first_page;
      this.el.vorige.href = lijstHash(status, resultaat.page_number - 1);
      this.el.volgende.hidden = resultaat.last_page;
      this.el.volgende.href = lijstHash(status, resultaat.page_number + 1);
    }
    this.el.terug.href = lijstHash(status, resultaat.page_number);
  };

  function element(naam, klasse, tekst) {
    var el = document.createElement(naam);
    if (klasse) { el.className = klasse; }
    if (tekst !== undefined && tekst !== null) { el.textContent = tekst; }
    return el;
  }

  function tijdElement(iso, formaat) {
    var moment = new Date(iso);
    var tijd = element("time", null, isNaN(moment) ? iso : formaat.format(moment));
    tijd.setAttribute("datetime", iso);
    return tijd;
  }

  function statusLabel(status) {
    return element("span", "mw-label mw-label--" + status, STATUS[status] || status);
  }

  Teampagina.prototype.rij = function (melding) {
    var tr = document.createElement("tr");
    var kop = element("th");
    kop.setAttribute("scope", "row");
    var link = element("a", "mw-melding-link", melding.nummer);
    link.href = "#/melding/" + encodeURIComponent(melding.nummer);
    kop.appendChild(link);
    tr.appendChild(kop);
    var datum = element("td", "mw-datum");
    datum.appendChild(tijdElement(melding.aangemaakt_op, DATUM));
    tr.appendChild(datum);
    tr.appendChild(element("td", null, melding.geanonimiseerd ? TEKST.verwijderd : melding.woonplaats));
    var status = element("td");
    status.appendChild(statusLabel(melding.status));
    tr.appendChild(status);
    return tr;
  };

  /* ---- one melding ---- */

  Teampagina.prototype.laadMelding = function (nummer, zetFocus) {
    var pagina = this;
    var mijn = ++this.verzoek;
    this.toon("melding", vul(TEKST.titelMelding, { nummer: nummer }));
    this.el.meldingTitel.textContent = vul(TEKST.titelMelding, { nummer: nummer });
    this.el.velden.replaceChildren();
    this.el.geanonimiseerd.hidden = true;
    this.el.statusForm.hidden = true;
    this.json("team/meldingen/" + encodeURIComponent(nummer))
      .then(function (melding) {
        if (mijn !== pagina.verzoek) { return; }
        pagina.toonMelding(melding);
        pagina.meld("");
        if (zetFocus) { pagina.focus(pagina.el.meldingTitel); }
      })
      .catch(function (fout) {
        if (mijn !== pagina.verzoek) { return; }
        if (fout instanceof ApiFout && (fout.status === 404 || fout.status === 422)) {
          pagina.meld(TEKST.nietGevonden, true);
          pagina.focus(pagina.el.terug);
        } else {
          pagina.toonFout(fout);
        }
      });
  };

  Teampagina.prototype.toonMelding = function (m) {
    this.huidige = m;
    var weg = m.geanonimiseerd;
    var leeg = weg ? TEKST.verwijderd : TEKST.nietIngevuld;
    this.el.meldingTitel.textContent = vul(TEKST.titelMelding, { nummer: m.nummer });
    this.el.geanonimiseerd.hidden = !weg;

    var telefoon = null;
    if (m.telefoon) {
      telefoon = element("a", null, m.telefoon);
      telefoon.href = "tel:" + m.telefoon.replace(/[^0-9+]/g, "");
    }
    var email = null;
    if (m.email) {
      email = element("a", null, m.email);
      email.href = "mailto:" + m.email;
    }
    var voorWie = VOOR_WIE[m.voor_wie] || m.voor_wie;
    if (m.voor_wie === "ander") {
      voorWie += m.toestemming_ander ? ". De ander vindt de melding goed." : ".";
    }
    var team = m.team_naam + (m.team_telefoon ? ", telefoon " + m.team_telefoon : "");

    var velden = [
      ["Status", statusLabel(m.status)],
      ["Gemeld op", tijdElement(m.aangemaakt_op, DATUM_TIJD)],
      ["Laatst gewijzigd", tijdElement(m.gewijzigd_op, DATUM_TIJD)],
      ["Voor wie is de melding?", voorWie],
      ["Naam van de melder", m.naam || leeg],
      m.voor_wie === "ander" ? ["Naam van de persoon om wie het gaat", m.naam_ander || leeg] : null,
      ["Telefoon", telefoon || leeg],
      ["E-mail", email || leeg],
      ["Woonplaats", m.woonplaats || leeg],
      ["Gemeente", this.gemeenteNaam(m.gemeente_code)],
      ["Vraag", m.vraag || leeg, "mw-vraag"],
      ["Beste moment om te bellen", m.belmoment || leeg],
      ["Wil hulp van een cliëntondersteuner", ANTWOORD[m.clientondersteuning] || m.clientondersteuning],
      ["Heeft een mantelzorger", ANTWOORD[m.mantelzorger] || m.mantelzorger],
      ["Taal", TAAL[m.taal] || m.taal],
      ["Team", team],
    ];
    var lijst = velden.filter(Boolean).map(function (veld) {
      var groep = element("div", "mw-velden__groep");
      groep.appendChild(element("dt", null, veld[0]));
      var waarde = element("dd", veld[2] || null);
      if (typeof veld[1] === "string") { waarde.textContent = veld[1]; }
      else { waarde.appendChild(veld[1]); }
      groep.appendChild(waarde);
      return groep;
    });
    this.el.velden.replaceChildren.apply(this.el.velden, lijst);
    this.el.nieuweStatus.value = m.status;
    this.el.statusForm.hidden = false;
  };

  Teampagina.prototype.onStatus = function (event) {
    event.preventDefault();
    var melding = this.huidige;
    if (!melding || this.bezig) { return; }
    var status = this.el.nieuweStatus.value;
    if (status === melding.status) {
      this.meld(vul(TEKST.statusGelijk, { status: STATUS[status] }), true, "status");
      return;
    }
    var pagina = this;
    var mijn = this.verzoek;
    this.bezig = true;
    this.json("team/meldingen/" + encodeURIComponent(melding.nummer), {
      method: "PATCH", json: { status: status },
    }).then(function (bijgewerkt) {
      pagina.bezig = false;
      if (mijn !== pagina.verzoek) { return; }
      pagina.toonMelding(bijgewerkt);
      pagina.meld(vul(TEKST.statusOpgeslagen, {
        nummer: bijgewerkt.nummer, status: STATUS[bijgewerkt.status] }), false, "status");
    }).catch(function (fout) {
      pagina.bezig = false;
      if (fout instanceof ApiFout && fout.status === 404) {
        pagina.meld(TEKST.nietGevonden, true, "status");
      } else {
        pagina.toonFout(fout, "status");
      }
    });
  };

  /* ---- download ---- */

  function bestandsnaam(antwoord, formaat) {
    var kop = antwoord.headers.get("Content-Disposition") || "";
    var gevonden = /filename="?([^";]+)"?/.exec(kop);
    // Only a plain name: never a path from the server.
    var naam = gevonden ? gevonden[1].replace(/[^\w.\-]/g, "_") : "";
    return naam || "meldingen." + formaat;
  }

  Teampagina.prototype.onExport = function (formaat) {
    var pagina = this;
    var params = new URLSearchParams({ formaat: formaat });
    var status = this.plek().status;
    if (status) { params.set("status", status); }
    this.meld(TEKST.downloaden, false, "export");
    this.vraag("team/meldingen/export?" + params.toString())
      .then(function (antwoord) {
        return antwoord.blob().then(function (inhoud) {
          var naam = bestandsnaam(antwoord, formaat);
          var adres = URL.createObjectURL(inhoud);
          var link = element("a", "mw-verborgen");
          link.href = adres;
          link.download = naam;
          document.body.appendChild(link);
          link.click();
          link.remove();
          window.setTimeout(function () { URL.revokeObjectURL(adres); }, 10000);
          pagina.meld(vul(TEKST.gedownload, { naam: naam }), false, "export");
        });
      })
      .catch(function (fout) { pagina.toonFout(fout, "export"); });
  };

  function begin() {
    var root = document.querySelector("[data-module='team-meldingen']");
    if (!root || root.getAttribute("data-gestart")) { return; }
    root.setAttribute("data-gestart", "true");
    new Teampagina(root).start();
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", begin); }
  else { begin(); }
})();
