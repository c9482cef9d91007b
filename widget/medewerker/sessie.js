/* What every staff page needs around its own work: the login form, the "Ingelogd als" header
 * with Uitloggen, the session that expires, talking to the API with the CSRF token, and the
 * message areas. The team page (team.js) and the KCC console (../kcc/kcc.js) both load this
 * file first, so a fix in the login or the session reaches both pages at once.
 *
 * Plain JavaScript on `window.WmoSessie`, no build step and no inline code, so it runs under a
 * strict Content-Security-Policy (script-src 'self'). Data from the API only ever goes into the
 * page as text (textContent), never as HTML.
 *
 * A page is a constructor that calls `Sessiepagina.call(this, root, instellingen)` and inherits
 * from `Sessiepagina.prototype` (WmoSessie.erf). It adds what only it has:
 *   vergeet()                the login form is shown: drop its data from the page
 *   toonPlek(hash, zetFocus) show the place in the hash (the session and access are checked)
 *   gemeenteNamenGeladen()   optional: the names of the gemeenten came in, draw them again
 * instellingen: tekst (the page's texts: titel, gemeenten, alleGemeenten), vlag (its
 * sessionStorage key), rollen (roles that may use it), detailBij (statuses whose Dutch `detail`
 * from the API is shown as it is; always for 429) and foutTeksten (status -> the page's own
 * message).
 */
