/* Team page for gemeente staff: log in, see the meldingen of your gemeenten, open one, change
 * its status and download them. Talks to the sociale kaart's /staff and /team/meldingen API
 * (docs/meldingen.md). The login, the session and the API calls are in sessie.js, shared with
 * the KCC console. Plain JavaScript, no inline code, so it runs under a strict
 * Content-Security-Policy (script-src 'self'). Data from the API is only ever put in the page
 * with textContent, never as HTML.
 *
 * Where the page is: the hash. "#/meldingen?status=nieuw&pagina=2" is the list,
 * "#/melding/WMO-2026-000042" one melding. So reload and the back button work.
 */
(function () {
  "use strict";

  var sessie = window.WmoSessie;
  var vul = sessie.vul;
  var element = sessie.element;

  var TEKST = Object.freeze({
    titel: "Wmo-meldingen voor het team",
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
  var PER_PAGINA = 25;
  var ZONE = "Europe/Amsterdam";
  var DATUM = new Intl.DateTimeFormat("nl-NL", { // 22-11-2026
    timeZone: ZONE, day: "2-digit", month: "2-digit", year: "numeric",
  });
  var DATUM_TIJD = new Intl.DateTimeFormat("nl-NL", {
    timeZone: ZONE, day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit",
  });

  function Teampagina(root) {
    sessie.Sessiepagina.call(this, root, {
      tekst: TEKST,
      vlag: "wmo-team-ingelogd", // sessionStorage: was this tab logged in? (no secrets in it)
      rollen: ["team", "admin"],
      detailBij: [403],
    });
    this.huidige = null; // the melding that is open
    this.filterGekozen = false; // the filter form was sent: say how many meldingen there are

    Object.assign(this.el, {
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
    });

    this.el.filterForm.addEventListener("submit", this.onFilter.bind(this));
    this.el.statusForm.addEventListener("submit", this.onStatus.bind(this));
    root.querySelectorAll("[data-export]").forEach(function (knop) {
      knop.addEventListener("click", this.onExport.bind(this, knop.getAttribute("data-export")));
    }, this);
  }
  sessie.erf(Teampagina);

  /* ---- session ---- */

  /* The names came in after the melding was drawn: show its gemeente by name. */
  Teampagina.prototype.gemeenteNamenGeladen = function () {
    if (this.huidige) { this.toonMelding(this.huidige); }
  };

  /* The login form is shown: no meldingen or personal data stay in the page. */
  Teampagina.prototype.vergeet = function () {
    this.huidige = null;
    this.el.rijen.replaceChildren();
    this.el.velden.replaceChildren();
    this.el.aantal.textContent = "";
    this.el.paging.hidden = true;
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

  /* Called by route() in sessie.js once the session and the access are checked. */
  Teampagina.prototype.toonPlek = function (hash, zetFocus) {
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

  function statusLabel(status) {
    return sessie.label(status, STATUS[status] || status);
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
    datum.appendChild(sessie.tijdElement(melding.aangemaakt_op, DATUM));
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
        if (fout instanceof sessie.ApiFout && (fout.status === 404 || fout.status === 422)) {
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

    var telefoon = sessie.telefoonLink(m.telefoon);
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
      ["Gemeld op", sessie.tijdElement(m.aangemaakt_op, DATUM_TIJD)],
      ["Laatst gewijzigd", sessie.tijdElement(m.gewijzigd_op, DATUM_TIJD)],
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
    this.el.velden.replaceChildren.apply(this.el.velden, sessie.veldGroepen(velden));
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
      if (fout instanceof sessie.ApiFout && fout.status === 404) {
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

  sessie.begin("team-meldingen", Teampagina);
})();
