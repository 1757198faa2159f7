/*
 * kbgen: the search boxes (header and home page) answered by Pagefind.
 *
 * Pagefind's index is split into chunks: the first query loads pagefind.js, its WebAssembly
 * and the chunks for the words typed, not the whole index. The index of the page's language
 * (<html lang>) is searched. Customers type whole questions ("When will my new card arrive?"):
 * each telling word is searched on its own and pages are ranked by the sum (see rank). The
 * count shown is the number of pages that really match, and all of them can be listed. Each
 * search is announced as a "kbgen:search" event ({query, results}) and each click on a result
 * as "kbgen:search-click" ({url}), for kbgen.js to report searches that found nothing, were
 * left without a click, or led to a page.
 */
(function () {
  "use strict";

  var LIMIT = 8; /* results drawn at a time; "More results" draws the next ones */
  var RELEVANT = 1 / 4; /* a match scores at least this share of the best one (see rank) */
  /* A pause in typing this long ends a question: well under the 300 ms a customer may wait
   * for the first results after the last key, and longer than most gaps between keys. */
  var PAUSE = 150;
  var settingsElement = document.getElementById("__kbgen");
  var settings = settingsElement ? JSON.parse(settingsElement.textContent) : {};
  var texts = settings.texts || {};
  var materialConfig = document.getElementById("__config");
  var base = materialConfig ? JSON.parse(materialConfig.textContent).base || "." : ".";
  var root = new URL(base.replace(/\/?$/, "/"), location.href);
  /* Words of a question searched, the longest (mostly the rarest) first: each costs an index chunk. */
  var MOST_WORDS = 8;
  var engine = null;

  /* A file the build wrote beside the index, parsed; fallback where it cannot be had. */
  function written(name, fallback) {
    return fetch(new URL("pagefind/" + name, root))
      .then(function (response) {
        return response.ok ? response.json() : fallback;
      })
      .catch(function () {
        return fallback;
      });
  }

  /* Pagefind, and the words most of this language's articles hold (written by the build):
   * they narrow no search, and their index chunks are the largest to download. */
  function pagefind() {
    if (!engine) {
      var lang = document.documentElement.lang || "en";
      var common = written("kbgen-common-" + lang + ".json", []);
      var module = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        /* The title is the article's first heading, which Pagefind already weighs 7 times a
         * word of the text; its extra boost for titles would count it twice, and a title is
         * one customer's wording where the phrasings are many customers'. */
        var ranking = { metaWeights: { title: 0 } };
        return module.options({ baseUrl: root.pathname, excerptLength: 24, ranking: ranking }).then(function () {
          return module;
        });
      });
      engine = Promise.all([module, common]).then(function (both) {
        return { module: both[0], common: new Set(both[1]) };
      });
    }
    return engine;
  }

  /* In a language whose stems miss forms (kbgen.languages: search_lemmas), a word's dictionary
   * form, from the build's map: split in LEMMA_BUCKETS files by a hash of the form (as
   * kbgen/site/search.py's lemma_bucket), each fetched once, when a word needs it. */
  var LEMMA_BUCKETS = 64;
  var lemmaFiles = new Map();

  function lemmaOf(word) {
    if (!settings.lemmas) return Promise.resolve(undefined);
    var hash = 0x811c9dc5;
    for (var ch of word) hash = Math.imul(hash ^ ch.codePointAt(0), 0x01000193) >>> 0;
    var file = "kbgen-lemmas-" + (document.documentElement.lang || "en") + "/" + (hash % LEMMA_BUCKETS) + ".json";
    if (!lemmaFiles.has(file)) lemmaFiles.set(file, written(file, {}));
    return lemmaFiles.get(file).then(function (forms) {
      return Object.prototype.hasOwnProperty.call(forms, word) ? forms[word] : undefined;
    });
  }

  /* The words of a query worth searching: each once, without the common ones (unless that
   * leaves none), at most MOST_WORDS of them, in the order typed. */
  function telling(query, common) {
    var words = (query.toLocaleLowerCase().match(/[\p{L}\p{N}]{2,}/gu) || []).filter(function (word, i, all) {
      return all.indexOf(word) === i;
    });
    var rare = words.filter(function (word) {
      return !common.has(word);
    });
    return (rare.length ? rare : words)
      .map(function (word, i) {
        return [word, i];
      })
      .sort(function (a, b) {
        return b[0].length - a[0].length || a[1] - b[1];
      })
      .slice(0, MOST_WORDS)
      .sort(function (a, b) {
        return a[1] - b[1];
      })
      .map(function (pair) {
        return pair[0];
      });
  }

  /* Pages for the telling words of a question, best first, as far as they really match. Each
   * word is searched on its own and a page's score is the sum of its words' scores, so a page
   * holding most of the words, or the rare ones, comes first, while one missing word (a typo,
   * a word no article uses) loses nothing. Pagefind scores each word with BM25: a word many of
   * a page's customers used (its indexed phrasings) counts more there, a word most pages hold
   * counts less. A page scoring below RELEVANT of the best is no match: it holds only a
   * word or two that the best ones hold too. A word with a dictionary form (lemmaOf) is
   * searched as typed and in that form, and counts once on a page: its better score. */
  function rank(module, words) {
    var asked = words.map(function (word) {
      return lemmaOf(word).then(function (lemma) {
        var forms = lemma && lemma !== word ? [word, lemma] : [word];
        return Promise.all(forms.map(function (form) {
          return module.search(form);
        }));
      });
    });
    return Promise.all(asked).then(function (each) {
      var scores = new Map();
      var byId = new Map();
      each.forEach(function (searches) {
        var best = new Map();
        searches.forEach(function (search) {
          search.results.forEach(function (result) {
            /* The word as typed is searched first: its match shows the excerpt, not a page's
             * hidden list of dictionary forms. */
            if (!byId.has(result.id)) byId.set(result.id, result);
            best.set(result.id, Math.max(best.get(result.id) || 0, result.score || 0));
          });
        });
        best.forEach(function (score, id) {
          scores.set(id, (scores.get(id) || 0) + score);
        });
      });
      var ids = Array.from(scores.keys()).sort(function (a, b) {
        return scores.get(b) - scores.get(a) || (a < b ? -1 : 1);
      });
      var least = ids.length ? RELEVANT * scores.get(ids[0]) : 0;
      return ids.filter(function (id) {
        return scores.get(id) >= least;
      }).map(function (id) {
        return byId.get(id);
      });
    });
  }

  /* The excerpt as text with its <mark>s: parsed inert, so page text cannot become markup. */
  function excerptNode(html) {
    var fragment = document.createDocumentFragment();
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    parsed.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(node.textContent));
      }
    });
    return fragment;
  }

  function resultItem(data) {
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    var excerpt = document.createElement("p");
    excerpt.appendChild(excerptNode(data.excerpt || ""));
    article.appendChild(title);
    article.appendChild(excerpt);
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function countText(n) {
    if (n === 0) return texts.search_none || "No matching articles";
    if (n === 1) return texts.search_one || "1 matching article";
    return (texts.search_results || "# matching articles").replace("#", String(n));
  }

  function mount(input) {
    var container = input.closest("[data-kbgen-search-box]") || document;
    var list = container.querySelector("[data-kbgen-search-results]");
    var meta = container.querySelector("[data-kbgen-search-meta]");
    var toggle = document.getElementById("__search");
    if (!list) return;

    if (toggle && input.closest(".md-search")) {
      /* Material opens its search dialog with this toggle; its own script is not bound here. */
      input.addEventListener("focus", function () {
        toggle.checked = true;
      });
      input.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
          toggle.checked = false;
          input.blur();
        }
      });
    }
    var form = input.closest("form");
    if (form) form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) first.click();
    });

    /* Pagefind starts (its script, worker, WebAssembly and word list) while the customer types,
     * not after: the first results then take the search alone. */
    input.addEventListener("focus", function () {
      pagefind().then(function (found) {
        return found.module.init();
      }).catch(function () {});
    });

    /* Searched once typing pauses for PAUSE ms: Pagefind's own debouncedSearch would fetch the
     * index chunks of every half-typed word on the way. Every change of the box starts a new
     * search, and a search draws nothing once a newer one has started, even after its excerpts
     * loaded. */
    var timer = null;
    var latest = 0;
    var matches = []; /* of the query on screen */
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var search = ++latest;
      var query = input.value.replace(/\s+/g, " ").trim();
      if (query.length < 2) {
        list.replaceChildren();
        list.removeAttribute("data-query");
        if (meta) meta.textContent = texts.search_hint || "";
        return;
      }
      timer = setTimeout(function () {
        find(query, search);
      }, PAUSE);
    });

    function find(query, search) {
      pagefind()
        .then(function (found) {
          return rank(found.module, telling(query, found.common));
        })
        .then(function (results) {
          if (search !== latest) return null;
          return excerpts(results.slice(0, LIMIT)).then(function (items) {
            if (search !== latest) return;
            matches = results;
            list.replaceChildren.apply(list, items);
            addMore(search);
            list.setAttribute("data-count", String(results.length));
            list.setAttribute("data-query", query);
            if (meta) meta.textContent = countText(results.length);
            document.dispatchEvent(new CustomEvent("kbgen:search", {
              detail: { query: query, results: results.length },
            }));
          });
        })
        .catch(function (error) {
          if (search !== latest) return;
          if (meta) meta.textContent = texts.search_none || "";
          console.warn("kbgen search:", error);
        });
    }

    function excerpts(results) {
      return Promise.all(results.map(function (r) {
        return r.data();
      })).then(function (data) {
        return data.map(resultItem);
      });
    }

    /* A "More results" button below the list while matching pages are not listed yet. */
    function addMore(search) {
      var drawn = list.querySelectorAll(".md-search-result__item").length;
      if (drawn >= matches.length) return;
      var item = document.createElement("li");
      item.className = "kbgen-search-more";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = texts.search_more || "More results";
      button.addEventListener("click", function () {
        button.disabled = true;
        excerpts(matches.slice(drawn, drawn + LIMIT)).then(function (items) {
          if (search !== latest) return;
          item.remove();
          items.forEach(function (each) {
            list.appendChild(each);
          });
          addMore(search);
          if (items.length) items[0].querySelector("a").focus();
        });
      });
      item.appendChild(button);
      list.appendChild(item);
    }

    list.addEventListener("click", function (event) {
      var link = event.target.closest("a");
      if (link) document.dispatchEvent(new CustomEvent("kbgen:search-click", { detail: { url: link.href } }));
    });
  }

  document.querySelectorAll("input[data-kbgen-search]").forEach(mount);
})();
