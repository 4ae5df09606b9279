// Proof of work on joining (docs/security.md, "Proof of work"): gets a challenge for this browser's
// identity and solves it in a Web Worker, so the page stays responsive while "Checking your browser…".
"use strict";

/** {altcha, ms} for the join's field `altcha`, or {error} with the API's answer; `headers`: the identity's. */
async function solveProofOfWork(api, headers) {
  const response = await fetch(`${api}/challenge`, { headers, credentials: "same-origin", cache: "no-store" });
  const challenge = await response.json().catch(() => null);
  if (response.status !== 200 || !challenge) return { error: challenge || { message: "No challenge was given." } };
  const started = performance.now();
  const worker = new Worker("/assets/proof-of-work-worker.js");
  try {
    const solved = await new Promise((resolve, reject) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => reject(e);
      worker.postMessage(challenge);
    });
    if (solved.number == null) return { error: { message: "Your browser could not be checked; please try again." } };
    const altcha = btoa(JSON.stringify({ algorithm: challenge.algorithm, challenge: challenge.challenge,
      number: solved.number, salt: challenge.salt, signature: challenge.signature }));
    return { altcha, ms: Math.round(performance.now() - started) };
  } finally {
    worker.terminate();
  }
}

/** Shows "Checking your browser…" while it solves, then how long it took. */
async function checkBrowser(api, headers) {
  $("pow-checking").hidden = false;
  $("pow-done").hidden = true;
  try {
    const solved = await solveProofOfWork(api, headers);
    if (solved.ms != null) {
      $("pow-time").textContent = (solved.ms / 1000).toFixed(1);
      $("pow-done").hidden = false;
    }
    return solved;
  } finally {
    $("pow-checking").hidden = true;
  }
}
