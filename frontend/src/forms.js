// Forms: one submission per click, a question before what cannot be undone, and the error summary in focus.

// A form whose submission is on its way cannot be sent again: its buttons are disabled until the next page (a
// double click would otherwise post twice; the server also refuses a repeated form token). The button that was
// clicked still sends its name and value, since disabling happens after the browser has built the submission.
function guardSubmissions() {
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) {
      return;
    }
    if (form.dataset.submitting === "true") {
      event.preventDefault();
      return;
    }
    const question = event.submitter?.dataset.confirm ?? form.dataset.confirm;
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = "true";
    form.setAttribute("aria-busy", "true");
    setTimeout(() => {
      for (const button of form.querySelectorAll("button, input[type=submit]")) {
        button.disabled = true;
      }
    }, 0);
  });
  // Back to a page kept in the browser's memory: its forms may be used again.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) {
      return;
    }
    for (const form of document.querySelectorAll("form[data-submitting]")) {
      delete form.dataset.submitting;
      form.removeAttribute("aria-busy");
      for (const button of form.querySelectorAll("button, input[type=submit]")) {
        button.disabled = false;
      }
    }
  });
}

// A refused form opens with its error summary in focus, so that the first thing read is what to fix.
function focusSummary() {
  const summary = document.querySelector("[data-autofocus]");
  if (summary) {
    summary.focus();
  }
}

export function startForms() {
  guardSubmissions();
  focusSummary();
  linkSummaryToFields();
}

// A problem in the error summary is a link to its field: following it puts the cursor in the field (for a group of
// check boxes, in the first), not only the page's scroll position.
export function linkSummaryToFields() {
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("#error-summary a[href^='#']") : null;
    const target = link ? document.getElementById(decodeURIComponent(link.hash.slice(1))) : null;
    if (!target) {
      return;
    }
    event.preventDefault();
    const field = target.matches("input, select, textarea, button")
      ? target
      : (target.querySelector("input, select, textarea") ?? target);
    field.scrollIntoView({ block: "center" });
    field.focus();
  });
}
