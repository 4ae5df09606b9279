// Solves an ALTCHA challenge off the page's thread: finds the number n in 0..maxnumber for which
// SHA-256(salt + n) is the challenge. Our own few lines on crypto.subtle rather than the altcha npm
// package: nothing to vendor or build, and the page needs no widget, only the number.
"use strict";

const BATCH = 500; // digests in flight at once: crypto.subtle is asynchronous, one at a time is slow

self.onmessage = async (event) => {
  const { challenge, salt, maxnumber } = event.data;
  const wanted = challenge.match(/../g).map((h) => parseInt(h, 16));
  const encoder = new TextEncoder();
  const started = performance.now();
  for (let from = 0; from <= maxnumber; from += BATCH) {
    const to = Math.min(maxnumber, from + BATCH - 1);
    const digests = [];
    for (let n = from; n <= to; n++) digests.push(crypto.subtle.digest("SHA-256", encoder.encode(salt + n)));
    const found = (await Promise.all(digests)).findIndex((d) => same(new Uint8Array(d), wanted));
    if (found >= 0) {
      self.postMessage({ number: from + found, tookMs: performance.now() - started });
      return;
    }
  }
  self.postMessage({ number: null, tookMs: performance.now() - started });
};

function same(bytes, wanted) {
  for (let i = 0; i < wanted.length; i++) if (bytes[i] !== wanted[i]) return false;
  return true;
}
