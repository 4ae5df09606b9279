// The operators' console: a sale's live figures, with the last minutes charted, and the controls.
// The token stays in this tab only (sessionStorage).
"use strict";

const HISTORY = 600; // one point a second: ten minutes
const history = {};
let previous = null;

const FIGURES = [
  ["arrivals", "Arrivals per second", (f, d) => d ? d.places : null],
  ["waiting", "Waiting in line", (f) => f.waiting],
  ["rate", "Admission rate (measured / set)", (f) => f.admissionRateMeasured, (f) => `${f.admissionRateMeasured.toFixed(1)} / ${f.admissionRateSet}`],
  ["shoppers", "Active shoppers", (f) => f.shoppers],
  ["held", "Seats held", (f) => f.held],
  ["sold", "Seats sold", (f) => f.sold],
  ["remaining", "Seats remaining", (f) => f.remaining],
  ["payrate", "Payments per minute", (f, d) => d ? d.paymentsFinished * 60 : null],
  ["paywait", "Waiting for payment", (f) => f.paymentsWaiting],
  ["latency", "Payment time p50 / p99 (s)", (f) => f.paymentsLastMinute.p99Millis == null ? null : f.paymentsLastMinute.p99Millis / 1000,
    (f) => f.paymentsLastMinute.p50Millis == null ? "–" : `${(f.paymentsLastMinute.p50Millis / 1000).toFixed(1)} / ${(f.paymentsLastMinute.p99Millis / 1000).toFixed(1)}`],
  ["errors", "Payments not paid, last minute (%)", (f) => f.paymentsLastMinute.finished === 0 ? 0
    : 100 * (1 - f.paymentsLastMinute.paid / f.paymentsLastMinute.finished)],
];

function headers() {
  return { Authorization: `Bearer ${$("token").value}`, "Content-Type": "application/json" };
}

async function call(method, path, body) {
  const r = await fetch(path, { method, headers: headers(), body: body && JSON.stringify(body) });
  let json = null;
  try { json = await r.json(); } catch (e) { /* none */ }
  if (r.status >= 400) throw new Error((json && json.message) || `HTTP ${r.status}`);
  return json;
}

async function loadSales() {
  sessionStorage.setItem("floodgate.token", $("token").value);
  try {
    signedIn(await call("GET", "/api/operator/me"));
    const sales = await call("GET", "/api/operator/sales");
    const select = $("sale");
    const current = select.value || new URLSearchParams(location.search).get("sale");
    select.innerHTML = sales.map((s) => `<option value="${escape(s.saleId)}">${escape(s.name)} (${escape(s.saleId)})</option>`)
      .join("");
    if (current && sales.some((s) => s.saleId === current)) select.value = current;
    $("error").textContent = "";
    $("board").hidden = sales.length === 0;
  } catch (e) {
    signedOut();
    $("error").textContent = e.message;
  }
}

// A failed sign-in leaves no one signed in: not the previous name, nor a viewer's hidden actions.
function signedOut() {
  $("signed-in").textContent = "";
  document.body.classList.remove("viewer");
  $("read-only").hidden = true;
  document.querySelectorAll(".acts button, .acts input").forEach((b) => { b.disabled = false; });
}

// Who the token signs in as (the name the events record); a viewer's actions are hidden and disabled
// (the gateway refuses them anyway: 403 READ_ONLY_OPERATOR).
function signedIn(me) {
  const viewer = me.role !== "OPERATOR";
  $("signed-in").textContent = `Signed in as ${me.name} (${me.role.toLowerCase()})`;
  document.body.classList.toggle("viewer", viewer);
  $("read-only").hidden = !viewer;
  document.querySelectorAll(".acts button, .acts input").forEach((b) => { b.disabled = viewer; });
}

function spark(values) {
  const points = values.filter((v) => v != null);
  if (points.length < 2) return "";
  const max = Math.max(...points, 1e-9);
  const min = Math.min(...points, 0);
  const step = 100 / (HISTORY - 1);
  const offset = HISTORY - values.length;
  return values.map((v, i) => v == null ? null : `${((offset + i) * step).toFixed(2)},${(38 - 36 * (v - min) / (max - min || 1)).toFixed(1)}`)
    .filter(Boolean).join(" ");
}

let ticking = false; // a slow answer must not pile requests up behind the controls

