// What a real shop would have: a cart that updates in place, and the journey moments it reports
// to Ressenti (GA4 dataLayer events, `ressenti('moment', ...)`). Plus the demo banner controls.
(() => {
  const ressenti = (...args) => window.ressenti(...args);
  const dataLayer = (window.dataLayer = window.dataLayer || []);
  const status = document.querySelector('[data-demo-status]');
  const say = (text) => status && (status.textContent = text);

  // Fatigue made visible: with `data-debug` the widget explains every moment on the console; a
  // survey held back by its own `limit` or by the popover-wide `settings` is said in the banner too,
  // so that a journey never stops with nothing on screen saying why.
  const info = console.info;
  console.info = function (...args) {
    const held = /^"([^"]+)": ((?:limit|settings)\..*)$/.exec(typeof args[0] === 'string' ? args[0] : '');
    if (held) say(`“${held[1]}” was held back by the fatigue policy (${held[2]}). “Reset my survey history” lets it show again.`);
    return info.apply(this, args);
  };

  // Demo banner: replay the journey, and switch the survey language (kept across pages).
  const locales = document.querySelectorAll('[data-demo-locale]');
  const setLocale = (code) => {
    ressenti('locale', code);
    locales.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.demoLocale === code)));
  };
  const saved = localStorage.getItem('demo:locale');
  if (saved) setLocale(saved);
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const locale = target?.closest('[data-demo-locale]');
    if (locale) {
      localStorage.setItem('demo:locale', locale.dataset.demoLocale);
      setLocale(locale.dataset.demoLocale);
      // Arabic shows the mirrored, right-to-left survey (its question texts stay English: the definitions have none in Arabic).
      say(`Surveys now in ${new Intl.DisplayNames(['en'], { type: 'language' }).of(locale.dataset.demoLocale)}.`);
    }
    if (target?.closest('[data-demo-reset]')) {
      ressenti('reset');
      say('Survey history cleared: every survey can show again.');
    }
    if (target?.closest('[data-demo-fill]')) fill(target.closest('form'));
    const payment = target?.closest('[data-demo-payment]');
    if (payment) showPayment(payment.getAttribute('aria-expanded') !== 'true');
  });

  // Add to cart without leaving the page; the form still works without this script.
  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-add-to-cart')) return;
    event.preventDefault();
    try {
      const response = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), headers: { Accept: 'application/json' } });
      const { count, cartValue } = await response.json();
      document.querySelectorAll('[data-cart-count]').forEach((el) => (el.textContent = count));
      ressenti('context', { cartValue });
      say(`Added to your cart (${count} item${count > 1 ? 's' : ''}).`);
      if (form.dataset.ga4) {
        // GA4 e-commerce, as Tag Manager setups push it; `data-datalayer` turns it into a moment.
        const item = { ...JSON.parse(form.dataset.ga4), quantity: Number(form.elements.quantity?.value || 1) };
        dataLayer.push({ ecommerce: null });
        dataLayer.push({ event: 'add_to_cart', ecommerce: { currency: 'EUR', value: item.price * item.quantity, items: [item] } });
      }
    } catch {
      form.submit();
    }
  });

  // Order confirmation: the purchase moment, both ways a site can report it. A real shop needs
  // only one; with both, the debug console shows the second finding a survey already chosen.
  const order = document.getElementById('order-data');
  if (order) {
    const data = JSON.parse(order.textContent);
    ressenti('moment', 'purchase', { value: data.value, currency: data.currency, orderId: data.transaction_id });
    dataLayer.push({ ecommerce: null });
    dataLayer.push({ event: 'purchase', ecommerce: data });
  }

  // The payment step stays hidden until asked for, so that the checkout page has a state where its
  // quiet zone is off screen; a card field the browser must complain about shows it too.
  const showPayment = (show = true) => {
    const toggle = document.querySelector('[data-demo-payment]');
    if (!toggle) return;
    document.getElementById(toggle.getAttribute('aria-controls')).hidden = !show;
    toggle.setAttribute('aria-expanded', String(show));
  };
  document.addEventListener('invalid', (event) => event.target.closest?.('#payment') && showPayment(), true);

  function fill(form) {
    showPayment();
    const values = { name: 'Camille Martin', email: 'camille@example.com', address: '12 Bryggen', postcode: '5003', city: 'Bergen', 'cc-number': '4242 4242 4242 4242', 'cc-exp': '12/29', 'cc-csc': '123' };
    for (const [id, value] of Object.entries(values)) form.querySelector('#' + id).value = value;
    say('Test details filled in: place the order.');
  }
})();
