// Who the buyer is, for the buyer's page (docs/security.md, "Buyer identity").
// Anonymous mode: the gateway's identity cookie, sent by the browser; the page does nothing.
// Site mode: the ticketing platform's sign-in token (a JWT), which the page never asks the buyer
// for. It comes from the page around it by postMessage (kept out of URLs, logs and Referer), or,
// only where the operator turned it on (floodgate.identity.site.fragment-token) for a platform that
// redirects here instead of embedding, from the fragment #token=... (never sent to any server;
// removed from the address bar at once, whatever the mode: a link can carry an attacker's token,
// docs/security.md "Login CSRF"). It is kept for this tab only
// (sessionStorage), so a reload keeps it and other tabs and later visits do not see it.
"use strict";

const identity = (() => {
  const REQUEST = "floodgate:identity-request";
  const ANSWER = "floodgate:identity";
  const KEY = "floodgate.site-token";
  let mode = "anonymous";
  let origins = [];
  let fragmentAllowed = false;
  let token = null;
  let ready = false;
  const early = []; // messages that came before the mode and origins were known
  const listeners = [];

  // Listening from the first moment: the embedding page may send its token as soon as this frame loads.
  window.addEventListener("message", (e) => {
    if (ready) received(e); else early.push(e);
  });

  function received(e) {
    if (mode !== "site" || e.source !== window.parent || !origins.includes(e.origin)) return; // only the embedding site
    if (e.data && e.data.type === ANSWER) accept(e.data.token);
  }

  function claims(jwt) {
    try {
      const part = jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(atob(part + "=".repeat((4 - (part.length % 4)) % 4)));
    } catch (e) { return {}; }
  }

  function accept(jwt) {
    if (typeof jwt !== "string" || jwt.length > 8192 || jwt.split(".").length !== 3) return;
    token = jwt;
    sessionStorage.setItem(KEY, jwt);
    listeners.forEach((f) => f());
  }

  /** Takes #token= out of the address bar and history at once, before anything else; the token or null. */
  function stripFragment() {
    const fragment = new URLSearchParams(location.hash.slice(1));
    if (!fragment.has("token")) return null;
    history.replaceState(null, "", location.pathname + location.search);
    return fragment.get("token");
  }
  let fragmentToken = stripFragment();

  function fromFragment() {
    const jwt = fragmentToken || stripFragment();
    fragmentToken = null;
    if (jwt && fragmentAllowed) accept(jwt);
  }

  /** The gateway's identity mode; a failure is retried (with backoff), never taken for anonymous. */
  async function modeOf() {
    for (let wait = 1000; ; wait = Math.min(wait * 2, 30000)) {
      try {
        const r = await fetch("/api/identity");
        if (r.ok) return await r.json();
      } catch (e) { /* offline: retried */ }
      await new Promise((resolve) => setTimeout(resolve, wait * (0.5 + Math.random())));
    }
  }

  /** Asks the page around this one for a (fresh) token; it answers with postMessage. */
  function request(reason) {
    if (window.parent === window) return;
    origins.forEach((origin) => window.parent.postMessage({ type: REQUEST, reason }, origin));
  }

  async function init() {
    const answer = await modeOf();
    mode = answer.mode === "site" ? "site" : "anonymous";
    origins = answer.embeddingOrigins || [];
    fragmentAllowed = answer.fragmentToken === true;
    window.addEventListener("hashchange", fromFragment); // stripped in every mode; taken only if allowed
    if (mode === "site") {
      token = sessionStorage.getItem(KEY);
      fromFragment();
      request(token ? "load" : "missing"); // the site knows best who is signed in now
    }
    ready = true;
    early.splice(0).forEach(received);
  }

  return {
    init,
    request,
    site: () => mode === "site",
    /** Called whenever a token arrives. */
    onToken: (f) => listeners.push(f),
    /** The buyer the token names (not verified here: the gateway does that), or null. */
    subject: () => (token ? claims(token).sub || null : null),
    /** Why joining cannot work yet, or null: "missing" or "expired". */
    problem() {
      if (mode !== "site") return null;
      if (!token) return "missing";
      const exp = claims(token).exp;
      return typeof exp === "number" && exp * 1000 < Date.now() ? "expired" : null;
    },
    /** What a join sends: the bearer token in site mode; nothing in anonymous mode (the cookie goes by itself). */
    headers: () => (mode === "site" && token ? { Authorization: `Bearer ${token}` } : {}),
    /** Forgets a token the gateway refused. */
    refused() { token = null; sessionStorage.removeItem(KEY); },
  };
})();
