// Behaviour of the mock admin center that needs the browser: the Billing navigation group
// expands and collapses, the settle panel takes focus and closes on Escape, and a submitted
// form disables its Save button so a double click sends one request.
document.addEventListener("DOMContentLoaded", () => {
  for (const toggle of document.querySelectorAll(".nav-group-toggle")) {
    toggle.addEventListener("click", () => {
      const group = document.getElementById(toggle.getAttribute("aria-controls"));
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      group.hidden = !open;
    });
  }
  const panel = document.querySelector("[role=dialog]");
  if (panel) {
    document.getElementById("settle-title").focus();
    const cancel = panel.querySelector("[data-testid=cancel-settle]");
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") window.location.assign(cancel.href);
    });
    const form = panel.querySelector("form");
    form.addEventListener("submit", () => {
      form.querySelector("button[type=submit]").disabled = true;
    });
  }
});
