// The buyer's page: join, follow your place (Server-Sent Events, polling if they fail), choose
// seats, hold, pay. Everything shown comes from the API's states; nothing is guessed here.
"use strict";

const saleId = decodeURIComponent(location.pathname.split("/").filter(Boolean)[1] || "");
const api = `/api/sales/${encodeURIComponent(saleId)}`;
const storeKey = `floodgate.${saleId}`;

const TITLES = {
  JOINING: "Joining the line…", PRE_QUEUE: "You are in the waiting room", WAITING: "You are in line",
  ADMITTED: "It is your turn", ADMITTED_PAUSED: "It is your turn: the sale is paused",
  ADMISSION_EXPIRED: "Your turn has passed", PAUSED: "The sale is paused",
  SOLD_OUT: "Sold out", CLOSED: "The sale is closed", HOLD_PENDING: "Reserving your seats…",
  HOLDING: "Your seats are held", HOLD_REJECTED: "Those seats could not be held", PAYING: "Paying…",
  PAYMENT_DELAYED: "Payment delayed", PURCHASED: "Order confirmed", HOLD_EXPIRED: "Your hold expired",
  PAYMENT_DECLINED: "Payment declined", HOLD_ENDED_BEFORE_PAYMENT: "Your hold ended before payment",
};

// After these nothing more happens: the server ends the stream, and the page stops asking.
const TERMINAL = new Set(["PURCHASED", "SOLD_OUT", "CLOSED", "ADMISSION_EXPIRED", "HOLD_EXPIRED", "PAYMENT_DECLINED",
  "HOLD_ENDED_BEFORE_PAYMENT"]);
// A hold in progress: when the status goes back to ADMITTED from one of these, the page says why.
const IN_PROGRESS = new Set(["HOLD_PENDING", "HOLDING", "PAYING", "PAYMENT_DECLINED", "PAYMENT_DELAYED"]);

// In site mode, why a join cannot go ahead: the page asks the embedding site for a token meanwhile.
const IDENTITY_PROBLEMS = {
  missing: "Sign in on the ticket site to join the line: this page takes your sign-in from it.",
  expired: "Your sign-in has expired. Sign in again on the ticket site; this page picks it up by itself.",
  MISSING_IDENTITY: "Sign in on the ticket site to join the line: this page takes your sign-in from it.",
  IDENTITY_EXPIRED: "Your sign-in has expired. Sign in again on the ticket site; this page picks it up by itself.",
  INVALID_IDENTITY: "The ticket site's sign-in was refused here. Sign in again there; this page picks it up by itself.",
};

let sale = null;          // the sale's public part
let lastState = null;
let me = load();          // {buyerId, ticket, token, firstPosition}
let stream = null;
let pollTimer = null;
let generation = 0;       // one status loop at a time: a new one makes the old one stop
let chosen = new Set();
let chosenSection = null;
let countdownTimer = null;
let wantsToJoin = false;  // the buyer asked to join while the sign-in was missing: join when it comes
let askedAfterRefusal = false; // a refused token makes the page ask the site for another once, not in a loop
let joinBackoff = 0;      // ms before the next automatic join after a 503/429; grows while they last

function load() {
  try { return JSON.parse(localStorage.getItem(storeKey)) || {}; } catch (e) { return {}; }
}
/** The ticket as a header: kept out of URLs (logs, Referer); only EventSource, which cannot send headers, uses ?ticket=. */
function withTicket() { return { "Floodgate-Ticket": me.ticket }; }
function save() { localStorage.setItem(storeKey, JSON.stringify(me)); }
function show(id, on) { $(id).hidden = !on; }
function error(text) { $("error").textContent = text || ""; }

/** Runs a button's request; the button comes back whatever happens, and a lost connection is said. */
async function busy(button, request) {
  $(button).disabled = true;
  try {
    return await request();
  } catch (e) {
    error("The connection failed. Check your network and try again.");
    return null;
  } finally {
    $(button).disabled = false;
  }
}