(function () {
  "use strict";

  var TEKST = Object.freeze({
    inloggen: "Inloggen",
    geenToegang: "Geen toegang",
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
  });

  /* ---- small helpers for building the page ---- */

  function vul(tekst, waarden) {
    return tekst.replace(/\{(\w+)\}/g, function (_, sleutel) { return String(waarden[sleutel]); });
  }

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

  /* A label such as a status; the modifier class gives its colour, the text says it in words. */
  function label(waarde, tekst) {
    return element("span", "mw-label mw-label--" + waarde, tekst);
  }

  /* A number to call with one tap, or null when there is none. */
  function telefoonLink(nummer) {
    if (!nummer) { return null; }
    var link = element("a", null, nummer);
    link.href = "tel:" + nummer.replace(/[^0-9+]/g, "");
    return link;
  }

  /* The groups of a <dl class="mw-velden">: [term, text or element, optional class of the dd].
   * Empty places (null) in the list are skipped, for fields that only some records have. */
  function veldGroepen(velden) {
    return velden.filter(Boolean).map(function (veld) {
      var groep = element("div", "mw-velden__groep");
      groep.appendChild(element("dt", null, veld[0]));
      var waarde = element("dd", veld[2] || null);
      if (typeof veld[1] === "string") { waarde.textContent = veld[1]; }
      else { waarde.appendChild(veld[1]); }
      groep.appendChild(waarde);
      return groep;
    });
  }

  /* An answer from the API that is not a success. `status` 0 means no answer at all. */
  function ApiFout(status, detail) {
    this.status = status;
    this.detail = typeof detail === "string" ? detail : null;
  }

  /* Thrown after a 401: the page has already gone back to the login form. */
  function SessieVerlopen() {}

  /* ---- the page with a session ---- */

  function Sessiepagina(root, instellingen) {
    this.root = root;
    this.instellingen = instellingen;
    this.tekst = instellingen.tekst;
    this.basis = new URL(root.getAttribute("data-api") || "../", document.baseURI);
    this.medewerker = null;
    this.csrf = null;
    this.gemeenteNamen = {};
    this.verzoek = 0; // the newest navigation; answers for older ones are ignored
    this.bezig = false;
    this.berichtTimers = [];

    var loginForm = root.querySelector("[data-form='login']");
    this.el = {
      berichten: root.querySelectorAll("[data-bericht]"),
      // The header is outside <main>: one per page.
      gebruiker: document.querySelector(".mw-user"),
      medewerker: document.querySelector("[data-veld='medewerker']"),
      uitloggen: document.querySelector("[data-actie='uitloggen']"),
      loginForm: loginForm,
      gebruikersnaam: loginForm.querySelector("[name='gebruikersnaam']"),
      wachtwoord: loginForm.querySelector("[name='wachtwoord']"),
      gemeenten: root.querySelector("[data-veld='gemeenten']"),
    };

    loginForm.addEventListener("submit", this.onLogin.bind(this));
    this.el.uitloggen.addEventListener("click", this.onUitloggen.bind(this));
    window.addEventListener("hashchange", this.route.bind(this, true));
  }

  /* ---- talking to the API ---- */

  /* The answer itself (a download needs its headers and body). A 401 sends the page back to the
   * login form, except for the login itself; `stil`: say nothing about it unless this tab was
   * logged in (a first visit is not an expired session). */
  Sessiepagina.prototype.vraag = function (pad, opties) {
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

  /* The body of a successful answer: null for 204 No Content, {} when it is not JSON. */
  Sessiepagina.prototype.json = function (pad, opties) {
    return this.vraag(pad, opties).then(function (antwoord) {
      if (antwoord.status === 204) { return null; }
      return antwoord.json().catch(function () { return {}; });
    });
  };

  /* The message for a failed request; a 401 has been handled already. The API's own Dutch
   * detail is shown where the page says it tells the medewerker what to do. */
  Sessiepagina.prototype.toonFout = function (fout, waar) {
    if (fout instanceof SessieVerlopen) { return; }
    var eigen = this.instellingen.foutTeksten || {};
    var detailBij = this.instellingen.detailBij || [403];
    if (!(fout instanceof ApiFout)) {
      window.console.error(fout);
      this.meld(TEKST.fout, true, waar);
    } else if (fout.status === 0) {
      this.meld(TEKST.onbereikbaar, true, waar);
    } else if (Object.prototype.hasOwnProperty.call(eigen, fout.status)) {
      this.meld(eigen[fout.status], true, waar);
    } else if ((fout.status === 429 || detailBij.indexOf(fout.status) !== -1) && fout.detail) {
      // 429: the API says in Dutch how long to wait (rate limit, docs/security.md).
      this.meld(fout.detail, true, waar);
    } else if (fout.status === 403) {
      this.meld(TEKST.geenRechten, true, waar);
    } else {
      this.meld(TEKST.fout, true, waar);
    }
  };

  /* ---- messages and views ---- */

  /* Show a message in one message area (`waar`, "pagina" by default: the one near what the
   * medewerker just did) and empty the others. Empty first, then the text a moment later: a
   * screen reader then also reads a message that repeats. */
  Sessiepagina.prototype.meld = function (tekst, isFout, waar) {
    waar = waar || "pagina";
    this.berichtTimers.forEach(window.clearTimeout);
    this.berichtTimers = [];
    this.el.berichten.forEach(function (bericht) {
      bericht.textContent = "";
      if (!tekst || bericht.getAttribute("data-bericht") !== waar) { return; }
      bericht.classList.toggle("mw-bericht--fout", Boolean(isFout));
      this.berichtTimers.push(window.setTimeout(function () { bericht.textContent = tekst; }, 60));
    }, this);
  };

  Sessiepagina.prototype.toon = function (naam, titel) {
    this.root.querySelectorAll("[data-view]").forEach(function (view) {
      view.hidden = view.getAttribute("data-view") !== naam;
    });
    document.title = (titel ? titel + " – " : "") + this.tekst.titel;
  };

  Sessiepagina.prototype.focus = function (element) {
    if (element) { element.focus(); }
  };

  /* ---- session ---- */

  Sessiepagina.prototype.start = function () {
    var pagina = this;
    this.json("staff/me", { stil: true })
      .then(function (wie) { pagina.ingelogd(wie, false); })
      .catch(function (fout) {
        if (fout instanceof SessieVerlopen) { return; }
        pagina.toonLogin();
        pagina.toonFout(fout);
      });
  };

  Sessiepagina.prototype.ingelogd = function (wie, naLogin) {
    this.medewerker = wie;
    this.csrf = wie.csrf_token;
    window.sessionStorage.setItem(this.instellingen.vlag, "ja");
    this.el.medewerker.textContent = wie.naam || wie.gebruikersnaam;
    this.el.gebruiker.hidden = false;
    this.toonGemeenten();
    this.laadGemeenteNamen();
    this.route(naLogin);
  };

  Sessiepagina.prototype.heeftToegang = function () {
    return Boolean(this.medewerker) && this.instellingen.rollen.indexOf(this.medewerker.rol) !== -1;
  };

  Sessiepagina.prototype.laadGemeenteNamen = function () {
    var pagina = this;
    // Public list; without it the page shows the CBS codes.
    fetch(new URL("gemeenten", this.basis), { headers: { Accept: "application/json" } })
      .then(function (antwoord) { return antwoord.ok ? antwoord.json() : []; })
      .then(function (gemeenten) {
        gemeenten.forEach(function (g) { pagina.gemeenteNamen[g.code] = g.naam; });
        pagina.toonGemeenten();
        if (pagina.gemeenteNamenGeladen) { pagina.gemeenteNamenGeladen(); }
      })
      .catch(function () { /* the codes are enough */ });
  };

  Sessiepagina.prototype.gemeenteNaam = function (code) {
    var naam = this.gemeenteNamen[code];
    return naam ? naam + " (" + code + ")" : code;
  };

  Sessiepagina.prototype.toonGemeenten = function () {
    if (!this.medewerker) { return; }
    var codes = this.medewerker.gemeenten || [];
    this.el.gemeenten.textContent = this.medewerker.rol === "admin" || codes.length === 0
      ? this.tekst.alleGemeenten
      : vul(this.tekst.gemeenten, { gemeenten: codes.map(this.gemeenteNaam, this).join(", ") });
  };

  /* Forget everything about the medewerker (the page forgets its own data) and show the login
   * form. Answers that are still on their way are ignored. */
  Sessiepagina.prototype.toonLogin = function () {
    this.verzoek += 1;
    this.medewerker = null;
    this.csrf = null;
    this.bezig = false;
    this.vergeet();
    this.el.gebruiker.hidden = true;
    this.el.medewerker.textContent = "";
    this.el.gemeenten.textContent = "";
    this.el.wachtwoord.value = "";
    this.toon("login", TEKST.inloggen);
  };

  Sessiepagina.prototype.sessieVerlopen = function (zegHet) {
    var vlag = this.instellingen.vlag;
    var wasIngelogd = Boolean(this.medewerker) || window.sessionStorage.getItem(vlag) === "ja";
    window.sessionStorage.removeItem(vlag);
    this.toonLogin();
    if (zegHet || wasIngelogd) {
      this.meld(TEKST.verlopen, true);
      this.focus(this.el.gebruikersnaam);
    }
  };

  Sessiepagina.prototype.onLogin = function (event) {
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

  Sessiepagina.prototype.onUitloggen = function () {
    var pagina = this;
    this.vraag("staff/logout", { method: "POST", stil: true })
      .then(function () { pagina.uitgelogd(); })
      .catch(function (fout) {
        if (fout instanceof SessieVerlopen) { pagina.uitgelogd(); }
        else { pagina.meld(TEKST.uitloggenMislukt, true); }
      });
  };

  Sessiepagina.prototype.uitgelogd = function () {
    window.sessionStorage.removeItem(this.instellingen.vlag);
    // The next person starts at the first view, not at what was open.
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

  /* Go to a place; when the hash does not change, show it again all the same. */
  Sessiepagina.prototype.ga = function (hash) {
    if (window.location.hash === hash) { this.route(true); }
    else { window.location.hash = hash; }
  };

  Sessiepagina.prototype.route = function (zetFocus) {
    var hash = window.location.hash;
    if (hash && hash.indexOf("#/") !== 0) { return; } // e.g. the skip link
    if (!this.medewerker) { return; }
    if (!this.heeftToegang()) {
      this.toon("geen-toegang", TEKST.geenToegang);
      if (zetFocus) { this.focus(this.root.querySelector("[data-view='geen-toegang'] h2")); }
      return;
    }
    this.toonPlek(hash, zetFocus);
  };

  /* ---- for the pages ---- */

  /* Page inherits from Sessiepagina. */
  function erf(Pagina) {
    Pagina.prototype = Object.create(Sessiepagina.prototype);
    Pagina.prototype.constructor = Pagina;
  }

  /* Start the page once the document is there; a second copy of the script does nothing. */
  function begin(module, Pagina) {
    function maak() {
      var root = document.querySelector("[data-module='" + module + "']");
      if (!root || root.getAttribute("data-gestart")) { return; }
      root.setAttribute("data-gestart", "true");
      new Pagina(root).start();
    }
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", maak); }
    else { maak(); }
  }

  window.WmoSessie = Object.freeze({
    TEKST: TEKST,
    Sessiepagina: Sessiepagina,
    erf: erf,
    begin: begin,
    ApiFout: ApiFout,
    SessieVerlopen: SessieVerlopen,
    vul: vul,
    element: element,
    tijdElement: tijdElement,
    label: label,
    telefoonLink: telefoonLink,
    veldGroepen: veldGroepen,
  });
})();
