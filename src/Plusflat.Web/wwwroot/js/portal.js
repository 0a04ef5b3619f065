// The portal's only script of its own: the buttons of the Dutch reconnection message (no inline handlers: CSP).
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-reconnect]");
  if (!button) return;
  if (button.dataset.reconnect === "retry" && window.Blazor) {
    window.Blazor.reconnect();
  } else {
    location.reload();
  }
});

// Forms: after a refused save, focus moves to the first marked field (called from Blazor).
window.plusflat = {
  markInteractive() { document.body.dataset.interactive = "true"; },
  // The call can reach the browser before the render batch that marks the fields (both travel over the circuit, and
  // under load the batch is applied a little later): look again on the next frames for up to a second.
  focusFirstInvalid() {
    const started = performance.now();
    const attempt = () => {
      const field = document.querySelector('main [aria-invalid="true"], main .mud-input-error input, main .mud-input-error textarea');
      if (field) { field.focus(); field.scrollIntoView({ block: "center" }); return; }
      if (performance.now() - started < 1000) requestAnimationFrame(attempt);
    };
    attempt();
  },
};
