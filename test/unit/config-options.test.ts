import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/config/messages';
import { checkOptions } from '../../src/config/validate';

const said = (options: object) => checkOptions(options)[1].map((p) => [p.level, formatProblem(p)]);

describe('options checked at start', () => {
  it('keeps known values and says nothing', () => {
    const options = { endpoint: '/collect', consent: 'required' as const, theme: 'dark' as const, position: 'top-left' as const, locale: 'de' };
    expect(checkOptions(options)).toEqual([options, []]);
    expect(checkOptions({})).toEqual([{}, []]);
  });

  it('an unknown theme or position is warned about and left out: the default applies', () => {
    const [options] = checkOptions({ theme: 'purple' as never, position: 'middle' as never, accent: '#f00' });
    expect(options).toEqual({ accent: '#f00' });
    expect(said({ theme: 'purple', position: 'middle' })).toEqual([
      ['warning', 'theme must be "light" or "dark" or "auto", got "purple"; the default applies'],
      ['warning', 'position must be "bottom-right" or "bottom-left" or "top-right" or "top-left" or "center", got "middle"; the default applies'],
    ]);
  });

  it('an endpoint that is not http(s) is refused: an error, and no endpoint', () => {
    for (const endpoint of ['data:text/plain,x', 'javascript:alert(1)', ' JavaScript:x', 'blob:https://a/b', 'file:///tmp/x']) {
      expect(checkOptions({ endpoint })[0].endpoint).toBeUndefined();
      expect(said({ endpoint })).toEqual([['error', `endpoint must be an http(s) or relative URL, got ${JSON.stringify(endpoint)}; nothing is sent`]]);
    }
    for (const endpoint of ['https://collect.example/f', 'http://localhost:8787/collect', '/collect', 'collect', '//cdn.example/c']) expect(said({ endpoint })).toEqual([]);
  });

  it('a mistyped consent is warned about and stays set, so it counts as required', () => {
    const [options] = checkOptions({ consent: 'yes' as never });
    expect(options.consent).toBe('yes');
    expect(said({ consent: 'yes' })).toEqual([['warning', 'consent must be "required", got "yes"; treated as "required"']]);
  });
});
