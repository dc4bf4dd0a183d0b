import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/config/messages';
import { validateDefinitions } from '../../src/config/validate';
import { SOURCES } from '../../src/journey/sources';

const q = { id: 'q', type: 'thumbs', text: 'Helpful?' };
/** A valid survey with `extra` fields merged in. */
const survey = (extra: object = {}) => ({ id: 's', questions: [q], ...extra });
/** The console lines for one survey with `extra` fields. */
const lines = (extra: object) => validateDefinitions([survey(extra)]).problems.map(formatProblem);
const question = (fields: object) => lines({ questions: [{ ...q, ...fields }] });

describe('survey definitions', () => {
  it('accepts the example of the specification as it is, with no problem', () => {
    const doc = {
      surveys: [
        {
          id: 'post-purchase',
          on: 'purchase',
          delay: 800,
          if: { path: '/checkout/**', device: 'mobile', context: { value: { gte: 50 } } },
          sample: 0.5,
          limit: { once: true, cooldownDays: 30 },
          display: 'popover',
          questions: [
            { id: 'mood', type: 'emoji', text: { en: 'How was checkout?', fr: "Comment s'est passé le paiement ?" } },
            { id: 'why', type: 'text', text: 'What could we do better?', if: { mood: { lte: 3 } } },
          ],
          thanks: { text: 'Thank you!', action: { if: { mood: { lte: 2 } }, label: 'Talk to support', url: '/help' } },
        },
      ],
      settings: { maxPerSession: 1, cooldownDays: 3 },
    };
    const result = validateDefinitions(doc);
    expect(result.problems).toEqual([]);
    expect(result.surveys[0]).toBe(doc.surveys[0]);
    expect(result.settings).toEqual({ maxPerSession: 1, cooldownDays: 3 });
  });

  it('accepts every option of every question type', () => {
    const result = validateDefinitions([
      {
        id: 'all',
        on: ['scroll:50', 'scroll:100', 'dwell:2.5', 'idle:0.5', 'idle:30', 'add_to_cart'],
        priority: -2,
        display: 'inline',
        if: { url: ['https://shop.example/*', '**/help/**'], device: ['tablet', 'desktop'], context: { tier: 'gold', n: { in: [1, '2', null] }, v: { gt: '10', ne: false } } },
        questions: [
          { id: 'e', type: 'emoji', text: 'E', labels: ['1', '2', '3', '4', { en: '5', fr: 'cinq' }] },
          { id: 'r', type: 'rating', text: 'R', scale: 7, style: 'numbers', labels: ['1', '2', '3', '4', '5', '6', '7'] },
          { id: 'n', type: 'nps', text: 'N', labels: ['Never', 'Sure'] },
          { id: 't', type: 'thumbs', text: 'T', labels: ['Yes', 'No'] },
          { id: 'c', type: 'choice', text: 'C', options: ['a', { value: 'b', label: { fr: 'Bé' } }], multiple: true, if: { n: 10, e: { in: [4, 5] } } },
          { id: 'x', type: 'text', text: 'X', placeholder: 'Tell us', maxLength: 10000 },
        ],
        thanks: { action: { label: 'More', url: 'https://example.com/more?x=1' } },
      },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.surveys).toHaveLength(1);
  });

  it('skips an invalid survey and keeps the valid ones, in order, as the same objects', () => {
    const a = survey({ id: 'a' });
    const c = survey({ id: 'c' });
    const result = validateDefinitions({ surveys: [a, survey({ id: 'b', sample: 2 }), c] });
    expect(result.surveys).toEqual([a, c]);
    expect(result.surveys[1]).toBe(c);
    expect(result.problems).toEqual([{ surveyId: 'b', path: 'surveys[1].sample', expect: ['range', 0, 1, undefined], value: 2, level: 'error' }]);
    expect(result.problems.map(formatProblem)).toEqual(['surveys[1] "b": sample must be a number from 0 to 1, got 2']);
  });

  it('says which field of which survey is wrong and why, in one line', () => {
    const result = validateDefinitions([survey({ id: 'a' }), survey({ id: 'b' }), survey({ id: 'nps-home', questions: [{ id: 'q', type: 'rating', text: 'T', scale: 12 }] })]);
    expect(result.problems.map(formatProblem)).toEqual(['surveys[2] "nps-home": questions[0].scale must be an integer from 3 to 10, got 12']);
  });

  it('names a survey by its position when it has no usable id', () => {
    expect(validateDefinitions([survey({ id: 'a' }), survey(), { ...survey(), id: 5 }]).problems.map(formatProblem)).toEqual([
      'surveys[2]: id must be a non-empty string, got 5',
    ]);
    expect(validateDefinitions([{ questions: [q] }]).problems.map(formatProblem)).toEqual(['surveys[0]: id is missing (must be a non-empty string)']);
    expect(validateDefinitions([survey(), 'survey']).problems.map(formatProblem)).toEqual(['surveys[1] must be an object, got "survey"']);
  });

  it('shows a long bad value shortened', () => {
    expect(lines({ display: 'x'.repeat(100) })).toEqual([`surveys[0] "s": display must be "popover" or "inline", got "${'x'.repeat(36)}...`]);
  });

  it('reports a document of the wrong shape once, with nothing to show', () => {
    for (const [input, line] of [
      [42, 'surveys must be an array of surveys or { "surveys": [...] }, got 42'],
      [null, 'surveys must be an array of surveys or { "surveys": [...] }, got null'],
      [{ surveys: 'a.json' }, 'surveys must be an array of surveys or { "surveys": [...] }, got "a.json"'],
      [{}, 'surveys is missing (must be an array of surveys or { "surveys": [...] })'],
    ] as const) {
      const result = validateDefinitions(input);
      expect(result.surveys).toEqual([]);
      expect(result.problems.map(formatProblem)).toEqual([line]);
      expect(result.problems[0].path).toBe('surveys');
    }
  });

  it('does not throw on values JSON cannot show', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(lines({ delay: loop })).toEqual(['surveys[0] "s": delay must be a number >= 0, got object']);
  });
});

