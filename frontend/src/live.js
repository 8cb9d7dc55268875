// The live part of a page (a request's state, approval, actions, execution, queue and timeline, all one fragment).
// The server renders it with:
//   hx-get / hx-trigger="vendo:refresh" / hx-swap="morph:outerHTML"  where and how to fetch it again
//   data-etag       the version it shows: each fetch asks "changed since?" and a 304 costs a few bytes
//   data-refresh    "min,max" seconds between looks while nothing changes; absent once nothing can change any more
//   data-stream     a server-sent event stream that says "this changed" the moment it does (absent when final)
//   data-announce   what the state is, in words, for the page's polite live region
// Each look that finds nothing new doubles the wait up to the maximum; a change or an event starts again from the
// minimum. A hidden tab does not look at all. A final state arms nothing: no timer, no stream.
import htmx from "./htmx-global.js";
import { Idiomorph } from "idiomorph/htmx";
import { localTimes } from "./times.js";

Idiomorph.defaults.ignoreActiveValue = true;
Idiomorph.defaults.callbacks.beforeNodeMorphed = (oldNode, newNode) => {
  // A comment being written stays as typed.
  if (oldNode instanceof HTMLTextAreaElement && oldNode.value !== oldNode.defaultValue) {
    return false;
  }
  // A moment already shown in local time stays, so a refresh neither flickers nor loses a selection there.
  if (oldNode instanceof HTMLTimeElement && newNode instanceof HTMLTimeElement && oldNode.dateTime === newNode.dateTime) {
    return false;
  }
  return true;
};

class LiveRegion {
  constructor(element, announcer) {
    this.element = element;
    this.announcer = announcer;
    this.timer = null;
    this.stream = null;
    this.announced = element.dataset.announce ?? "";
    this.delay = this.bounds()?.[0];

    element.addEventListener("htmx:configRequest", (event) => {
      if (this.element.dataset.etag) {
        event.detail.headers["If-None-Match"] = this.element.dataset.etag;
      }
    });
    element.addEventListener("htmx:afterRequest", (event) => {
      const status = event.detail.xhr?.status;
      if (status === 304) {
        this.lookLater(true);
      } else if (!event.detail.successful) {
        this.delay = this.bounds()?.[1];
        this.lookLater(false);
      }
    });
    element.addEventListener("htmx:afterSettle", () => this.changed());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") {
        this.look();
      } else {
        this.clearTimer();
      }
    });
    this.openStream();
    this.lookLater(false);
  }

  /** [min, max] seconds, or null when the fragment says nothing will change any more. */
  bounds() {
    const refresh = this.element.dataset.refresh;
    if (!refresh) {
      return null;
    }
    const [min, max] = refresh.split(",").map(Number);
    return [min, max ?? min];
  }

  look() {
    this.clearTimer();
    if (this.bounds() && document.visibilityState !== "hidden") {
      htmx.trigger(this.element, "vendo:refresh");
    }
  }

  lookLater(backOff) {
    this.clearTimer();
    const bounds = this.bounds();
    if (!bounds) {
      this.stop();
      return;
    }
    const [min, max] = bounds;
    this.delay = backOff ? Math.min((this.delay ?? min) * 2, max) : (this.delay ?? min);
    if (document.visibilityState !== "hidden") {
      this.timer = setTimeout(() => this.look(), this.delay * 1000);
    }
  }

  changed() {
    localTimes(this.element);
    const announce = this.element.dataset.announce ?? "";
    if (announce && announce !== this.announced) {
      this.announced = announce;
      this.announcer.textContent = announce;
    }
    this.delay = this.bounds()?.[0];
    this.openStream();
    this.lookLater(false);
  }

  openStream() {
    const url = this.element.dataset.stream;
    if (!url || !this.bounds() || this.stream || typeof EventSource === "undefined") {
      return;
    }
    this.stream = new EventSource(url);
    // Changes come in bursts (a decision, then the request approved, then started): one look after the burst.
    this.stream.addEventListener("changed", () => {
      this.delay = this.bounds()?.[0];
      this.clearTimer();
      this.timer = setTimeout(() => this.look(), 50);
    });
  }

  clearTimer() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  stop() {
    this.clearTimer();
    if (this.stream) {
      this.stream.close();
      this.stream = null;
    }
  }
}

export function startLiveRegions() {
  const announcer = document.getElementById("live-announcer");
  for (const element of document.querySelectorAll("[data-live]")) {
    new LiveRegion(element, announcer);
  }
}
