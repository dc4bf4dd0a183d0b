import { jsonSafe } from './config/context';
import { loadJSON } from './config/load';
import { pageUrl } from './config/url';
import { formatProblem, LINK, mustBe, validateDefinitions } from './config/validate';
import { decide, qualifies, type DecideInput } from './decide/decide';
import { record, type History } from './decide/history';
import { draw } from './decide/sample';
import type { Display } from './delivery/events';
import { createDelivery } from './delivery/send';
import { bodyContext, readLink, startSources, watchDataLayer, watchHooks, watchInline, watchNavigation } from './journey';
import { detectDevice, detectLocale } from './platform/env';
import { all } from './platform/listen';
import { uuid } from './platform/ids';
import { createKV, type KV } from './platform/storage';
import type { Answers, Context, EventMap, EventType, Options, Ressenti, RessentiError, Settings, Strings, Survey } from './types';
import type { UiHandle, UiModule } from './ui/contract';

/** What differs between the script tag and the npm build. */
export interface Platform {
  win: Window;
  /** Loads the UI (Preact) on demand, with the built-in strings of `locale` (see i18n/languages.ts); rejects with an Error naming what it tried. */
  loadUI(locale: string): Promise<UiModule>;
}

type Handler = (payload: never) => void;

/** How long a popover waits for the visitor to leave a form field before giving up. */
const FORM_WAIT_MS = 8000;

/** The widget; `_report` lets the script tag report what happens before a command reaches it. */
export type Widget = Ressenti & { _report(error: RessentiError): void };

/**
 * One widget: wires config → moments → decision → UI → delivery for one `init()`.
 * Everything it starts is pushed on `disposers`; `destroy()` runs them all.
 */
