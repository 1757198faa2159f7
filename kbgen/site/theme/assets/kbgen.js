/*
 * kbgen: page feedback, survey answers and searches without results, sent to the collector.
 *
 * The forms work without this script (plain posts answered with a redirect); this script sends
 * them as JSON instead, so the reader stays on the page. It sets no cookies, stores nothing,
 * and talks to no one but the collector named in #__kbgen.
 */
(function () {
  "use strict";

  var settingsElement = document.getElementById("__kbgen");
  if (!settingsElement) return;
  var settings = JSON.parse(settingsElement.textContent);
  if (!settings.collector) return;

  /* A fresh id per page view: a comment sent after a vote supersedes the vote-only record. */
  function newSubmissionId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function post(kind, fields) {
    var body = Object.assign({ v: 1 }, fields);
    return fetch(settings.collector + "/v1/" + kind, {
      method: "POST",
      mode: "cors",
      credentials: "omit",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }).then(function (response) {
      if (!response.ok) throw new Error("collector answered " + response.status);
      return response;
    });
  }

  /* This page's address without query and fragment: where a form post comes back to. */
  function pageAddress() {
    return location.origin + location.pathname;
  }

  /* True when a form post without JavaScript just came back from the collector. */
  function cameBackThanked() {
    return new URLSearchParams(location.search).get("kbgen") === "thanks";
  }

  function forgetThanksMarker() {
    var url = new URL(location.href);
    url.searchParams.delete("kbgen");
    history.replaceState(history.state, "", url.pathname + url.search + url.hash);
  }

  /* Replace a form's controls by its thank-you line, announced by the live region. */
  function showThanks(form) {
    Array.prototype.forEach.call(form.children, function (child) {
      if (!child.hasAttribute("data-kbgen-thanks")) child.hidden = true;
    });
    var thanks = form.querySelector("[data-kbgen-thanks]");
    thanks.textContent = thanks.getAttribute("data-kbgen-thanks");
    thanks.focus();
  }

  function showError(form, failed) {
    form.querySelector("[data-kbgen-error]").hidden = !failed;
  }

  /* The static thank-you line is for readers without JavaScript (shown by CSS :target). */
  function prepare(form) {
    var fallback = form.querySelector(".kbgen-thanks-static");
    if (fallback) fallback.remove();
    var back = form.querySelector("input[name=return]");
    if (back && !back.value) back.value = pageAddress();
    if (cameBackThanked()) {
      showThanks(form);
      forgetThanksMarker();
      return false;
    }
    return true;
  }

  function setUpFeedback(form) {
    if (!prepare(form)) return;
    var submission = newSubmissionId();
    var more = form.querySelector("[data-kbgen-more]");
    var comment = form.querySelector("textarea[name=comment]");
    var send = form.querySelector("[data-kbgen-send]");
    var votes = form.querySelectorAll("[data-kbgen-vote]");
    var helpful = null;
    more.hidden = true;

    function fields() {
      return {
        page: form.elements.page.value,
        helpful: helpful,
        comment: comment.value.trim(),
        lang: form.elements.lang.value,
        submission: submission,
        website: form.elements.website.value,
      };
    }

    Array.prototype.forEach.call(votes, function (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        helpful = button.getAttribute("data-kbgen-vote") === "yes";
        Array.prototype.forEach.call(votes, function (other) {
          other.setAttribute("aria-pressed", String(other === button));
        });
        post("feedback", fields()).then(
          function () {
            showError(form, false);
            more.hidden = false;
            send.hidden = false;
            comment.focus();
          },
          function () {
            showError(form, true);
          }
        );
      });
    });

    send.addEventListener("click", function () {
      post("feedback", fields()).then(
        function () {
          showThanks(form);
        },
        function () {
          showError(form, true);
        }
      );
    });

    /* Enter in a field must not post the form the old way. */
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
  }

  function setUpSurvey(form) {
    if (!prepare(form)) return;
    var submission = newSubmissionId();
    var query = new URLSearchParams(location.search);
    /* Survey links in e-mails carry ?ticket=<id>, and may preselect an answer with &score=<n>. */
    form.elements.ticket.value = (query.get("ticket") || "").replace(/[^A-Za-z0-9-]/g, "").slice(0, 40);
    var preset = form.querySelector("input[name=score][value='" + (query.get("score") || "").replace(/\D/g, "") + "']");
    if (preset) preset.checked = true;

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!form.reportValidity()) return;
      var fields = Object.fromEntries(new FormData(form));
      delete fields["return"];
      if (fields.score !== undefined) fields.score = Number(fields.score);
      fields.submission = submission;
      post("survey", fields).then(
        function () {
          showThanks(form);
        },
        function () {
          showError(form, true);
        }
      );
    });
  }

  /*
   * Searches: a query of 3 or more characters that the reader stopped typing for 1.5 s and
   * that found nothing is reported once; a query that found something but whose results the
   * reader left without clicking is reported when the page is left. Searches come from
   * kbgen-search.js (Pagefind) as events, or are read from Material's own search box.
   */
  function watchSearch() {
    var reported = new Set();
    var last = null;
    var clicked = false;
    var timer = null;
    var pending = null; /* reads the search still being typed */
    var materialConfig = document.getElementById("__config");
    var config = materialConfig ? JSON.parse(materialConfig.textContent) : {};
    var siteRoot = new URL(config.base || ".", location.href).pathname;

    /* A page as the collector names pages: its path below the site's root. */
    function sitePath(address) {
      var path = new URL(address || location.href, location.href).pathname;
      return path.indexOf(siteRoot) === 0 ? "/" + path.slice(siteRoot.length) : path;
    }

    /* A plain form post, as sendBeacon cannot send JSON across origins without a preflight;
       it survives the page being left, which a click on a result is about to do. */
    function beacon(search, opened) {
      if (!navigator.sendBeacon) return;
      var body = new URLSearchParams(fields(search));
      if (opened) body.set("opened", sitePath(opened));
      body.set("return", pageAddress());
      navigator.sendBeacon(settings.collector + "/v1/search", body);
    }

    /* A result opened: the report counts which searches lead to which article. */
    function opened(url) {
      var search = pending ? pending() : last;
      if (pending) {
        /* Settled now, so that leaving the page does not report it as abandoned. */
        clearTimeout(timer);
        pending = null;
        settled(search);
      }
      clicked = true;
      if (search && search.query.length >= 3 && url && new URL(url, location.href).origin === location.origin) {
        beacon(search, url);
      }
    }

    function fields(search) {
      return { query: search.query, results: search.results, page: sitePath(), lang: settings.lang };
    }

    /* A search the reader stopped at: reported at once when it found nothing. */
    function settled(search) {
      if (!search || search.query.length < 3) return;
      if (!last || last.query !== search.query) clicked = false;
      last = search;
      if (search.results === 0 && !reported.has(search.query)) {
        reported.add(search.query);
        post("search", fields(search)).catch(function () {});
      }
    }

    function later(read) {
      clearTimeout(timer);
      pending = read;
      timer = setTimeout(function () {
        pending = null;
        settled(read());
      }, 1500);
    }

    if (document.querySelector("input[data-kbgen-search]")) {
      document.addEventListener("kbgen:search", function (event) {
        var search = { query: event.detail.query, results: event.detail.results };
        later(function () {
          return search;
        });
      });
      document.addEventListener("kbgen:search-click", function (event) {
        opened(event.detail && event.detail.url);
      });
    } else if (!watchMaterialSearch(later, opened, config.translations || {})) {
      return;
    }

    window.addEventListener("pagehide", function () {
      var search = pending ? pending() : last;
      if (pending && search && (!last || last.query !== search.query)) clicked = false;
      if (!search || clicked || reported.has(search.query)) return;
      reported.add(search.query);
      beacon(search);
    });
  }

  /* Material's search box: the result count is read from the line above its results. */
  function watchMaterialSearch(later, onClick, words) {
    var input = document.querySelector("[data-md-component=search-query]");
    var meta = document.querySelector(".md-search-result__meta");
    var list = document.querySelector(".md-search-result__list");
    if (!input || !meta || !list) return false;

    function resultCount() {
      var text = meta.textContent.trim();
      if (text === words["search.result.none"]) return 0;
      if (text === words["search.result.one"]) return 1;
      var pattern = (words["search.result.other"] || "").split("#");
      if (pattern.length === 2 && text.startsWith(pattern[0]) && text.endsWith(pattern[1])) {
        var digits = text.slice(pattern[0].length, text.length - pattern[1].length).replace(/\D/g, "");
        if (digits) return Number(digits);
      }
      return null;
    }

    input.addEventListener("input", function () {
      later(function () {
        var results = resultCount();
        var query = input.value.replace(/\s+/g, " ").trim();
        return results === null ? null : { query: query, results: results };
      });
    });
    list.addEventListener("click", function (event) {
      var link = event.target.closest("a");
      if (link) onClick(link.href);
    });
    return true;
  }

  function setUpPage() {
    var feedback = document.querySelector("form[data-kbgen-feedback]");
    if (feedback) setUpFeedback(feedback);
    var survey = document.querySelector("form[data-kbgen-survey]");
    if (survey) setUpSurvey(survey);
  }

  if (settings.reportSearches) watchSearch();
  /* With Material's instant navigation, pages arrive without a reload: set up each one. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUpPage);
  } else {
    setUpPage();
  }
})();