async function call(method, path, body, headers = {}) {
  const init = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  let json = null;
  try { json = await response.json(); } catch (e) { /* no body */ }
  if (response.status === 429 || response.status === 503) {
    const after = Number(response.headers.get("Retry-After") || 2);
    error(`${(json && json.message) || "Busy"} Trying again in ${after} s.`);
  }
  return { status: response.status, json, headers: response.headers };
}

function money(cents) {
  return new Intl.NumberFormat(undefined, { style: "currency", currency: sale.currency }).format(cents / 100);
}
function duration(seconds) {
  if (seconds == null) return "–";
  if (seconds < 60) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

async function start() {
  const info = await call("GET", api);
  if (info.status !== 200) {
    $("sale-name").textContent = "This sale does not exist.";
    return;
  }
  sale = info.json;
  await identity.init();
  if ((me.opensAt && me.opensAt !== sale.opensAt) || forOtherBuyer()) { // an earlier sale of that name, or another buyer
    me = {};
    localStorage.removeItem(storeKey);
  }
  $("sale-name").textContent = sale.name;
  show("code-box", sale.inviteOnly);
  document.title = `${sale.name} · Floodgate`;
  identity.onToken(signedIn);
  $("join-button").onclick = () => { askedAfterRefusal = false; join(); };
  $("hold-button").onclick = hold;
  $("pay-button").onclick = pay;
  showDraw(sale.draw);
  window.addEventListener("storage", (e) => { // another tab joined or moved on: follow it
    if (e.key === storeKey) { me = load(); follow(); }
  });
  follow();
}

function follow() {
  showWho();
  if (!me.ticket || !forThisBuyer()) { // site mode: a kept place is resumed only for the buyer it was given to
    show("join", true);
    identityProblem(identity.problem());
    return;
  }
  show("join", false);
  listen();
}

/** A place kept in this browser for someone else (another account signed in on the site since). */
function forOtherBuyer() {
  const subject = identity.subject();
  return identity.site() && !!subject && !!me.buyerId && me.buyerId !== subject;
}

/** Site mode: a stored place is this buyer's only if the token signed in names the buyer it was given to. */
function forThisBuyer() {
  return !identity.site() || (!!me.buyerId && me.buyerId === identity.subject());
}

/** Site mode: who the page joins as, so a token slipped in by someone else is seen. */
function showWho() {
  const subject = identity.site() ? identity.subject() : null;
  $("joining-as").textContent = subject ? `Joining as ${subject}` : "";
  show("joining-as", !!subject);
}

function identityProblem(kind) {
  $("identity-problem").textContent = kind ? IDENTITY_PROBLEMS[kind] : "";
  show("identity-problem", !!kind);
}

function signedIn() {
  if (forOtherBuyer()) { // start afresh as the buyer now signed in
    localStorage.removeItem(storeKey);
    location.reload();
    return;
  }
  if (me.ticket && forThisBuyer()) { follow(); return; }
  showWho();
  identityProblem(identity.problem());
  if (wantsToJoin && !identity.problem()) join();
}

// Who joins is the credential: the gateway's identity cookie (shared by every tab) or the site's
// sign-in token; never a name typed here.
async function join(retry, solvedBefore) {
  error();
  const problem = identity.problem();
  wantsToJoin = !!problem;
  if (problem) {
    identityProblem(problem);
    identity.request(problem);
    return;
  }
  const body = withAccessCode({});
  if (!body) return;
  // A 202 poll resends the same solution: a rejoin, which keeps the place.
  body.altcha = typeof solvedBefore === "string" ? solvedBefore : await proofOfWorkFor(retry);
  if (body.altcha === null) return;
  const answer = await busy("join-button", () => call("POST", `${api}/queue`, body, identity.headers()));
  if (!answer) return;
  if (answer.status === 401 && answer.json && IDENTITY_PROBLEMS[answer.json.error]) {
    identity.refused();
    identityProblem(answer.json.error);
    wantsToJoin = !askedAfterRefusal; // a second refusal in a row waits for the buyer's click
    if (!askedAfterRefusal) identity.request(answer.json.error);
    askedAfterRefusal = true;
    return;
  }
  if (answer.status === 503 || answer.status === 429) { // keys or brokers away: the same token, later
    const after = Number(answer.headers.get("Retry-After") || 2) * 1000;
    joinBackoff = Math.min(Math.max(after, joinBackoff * 2), 60000);
    setTimeout(join, joinBackoff * (0.75 + Math.random() / 2));
    return;
  }
  joinBackoff = 0;
  askedAfterRefusal = false;
  identityProblem(null);
  if (answer.json && answer.json.ticket) {
    me = { buyerId: answer.json.buyerId, ticket: answer.json.ticket, opensAt: sale.opensAt };
    save();
    render(answer.json);
    follow();
  } else if (answer.status === 202) {
    render(answer.json);
    setTimeout(() => join(undefined, body.altcha), answer.json.pollAfterMs || 1000); // joining again keeps the place
  } else if (answer.json && /^PROOF_OF_WORK_/.test(answer.json.error) && retry !== "pow") {
    join("pow"); // switched on, raised or expired since the page loaded: one new challenge
  } else if (answer.json) {
    error(answer.json.message);
  }
}

/**
 * An invite-only sale's join carries the code as typed (the gateway reads dashes, spaces and case);
 * it is not stored: once in line, the ticket is what counts. Null when a needed code is missing.
 */
function withAccessCode(body) {
  if (!sale.inviteOnly) return body;
  const accessCode = $("access-code").value.trim();
  if (!accessCode) {
    error("This sale is by invitation: enter the access code you were sent.");
    $("access-code").focus();
    return null;
  }
  return { ...body, accessCode };
}

/**
 * The join's solution if the sale asks one as it is now (the operator may have switched it since the
 * page loaded), else undefined; null on an error shown.
 */
async function proofOfWorkFor(retry) {
  const info = await call("GET", api);
  if (info.status === 200) sale = info.json;
  if (!(sale.proofOfWork && sale.proofOfWork.required) && retry !== "pow") return undefined;
  const solved = await checkBrowser(api, identity.headers()); // proof-of-work.js
  if (solved.error && solved.error.error === "PROOF_OF_WORK_OFF") { // switched off meanwhile: join without
    sale.proofOfWork = { required: false };
    return undefined;
  }
  if (solved.error) { error(solved.error.message); return null; }
  return solved.altcha;
}

/** Server-Sent Events while they work; polling the status when they do not. */
function listen() {
  if (stream) stream.close();
  stream = null;
  clearTimeout(pollTimer);
  const mine = ++generation;
  if (!window.EventSource) { poll(mine); return; }
  stream = new EventSource(`${api}/status/stream?ticket=${encodeURIComponent(me.ticket)}`);
  Object.keys(TITLES).forEach((state) => stream.addEventListener(state, (e) => {
    $("connection").textContent = "";
    render(JSON.parse(e.data));
  }));
  stream.onerror = () => {
    stream.close();
    stream = null;
    if (TERMINAL.has(lastState)) return; // the stream ended because nothing more will happen
    $("connection").textContent = "Live updates interrupted; checking every few seconds.";
    poll(mine);
  };
}

async function poll(mine) {
  const answer = await call("GET", `${api}/status`, undefined, withTicket()).catch(() => null);
  if (mine !== generation) return; // a newer loop took over
  let wait = 3000;
  if (answer && answer.status === 200) {
    render(answer.json);
    if (TERMINAL.has(answer.json.state)) return;
    wait = answer.json.pollAfterMs || 3000;
  } else if (answer && answer.status === 401) {
    localStorage.removeItem(storeKey); // a ticket from another sale or an old key: join again
    me = {};
    follow();
    return;
  }
  pollTimer = setTimeout(() => poll(mine), wait);
}

function sectionName(id) {
  const section = sale.sections.find((x) => x.id === id);
  return section ? section.name : id;
}

function render(s) {
  const before = lastState;
  lastState = s.state;
  if (s.state === "ADMITTED" && IN_PROGRESS.has(before) && me.holdId) explainHold();
  show("status", true);
  $("state-title").textContent = TITLES[s.state] || s.state;
  $("state-title").dataset.state = s.state;
  $("state-meaning").textContent = s.meaning;
  $("state-next").textContent = s.next;
  $("operator-message").textContent = s.message || "";
  show("operator-message", !!s.message);

  const inLine = s.state === "WAITING" || s.state === "PAUSED";
  const paying = s.state === "PAYING" || s.state === "PAYMENT_DELAYED";
  show("figures", inLine || paying);
  show("position-box", inLine);
  show("wait-box", s.state === "WAITING" || paying); // no estimate while paused: nothing moves
  $("position").textContent = s.position ?? "–";
  $("ahead").textContent = s.ahead ?? "–";
  $("ahead-label").textContent = paying ? "payments ahead of yours" : "ahead of you";
  $("wait").textContent = duration(s.waitEstimateSeconds);
  if (inLine && s.position) {
    me.firstPosition = Math.max(me.firstPosition || 0, s.position);
    save();
    $("progress").value = (me.firstPosition - s.position) / Math.max(1, me.firstPosition - 1);
  }
  show("progress", inLine);

  if (s.admissionToken) { me.token = s.admissionToken; save(); }
  // After a payment that came too late the buyer may hold again while the window lasts.
  const shopping = s.state === "ADMITTED" || (s.state === "HOLD_ENDED_BEFORE_PAYMENT" && !!me.token);
  if (shopping && $("shop").hidden) loadSections();
  show("shop", shopping);
  if (shopping && s.windowEndsAt) $("window-ends").textContent = new Date(s.windowEndsAt).toLocaleTimeString();
  show("checkout", s.state === "HOLDING");
  if (s.state === "HOLDING" && s.holdId) showHold(s.holdId);
  if (s.state === "PURCHASED" && s.holdId) showOrder(s.holdId);
}

async function loadSections() {
  const availability = await call("GET", `${api}/availability`);
  const list = $("sections");
  list.innerHTML = "";
  (availability.json ? availability.json.sections : sale.sections).forEach((section) => {
    const label = document.createElement("label");
    label.innerHTML = `<span><input type="radio" name="section" value="${escape(section.id)}"> ${escape(section.name)}`
      + `</span><span>${money(section.priceCents)} · ${escape(section.free)} left</span>`;
    label.querySelector("input").onchange = () => chooseSection(section);
    list.appendChild(label);
  });
}

async function chooseSection(section) {
  chosenSection = section;
  chosen = new Set();
  $("seatmap").innerHTML = "";
  show("quantity-box", section.generalAdmission);
  $("hold-button").disabled = !section.generalAdmission;
  if (section.generalAdmission) return;
  const map = await call("GET", `${api}/sections/${encodeURIComponent(section.id)}/seats`);
  if (map.status !== 200) { error(map.json && map.json.message); return; }
  map.json.rows.forEach((row) => {
    const line = document.createElement("div");
    line.className = "row";
    line.innerHTML = `<span>${escape(row.row)}</span>`;
    row.seats.forEach((seat) => {
      const b = document.createElement("button");
      b.className = "seat" + (seat.free ? "" : " taken");
      b.textContent = seat.seat.split("-")[1];
      b.title = seat.seat;
      b.dataset.seat = seat.seat;
      b.disabled = !seat.free;
      b.onclick = () => {
        if (chosen.has(seat.seat)) chosen.delete(seat.seat);
        else if (chosen.size < sale.perBuyerLimit) chosen.add(seat.seat);
        b.classList.toggle("chosen", chosen.has(seat.seat));
        $("hold-button").disabled = chosen.size === 0;
      };
      line.appendChild(b);
    });
    $("seatmap").appendChild(line);
  });
}

async function hold() {
  error();
  const body = chosenSection.generalAdmission
    ? { sectionId: chosenSection.id, quantity: Number($("quantity").value) }
    : { sectionId: chosenSection.id, seats: [...chosen] };
  const answer = await busy("hold-button", () => call("POST", `${api}/holds`, body,
    { Authorization: `Bearer ${me.token}` }));
  if (answer) answered(answer);
}

/** Why the hold in progress came back to nothing (rejected, expired, declined): told, not hidden. */
async function explainHold() {
  const h = await call("GET", `${api}/holds/${me.holdId}`, undefined, withTicket()).catch(() => null);
  if (!h || h.status !== 200 || h.json.state === "HOLDING") return;
  answered({ status: h.json.state === "HOLD_REJECTED" ? 409 : 200, json: h.json });
  if (h.json.state !== "HOLD_REJECTED") {
    $("hold-answer").textContent = `${TITLES[h.json.state] || h.json.state}: ${h.json.meaning} ${h.json.reason || ""}`;
  }
}

function answered(answer) {
  const h = answer.json || {};
  if (h.admissionToken) { me.token = h.admissionToken; save(); }
  if (h.holdId) { me.holdId = h.holdId; save(); }
  if (TERMINAL.has(lastState) && answer.status < 400) listen(); // a new hold: follow it again
  if (answer.status === 409 && h.state === "HOLD_REJECTED") {
    const offer = h.alternative;
    $("hold-answer").innerHTML = "";
    const p = document.createElement("p");
    p.textContent = `${h.meaning} ${h.seatsAvailable} left in this section.`;
    $("hold-answer").appendChild(p);
    if (offer) {
      const b = document.createElement("button");
      b.textContent = `Take ${offer.seats.join(", ")} in ${offer.sectionId} instead`;
      b.onclick = async () => answered(await call("POST", `${api}/holds/${h.holdId}/alternative`, undefined,
        { Authorization: `Bearer ${me.token}` }));
      $("hold-answer").appendChild(b);
    }
    chooseSection(chosenSection);
  } else if (answer.status >= 400) {
    error(h.message || `Could not hold the seats (${answer.status}).`);
  } else {
    $("hold-answer").textContent = "";
  }
}

async function showHold(holdId) {
  me.holdId = holdId;
  save();
  const h = await call("GET", `${api}/holds/${holdId}`, undefined, withTicket());
  if (h.status !== 200) return;
  $("held-seats").textContent = `${sectionName(h.json.sectionId)}: ${h.json.seats.join(", ")}`;
  $("held-price").textContent = money(h.json.amountCents);
  clearInterval(countdownTimer);
  const ends = new Date(h.json.expiresAt).getTime();
  const tick = () => {
    const left = Math.max(0, Math.round((ends - Date.now()) / 1000));
    $("countdown").textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
  };
  tick();
  countdownTimer = setInterval(tick, 1000);
}

async function pay() {
  error();
  const answer = await busy("pay-button", () => call("POST", `${api}/holds/${me.holdId}/checkout`,
    { paymentMethod: $("method").value }, { Authorization: `Bearer ${me.token}` }));
  if (!answer) return;
  if (answer.status === 202) {
    clearInterval(countdownTimer);
    render({ ...answer.json, holdId: me.holdId });
    if (!stream) listen();
  } else if (answer.json) {
    error(answer.json.message);
  }
}

async function showOrder(orderId) {
  clearInterval(countdownTimer);
  const o = await call("GET", `${api}/orders/${orderId}`, undefined, withTicket());
  show("order", true);
  $("order-details").textContent = o.status === 200
    ? `${sectionName(o.json.sectionId)}: ${o.json.seats.join(", ")}, ${money(o.json.amountCents)}. `
      + `Order number ${o.json.orderId}.`
    : "Your order is confirmed; its details will show in a moment.";
}

start();

// The draw's commitment, then what the opening revealed; asked again once a minute until revealed
// (a sale just created may not show its commitment yet). A line that opened without one says so.
function showDraw(draw) {
  const revealed = Boolean(draw && draw.seed);
  const committed = Boolean(draw && draw.commitment);
  if (committed || revealed) show("draw", true);
  show("draw-committed", committed);
  show("draw-uncommitted", revealed && !committed);
  if (committed) $("draw-commitment").textContent = draw.commitment;
  show("draw-revealed", revealed && committed);
  show("draw-pending", committed && !revealed);
  if (revealed) {
    if (committed) {
      $("draw-seed").textContent = draw.seed;
      $("draw-nonce").textContent = draw.nonce;
      $("draw-check").textContent = draw.check || "";
    }
    return;
  }
  setTimeout(() => call("GET", api).then((info) => {
    if (info.status === 200) showDraw(info.json.draw);
  }, () => {}), 60000);
}
