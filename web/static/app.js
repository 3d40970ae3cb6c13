// Trawl progressive enhancements. Every feature also works without this file:
// forms submit with their buttons and every filter is a plain link.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  const AUTOCOMPLETE_DELAY_MS = 150;

  function isTyping(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  // "/" focuses the query box, as on many search sites.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    const box = document.getElementById("q");
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  // Ticking a facet checkbox or changing the sort order applies it at once.
  document.addEventListener("change", function (event) {
    const control = event.target;
    if (!(control instanceof HTMLElement) || !control.hasAttribute("data-autosubmit")) return;
    const form = control.closest("form");
    if (form) form.requestSubmit ? form.requestSubmit() : form.submit();
  });

  // "Back to search" returns to the exact previous results when we came from them.
  document.addEventListener("click", function (event) {
    const link = event.target instanceof Element ? event.target.closest("a[data-back]") : null;
    if (!link || !document.referrer) return;
    const from = new URL(document.referrer);
    if (from.origin === location.origin && from.pathname === "/" && history.length > 1) {
      event.preventDefault();
      history.back();
    }
  });

  // Empty fields (an unused facet filter box) leave the URL: every page stays a clean permalink.
  document.addEventListener("formdata", function (event) {
    const entries = Array.from(event.formData.entries());
    for (const [name] of entries) event.formData.delete(name);
    for (const [name, value] of entries) {
      if (typeof value !== "string" || value.trim()) event.formData.append(name, value);
    }
  }, true);

  // On a phone the Filters button opens the facets above the results (without the script it
  // is a link down to them).
  document.addEventListener("click", function (event) {
    const button = event.target instanceof Element ? event.target.closest(".filters-button") : null;
    if (!button) return;
    event.preventDefault();
    const open = document.body.classList.toggle("filters-open");
    button.setAttribute("aria-expanded", String(open));
    if (open) {
      const first = document.querySelector("#filters input, #filters a");
      if (first) first.focus({preventScroll: true});
    }
  });

  // A document page reached from a search steps through the query's matches.
  document.addEventListener("click", function (event) {
    const link = event.target instanceof Element ? event.target.closest("a[data-step]") : null;
    const marks = Array.from(document.querySelectorAll("mark.match"));
    if (!link || marks.length === 0) return;
    event.preventDefault();
    const found = /^#match-(\d+)$/.exec(location.hash);
    const at = found ? Number(found[1]) - 1 : (Number(link.dataset.step) > 0 ? -1 : marks.length);
    const next = (at + Number(link.dataset.step) + marks.length) % marks.length;
    marks.forEach(function (mark, i) { mark.classList.toggle("is-current", i === next); });
    history.replaceState(null, "", "#match-" + (next + 1));
    marks[next].scrollIntoView({block: "center"});
  });

  // Facet filter boxes suggest matching values from /api/facets/{name}.
  function currentParams() {
    const params = new URLSearchParams(location.search);
    params.delete("page");
    for (const key of Array.from(params.keys())) {
      if (key.endsWith("_prefix")) params.delete(key);
    }
    return params;
  }

  function renderSuggestions(list, values) {
    list.replaceChildren();
    for (const value of values) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = value.toggle ? "/?" + value.toggle : "/";
      link.textContent = value.label || value.value;
      const count = document.createElement("span");
      count.className = "facet-count";
      count.textContent = String(value.count);
      if (value.selected) item.className = "is-selected";
      link.append(" ", count);
      item.append(link);
      list.append(item);
    }
    list.hidden = values.length === 0;
  }

  function attachAutocomplete(input) {
    const list = document.getElementById(input.getAttribute("aria-controls"));
    if (!list) return;
    let timer = 0;
    let latest = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      const prefix = input.value.trim();
      if (!prefix) { renderSuggestions(list, []); return; }
      timer = setTimeout(async function () {
        const ticket = ++latest;
        const params = currentParams();
        params.set("prefix", prefix);
        try {
          const response = await fetch("/api/facets/" + encodeURIComponent(input.dataset.facet) +
                                       "?" + params.toString(), {headers: {Accept: "application/json"}});
          if (!response.ok || ticket !== latest) return;
          const body = await response.json();
          renderSuggestions(list, body.values || []);
        } catch (err) {
          renderSuggestions(list, []);
        }
      }, AUTOCOMPLETE_DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { renderSuggestions(list, []); }
      if (event.key === "ArrowDown" && !list.hidden) {
        event.preventDefault();
        const first = list.querySelector("a");
        if (first) first.focus();
      }
    });
    list.addEventListener("keydown", function (event) {
      const links = Array.from(list.querySelectorAll("a"));
      const at = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && at < links.length - 1) { event.preventDefault(); links[at + 1].focus(); }
      if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
      if (event.key === "Escape") { renderSuggestions(list, []); input.focus(); }
    });
  }

  document.querySelectorAll("input[data-facet]").forEach(attachAutocomplete);
})();
