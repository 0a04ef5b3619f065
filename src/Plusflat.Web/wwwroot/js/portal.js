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
