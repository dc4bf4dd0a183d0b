import { describe, expect, it } from 'vitest';
import { checkAnswers, checkSurvey, compare, glob } from '../../src/decide/conditions';
import { because } from '../../src/decide/explain';

/** checkSurvey's reason in the words debug prints, or null. */
const why = (...args: Parameters<typeof checkSurvey>) => {
  const reason = checkSurvey(...args);
  return reason && because(reason);
};

describe('comparisons', () => {
  it('a bare value means equal', () => {
    expect(compare('product', 'product')).toBe(true);
    expect(compare('product', 'cart')).toBe(false);
    expect(compare(true, true)).toBe(true);
    expect(compare(null, null)).toBe(true);
  });

  it('a number equals its numeric string, both ways', () => {
    expect(compare(2, '2')).toBe(true);
    expect(compare('2', 2)).toBe(true);
    expect(compare({ eq: 2 }, '2.0')).toBe(true);
    expect(compare({ ne: 2 }, '2')).toBe(false);
    expect(compare({ in: [1, 2, 3] }, '3')).toBe(true);
  });

  it('other types compare strictly', () => {
    expect(compare(true, 'true')).toBe(false);
    expect(compare(1, true)).toBe(false);
    expect(compare(0, '')).toBe(false);
    expect(compare(0, null)).toBe(false);
    expect(compare(null, 'null')).toBe(false);
    expect(compare('2', '2.0')).toBe(false);
  });

  it('numeric operators accept numeric strings on either side', () => {
    expect(compare({ gte: 40 }, '42')).toBe(true);
    expect(compare({ gte: '40' }, 42)).toBe(true);
    expect(compare({ gte: 50 }, '42')).toBe(false);
    expect(compare({ lt: 10 }, 9.99)).toBe(true);
    expect(compare({ lt: 10 }, 10)).toBe(false);
    expect(compare({ lte: 10 }, 10)).toBe(true);
    expect(compare({ gt: 10 }, 10)).toBe(false);
    expect(compare({ gt: -1 }, '0')).toBe(true);
  });

  it('a non-numeric value fails numeric operators', () => {
    for (const actual of ['abc', '', ' ', true, null, [], {}])
      for (const op of ['lt', 'lte', 'gt', 'gte']) expect(compare({ [op]: 0 }, actual), `${op} ${JSON.stringify(actual)}`).toBe(false);
  });

  it('every operator given must hold', () => {
    expect(compare({ gte: 10, lt: 20 }, 15)).toBe(true);
    expect(compare({ gte: 10, lt: 20 }, 20)).toBe(false);
    expect(compare({ gte: 10, ne: 15 }, 15)).toBe(false);
  });

  it('in looks the value up in a list', () => {
    expect(compare({ in: ['fr', 'de'] }, 'de')).toBe(true);
    expect(compare({ in: ['fr', 'de'] }, 'en')).toBe(false);
    expect(compare({ in: [] }, 'en')).toBe(false);
  });

  it('a missing value fails everything but ne', () => {
    expect(compare('x', undefined)).toBe(false);
    expect(compare(null, undefined)).toBe(false);
    expect(compare({ eq: undefined as never }, undefined)).toBe(false);
    expect(compare({ in: [null] }, undefined)).toBe(false);
    expect(compare({ gte: 0 }, undefined)).toBe(false);
    expect(compare({ ne: 'x' }, undefined)).toBe(true);
  });

  it('an unknown operator fails rather than letting everyone through', () => {
    expect(compare({ equals: 5 } as never, 5)).toBe(false);
    expect(compare({ toString: 5 } as never, 5)).toBe(false);
  });

  it('a multiple-choice answer matches when one of its values does', () => {
    expect(compare('price', ['price', 'speed'])).toBe(true);
    expect(compare({ in: ['speed', 'color'] }, ['price', 'speed'])).toBe(true);
    expect(compare({ ne: 'price' }, ['price', 'speed'])).toBe(false);
    expect(compare({ ne: 'color' }, ['price', 'speed'])).toBe(true);
    expect(compare('price', [])).toBe(false);
  });
});

