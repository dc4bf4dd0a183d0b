// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import fr from '../../src/i18n/fr';
import { register } from '../../src/i18n/registry';
import type { Answers, Question, Survey } from '../../src/types';
import type { OpenOptions, UiHandle } from '../../src/ui/contract';
import { open } from '../../src/ui/open';
import { linkAnswers } from '../../src/ui/state';
import { readableOn } from '../../src/ui/styles';

// French as if its file had loaded with the UI (the script tag's and npm's loaders do this).
register('fr', fr);

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const handles: UiHandle[] = [];

// The widget's parts are found as a visitor (and a screen reader) finds them, by role and accessible
// name, never by class or id: those are the UI's to rename.
const ROLES = {
  button: 'button',
  checkbox: 'input[type=checkbox]',
  group: '[role=group]',
  heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
  link: 'a[href]',
  region: '[role=region]',
  textbox: 'textarea, input:not([type]), input[type=text]',
};
type Role = keyof typeof ROLES;

/** The text of the elements an attribute lists by id (`aria-labelledby`, `aria-describedby`). */
const idrefs = (el: Element, attribute: string) => {
  const ids = el.getAttribute(attribute);
  const root = el.getRootNode() as Document | ShadowRoot;
  return ids === null ? undefined : ids.split(' ').map((id) => root.getElementById(id)?.textContent ?? '').join(' ');
};

/** The accessible name: `aria-labelledby`, else `aria-label`, else the label around it, else its text. */
const nameOf = (el: Element) => (idrefs(el, 'aria-labelledby') ?? el.getAttribute('aria-label') ?? el.closest('label')?.textContent ?? el.textContent ?? '').trim();

function show(survey: Partial<Survey> & { questions: Question[] }, more: Partial<OpenOptions> = {}) {
  const calls = { answers: [] as [Answers, boolean][], dismissed: [] as Answers[], closed: 0, shown: 0 };
  const handle = open({
    survey: { id: 's', ...survey },
    locale: 'en',
    onShow: () => calls.shown++,
    onAnswer: (answers, complete) => calls.answers.push([answers, complete]),
    onDismiss: (answers) => calls.dismissed.push(answers),
    onClose: () => calls.closed++,
    ...more,
  });
  handles.push(handle);
  const root = () => document.querySelector('ressenti-widget')?.shadowRoot ?? null;
  /** Every element of `role` (named `name`, if given) inside `within`. */
  const all = (role: Role, name?: string | RegExp, within: ParentNode = root()!) =>
    [...within.querySelectorAll<HTMLElement>(ROLES[role])].filter((el) => name === undefined || (typeof name === 'string' ? nameOf(el) === name : name.test(nameOf(el))));
  const one = (role: Role, name?: string | RegExp) => all(role, name)[0] ?? null;
  /** The points of the question's scale (or its choices): the buttons of its group. */
  const points = () => all('button', undefined, one('group')!);
  const names = () => points().map(nameOf);
  const heading = () => one('heading')?.textContent;
  /** Whether some element of the widget shows exactly this text. */
  const shows = (text: string | RegExp) =>
    [...root()!.querySelectorAll('*')].some((el) => (typeof text === 'string' ? el.textContent === text : text.test(el.textContent ?? '')) && ![...el.children].some((c) => c.textContent === el.textContent));
  const click = async (el: HTMLElement) => {
    el.click();
    await tick();
  };
  const key = async (el: Element, name: string) => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
    await tick();
  };
  return { calls, handle, root, all, one, points, names, heading, shows, click, key };
}

const emoji = (more?: Partial<Question>): Question => ({ id: 'mood', type: 'emoji', text: 'How was checkout?', ...more }) as Question;

