// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { optionsFromScript } from '../../src/config/dataset';

/** A script tag as a site owner writes it (parsed in a template: nothing is loaded). */
const tag = (html: string) => {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.firstElementChild as HTMLScriptElement;
};

describe('script tag attributes', () => {
  it('become options, flags being on when present whatever their value', () => {
    const el = tag(`<script src="/ressenti.min.js" data-endpoint="https://collect.example.com/f" data-surveys="#defs"
      data-locale="fr-CA" data-consent="required" data-datalayer data-debug="false" data-strings="/strings.json"
      data-accent="#0a7" data-theme="dark" data-position="top-left"></script>`);
    expect(optionsFromScript(el)).toEqual({
      endpoint: 'https://collect.example.com/f',
      surveys: '#defs',
      locale: 'fr-CA',
      consent: 'required',
      dataLayer: true,
      debug: true,
      strings: '/strings.json',
      accent: '#0a7',
      theme: 'dark',
      position: 'top-left',
    });
  });

  it('leave out what is not on the tag', () => {
    const options = optionsFromScript(tag('<script src="/ressenti.min.js" data-endpoint="/f"></script>'));
    expect(options).toEqual({ endpoint: '/f' });
    expect('debug' in options).toBe(false);
  });

  it('data-url-params lists the query parameters kept; data-visitor="off" turns the visitor id off', () => {
    const el = tag('<script src="/ressenti.min.js" data-url-params="ref, variant" data-visitor="off"></script>');
    expect(optionsFromScript(el)).toEqual({ urlParams: ['ref', 'variant'], visitor: false });
    expect(optionsFromScript(tag('<script src="/r.js" data-visitor="on"></script>'))).toEqual({});
  });
});
