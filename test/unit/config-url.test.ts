import { describe, expect, it } from 'vitest';
import { pageUrl } from '../../src/config/url';

describe('the page URL events carry', () => {
  it('has no fragment and no query parameters but utm_*', () => {
    expect(pageUrl('https://shop.example/orders/42?email=a%40b.c&token=s3cr3t&utm_source=mail&utm_campaign=nov#order-42')).toBe(
      'https://shop.example/orders/42?utm_source=mail&utm_campaign=nov',
    );
    expect(pageUrl('https://shop.example/account?reset=tok#top')).toBe('https://shop.example/account');
  });

  it('keeps the parameters the owner names, in their order on the page', () => {
    expect(pageUrl('https://shop.example/p?variant=b&id=9&ref=news', ['ref', 'variant'])).toBe('https://shop.example/p?variant=b&ref=news');
  });
});