afterEach(() => {
  handles.splice(0).forEach((h) => h.close());
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('what the visitor sees', () => {
  test('one tap on a face sends a single-question survey and thanks the visitor', async () => {
    const w = show({ questions: [emoji()] });
    expect(w.points()).toHaveLength(5);
    expect(w.all('button').filter((b) => !w.points().includes(b) && b !== w.one('button', 'Close'))).toEqual([]); // nothing else to press
    await w.click(w.points()[3]);
    expect(w.calls.answers).toEqual([[{ mood: 4 }, true]]);
    expect(w.shows('Thank you!')).toBe(true);
  });

  test('a multi-question survey skips a question whose if fails, goes back, and sends on the last step', async () => {
    const w = show({
      questions: [
        emoji(),
        { id: 'why', type: 'text', text: 'What went wrong?', if: { mood: { lte: 2 } } },
        { id: 'again', type: 'thumbs', text: 'Would you buy again?' },
      ],
    });
    expect(w.heading()).toBe('How was checkout?');
    await w.click(w.points()[4]); // delighted: "what went wrong" is skipped
    expect(w.calls.answers).toEqual([[{ mood: 5 }, false]]);
    expect(w.heading()).toBe('Would you buy again?');
    expect(w.shows('2 of 2')).toBe(true);

    await w.click(w.one('button', 'Back')!);
    expect(w.heading()).toBe('How was checkout?');
    await w.click(w.points()[1]); // unhappy: now the text question is asked
    expect(w.heading()).toBe('What went wrong?');
    expect(w.shows('2 of 3')).toBe(true);
    expect(w.calls.answers.at(-1)).toEqual([{ mood: 2 }, false]); // a changed answer is reported again
    const box = w.one('textbox', 'What went wrong?') as HTMLTextAreaElement;
    box.value = 'Too slow';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await w.click(w.one('button', 'Next')!);
    expect(w.calls.answers.at(-1)).toEqual([{ mood: 2, why: 'Too slow' }, false]);
    await w.click(w.one('button', 'Back')!);
    await w.click(w.one('button', 'Next')!); // back and on again without a change: nothing new is sent
    expect(w.calls.answers).toHaveLength(3);
    await w.click(w.points()[0]); // thumbs up on the last step: recorded, waits for Send
    expect(w.heading()).toBe('Would you buy again?');
    expect(w.one('button', 'Next')).toBeNull();
    await w.click(w.one('button', 'Send')!);
    expect(w.calls.answers.at(-1)).toEqual([{ mood: 2, why: 'Too slow', again: 'up' }, true]);
    expect(w.calls.answers.filter(([, complete]) => complete)).toHaveLength(1);
    expect(w.shows('Thank you!')).toBe(true);
  });

  test('after a one-tap answer the next step repeats it by its progress: the number or word, else the name of the face or stars', async () => {
    const w = show({
      questions: [
        { id: 'score', type: 'nps', text: 'Recommend us?' },
        { id: 'stars', type: 'rating', style: 'stars', text: 'Rate the delivery' },
        emoji(),
        { id: 'why', type: 'text', text: 'Anything to add?' },
      ],
    });
    expect(w.shows(/Your answer/)).toBe(false); // nothing before the first step
    await w.click(w.points()[9]);
    expect(w.shows('Your answer: 9 · 2 of 4')).toBe(true);
    await w.click(w.points()[3]);
    expect(w.shows('Your answer: 4 stars · 3 of 4')).toBe(true);
    await w.click(w.points()[3]);
    expect(w.shows('Your answer: Happy · 4 of 4')).toBe(true);
    await w.click(w.one('button', 'Back')!);
    expect(w.shows('Your answer: 4 stars · 3 of 4')).toBe(true);
    handles.pop()!.close();

    const fr = show({ questions: [{ id: 'ok', type: 'thumbs', text: 'Trouvé ?' }, emoji()] }, { locale: 'fr' });
    await fr.click(fr.points()[0]);
    expect(fr.shows('Votre réponse\u00a0: Oui · 2 sur 2')).toBe(true);
  });

  test('an answer to a question that became hidden is not sent', async () => {
    const w = show({
      questions: [emoji(), { id: 'why', type: 'text', text: 'Why?', if: { mood: { lte: 2 } } }],
    });
    await w.click(w.points()[0]);
    const box = w.one('textbox', 'Why?') as HTMLTextAreaElement;
    box.value = 'slow';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await w.click(w.one('button', 'Back')!);
    await w.click(w.points()[4]); // delighted: the survey is complete at once
    expect(w.calls.answers.at(-1)).toEqual([{ mood: 5 }, true]);
  });

  test('markup in a definition is shown as text, never parsed', async () => {
    const w = show({
      questions: [{ id: 'c', type: 'choice', text: '<b>x</b>', options: ['<img src=x onerror=alert(1)>'] }],
      thanks: { text: '<i>merci</i>' },
    });
    expect(w.heading()).toBe('<b>x</b>');
    expect(w.root()!.querySelector('b, img')).toBeNull();
    expect(w.names()).toEqual(['<img src=x onerror=alert(1)>']);
    await w.click(w.points()[0]);
    expect(w.shows('<i>merci</i>')).toBe(true);
  });

  test('a thanks action shows only when its if holds, and never with a javascript: URL', async () => {
    const action = { label: 'Talk to support', url: '/help', if: { mood: { lte: 2 } } };
    let w = show({ questions: [emoji()], thanks: { action } });
    await w.click(w.points()[4]);
    expect(w.all('link')).toEqual([]);
    w.handle.close();
    w = show({ questions: [emoji()], thanks: { action } });
    await w.click(w.points()[0]);
    expect(w.one('link', 'Talk to support')!.getAttribute('href')).toBe('/help');
    w.handle.close();
    w = show({ questions: [emoji()], thanks: { action: { label: 'x', url: 'java\nscript:alert(1)' } } });
    await w.click(w.points()[0]);
    expect(w.all('link')).toEqual([]);
    expect(w.root()!.querySelector('a')).toBeNull(); // not even without its href
  });

  test('a link answer skips the first question', async () => {
    const w = show(
      { questions: [{ id: 'nps', type: 'nps', text: 'Recommend us?' }, emoji({ text: 'And the delivery?' })] },
      { linkAnswer: '9' },
    );
    expect(w.calls.answers).toEqual([[{ nps: 9 }, false]]); // the link's answer, reported as the survey shows
    expect(w.heading()).toBe('And the delivery?');
    expect(w.shows(/\bof\b/)).toBe(false); // one question left: no "1 of 1"
    await w.click(w.points()[2]); // the one question left: one tap sends, with the link's answer
    expect(w.calls.answers).toEqual([[{ nps: 9 }, false], [{ nps: 9, mood: 3 }, true]]);
  });

  test('a survey whose every question a link answered shows the thanks screen', () => {
    const w = show({ questions: [{ id: 'nps', type: 'nps', text: 'Recommend us?' }] }, { linkAnswer: '10' });
    expect(w.shows('Thank you!')).toBe(true);
    expect(w.calls.answers).toEqual([[{ nps: 10 }, true]]); // complete: nothing is left to ask
  });

  test('a link answer that is not an answer to the first question is warned about; the survey asks it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const w = show({ id: 'nps-mail', questions: [{ id: 'nps', type: 'nps', text: 'Recommend us?' }] }, { linkAnswer: '11' });
    expect(warn).toHaveBeenCalledWith('[ressenti] link: "11" is not an answer to nps-mail.nps; the survey opens without it');
    expect(w.heading()).toBe('Recommend us?');
    expect(w.calls.answers).toEqual([]);
    warn.mockRestore();
  });


  test('multiple choice is checkboxes, answered in option order, with Send', async () => {
    const w = show({ questions: [{ id: 'os', type: 'choice', multiple: true, text: 'Which?', options: ['iOS', { value: 'and', label: 'Android' }, 'Web'] }] });
    const boxes = w.all('checkbox') as HTMLInputElement[];
    expect(boxes.map(nameOf)).toEqual(['iOS', 'Android', 'Web']);
    expect((w.one('button', 'Send') as HTMLButtonElement).disabled).toBe(true);
    await w.click(boxes[2]);
    await w.click(boxes[1]);
    await w.click(w.one('button', 'Send')!);
    expect(w.calls.answers).toEqual([[{ os: ['and', 'Web'] }, true]]);
  });

  test('a text question has its length limit and placeholder', () => {
    const w = show({ questions: [{ id: 't', type: 'text', text: 'Tell us', placeholder: { en: 'Your words', fr: 'Vos mots' } }] });
    const box = w.one('textbox', 'Tell us') as HTMLTextAreaElement; // named by the question
    expect(box.maxLength).toBe(1000);
    expect(box.placeholder).toBe('Your words');
  });
});

describe('accessibility', () => {
  test('controls are named from labels, else from the built-in names', () => {
    const labels = ['Awful', 'Bad', 'Meh', 'Good', 'Great'];
    expect(show({ questions: [emoji({ labels })] }).names()).toEqual(labels);
    handles.pop()!.close();
    expect(show({ questions: [emoji()] }).names()).toEqual(['Very unhappy', 'Unhappy', 'Neutral', 'Happy', 'Delighted']);
    handles.pop()!.close();
    expect(show({ questions: [{ id: 'r', type: 'rating', scale: 3, text: 'Rate' }] }).names()).toEqual(['1 of 3', '2 of 3', '3 of 3']);
    handles.pop()!.close();
    const stars = show({ questions: [{ id: 'r', type: 'rating', style: 'stars', scale: 3, text: 'Rate', labels: ['Bad', 'OK', 'Good'] }] });
    expect(stars.names()).toEqual(['1 star, Bad', '2 stars, OK', '3 stars, Good']);
    handles.pop()!.close();
    // Thumbs are named by the words they show.
    expect(show({ questions: [{ id: 't', type: 'thumbs', text: 'OK?' }] }).names()).toEqual(['Yes', 'No']);
    handles.pop()!.close();
    const thumbs = show({ questions: [{ id: 't', type: 'thumbs', text: 'OK?', labels: ['Sure', 'Nope'] }] });
    expect(thumbs.names()).toEqual(['Sure', 'Nope']);
    expect(thumbs.points().map((b) => [b.textContent, b.hasAttribute('aria-label')])).toEqual([['Sure', false], ['Nope', false]]);
  });

  test('NPS points are grouped under the question, with the end labels tied to 0 and 10', () => {
    const w = show({ questions: [{ id: 'n', type: 'nps', text: 'Recommend us?' }] });
    expect(w.one('group', 'Recommend us?')).not.toBeNull();
    const points = w.points();
    expect(points.map((p) => p.textContent)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(idrefs(points[0], 'aria-describedby')).toBe('Not at all likely');
    expect(idrefs(points[10], 'aria-describedby')).toBe('Extremely likely');
    expect(idrefs(points[5], 'aria-describedby')).toBeUndefined();
  });

  test('every point of a scale is a tab stop, and moving focus along it answers nothing', () => {
    const w = show({ questions: [{ id: 'r', type: 'rating', text: 'Rate' }] });
    const points = w.points();
    expect(points.map((p) => p.tabIndex)).toEqual([0, 0, 0, 0, 0]);
    points.forEach((p) => p.focus());
    expect(w.calls.answers).toEqual([]);
  });

  test('the picked point is pressed', async () => {
    const w = show({ questions: [emoji(), emoji({ id: 'b' })] });
    await w.click(w.points()[2]);
    await w.click(w.one('button', 'Back')!);
    expect(w.points().map((p) => p.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'true', 'false', 'false']);
  });

  test('Escape dismisses with the answers so far, then the widget goes', async () => {
    const w = show({ questions: [emoji(), emoji({ id: 'b' })] });
    await w.click(w.points()[2]);
    await w.key(w.points()[0], 'Escape');
    expect(w.calls.dismissed).toEqual([{ mood: 3 }]);
    expect(w.calls.closed).toBe(1);
    expect(w.root()).toBeNull();
  });

  test('the close button is named and dismisses', async () => {
    const w = show({ questions: [emoji()] });
    await w.click(w.one('button', 'Close')!);
    expect(w.calls.dismissed).toEqual([{}]);
    expect(w.calls.closed).toBe(1);
    expect(document.querySelector('ressenti-widget')).toBeNull();
  });

  test('a popover does not take focus when it appears, but focus follows the visitor through the steps', async () => {
    const field = document.body.appendChild(document.createElement('input'));
    field.focus();
    const w = show({ questions: [emoji(), emoji({ id: 'b', text: 'And delivery?' })] });
    expect(document.activeElement).toBe(field);
    expect(w.root()!.activeElement).toBeNull();
    await w.click(w.points()[1]);
    expect(w.root()!.activeElement).toBe(w.points()[0]);
  });

  test('the widget is a region labelled in the survey language', () => {
    const w = show({ questions: [emoji()] }, { locale: 'fr-CA' });
    const region = w.one('region', 'Votre avis')!;
    expect(region.getAttribute('lang')).toBe('fr-CA');
  });
});

describe('languages', () => {
  test('French strings for fr-CA, definition texts in French where given', async () => {
    const w = show(
      { questions: [emoji({ text: { en: 'How was it?', fr: 'Comment était-ce ?' } }), { id: 'n', type: 'nps', text: 'Recommander ?' }] },
      { locale: 'fr-CA' },
    );
    expect(w.heading()).toBe('Comment était-ce ?');
    expect(w.shows('1 sur 2')).toBe(true);
    expect(w.one('button', 'Fermer')).not.toBeNull();
    expect(w.names()).toEqual(['Très mécontent', 'Mécontent', 'Neutre', 'Content', 'Ravi']);
    await w.click(w.points()[0]);
    expect(idrefs(w.points()[0], 'aria-describedby')).toBe('Pas du tout probable');
    expect([w.one('button', 'Retour'), w.one('button', 'Envoyer')]).not.toContain(null);
  });

  test('setLocale re-renders in the new language, with the given overrides', async () => {
    const w = show({ questions: [emoji({ text: { en: 'How was it?', de: 'Wie war es?' } })] });
    w.handle.setLocale('de', { de: { close: 'Schließen' } });
    await tick();
    expect(w.heading()).toBe('Wie war es?');
    expect(w.one('button', 'Schließen')).not.toBeNull();
    expect(w.names()[0]).toBe('Very unhappy'); // the German file is not loaded here: English
  });

  test('an Arabic or Hebrew survey is right to left, and left to right again in English', async () => {
    const w = show({ questions: [emoji()] }, { locale: 'ar-EG' });
    const host = document.querySelector('ressenti-widget') as HTMLElement;
    expect(host.dir).toBe('rtl');
    w.handle.setLocale('en');
    await tick();
    expect(host.dir).not.toBe('rtl');
    w.handle.setLocale('he_IL');
    await tick();
    expect(host.dir).toBe('rtl');
  });
});

describe('the host page', () => {
  test('the host is a custom element marked data-ressenti-host, styled by adopted sheets only', () => {
    const w = show({ questions: [emoji()] });
    const host = document.querySelector('ressenti-widget')!;
    expect(host.hasAttribute('data-ressenti-host')).toBe(true);
    expect(host.getAttribute('popover')).toBe('manual');
    expect(host.parentElement).toBe(document.body);
    expect(w.root()!.adoptedStyleSheets.length).toBe(2);
    expect(w.root()!.querySelector('style, [style]')).toBeNull();
    expect(host.hasAttribute('style')).toBe(false);
  });

  test('it says it is on screen once, before any answer, and a link answer is reported after that', () => {
    const order: string[] = [];
    show(
      { questions: [{ id: 'nps', type: 'nps', text: 'Recommend us?' }, emoji()] },
      { linkAnswer: '9', onShow: () => order.push('shown'), onAnswer: () => order.push('answer') },
    );
    expect(order).toEqual(['shown', 'answer']);
    expect(document.querySelector('ressenti-widget')).not.toBeNull();
  });

  test('when it cannot render (no attachShadow), it never says it is shown: it closes with the error', () => {
    const attach = Element.prototype.attachShadow;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    // @ts-expect-error: a page that removed it
    delete Element.prototype.attachShadow;
    try {
      const calls = { shown: 0, closed: [] as unknown[] };
      open({
        survey: { id: 's', questions: [emoji()] },
        locale: 'en',
        onShow: () => calls.shown++,
        onAnswer() {},
        onDismiss() {},
        onClose: (error) => calls.closed.push(error),
      });
      expect(calls.shown).toBe(0);
      expect(calls.closed).toEqual([expect.any(TypeError)]);
      expect(document.querySelector('ressenti-widget')).toBeNull();
    } finally {
      Element.prototype.attachShadow = attach;
      errors.mockRestore();
    }
  });

  test('the accent and the text on it go in the widget sheet', () => {
    const w = show({ questions: [emoji()] }, { accent: '#ffd43b', position: 'top-left' });
    const own = [...w.root()!.adoptedStyleSheets[1].cssRules].map((r) => r.cssText).join(' ');
    expect(own).toMatch(/--accent: ?#ffd43b/);
    expect(own).toMatch(/--on: ?#(000|fff)/); // which one needs a real browser to resolve the colour: see readableOn below
    // In logical terms: a right-to-left host puts it in the top-right corner.
    expect(own).toMatch(/inset-block-start: ?16px ?!important; ?inset-inline-start: ?16px ?!important/);
  });

  test('an accent that is not a colour is ignored, and the survey shows all the same', () => {
    const w = show({ questions: [emoji()] }, { accent: 'red;}:host{display:none' });
    expect(w.heading()).toBe('How was checkout?');
    const own = [...w.root()!.adoptedStyleSheets[1].cssRules].map((r) => r.cssText).join(' ');
    expect(own).not.toMatch(/--accent/);
  });

  test('an inline survey renders inside its element, with no close button, and keeps its thanks', async () => {
    vi.useFakeTimers();
    const slot = document.body.appendChild(document.createElement('section'));
    const w = show({ questions: [{ id: 'h', type: 'thumbs', text: 'Was this article helpful?' }] }, { target: slot });
    const host = slot.querySelector('ressenti-widget')!;
    expect(host.hasAttribute('popover')).toBe(false);
    expect(w.one('button', 'Close')).toBeNull();
    w.points()[1].click();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(w.calls.answers).toEqual([[{ h: 'down' }, true]]);
    expect(slot.contains(host)).toBe(true);
    expect(w.calls.closed).toBe(0);
  });

  test('a popover thanks screen closes itself after a few seconds', async () => {
    vi.useFakeTimers();
    const w = show({ questions: [emoji()] });
    w.points()[0].click();
    await vi.advanceTimersByTimeAsync(3000);
    expect(w.shows('Thank you!')).toBe(true);
    await vi.advanceTimersByTimeAsync(1500);
    expect(w.root()).toBeNull();
    expect(w.calls.closed).toBe(1);
    expect(w.calls.dismissed).toEqual([]);
  });

  test('a thanks screen with an action stays twice as long (8 s), then closes without a dismissal', async () => {
    vi.useFakeTimers();
    const w = show({ questions: [emoji()], thanks: { action: { label: 'Help', url: 'https://example.com/help' } } });
    w.points()[0].click();
    await vi.advanceTimersByTimeAsync(7500);
    expect(w.one('link', 'Help')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.root()).toBeNull();
    expect(w.calls.dismissed).toEqual([]);
    expect(w.calls.closed).toBe(1);
  });

  test('close() removes the widget and its timers without calling back', async () => {
    vi.useFakeTimers();
    const w = show({ questions: [emoji()] });
    w.points()[0].click();
    await vi.advanceTimersByTimeAsync(0);
    w.handle.close();
    expect(document.querySelector('ressenti-widget')).toBeNull();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(w.calls.closed).toBe(0);
    expect(w.calls.dismissed).toEqual([]);
  });

  test('a survey it cannot render is reported closed, and nothing is thrown', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const w = show({ questions: null as unknown as Question[] });
    expect(w.calls.closed).toBe(1);
    expect(document.querySelector('ressenti-widget')).toBeNull();
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('[ressenti]'), expect.anything());
    expect(() => w.handle.setLocale('fr')).not.toThrow();
    errors.mockRestore();
  });
});

test('text on the accent is black on light colours and white on dark ones', () => {
  expect(readableOn('rgb(255, 212, 59)')).toBe('#000');
  expect(readableOn('rgb(66, 99, 235)')).toBe('#fff'); // the default accent
  expect(readableOn('color(srgb 0.9 0.9 0.9)')).toBe('#000');
  // A mid-grey where white gives 4.42:1 and #111 4.3:1: only black reaches 4.5 (4.76).
  expect(readableOn('rgb(120, 120, 120)')).toBe('#000');
  expect(readableOn('rgb(110, 110, 110)')).toBe('#fff');
  expect(readableOn('color(srgb 0.1 0.2 0.5)')).toBe('#fff');
  expect(readableOn('')).toBe('#fff');
});

describe('a link answer (ressenti_answer) read for the first question', () => {
  const first = (q: Partial<Question>, raw?: string) =>
    linkAnswers({ id: 's', questions: [{ id: 'q', text: 'Q', ...q } as Question] }, raw);
  test('becomes the answer of the question type, or nothing (warned) when the type cannot take it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(first({ type: 'nps' }, '0')).toEqual({ q: 0 });
    expect(first({ type: 'nps' }, '10')).toEqual({ q: 10 });
    expect(first({ type: 'nps' }, '11')).toEqual({});
    expect(first({ type: 'nps' }, '4.5')).toEqual({});
    expect(first({ type: 'emoji' }, '5')).toEqual({ q: 5 });
    expect(first({ type: 'emoji' }, '0')).toEqual({});
    expect(first({ type: 'rating' }, '5')).toEqual({ q: 5 });
    expect(first({ type: 'rating' }, '6')).toEqual({});
    expect(first({ type: 'rating', scale: 7 }, '7')).toEqual({ q: 7 });
    expect(first({ type: 'thumbs' }, 'up')).toEqual({ q: 'up' });
    expect(first({ type: 'thumbs' }, 'yes')).toEqual({});
    expect(first({ type: 'choice', options: ['a', { value: 'b', label: 'B' }] }, 'b')).toEqual({ q: 'b' });
    expect(first({ type: 'choice', options: ['a'], multiple: true }, 'a')).toEqual({ q: ['a'] });
    expect(first({ type: 'choice', options: ['a'] }, 'c')).toEqual({});
    expect(first({ type: 'text', maxLength: 3 }, 'great')).toEqual({ q: 'gre' });
    expect(first({ type: 'text' }, '')).toEqual({});
    expect(warn).toHaveBeenCalledTimes(7);
    expect(first({ type: 'nps' })).toEqual({}); // no answer in the link: nothing to say
    expect(warn).toHaveBeenCalledTimes(7);
    warn.mockRestore();
  });
});

describe('appearance defaults', () => {
  // Unknown values never reach the UI: checkOptions (config-options.test.ts) drops them at start.
  test('a popover with no position or theme shows bottom-right and light', () => {
    const w = show({ questions: [emoji()] });
    expect([...w.one('region', 'Feedback')!.classList]).toContain('light'); // the theme, as the sheet styles it
    expect(w.one('button', 'Close')).not.toBeNull(); // a popover
    const own = [...w.root()!.adoptedStyleSheets[1].cssRules].map((r) => r.cssText).join(' ');
    expect(own).toMatch(/inset-block-end: ?16px ?!important; ?inset-inline-end: ?16px ?!important/); // bottom-right
  });
});
