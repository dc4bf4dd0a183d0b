import { jsonSafe } from '../config/context';
import type { Emit } from '../journey';
import type { Ressenti, RessentiError } from '../types';
import type { Core } from './core';
import { deliver } from './deliver';
import { invite, loadUI } from './display';
import { say } from './problems';
import { clear } from './slot';

/** The widget; `_report` lets the script tag report what happens before a command reaches it. */
export type Widget = Ressenti & { _report(error: RessentiError): void };

const isName = (value: unknown) => value && typeof value == 'string';
const isFlat = (value: unknown) => value == null || (typeof value == 'object' && !Array.isArray(value));

/**
 * Runs `fn` once the definitions are loaded, after every earlier call, unless the widget is
 * destroyed by then. A throw is reported, and the queue goes on.
 */
export function whenReady(w: Core, fn: () => void) {
  w._ready = w._ready.then(() => {
    if (w._destroyed) return;
    try {
      fn();
    } catch (err) {
      w._report({ source: 'command', message: String(err) });
    }
  });
}

/** The valid survey `id`, or undefined (reported, naming the command). */
export function findSurvey(w: Core, id: string, command: string) {
  const survey = w._surveys.find((s) => s.id === id);
  if (!survey) say(w, 'command', ['noSurvey', command, id]);
  return survey;
}

/**
 * The public commands: each checks its arguments first (a bad one is reported as a `command`
 * error and the call skipped); `moment` and `show` wait for the definitions (`whenReady`).
 */
export function commands(w: Core, onMoment: Emit): Widget {
  /** Reports a command called with a bad argument; true when `ok`. */
  // `wants` names what the argument must be, in decide/explain.ts's words.
  const valid = (ok: unknown, command: string, value: unknown, wants: string) => ok || say(w, 'command', ['wants', command, wants, value]);
  return {
    _report: w._report,
    moment(moment, ctx) {
      if (valid(isName(moment), 'moment', moment, 'name') && valid(isFlat(ctx), 'moment', ctx, 'flat')) {
        const safe = jsonSafe(ctx);
        whenReady(w, () => onMoment(moment, safe));
      }
    },
    context(ctx) {
      if (valid(isFlat(ctx), 'context', ctx, 'flat')) w._page = { ...w._page, ...jsonSafe(ctx) };
    },
    consent(granted) {
      w._consent(granted === true);
      deliver(w, []); // what waited for consent
    },
    show(id) {
      if (valid(isName(id), 'show', id, 'name'))
        whenReady(w, () => {
          const survey = findSurvey(w, id, 'show');
          if (survey) invite(w, survey, 'show');
        });
    },
    on(event, handler) {
      return valid(/^(impression|response|dismissal|error)$/.test(event), 'on', event, 'event') &&
        valid(typeof handler == 'function', 'on', typeof handler, 'fn')
        ? w._on(event, handler as never)
        : () => {};
    },
    locale(code) {
      if (!valid(isName(code), 'locale', code, 'name')) return;
      w._locale = code;
      // What is on screen re-renders once its new language file is there (or has failed: English).
      if (w._handles.size) loadUI(w).then(() => code == w._locale && w._handles.forEach((handle) => handle.setLocale(code, w._strings)));
    },
    reset: () => w._forget(),
    destroy() {
      if (w._destroyed) return;
      w._destroyed = true;
      clear(w);
      w._handles.forEach((handle) => handle.close());
      w._stopPage();
      w._disposers.forEach((dispose) => dispose());
    },
  };
}
