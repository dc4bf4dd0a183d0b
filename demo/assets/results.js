// Reloads /results when the collector has received new events (a file, not inline script:
// the page runs under `script-src 'self'`). Polls only while the tab is visible.
const seen = document.body.dataset.events;
setInterval(async () => {
  if (document.hidden) return;
  try {
    const { count } = await (await fetch('/api/events/count')).json();
    if (String(count) !== seen) location.reload();
  } catch {
    // the demo server is restarting: try again at the next tick
  }
}, 2000);
