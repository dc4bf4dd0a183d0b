// Ressenti's queue stub, in a file because the demo runs under `script-src 'self'`: calls made
// before the widget has loaded wait in `ressenti.q` and are replayed in order.
window.ressenti = window.ressenti || function () { (ressenti.q = ressenti.q || []).push(arguments); };
window.dataLayer = window.dataLayer || [];