describe('survey fields', () => {
  it('refuses a survey id used twice, keeping the first', () => {
    const first = survey({ id: 'a' });
    const result = validateDefinitions([first, survey({ id: 'a' })]);
    expect(result.surveys).toEqual([first]);
    expect(result.problems.map(formatProblem)).toEqual(['surveys[1] "a": id must be unique, got "a" again']);
  });

  it('checks the moments that trigger a survey, with the range of built-in ones', () => {
    const on = 'on must be a moment name (scroll:N with N an integer from 1 to 100, dwell:N or idle:N with N > 0 seconds), or an array of them';
    for (const bad of ['scroll:150', 'scroll:0', 'scroll:2.5', 'scroll:050', 'dwell:0', 'dwell:1e3', 'dwell:2.50', 'idle:-3', 'dwell:', 'idle:5s', '', 7, ['purchase', 3]]) {
      expect(lines({ on: bad })).toEqual([`surveys[0] "s": ${on}, got ${JSON.stringify(bad)}`]);
    }
  });

  it("names every built-in source that takes an N in the moment message, and accepts each one's valid forms", () => {
    const [message] = lines({ on: 'scroll:0' });
    for (const [name, spec] of Object.entries(SOURCES)) {
      if (spec.n) expect(message).toContain(name + ':N');
      expect(lines({ on: spec.n ? name + ':1' : name })).toEqual([]);
    }
    expect(lines({ on: ['purchase', 'scroll', 'exit-intent:3', 'constructor'] })).toEqual([]);
  });

  it('checks timing, sampling, priority and display', () => {
    expect(lines({ delay: -1 })).toEqual(['surveys[0] "s": delay must be a number >= 0, got -1']);
    expect(lines({ sample: 1.5 })).toEqual(['surveys[0] "s": sample must be a number from 0 to 1, got 1.5']);
    expect(lines({ sample: '0.5' })).toEqual(['surveys[0] "s": sample must be a number from 0 to 1, got "0.5"']);
    expect(lines({ priority: 'high' })).toEqual(['surveys[0] "s": priority must be a finite number, got "high"']);
    expect(lines({ display: 'modal' })).toEqual(['surveys[0] "s": display must be "popover" or "inline", got "modal"']);
  });

  it('checks limits', () => {
    expect(lines({ limit: true })).toEqual(['surveys[0] "s": limit must be an object, got true']);
    expect(lines({ limit: { once: 'yes', cooldownDays: -1 } })).toEqual([
      'surveys[0] "s": limit.once must be true or false, got "yes"',
      'surveys[0] "s": limit.cooldownDays must be a number >= 0, got -1',
    ]);
  });

  it('checks the conditions on page, device and context', () => {
    expect(lines({ if: '/checkout' })).toEqual(['surveys[0] "s": if must be an object, got "/checkout"']);
    expect(lines({ if: { path: 5, url: ['/a', 1] } })).toEqual([
      'surveys[0] "s": if.path must be a glob string, or an array of them, got 5',
      'surveys[0] "s": if.url must be a glob string, or an array of them, got ["/a",1]',
    ]);
    expect(lines({ if: { device: 'phone' } })).toEqual(['surveys[0] "s": if.device must be "mobile" or "tablet" or "desktop", or an array of them, got "phone"']);
    expect(lines({ if: { device: ['mobile', 'tv'] } })).toHaveLength(1);
    expect(lines({ if: { context: [] } })).toEqual(['surveys[0] "s": if.context must be an object of comparisons, got []']);
  });

  it('checks every comparison operator, numeric ones accepting numeric strings', () => {
    const cmp = 'must be a value, or an object of eq, ne, lt, lte, gt, gte (numbers), in (an array)';
    for (const bad of [{ gte: 'abc' }, { lt: '' }, { gtee: 3 }, {}, { in: 3 }, { in: [[1]] }, { eq: { a: 1 } }, [1, 2]]) {
      expect(lines({ if: { context: { value: bad } } })).toEqual([`surveys[0] "s": if.context.value ${cmp}, got ${JSON.stringify(bad)}`]);
    }
    expect(lines({ if: { context: { a: 1, b: null, c: { gte: '42', lt: 100, ne: 'x', eq: true, in: ['a', 2] } } } })).toEqual([]);
  });
});

