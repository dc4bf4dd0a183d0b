// The demo shop's pages, one function each. Each page's banner tip says which journey moment
// it shows off.
import { ARTICLES, PRODUCTS, REVIEWS, SHIPPING } from './catalog.mjs';
import { html, json } from './html.mjs';
import { euros, page } from './layout.mjs';

// Product photos are decorative next to the product's name, described on its own page.
const img = (p, cls = '', alt = '') => html`<img class="${cls}" src="/assets/img/${p.id}.svg" alt="${alt}" width="400" height="300">`;
const date = (ms) => new Date(ms).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });

/**
 * The tracking timeline of an order placed at `placed`, out for delivery today (`now`): each step
 * with its date, none before the order and none after today.
 */
export function trackingSteps(placed, now) {
  const shipped = Math.min(placed + 864e5, now);
  return [
    ['Order placed', placed, 'done'],
    ['Packed in Bergen', placed, 'done'],
    ['Shipped with NordPost', shipped, 'done'],
    ['Out for delivery', now, 'current'],
    ['Delivered', now, 'todo'],
  ].map(([label, at, state]) => ({ label, date: date(at), state }));
}

/** Pages, each `(request state) → html`. `cart` is the visitor's cart from the cookie. */
export const pages = {
  home: ({ cart }) =>
    page({
      title: 'Objects for slow mornings',
      path: '/',
      cart,
      context: { pageType: 'home', cartValue: cart.value },
      tip: html`the “Quick add” buttons carry <code>data-ressenti-click="add_to_cart"</code>: add something and a thumbs survey asks whether it was easy to find. Then open a product.`,
      main: html`
<section class="hero" aria-labelledby="hero-title">
  <p class="eyebrow">Autumn collection</p>
  <h1 id="hero-title">Objects for slow mornings</h1>
  <p class="lead">Small-batch ceramics, linen and light, made by people we know by name.</p>
</section>
<section aria-labelledby="catalogue-title">
  <h2 id="catalogue-title">The collection</h2>
  <ul class="grid">
    ${PRODUCTS.map(
      (p) => html`<li class="card">
      <a class="card-link" href="/products/${p.id}">${img(p)}<span class="card-name">${p.name}</span></a>
      <p class="muted">${p.blurb}</p>
      <div class="card-foot">
        <span class="price">${euros(p.price)}</span>
        <form method="post" action="/cart/add" data-add-to-cart>
          <input type="hidden" name="id" value="${p.id}">
          <button type="submit" class="secondary" data-ressenti-click="add_to_cart" data-ressenti-context-product-id="${p.id}" aria-label="Quick add ${p.name}">Quick add</button>
        </form>
      </div>
    </li>`,
    )}
  </ul>
</section>`,
    }),

  product: ({ cart, product: p }) =>
    page({
      title: p.name,
      path: '/products/' + p.id,
      cart,
      context: { pageType: 'product', productId: p.id, price: p.price, cartValue: cart.value },
      tip: html`stay 15 seconds or scroll past 60 % (<code>dwell:15</code>, <code>scroll:60</code>) for an emoji reaction. “Add to cart” pushes a GA4 <code>add_to_cart</code> to <code>dataLayer</code>, which <code>data-datalayer</code> turns into a moment.`,
      main: html`
<nav class="crumbs" aria-label="Breadcrumb"><a href="/">Shop</a> <span aria-hidden="true">/</span> <span aria-current="page">${p.name}</span></nav>
<article class="product">
  ${img(p, 'product-img', p.photo)}
  <div class="product-info">
    <h1>${p.name}</h1>
    <p class="price price-lg">${euros(p.price)}</p>
    <p class="lead">${p.blurb}</p>
    <form method="post" action="/cart/add" class="buy" data-add-to-cart data-ga4="${JSON.stringify({ item_id: p.id, item_name: p.name, price: p.price })}">
      <input type="hidden" name="id" value="${p.id}">
      <label for="qty">Quantity</label>
      <select id="qty" name="quantity">${[1, 2, 3, 4].map((n) => html`<option>${n}</option>`)}</select>
      <button type="submit" class="primary">Add to cart</button>
    </form>
    <p class="muted">Free standard delivery · 30-day returns</p>
  </div>
</article>
<section class="prose" aria-labelledby="about-title">
  <h2 id="about-title">About this piece</h2>
  ${p.about.map((t) => html`<p>${t}</p>`)}
  <h3>Details</h3>
  <ul>${p.details.map((t) => html`<li>${t}</li>`)}</ul>
  <h3>Care</h3>
  <p>Every piece is made by hand, so small marks and variations are part of its character. See our <a href="/help/care-guide">care guide</a> for how to keep it looking its best.</p>
</section>
<section class="reviews" aria-labelledby="reviews-title">
  <h2 id="reviews-title">What customers say</h2>
  <ul>
    ${REVIEWS.map(
      ([quote, who, stars]) => html`<li><blockquote><p>“${quote}”</p></blockquote><p class="muted">${who} · <span aria-hidden="true">${'★'.repeat(stars) + '☆'.repeat(5 - stars)}</span><span class="visually-hidden">${stars} out of 5 stars</span></p></li>`,
    )}
  </ul>
</section>
<section aria-labelledby="more-title">
  <h2 id="more-title">You may also like</h2>
  <ul class="grid grid-small">
    ${PRODUCTS.filter((o) => o !== p).map((o) => html`<li class="card"><a class="card-link" href="/products/${o.id}">${img(o)}<span class="card-name">${o.name}</span></a><span class="price">${euros(o.price)}</span></li>`)}
  </ul>
</section>`,
    }),

  cart: ({ cart }) =>
    page({
      title: 'Your cart',
      path: '/cart',
      cart,
      context: { pageType: 'cart', cartValue: cart.value },
      tip: cart.count
        ? html`move the pointer out through the top of the window, as if to leave: <code>exit-intent</code> asks what is holding you back (only with a non-empty cart: <code>"context": {"cartValue": {"gt": 0}}</code>).`
        : html`your cart is empty. Add something from the shop, then come back and move the pointer out through the top of the window.`,
      main: html`
<h1>Your cart</h1>
${cart.count
  ? html`<table class="cart">
  <caption class="visually-hidden">Items in your cart</caption>
  <thead><tr><th scope="col">Item</th><th scope="col">Quantity</th><th scope="col" class="num">Price</th></tr></thead>
  <tbody>
    ${cart.lines.map(
      ({ product: p, quantity }) => html`<tr>
      <td><a class="cart-item" href="/products/${p.id}">${img(p, 'thumb')}${p.name}</a></td>
      <td>
        <form method="post" action="/cart/update" class="qty-form">
          <input type="hidden" name="id" value="${p.id}">
          <label class="visually-hidden" for="q-${p.id}">Quantity of ${p.name}</label>
          <select id="q-${p.id}" name="quantity">${[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => html`<option value="${n}"${n === quantity && html` selected`}>${n === 0 ? 'Remove' : n}</option>`)}</select>
          <button type="submit" class="link">Update</button>
        </form>
      </td>
      <td class="num">${euros(p.price * quantity)}</td>
    </tr>`,
    )}
  </tbody>
  <tfoot><tr><th scope="row" colspan="2">Subtotal</th><td class="num">${euros(cart.value)}</td></tr></tfoot>
</table>
<p class="actions"><a class="button secondary" href="/">Continue shopping</a> <a class="button primary" href="/checkout">Checkout</a></p>`
  : html`<p class="empty">Your cart is empty. <a href="/">Browse the collection</a>.</p>`}`,
    }),

  checkout: ({ cart }) =>
    page({
      title: 'Checkout',
      path: '/checkout',
      cart,
      context: { pageType: 'checkout', cartValue: cart.value },
      // Exit intent fires once per page view: the two steps need a reload between them.
      tip: html`the payment form carries <code>data-ressenti-quiet</code>. Exit intent fires once per page view, so: (1) press “Continue to payment”, scroll until the card fields are on screen, and leave through the top of the window (on a phone: switch to another tab and back): nothing opens (the console says why); (2) reload (the payment step folds away) and leave through the top again: the exit survey shows, unless it already showed on the cart (it asks once). Then fill in test details and place the order.`,
      main: html`
<h1>Checkout</h1>
<form method="post" action="/checkout" class="checkout" data-checkout>
  <div class="checkout-main">
    <fieldset>
      <legend>Contact and delivery</legend>
      <div class="field"><label for="name">Full name</label><input id="name" name="name" autocomplete="name" required maxlength="40"></div>
      <div class="field"><label for="email">E-mail</label><input id="email" name="email" type="email" autocomplete="email" required></div>
      <div class="field"><label for="address">Address</label><input id="address" name="address" autocomplete="street-address" required></div>
      <div class="field-row">
        <div class="field"><label for="postcode">Postcode</label><input id="postcode" name="postcode" autocomplete="postal-code" required></div>
        <div class="field"><label for="city">City</label><input id="city" name="city" autocomplete="address-level2" required></div>
      </div>
    </fieldset>
    <fieldset>
      <legend>Delivery</legend>
      ${Object.entries(SHIPPING).map(
        ([id, s], i) => html`<label class="choice"><input type="radio" name="shipping" value="${id}"${i === 0 && html` checked`}> ${s.label} <span class="price">${s.price ? euros(s.price) : 'Free'}</span></label>`,
      )}
    </fieldset>
    <button type="button" class="secondary" aria-expanded="false" aria-controls="payment" data-demo-payment>Continue to payment</button>
    <div id="payment" hidden>
    <fieldset class="payment" data-ressenti-quiet>
      <legend>Payment</legend>
      <p class="muted">Demo: use any numbers. Card fields have no <code>name</code>, so they are never sent to the server.</p>
      <div class="field"><label for="cc-number">Card number</label><input id="cc-number" autocomplete="cc-number" inputmode="numeric" required placeholder="4242 4242 4242 4242"></div>
      <div class="field-row">
        <div class="field"><label for="cc-exp">Expiry (MM/YY)</label><input id="cc-exp" autocomplete="cc-exp" required placeholder="12/29"></div>
        <div class="field"><label for="cc-csc">Security code</label><input id="cc-csc" autocomplete="cc-csc" inputmode="numeric" required placeholder="123"></div>
      </div>
    </fieldset>
    </div>
  </div>
  <aside class="summary" aria-labelledby="summary-title">
    <h2 id="summary-title">Order summary</h2>
    <ul>${cart.lines.map(({ product: p, quantity }) => html`<li><span>${quantity} × ${p.name}</span><span>${euros(p.price * quantity)}</span></li>`)}</ul>
    <p class="total"><span>Subtotal</span><span>${euros(cart.value)}</span></p>
    <button type="button" class="secondary wide" data-demo-fill>Fill in test details</button>
    <button type="submit" class="primary wide">Place order</button>
  </aside>
</form>`,
    }),

  confirmation: ({ cart, order }) =>
    page({
      title: 'Thank you for your order',
      path: '/checkout/done',
      cart,
      context: { pageType: 'confirmation', cartValue: cart.value },
      tip: html`this page calls <code>ressenti('moment', 'purchase', {value, currency})</code> and pushes a GA4 <code>purchase</code>: the post-purchase survey asks how checkout went, with a follow-up and a support link when it went badly. The console shows why the second <code>purchase</code> shows nothing.`,
      main: html`
<script type="application/json" id="order-data">${json({
        transaction_id: order.id,
        value: order.total,
        currency: 'EUR',
        items: order.cart.lines.map(({ product: p, quantity }) => ({ item_id: p.id, item_name: p.name, price: p.price, quantity })),
      })}</script>
<section class="confirm" aria-labelledby="done-title">
  <p class="eyebrow">Order ${order.id}</p>
  <h1 id="done-title">Thank you${order.name && html`, ${order.name.split(' ')[0]}`}!</h1>
  <p class="lead">We have received your order and will e-mail you when it ships.</p>
  ${summary(order)}
  <p class="actions"><a class="button primary" href="/orders/track">Track your order</a> <a class="button secondary" href="/inbox">Open the delivery e-mail</a></p>
</section>`,
    }),

  track: ({ cart, order }) =>
    page({
      title: 'Track your order',
      path: '/orders/track',
      cart,
      context: { pageType: 'tracking', cartValue: cart.value, orderId: order.id },
      tip: html`the delivery timeline carries <code>data-ressenti-moment="delivery-tracked"</code>: once half of it is on screen, a 5-star CSAT survey asks about the delivery updates.`,
      main: html`
<p class="eyebrow">Order ${order.id} · placed ${date(order.placed)}</p>
<h1>Out for delivery</h1>
<p class="lead">Your parcel is on the van and should arrive today, ${date(Date.now())}, between 14:00 and 16:00.</p>
<ol class="timeline" data-ressenti-moment="delivery-tracked" data-ressenti-context-order-id="${order.id}" data-ressenti-context-status="out-for-delivery">
  ${trackingSteps(order.placed, Date.now()).map(({ label, date, state }) => html`<li class="${state}"${state === 'current' && html` aria-current="step"`}><span class="step">${label}</span><span class="muted">${date}</span></li>`)}
</ol>
${summary(order)}`,
    }),

  inbox: ({ cart, order }) =>
    page({
      title: 'Inbox',
      path: '/inbox',
      cart,
      context: { pageType: 'email', cartValue: cart.value },
      tip: html`a simulated e-mail, the phase that happens off the site. Each number is a link <code>/?ressenti=nps-email&amp;ressenti_answer=N</code>: the click is the answer, and the shop then asks the follow-up questions.`,
      main: html`
<h1 class="visually-hidden">Inbox</h1>
<article class="email" aria-labelledby="mail-subject">
  <header class="email-head">
    <h2 id="mail-subject">Your order ${order.id} was delivered — how did we do?</h2>
    <dl>
      <dt>From</dt><dd>Atelier Nord &lt;hello@ateliernord.example&gt;</dd>
      <dt>To</dt><dd>${order.name || 'you'}</dd>
      <dt>Date</dt><dd>${date(Date.now())}</dd>
    </dl>
  </header>
  <div class="email-body">
    <p>Hi ${order.name.split(' ')[0] || 'there'},</p>
    <p>Your parcel was delivered. We hope you enjoy your new things!</p>
    <p id="nps-question"><strong>How likely are you to recommend Atelier Nord to a friend or colleague?</strong></p>
    <ol class="nps-links" aria-labelledby="nps-question">
      ${Array.from({ length: 11 }, (_, n) => html`<li><a href="/?utm_source=email&amp;utm_campaign=delivered&amp;ressenti=nps-email&amp;ressenti_answer=${n}">${n}</a></li>`)}
    </ol>
    <p class="nps-ends" aria-hidden="true"><span>Not at all likely</span><span>Extremely likely</span></p>
    <p>Thank you,<br>Sigrid and the Atelier Nord team</p>
  </div>
</article>`,
    }),

  help: ({ cart }) =>
    page({
      title: 'Help centre',
      path: '/help',
      cart,
      context: { pageType: 'help', cartValue: cart.value },
      tip: html`open an article: it ends with an inline “Was this article helpful?” survey, and reading to the end asks a CES question.`,
      main: html`
<h1>Help centre</h1>
<ul class="articles">
  ${ARTICLES.map((a) => html`<li><a href="/help/${a.id}"><strong>${a.title}</strong><span class="muted">${a.intro}</span></a></li>`)}
</ul>
<section class="still-help" id="contact" aria-labelledby="contact-title">
  <h2 id="contact-title">Contact us</h2>
  ${CONTACT}
</section>`,
    }),

  article: ({ cart, article: a }) =>
    page({
      title: a.title,
      path: '/help/' + a.id,
      cart,
      context: { pageType: 'help', article: a.id, cartValue: cart.value },
      tip: html`the box after the article is <code>data-ressenti-inline="article-helpful"</code>: the survey renders in the page flow. Scroll to “Still need help?” (<code>data-ressenti-moment</code>) for the CES rating.`,
      main: html`
<nav class="crumbs" aria-label="Breadcrumb"><a href="/help">Help centre</a> <span aria-hidden="true">/</span> <span aria-current="page">${a.title}</span></nav>
<article class="prose article">
  <h1>${a.title}</h1>
  <p class="lead">${a.intro}</p>
  ${a.sections.map(([h, ...ps]) => html`<h2>${h}</h2>${ps.map((t) => html`<p>${t}</p>`)}`)}
</article>
<div class="inline-survey" data-ressenti-inline="article-helpful"></div>
<aside class="still-help" aria-labelledby="still-title" data-ressenti-moment="help-article-read" data-ressenti-context-article="${a.id}">
  <h2 id="still-title">Still need help?</h2>
  ${CONTACT}
</aside>`,
    }),

  notFound: ({ cart }) =>
    page({
      title: 'Page not found',
      path: '',
      cart,
      context: { pageType: 'not-found', cartValue: cart.value },
      tip: html`this page does not exist. <a href="/">Back to the shop</a>.`,
      main: html`<h1>Page not found</h1><p>Sorry, there is nothing here. <a href="/">Back to the shop</a>.</p>`,
    }),
};

const CONTACT = html`<p>Write to <a href="mailto:hello@ateliernord.example">hello@ateliernord.example</a> or call +47 55 00 00 00, Monday to Friday, 9:00–17:00. We answer within a working day.</p>`;

function summary(order) {
  const ship = SHIPPING[order.shipping];
  return html`<section class="summary" aria-label="Order summary">
  <ul>${order.cart.lines.map(({ product: p, quantity }) => html`<li><span>${quantity} × ${p.name}</span><span>${euros(p.price * quantity)}</span></li>`)}
  <li><span>${ship.label}</span><span>${ship.price ? euros(ship.price) : 'Free'}</span></li></ul>
  <p class="total"><span>Total</span><span>${euros(order.total)}</span></p>
</section>`;
}
