// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { checkOptions, optionsFromScript } from '../../src/config/dataset';
import { formatProblem } from '../../src/config/validate';
import type { Options } from '../../src/types';

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
});

describe('checking options', () => {
  it('has nothing to say about good values, and changes nothing', () => {
    const options: Options = { theme: 'auto', position: 'center', consent: 'required', accent: 'red' };
    expect(checkOptions(options)).toEqual([]);
    expect(options).toEqual({ theme: 'auto', position: 'center', consent: 'required', accent: 'red' });
  });

  it('warns about a bad theme or position and lets the default apply', () => {
    const options = { theme: 'purple', position: 'middle', endpoint: '/f' } as unknown as Options;
    const problems = checkOptions(options);
    expect(problems.map(formatProblem)).toEqual([
      'data-theme must be "light" or "dark" or "auto", got "purple"; the default applies',
      'data-position must be "bottom-right" or "bottom-left" or "top-right" or "top-left" or "center", got "middle"; the default applies',
    ]);
    expect(problems.every((p) => p.level == 'warning')).toBe(true);
    expect(options).toEqual({ endpoint: '/f' });
  });

  it('reads a mistyped consent value as consent required, never as no consent needed', () => {
    const options = optionsFromScript(tag('<script src="/r.js" data-consent="yes"></script>'));
    expect(checkOptions(options).map(formatProblem)).toEqual(['data-consent must be "required", got "yes"; treated as "required"']);
    expect(options.consent).toBe('required');
  });
});
