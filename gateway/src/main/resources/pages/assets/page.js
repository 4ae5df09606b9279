// What both pages share.
"use strict";

const $ = (id) => document.getElementById(id);
/** Text from the API goes into a page as text, never as markup. */
const escape = (text) => String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