describe('questions', () => {
  it('needs a non-empty list of questions', () => {
    expect(validateDefinitions([{ id: 's' }]).problems.map(formatProblem)).toEqual(['surveys[0] "s": questions is missing (must be a non-empty array of questions)']);
    expect(lines({ questions: [] })).toEqual(['surveys[0] "s": questions must be a non-empty array of questions, got []']);
    expect(lines({ questions: [q, 'q2'] })).toEqual(['surveys[0] "s": questions[1] must be an object, got "q2"']);
  });

  it('needs a unique id, a known type and a text on every question', () => {
    expect(lines({ questions: [q, q] })).toEqual(['surveys[0] "s": questions[1].id must be unique, got "q" again']);
    expect(question({ id: '' })).toEqual(['surveys[0] "s": questions[0].id must be a non-empty string, got ""']);
    expect(question({ type: 'stars' })).toEqual([
      'surveys[0] "s": questions[0].type must be "emoji" or "rating" or "nps" or "thumbs" or "choice" or "text", got "stars"',
    ]);
    expect(question({ text: undefined })).toEqual(['surveys[0] "s": questions[0].text is missing (must be a string or a per-locale map of strings)']);
    expect(question({ text: {} })).toEqual(['surveys[0] "s": questions[0].text must be a string or a per-locale map of strings, got {}']);
    expect(question({ text: { en: 'Hi', fr: 5 } })).toHaveLength(1);
  });

  it('does not call the fields of an unknown type unknown', () => {
    expect(question({ type: 'star', scale: 5, labels: ['a'] })).toHaveLength(1);
  });

  it('lets a question depend only on earlier questions', () => {
    const questions = [
      { id: 'a', type: 'nps', text: 'A', if: { b: 1 } },
      { id: 'b', type: 'nps', text: 'B', if: { a: { gte: 9 }, b: 2, zz: 3 } },
    ];
    expect(lines({ questions })).toEqual([
      'surveys[0] "s": questions[0].if.b is not the id of an earlier question',
      'surveys[0] "s": questions[1].if.b is not the id of an earlier question',
      'surveys[0] "s": questions[1].if.zz is not the id of an earlier question',
    ]);
    expect(question({ if: { q: { lt: 'x' } } })).toHaveLength(1);
    expect(lines({ questions: [q, { ...q, id: 'r', if: { q: { in: 'up' } } }] })).toEqual([
      'surveys[0] "s": questions[1].if.q must be a value, or an object of eq, ne, lt, lte, gt, gte (numbers), in (an array), got {"in":"up"}',
    ]);
  });

  it('checks the labels of each question type by count and content', () => {
    expect(question({ type: 'emoji', labels: ['1', '2', '3', '4'] })).toEqual(['surveys[0] "s": questions[0].labels must be an array of 5 texts, got ["1","2","3","4"]']);
    expect(question({ type: 'nps', labels: 'low' })).toEqual(['surveys[0] "s": questions[0].labels must be an array of 2 texts, got "low"']);
    expect(question({ type: 'thumbs', labels: ['up', 'down', 'meh'] })).toHaveLength(1);
    expect(question({ type: 'thumbs', labels: ['up', 3] })).toEqual(['surveys[0] "s": questions[0].labels[1] must be a string or a per-locale map of strings, got 3']);
    expect(question({ type: 'rating', labels: ['1', '2', '3'] })).toEqual(['surveys[0] "s": questions[0].labels must be an array of 2 or 5 texts, got ["1","2","3"]']);
    expect(question({ type: 'rating', scale: 3, labels: ['1', '2', '3'] })).toEqual([]);
  });

  it('checks the scale and style of a rating', () => {
    expect(question({ type: 'rating', scale: 2.5 })).toEqual(['surveys[0] "s": questions[0].scale must be an integer from 3 to 10, got 2.5']);
    expect(question({ type: 'rating', style: 'hearts' })).toEqual(['surveys[0] "s": questions[0].style must be "stars" or "numbers", got "hearts"']);
  });

  it('checks the options of a choice: present, well formed, each value once', () => {
    const choice = (fields: object) => question({ type: 'choice', ...fields });
    expect(choice({})).toEqual(['surveys[0] "s": questions[0].options is missing (must be a non-empty array of options)']);
    expect(choice({ options: [] })).toEqual(['surveys[0] "s": questions[0].options must be a non-empty array of options, got []']);
    expect(choice({ options: ['a', 5, { label: 'B' }] })).toEqual([
      'surveys[0] "s": questions[0].options[1] must be a non-empty string or an object { value, label? }, got 5',
      'surveys[0] "s": questions[0].options[2].value is missing (must be a non-empty string)',
    ]);
    expect(choice({ options: ['a', { value: 'a', label: 'A' }] })).toEqual(['surveys[0] "s": questions[0].options[1].value must be unique, got "a" again']);
    expect(choice({ options: [{ value: 'a', label: 1 }], multiple: 'yes' })).toEqual([
      'surveys[0] "s": questions[0].options[0].label must be a string or a per-locale map of strings, got 1',
      'surveys[0] "s": questions[0].multiple must be true or false, got "yes"',
    ]);
  });

  it('checks the placeholder and length of a text question', () => {
    expect(question({ type: 'text', placeholder: ['x'] })).toEqual(['surveys[0] "s": questions[0].placeholder must be a string or a per-locale map of strings, got ["x"]']);
    for (const maxLength of [0, 10001, 12.5, '100']) {
      expect(question({ type: 'text', maxLength })).toEqual([`surveys[0] "s": questions[0].maxLength must be an integer from 1 to 10000, got ${JSON.stringify(maxLength)}`]);
    }
  });
});

