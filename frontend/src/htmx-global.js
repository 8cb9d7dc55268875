// htmx as a global before anything that extends it (the morph extension reads window.htmx when it loads).
import htmx from "htmx.org";

// The Content-Security-Policy forbids inline styles and eval: keep htmx within it.
htmx.config.includeIndicatorStyles = false;
htmx.config.allowEval = false;
htmx.config.allowScriptTags = false;
// No CSS transitions wait on a swap: a fragment is settled as soon as it is in.
htmx.config.defaultSettleDelay = 0;
// A fragment that did not change since the last look (304) leaves the page as it is.
htmx.config.responseHandling = [
  { code: "204", swap: false },
  { code: "304", swap: false },
  { code: "[23]..", swap: true },
  { code: "[45]..", swap: false, error: true },
  { code: "...", swap: false },
];

window.htmx = htmx;
export default htmx;