export function createWidget(options: Options, platform: Platform): Widget {
  const { win } = platform;
  const doc = win.document;
  const disposers: (() => void)[] = [];
  const handlers: { [event: string]: Set<Handler> } = {};
  const debug = !!options.debug;
  const safeStorage = (name: 'localStorage' | 'sessionStorage') => {
    try {
      return win[name];
    } catch {
      return null; // sandboxed frames throw on access
    }
  };
  let consented = options.consent == null;
  if (!consented && options.consent != 'required') console.warn(`[ressenti] consent must be "required", got ${JSON.stringify(options.consent)}; treated as "required"`);
  // Visitor-level memory (outbox, history, visitor id) and tab-session memory (session id, popover count).
  const kv = createKV(consented ? safeStorage('localStorage') : null);
  const skv = createKV(consented ? safeStorage('sessionStorage') : null);
  let locale = detectLocale(win, options.locale);
  let pageContext: Context = { ...bodyContext(doc), ...jsonSafe(options.context) };
  let surveys: Survey[] = [];
  let settings: Settings = {};
  let strings: Strings | undefined;
  let destroyed = false;
  /** The popover on screen, or waiting out its delay: one at a time. */
  let current: { cancel(): void; handle?: UiHandle } | undefined;
  const inline = new Set<UiHandle>();
  let stopPageSources = () => {};

  const report = (error: RessentiError) => {
    console.error('[ressenti] ' + error.message);
    fire('error', error);
  };
  const log = (...args: unknown[]) => debug && console.info('[ressenti]', ...args);

  function fire<K extends keyof EventMap>(event: K, payload: EventMap[K]) {
    handlers[event]?.forEach((handler) => {
      try {
        (handler as (p: EventMap[K]) => void)(payload);
      } catch (err) {
        // A throwing page handler must not stop delivery; an `error` handler that throws is not re-reported (no loop).
        const message = `an on("${event}") handler threw: ${err}`;
        if (event === 'error') console.error('[ressenti] ' + message);
        else report({ source: 'handler', message });
      }
    });
  }

  const { endpoint } = options;
  // Only http(s): a `data:` or `javascript:` endpoint would swallow every event without a word.
  const refused = endpoint != null && !LINK[0](endpoint);
  // Reported once the queued commands (`on('error')` among them) have run.
  if (refused) queueMicrotask(() => report({ source: 'delivery', message: `endpoint ${mustBe(LINK[1], endpoint)}; nothing is sent` }));
  const delivery = endpoint != null && !refused ? createDelivery({ endpoint, kv, win, enabled: consented, onError: report }) : undefined;
  if (delivery) disposers.push(delivery.dispose);

  /** A stored value, created on first use. */
  const stored = <T>(store: KV, key: string, create: () => T) => {
    let value = store.get<T>(key);
    if (!value) store.set(key, (value = create()));
    return value;
  };
  // With `visitor: false` the tab session's id stands in for the sample draw, and events carry none.
  const visitor = () => (options.visitor === false ? session().id : stored(kv, 'visitor', uuid));
  const session = () => stored(skv, 'session', () => ({ id: uuid(), n: 0 }));
  const history = () => kv.get<History>('history') || { seen: {} };

  function context(extra?: Context): Context {
    const { href, pathname } = win.location;
    return { url: pageUrl(href, options.urlParams), path: pathname, locale, device: detectDevice(win), ...pageContext, ...extra };
  }

  function input(moment: string, ctx: Context): DecideInput {
    return {
      moment,
      context: ctx,
      surveys,
      settings,
      history: history(),
      sessionShown: session().n,
      now: Date.now(),
      draw: (id) => draw(visitor(), id),
      busy: !!current,
    };
  }

  /** Builds (with the UI module: events come only from a display), stores and sends one event, and tells the page. */
  function emit(ui: UiModule, type: EventType, display: Display, extra?: { answers?: Answers; complete?: boolean }) {
    if (destroyed) return;
    const event = ui.buildEvent(type, display, { session: session().id, visitor: consented && options.visitor !== false ? visitor() : undefined }, extra);
    delivery?.push([event]);
    if (options.dataLayer) ui.pushDataLayer(win, 'ressenti_' + type, { surveyId: display.surveyId, responseId: display.responseId, answers: extra?.answers });
    fire(type, event);
  }

  /** The UI module, or undefined when it could not load (reported). */
  const loadUI = () => platform.loadUI(locale).catch((err: Error) => void report({ source: 'ui', message: err.message }));

  /** Renders a survey now: a popover, or inline inside `target`. */
  async function display(survey: Survey, moment: string, ctx: Context, target?: Element, linkAnswer?: string) {
    // The popover slot this display fills: a route change or destroy() while the UI downloads takes it back.
    const slot = current;
    const ui = await loadUI();
    if (!ui) {
      if (!target && current == slot) current = undefined;
      return;
    }
    if (destroyed || (!target && current != slot)) return;
    const popover = !target;
    const now = Date.now();
    kv.set('history', record(history(), survey.id, now, popover));
    if (popover) {
      const s = session();
      skv.set('session', { ...s, n: s.n + 1 });
    }
    const shown: Display = { responseId: uuid(), surveyId: survey.id, moment, context: ctx };
    emit(ui, 'impression', shown);
    // The locale the visitor answered in: `locale()` may have switched it since the survey appeared.
    const answered = (): Display => ({ ...shown, context: { ...ctx, locale } });
    let handle: UiHandle | undefined;
    const closed = () => {
      if (handle) inline.delete(handle);
      if (popover && current?.handle === handle) current = undefined;
    };
    try {
      handle = ui.open({
        survey,
        locale,
        strings,
        accent: options.accent,
        theme: options.theme,
        position: options.position,
        target,
        linkAnswer,
        onAnswer: (all, complete) => emit(ui, 'response', answered(), { answers: all, complete }),
        onDismiss: (all) => emit(ui, 'dismissal', answered(), { answers: all }),
        onClose: closed,
      });
    } catch (err) {
      report({ source: 'ui', message: `could not render "${survey.id}": ${err}` });
      return closed();
    }
    if (popover) current = { cancel: handle.close, handle };
    else inline.add(handle);
  }

  /**
   * Waits out the survey's delay, then the visitor's form field, then shows it unless the page became
   * quiet or it no longer qualifies. `explain` gets the outcome (undefined: shown), once.
   */
  function schedule(survey: Survey, moment: string, extra: Context | undefined, explain: (outcome?: string) => void) {
    platform.loadUI(locale).catch(() => {}); // start fetching now: the delay hides the latency; errors are reported below
    let cancelWait = () => {};
    const giveUp = (reason: string) => {
      if (current == slot) current = undefined;
      explain('not shown: ' + reason);
    };
    const timer = win.setTimeout(async () => {
      const ui = await loadUI();
      if (!ui) return giveUp('the UI could not load');
      if (current != slot) return; // cancelled meanwhile
      const wait = ui.whenFree(win, FORM_WAIT_MS, () => log(`"${survey.id}" waits for the visitor to leave a form field`));
      cancelWait = wait.cancel;
      const notNow = await wait.promise;
      // Conditions hold for the page the visitor is on when the survey appears, not when the moment fired.
      const ctx = context(extra);
      const reason = notNow ?? qualifies(survey, input(moment, ctx), true);
      if (reason) return giveUp(reason);
      explain();
      display(survey, moment, ctx);
    }, survey.delay || 0);
    const slot = (current = {
      cancel: () => {
        win.clearTimeout(timer);
        cancelWait();
        giveUp('cancelled (route change or destroy)');
      },
    });
  }

  function onMoment(name: string, extra?: Context) {
    if (name === 'page-view') {
      // A route change: a survey still waiting (its delay, a form field, the UI download) belongs to the
      // page the visitor left; an explicit invitation (`show`, a link) does not, nor does one on screen.
      if (!current?.handle) current?.cancel();
      // Per-page-view sources (scroll depth, dwell, markup hooks…) start afresh on every route.
      stopPageSources();
      stopPageSources = all(startSources(surveys.flatMap((s) => s.on || []), onMoment, win), watchHooks(onMoment, win));
    }
    const ctx = context(extra);
    const { survey, reasons } = decide(input(name, ctx));
    // With debug, one collapsed group per moment, printed once the chosen survey's fate is known.
    let explained = !debug;
    const explain = (outcome = 'shown') => {
      if (explained) return;
      explained = true;
      console.groupCollapsed(`[ressenti] moment "${name}"` + (survey && outcome == 'shown' ? ` → "${survey.id}"` : ''));
      console.info('context', ctx);
      if (survey) console.info(`"${survey.id}": ${outcome}`);
      for (const { surveyId, reason } of reasons) console.info(`"${surveyId}": ${reason}`);
      console.groupEnd();
    };
    if (survey) schedule(survey, name, extra, explain);
    else explain();
  }

  const findSurvey = (id: string, command: string) => {
    const survey = surveys.find((s) => s.id === id);
    if (!survey) report({ source: 'command', message: `${command}: no valid survey with id "${id}"` });
    return survey;
  };

  /** An explicit invitation (`show`, a link) bypasses trigger, conditions, sample and limits, not one-at-a-time. */
  function invite(survey: Survey, moment: string, linkAnswer?: string) {
    if (current) return console.warn(`[ressenti] ${moment} "${survey.id}": another survey is on screen`);
    current = { cancel: () => {} };
    display(survey, moment, context(), undefined, linkAnswer);
  }

  const failed = (err: Error) => report({ source: 'definitions', message: err.message });
  // Commands that arrive before the definitions are loaded wait for them, in order.
  let ready: Promise<unknown> = Promise.all([
    typeof options.surveys === 'string' ? loadJSON(options.surveys, win) : options.surveys || [],
    // Strings that cannot load leave the built-in ones: the surveys still show.
    typeof options.strings === 'string' ? loadJSON(options.strings, win).catch(failed) : options.strings,
  ]).then(
    ([defs, loadedStrings]) => {
      const result = validateDefinitions(defs);
      for (const problem of result.problems) {
        if (problem.level === 'warning') console.warn('[ressenti] ' + formatProblem(problem));
        else report({ source: 'definitions', message: formatProblem(problem), surveyId: problem.surveyId, path: problem.path });
      }
      surveys = result.surveys;
      settings = result.settings;
      strings = loadedStrings as Strings | undefined;
    },
    failed,
  );
  const whenReady = (fn: () => void) => {
    ready = ready.then(() => {
      if (destroyed) return;
      try {
        fn();
      } catch (err) {
        report({ source: 'command', message: String(err) });
      }
    });
  };

  // Start: page-view, then the link's survey, markup hooks, inline surveys, SPA navigation, dataLayer.
  const link = readLink(win);
  whenReady(() => {
    // The link first: the visitor came for that survey, and only one shows at a time.
    if (link) {
      const survey = findSurvey(link.surveyId, 'link');
      if (survey) invite(survey, 'link', link.answer);
    }
    onMoment('page-view');
    disposers.push(
      watchNavigation(onMoment, win),
      watchInline(win, (el, id) =>
        whenReady(() => {
          const survey = findSurvey(id, 'inline');
          if (!survey) return;
          const ctx = context();
          const reason = qualifies(survey, input('inline', ctx), false);
          if (reason) log(`inline "${id}" not shown: ${reason}`);
          else display(survey, 'inline', ctx, el);
        }),
      ),
    );
    if (options.dataLayer) disposers.push(watchDataLayer(onMoment, win));
  });

  /** Reports a command called with a bad argument; true when `ok`. */
  const valid = (ok: unknown, command: string, value: unknown, wants: string) =>
    ok || report({ source: 'command', message: `${command}: ${wants}, got ${JSON.stringify(value)}` });
  const isName = (value: unknown) => value && typeof value == 'string';
  const isFlat = (value: unknown) => value == null || (typeof value == 'object' && !Array.isArray(value));
  const NAME = 'wants a non-empty string';
  const FLAT = 'wants a flat context object';

  return {
    _report: report,
    moment(moment, ctx) {
      if (valid(isName(moment), 'moment', moment, NAME) && valid(isFlat(ctx), 'moment', ctx, FLAT)) {
        const safe = jsonSafe(ctx);
        whenReady(() => onMoment(moment, safe));
      }
    },
    context(ctx) {
      if (valid(isFlat(ctx), 'context', ctx, FLAT)) pageContext = { ...pageContext, ...jsonSafe(ctx) };
    },
    consent(granted) {
      consented = granted === true;
      if (consented) {
        kv.use(safeStorage('localStorage'));
        skv.use(safeStorage('sessionStorage'));
      } else {
        // Withdrawal: forget everything we stored, keep working from memory.
        kv.clear();
        skv.clear();
        kv.use(null);
        skv.use(null);
      }
      delivery?.enable(consented);
    },
    show(id) {
      if (valid(isName(id), 'show', id, NAME))
        whenReady(() => {
          const survey = findSurvey(id, 'show');
          if (survey) invite(survey, 'show');
        });
    },
    on(event, handler) {
      if (
        !valid(/^(impression|response|dismissal|error)$/.test(event), 'on', event, 'wants impression, response, dismissal or error') ||
        !valid(typeof handler == 'function', 'on', typeof handler, 'wants a function')
      )
        return () => {};
      (handlers[event] ||= new Set()).add(handler as Handler);
      return () => handlers[event].delete(handler as Handler);
    },
    locale(code) {
      if (!valid(isName(code), 'locale', code, NAME)) return;
      locale = code;
      // What is on screen re-renders once its new language file is there (or has failed: English).
      if (current?.handle || inline.size) loadUI().then(() => code == locale && [current?.handle, ...inline].forEach((handle) => handle?.setLocale(code, strings)));
    },
    reset() {
      kv.remove('history');
      skv.set('session', { ...session(), n: 0 });
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      current?.cancel();
      current = undefined;
      inline.forEach((handle) => handle.close());
      stopPageSources();
      disposers.forEach((dispose) => dispose());
    },
  };
}