describe('thanks', () => {
  it('checks the thanks text and its action', () => {
    expect(lines({ thanks: { text: 5 } })).toEqual(['surveys[0] "s": thanks.text must be a string or a per-locale map of strings, got 5']);
    expect(lines({ thanks: { action: { url: '/help' } } })).toEqual(['surveys[0] "s": thanks.action.label is missing (must be a string or a per-locale map of strings)']);
    expect(lines({ thanks: { action: { label: 'Help', url: '/help', if: { q: 'up', nope: 1 } } } })).toEqual([
      'surveys[0] "s": thanks.action.if.nope is not the id of an earlier question',
    ]);
  });

  it('accepts only http(s) and relative links', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<b>', 'vbscript:x', 'mailto:a@b.c', '', '  ']) {
      expect(lines({ thanks: { action: { label: 'Go', url } } })).toEqual([`surveys[0] "s": thanks.action.url must be an http(s) or relative URL, got ${JSON.stringify(url)}`]);
    }
    for (const url of ['https://example.com/help', 'HTTP://example.com', '/help', 'help/faq', '?topic=returns', '#contact', '//cdn.example.com/x', '/a:b']) {
      expect(lines({ thanks: { action: { label: 'Go', url } } })).toEqual([]);
    }
  });
});

describe('settings', () => {
  it('drops a bad setting alone, keeping the others and every survey', () => {
    const s = survey();
    const result = validateDefinitions({ surveys: [s], settings: { maxPerSession: 1.5, cooldownDays: 2 } });
    expect(result.settings).toEqual({ cooldownDays: 2 });
    expect(result.surveys).toEqual([s]);
    expect(result.problems.map(formatProblem)).toEqual(['settings.maxPerSession must be an integer >= 0, got 1.5']);
  });

  it('ignores settings that are not an object', () => {
    const result = validateDefinitions({ surveys: [], settings: 3 });
    expect(result.settings).toEqual({});
    expect(result.problems.map(formatProblem)).toEqual(['settings must be an object, got 3']);
  });
});

