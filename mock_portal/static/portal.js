// Behaviour of the mock admin center that needs the browser: the Billing navigation group
// expands and collapses, tabs switch (click, arrow keys, Home/End: the WAI-ARIA tabs pattern),
// the settle panel takes focus and closes on Escape, the right pane's "Add a new payment
// method" reveals its form (and a saved card hides it again: one method is ever sent), and a
// submitted form disables its Save button so a double click sends one request.
function selectTab(tab) {
  for (const other of tab.closest("[role=tablist]").querySelectorAll("[role=tab]")) {
    const selected = other === tab;
    other.setAttribute("aria-selected", String(selected));
    other.tabIndex = selected ? 0 : -1;
    document.getElementById(other.getAttribute("aria-controls")).hidden = !selected;
  }
  tab.focus();
}

function tabKeys(event) {
  const tabs = [...event.currentTarget.querySelectorAll("[role=tab]")];
  const index = tabs.indexOf(document.activeElement);
  if (index < 0) return;
  // In a right-to-left page the next tab is to the left.
  const forward = document.documentElement.dir === "rtl" ? "ArrowLeft" : "ArrowRight";
  const backward = forward === "ArrowLeft" ? "ArrowRight" : "ArrowLeft";
  const target = {
    [forward]: tabs[(index + 1) % tabs.length],
    [backward]: tabs[(index - 1 + tabs.length) % tabs.length],
    Home: tabs[0],
    End: tabs[tabs.length - 1],
  }[event.key];
  if (target) {
    event.preventDefault();
    selectTab(target);
  }
}

function setDisclosure(button, open) {
  const region = document.getElementById(button.getAttribute("aria-controls"));
  button.setAttribute("aria-expanded", String(open));
  region.hidden = !open;
  region.disabled = !open;
}

function newMethodDisclosure(form) {
  const button = form.querySelector("button.disclosure");
  if (!button) return;
  const savedCards = form.querySelectorAll("input[type=radio][name=method]");
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    setDisclosure(button, open);
    if (open) {
      for (const radio of savedCards) radio.checked = false;
      form.querySelector(".new-method input:not([type=hidden])").focus();
    }
  });
  for (const radio of savedCards) {
    radio.addEventListener("change", () => setDisclosure(button, false));
  }
}

document.addEventListener("DOMContentLoaded", () => {
  for (const toggle of document.querySelectorAll(".nav-group-toggle")) {
    toggle.addEventListener("click", () => {
      const group = document.getElementById(toggle.getAttribute("aria-controls"));
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      group.hidden = !open;
    });
  }
  for (const tablist of document.querySelectorAll("[role=tablist]")) {
    tablist.addEventListener("keydown", tabKeys);
    for (const tab of tablist.querySelectorAll("[role=tab]")) {
      tab.addEventListener("click", () => selectTab(tab));
    }
  }
  const panel = document.querySelector("[role=dialog]");
  if (panel) {
    document.getElementById("settle-title").focus();
    const cancel = panel.querySelector("[data-testid=cancel-settle]");
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") window.location.assign(cancel.href);
    });
    const form = panel.querySelector("form");
    newMethodDisclosure(form);
    form.addEventListener("submit", () => {
      form.querySelector("button[type=submit]").disabled = true;
    });
  }
});