async function tick() {
  const saleId = $("sale").value;
  if (!saleId || !$("token").value || ticking) return;
  let f;
  ticking = true;
  try {
    f = await call("GET", `/api/operator/sales/${encodeURIComponent(saleId)}/figures`);
  } catch (e) {
    $("error").textContent = e.message;
    return;
  } finally {
    ticking = false;
  }
  $("error").textContent = "";
  $("board").hidden = false;
  const seconds = previous && previous.saleId === f.saleId ? (Date.parse(f.asOf) - Date.parse(previous.asOf)) / 1000 : 0;
  const d = seconds > 0 ? { places: (f.places - previous.places) / seconds,
    paymentsFinished: (f.paymentsFinished - previous.paymentsFinished) / seconds } : null;
  previous = f;
  $("updated").textContent = `as of ${new Date(f.asOf).toLocaleTimeString()}`;
  $("badges").innerHTML = [
    f.closed ? `<span class="bad">closed</span>` : f.paused ? `<span class="bad">paused</span>` : `<span class="ok">on sale</span>`,
    f.paymentsDelayed ? `<span class="bad">payment provider unavailable</span>` : `<span class="ok">payments flowing</span>`,
    f.message ? `<span>message: ${escape(f.message)}</span>` : "",
    f.proofOfWork.required ? `<span class="ok">proof of work: max number ${f.proofOfWork.maxNumber.toLocaleString()}</span>`
      : `<span>proof of work off</span>`,
    f.inviteOnly ? `<span>invite only: ${f.accessCodesUsed.toLocaleString()} of ${f.accessCodesIssued.toLocaleString()} access codes used</span>` : "",
  ].join("");
  $("codes-form").hidden = !f.inviteOnly || f.closed;
  const cards = $("figures");
  FIGURES.forEach(([key, label, value, text]) => {
    const v = value(f, d);
    const h = (history[key] = history[key] || []);
    h.push(v);
    if (h.length > HISTORY) h.shift();
    let card = document.getElementById(`fig-${key}`);
    if (!card) {
      card = document.createElement("div");
      card.className = "card";
      card.id = `fig-${key}`;
      card.innerHTML = `<div class="label">${label}</div><div class="value"></div>`
        + `<svg viewBox="0 0 100 40" preserveAspectRatio="none"><polyline/></svg>`;
      cards.appendChild(card);
    }
    card.querySelector(".value").textContent = text ? text(f) : v == null ? "–"
      : Number.isInteger(v) ? v.toLocaleString() : v.toFixed(1);
    card.querySelector("polyline").setAttribute("points", spark(h));
  });
  $("lag").innerHTML = Object.entries(f.lag).map(([service, records]) =>
    `<tr><td>${escape(service)}</td><td><b>${records.toLocaleString()}</b></td></tr>`).join("") || "<tr><td>–</td></tr>";
}

function control(form, path, body, method = "POST") {
  $(form).onsubmit = async (e) => {
    e.preventDefault();
    const fields = Object.fromEntries(new FormData(e.target));
    if (form === "close-form" && !confirm("Close this sale for good? Nothing more can be sold.")) return;
    try {
      await call(method, `/api/operator/sales/${encodeURIComponent($("sale").value)}/${path}`, body(fields));
      $("done").textContent = `${path}: done`;
      e.target.reset();
      tick();
    } catch (err) {
      $("done").textContent = "";
      $("error").textContent = err.message;
    }
  };
}

control("pause-form", "pause", (f) => ({ reason: f.reason }));
control("resume-form", "resume", (f) => ({ reason: f.reason }));
control("message-form", "message", (f) => ({ message: f.message }));
control("rate-form", "rate", (f) => ({ admissionRatePerSecond: Number(f.rate), reason: f.reason }));
control("close-form", "close", (f) => ({ reason: f.reason }));
control("pow-form", "proof-of-work", (f) => ({ required: f.required === "on",
  maxNumber: f.maxNumber ? Number(f.maxNumber) : null, reason: f.reason || null }), "PUT");

$("open-form").onsubmit = async (e) => {
  e.preventDefault();
  const f = Object.fromEntries(new FormData(e.target));
  try {
    const sale = await call("POST", "/api/operator/sales", {
      saleId: f.saleId, name: f.name, currency: f.currency,
      opensAt: f.opensAt ? new Date(f.opensAt).toISOString() : null,
      admissionRatePerSecond: Number(f.admissionRatePerSecond), maxActiveShoppers: Number(f.maxActiveShoppers),
      perBuyerLimit: Number(f.perBuyerLimit), sections: JSON.parse(f.sections), inviteOnly: f.inviteOnly === "on",
    });
    $("done").textContent = `sale ${f.saleId} opened`;
    await loadSales();
    $("sale").value = (sale && sale.saleId) || f.saleId;
    $("sale").onchange();
  } catch (err) {
    $("error").textContent = err.message;
  }
};

// Generated codes come back once, as CSV: saved as a download, never kept by the page.
$("codes-form").onsubmit = async (e) => {
  e.preventDefault();
  const f = Object.fromEntries(new FormData(e.target));
  const codes = f.codes.split("\n").map((c) => c.trim()).filter(Boolean);
  const body = codes.length ? { codes } : { count: Number(f.count) };
  const r = await fetch(`/api/operator/sales/${encodeURIComponent($("sale").value)}/access-codes`,
    { method: "POST", headers: headers(), body: JSON.stringify(body) });
  if (r.status !== 201) {
    let json = null;
    try { json = await r.json(); } catch (err) { /* none */ }
    $("error").textContent = (json && json.message) || `HTTP ${r.status}`;
    return;
  }
  if (!codes.length) {
    const name = (/filename="([^"]+)"/.exec(r.headers.get("Content-Disposition") || "") || [])[1] || "access-codes.csv";
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await r.blob());
    link.download = name;
    link.click();
    URL.revokeObjectURL(link.href);
  }
  $("done").textContent = `access codes: ${codes.length ? codes.length + " imported" : f.count + " generated, saved as CSV"}`;
  e.target.reset();
  tick();
};

$("token").value = sessionStorage.getItem("floodgate.token") || "";
$("token").onchange = loadSales;
$("sale").onchange = () => { previous = null; Object.keys(history).forEach((k) => delete history[k]); $("figures").innerHTML = ""; tick(); };
loadSales();
setInterval(tick, 1000);