describe('unknown fields', () => {
  it('are warnings, anywhere, and do not drop the survey', () => {
    const s = survey({
      colour: 'red',
      if: { pathname: '/x' },
      limit: { once: true, days: 2 },
      questions: [{ ...q, hint: 'x' }, { id: 'c', type: 'choice', text: 'C', options: [{ value: 'a', title: 'A' }] }],
      thanks: { text: 'Thanks', action: { label: 'L', url: '/', target: '_blank' } },
    });
    const result = validateDefinitions({ $schema: 'https://example.com/schema.json', surveys: [s], settings: { maxPerSesion: 1 }, version: 2 });
    expect(result.surveys).toEqual([s]);
    expect(result.problems.every((p) => p.level == 'warning')).toBe(true);
    expect(result.problems.map(formatProblem).sort()).toEqual(
      [
        'version is not a known field (ignored)',
        'settings.maxPerSesion is not a known field (ignored)',
        'surveys[0] "s": colour is not a known field (ignored)',
        'surveys[0] "s": if.pathname is not a known field (ignored)',
        'surveys[0] "s": limit.days is not a known field (ignored)',
        'surveys[0] "s": questions[0].hint is not a known field (ignored)',
        'surveys[0] "s": questions[1].options[0].title is not a known field (ignored)',
        'surveys[0] "s": thanks.action.target is not a known field (ignored)',
      ].sort(),
    );
  });

  it('is an unknown field for a question of another type', () => {
    expect(question({ type: 'nps', scale: 11 })).toEqual(['surveys[0] "s": questions[0].scale is not a known field (ignored)']);
  });
});

describe('a page that added an enumerable property to Object.prototype', () => {
  it('changes nothing: every survey still validates, with no problem', () => {
    Object.assign(Object.prototype, { toJSON: () => 'patched' }); // assigned, as old libraries did: for…in sees it
    try {
      const doc = {
        surveys: [survey({ if: { context: { plan: 'pro' } }, questions: [q, { id: 'r', type: 'text', text: 'Why?', if: { q: 'down' } }] })],
        settings: { maxPerSession: 1 },
      };
      expect(validateDefinitions(doc)).toEqual({ surveys: doc.surveys, settings: { maxPerSession: 1 }, problems: [] });
    } finally {
      delete (Object.prototype as { toJSON?: unknown }).toJSON;
    }
  });
});
