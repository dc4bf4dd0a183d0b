// The page chrome shared by every shop page: the document head (stylesheet, scripts), the demo
// guide banner, the header and footer.
import { html } from './html.mjs';

const kebab = (key) => key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/** Formats euros the way the shop shows prices. */
export const euros = (n) => new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' }).format(n);

// The script tag exactly as a site owner would paste it (the queue stub lives in stub.js:
// the demo runs under `script-src 'self'`, so no inline script).
const WIDGET = html`
<script src="/assets/stub.js"></script>
<script async src="/dist/ressenti.min.js" data-endpoint="/collect" data-surveys="/surveys.json" data-datalayer data-debug data-accent="#5b4cdb" data-position="bottom-right"></script>
<script defer src="/assets/shop.js"></script>`;

const SHOP_NAV = [
  ['/', 'Shop'],
  ['/help', 'Help'],
  ['/orders/track', 'Track order'],
  ['/inbox', 'Inbox'],
];
const isCurrent = (href, path) => (href === '/' ? path === '/' || path.startsWith('/products/') : path.startsWith(href));

function documentOf({ title, scripts, attrs, brand, nav, before, main, after }) {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="/assets/img/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/shop.css">${scripts}
</head>
<body${attrs}>
<a class="skip" href="#main">Skip to content</a>
${before}
<header class="site">
  <div class="wrap site-row">
    ${brand}
    <nav aria-label="Main"><ul>${nav}</ul></nav>
  </div>
</header>
<main id="main" class="wrap">
${main}
</main>
${after}
</body>
</html>`;
}

/**
 * A shop page with the widget. `context` becomes `data-ressenti-context-*` on <body>; `tip` tells
 * the demo visitor what to try here; `cart` gives the header's item count.
 */
export const page = ({ title, path, tip, context, cart, main }) =>
  documentOf({
    title: `${title} · Atelier Nord`,
    scripts: WIDGET,
    attrs: Object.entries(context).map(([k, v]) => html` data-ressenti-context-${kebab(k)}="${v}"`),
    brand: html`<a class="brand" href="/"><span class="brand-mark" aria-hidden="true">N</span> Atelier Nord</a>`,
    nav: html`${SHOP_NAV.map(([href, label]) => html`<li><a href="${href}"${isCurrent(href, path) && html` aria-current="page"`}>${label}</a></li>`)}
      <li><a href="/cart"${path === '/cart' && html` aria-current="page"`}>Cart <span class="badge" data-cart-count>${cart.count}</span><span class="visually-hidden"> items</span></a></li>`,
    before: html`<aside class="guide" aria-label="Demo guide">
  <div class="wrap guide-row">
    <p class="guide-tip"><strong>Try it:</strong> ${tip}</p>
    <div class="guide-actions">
      <div class="segmented" role="group" aria-label="Survey language">
        <button type="button" data-demo-locale="en" aria-pressed="true">EN</button>
        <button type="button" data-demo-locale="fr" aria-pressed="false">FR</button>
        <button type="button" data-demo-locale="de" aria-pressed="false">DE</button>
        <button type="button" data-demo-locale="ar" aria-pressed="false">AR</button>
      </div>
      <button type="button" class="ghost" data-demo-reset>Reset my survey history</button>
      <a class="ghost" href="/results">Results →</a>
    </div>
    <p class="guide-status" role="status" data-demo-status></p>
  </div>
</aside>`,
    main,
    after: html`<footer class="site">
  <div class="wrap">
    <p>Atelier Nord is a demo shop for Ressenti, the feedback widget. Nothing is sold, charged or shipped.</p>
    <p>Open the browser console: <code>data-debug</code> explains, for every moment, which survey showed and why the others did not.
    Surveys keep to a fatigue policy (at most 7 popovers a visit, one per stop of the journey; each survey once or after a cooldown). When it holds a survey back, the banner says so: “Reset my survey history” starts over.</p>
  </div>
</footer>`,
  });

