import htmx from "htmx.org";

// The Content-Security-Policy forbids inline styles and eval: keep htmx within it.
htmx.config.includeIndicatorStyles = false;
htmx.config.allowEval = false;
htmx.config.allowScriptTags = false;

window.htmx = htmx;