describe('globs', () => {
  it('match the whole string', () => {
    expect(glob('/cart', '/cart')).toBe(true);
    expect(glob('/cart', '/cart/x')).toBe(false);
    expect(glob('/cart', '/shop/cart')).toBe(false);
  });

  it('* matches within one segment only', () => {
    expect(glob('/product/*', '/product/shoe-42')).toBe(true);
    expect(glob('/product/*', '/product/shoes/42')).toBe(false);
    expect(glob('/*/checkout', '/fr/checkout')).toBe(true);
    expect(glob('/*/checkout', '/fr/be/checkout')).toBe(false);
    expect(glob('/help/*.html', '/help/returns.html')).toBe(true);
  });

  it('** matches across segments', () => {
    expect(glob('/checkout/**', '/checkout/step/2')).toBe(true);
    expect(glob('/**/done', '/checkout/step/done')).toBe(true);
    expect(glob('**', '/anything/at/all')).toBe(true);
    expect(glob('/a**', '/ab/c')).toBe(true);
  });

  it('a trailing /** also matches the bare prefix', () => {
    expect(glob('/checkout/**', '/checkout')).toBe(true);
    expect(glob('/checkout/**', '/checkout/')).toBe(true);
    expect(glob('/checkout/**', '/checkoutx')).toBe(false);
    expect(glob('/a/**/b', '/a/b')).toBe(true);
  });

  it('treats regex characters as literals', () => {
    expect(glob('/help.html', '/help.html')).toBe(true);
    expect(glob('/help.html', '/helpxhtml')).toBe(false);
    expect(glob('https://shop.example/search?q=*', 'https://shop.example/search?q=shoes')).toBe(true);
    expect(glob('https://shop.example/search?q=*', 'https://shop.example/searchq=shoes')).toBe(false);
    expect(glob('/(a|b)/[x]+$', '/(a|b)/[x]+$')).toBe(true);
    expect(glob('/(a|b)', '/a')).toBe(false);
    expect(glob('/a\\d', '/a\\d')).toBe(true);
  });

  it('* in a URL host matches a subdomain', () => {
    expect(glob('https://*.example.com/**', 'https://shop.example.com/cart')).toBe(true);
    expect(glob('https://*.example.com/**', 'https://example.com/cart')).toBe(false);
  });
});

describe('survey conditions', () => {
  const ctx = { path: '/cart', url: 'https://shop.example/cart?x=1', device: 'desktop', value: 12, pageType: 'cart' };

  it('hold when absent or when every field holds', () => {
    expect(why(undefined, ctx)).toBeNull();
    expect(why({}, ctx)).toBeNull();
    expect(
      why({ path: '/cart', url: 'https://shop.example/**', device: ['desktop', 'tablet'], context: { value: { lt: 50 }, pageType: 'cart' } }, ctx),
    ).toBeNull();
  });

  it('name the path that did not match', () => {
    expect(why({ path: '/checkout/**' }, ctx)).toBe('if.path is "/cart", wants "/checkout/**"');
    expect(why({ path: ['/checkout/**', '/help/*'] }, ctx)).toBe('if.path is "/cart", wants ["/checkout/**","/help/*"]');
    expect(why({ path: ['/checkout/**', '/cart'] }, ctx)).toBeNull();
  });

  it('match url globs against the full address', () => {
    expect(why({ url: '**/cart' }, ctx)).toBe('if.url is "https://shop.example/cart?x=1", wants "**/cart"');
    expect(why({ url: '**/cart?x=1' }, ctx)).toBeNull();
  });

  it('name the device', () => {
    expect(why({ device: 'mobile' }, ctx)).toBe('if.device is "desktop", wants "mobile"');
    expect(why({ device: ['mobile', 'tablet'] }, ctx)).toBe('if.device is "desktop", wants ["mobile","tablet"]');
  });

  it('name the context key, its value and the comparison', () => {
    expect(why({ context: { value: { gte: 50 } } }, ctx)).toBe('if.context.value is 12, wants {"gte":50}');
    expect(why({ context: { pageType: 'product' } }, ctx)).toBe('if.context.pageType is "cart", wants "product"');
    expect(why({ context: { coupon: 'SALE' } }, ctx)).toBe('if.context.coupon is missing, wants "SALE"');
  });

  it('report the first failing field: path, url, device, then context', () => {
    expect(why({ device: 'mobile', path: '/x', context: { value: 99 } }, ctx)).toMatch(/^if\.path /);
    expect(why({ context: { value: 99 }, device: 'mobile' }, ctx)).toMatch(/^if\.device /);
  });

  it('a missing path fails a path glob without throwing', () => {
    expect(why({ path: '/x' }, {})).toBe('if.path is missing, wants "/x"');
  });
});

describe('answer conditions', () => {
  it('hold when every earlier answer satisfies its comparison', () => {
    expect(checkAnswers(undefined, {})).toBe(true);
    expect(checkAnswers({ mood: { lte: 3 } }, { mood: 2 })).toBe(true);
    expect(checkAnswers({ mood: { lte: 3 } }, { mood: 4 })).toBe(false);
    expect(checkAnswers({ mood: { lte: 3 }, nps: { lt: 7 } }, { mood: 2, nps: 9 })).toBe(false);
    expect(checkAnswers({ thumb: 'down' }, { thumb: 'down' })).toBe(true);
    expect(checkAnswers({ topics: 'price' }, { topics: ['speed', 'price'] })).toBe(true);
  });

  it('fail on a question that was not answered', () => {
    expect(checkAnswers({ mood: { lte: 3 } }, {})).toBe(false);
  });
});
