import { jsonSafe } from '../config/context';
import { checkOptions } from '../config/validate';
import type { Sender } from '../delivery/send';
import type { SurveyPart } from '../survey';
import { bodyContext } from '../journey';
import { random } from '../platform/clock';
import { detectLocale } from '../platform/env';
import type { Stop } from '../platform/listen';
import type { Context, FeedbackEvent, Options } from '../types';
import type { UiHandle, UiModule } from '../ui/contract';
import { createBus, type Bus } from './bus';
import { deliver } from './deliver';
import type { FetchExtra } from '../extra';
import type { startSources } from '../journey/start';
import { tell } from './problems';
import type { Definitions } from './definitions';
import type { Slot } from './slot';
import { createMemory, type Memory } from './storage';

/** What differs between the script tag and the npm build. */
export interface Platform {
  win: Window;
  /** Loads the UI (Preact) on demand, with the built-in strings of `locale` (see i18n/languages.ts); rejects with an Error naming what it tried. */
  loadUI(locale: string): Promise<UiModule>;
  /** Loads src/extra.ts: the words of problems and the dataLayer watcher, which most pages never need. */
  loadExtra: FetchExtra;
  /** Loads journey/start.ts: the built-in moment sources' code, for a page whose surveys listen for one. */
  loadSources(): Promise<{ startSources: typeof startSources }>;
  /** Loads src/survey.ts: what runs once a survey shows or an answer is to be sent (the sender). */
  loadSurvey(): Promise<SurveyPart>;
}

/**
 * The state of one widget, which its parts (the modules of `widget/`) share as plain data: each
 * part is functions taking it first. `widget.ts` creates it.
 */
export interface Core extends Bus, Memory, Definitions, Slot {
  _win: Window;
  _options: Options;
  /** Starts the UI download (or joins it) with the strings of `locale`; rejects with an Error naming what it tried. */
  _fetchUI(locale: string): Promise<UiModule>;
  _fetchExtra: FetchExtra;
  _fetchSources: Platform['loadSources'];
  /** Starts the survey file's download (or joins it: the platform loads each file once); rejects with an Error naming what it tried. */
  _fetchSurvey: Platform['loadSurvey'];
  /** widget/deliver.ts's `deliver`, as a method: the survey file calls it without carrying its code. */
  _deliver(events: FeedbackEvent[]): void;
  /** The sender once fetched (widget/deliver.ts). */
  _sender?: Promise<Sender | void>;
  /** Events given before consent: in memory only, until it is given. */
  _held: FeedbackEvent[];
  /** This page's mark on the outbox entries it stores (see delivery/outbox.ts `Entry.page`). */
  _me: number;
  /** The visitor's language now: `locale()` may change it while a survey is on screen. */
  _locale: string;
  /** The page's context: `<body data-ressenti-context-*>`, `options.context`, then `context()`. */
  _page: Context;
  /** Every UI on screen, popover and inline: `locale()` re-renders them, `destroy()` closes them. */
  _handles: Set<UiHandle>;
  _destroyed?: boolean;
  /** Commands wait for the definitions, in order: each chains onto this promise. */
  _ready: Promise<unknown>;
  /** What `destroy()` stops, besides the page-view's sources. */
  _disposers: Stop[];
  /** Stops the sources of the current page view (they restart on every route). */
  _stopPage: Stop;
}

/**
 * A widget's state for `given` options, before anything starts: no definitions yet, no sender.
 * Options it cannot use are told about (config/validate.ts `checkOptions`): an endpoint that is
 * not http(s) gives no delivery, a mistyped consent counts as required.
 */
export function createCore(given: Options, platform: Platform): Core {
  const { win } = platform;
  const [options, problems] = checkOptions(given);
  const consented = options.consent == null;
  // The memory object itself becomes the widget's state: its `_consented` changes with consent.
  const w: Core = Object.assign(createMemory(win, consented, options.visitor === false), createBus(), {
    _win: win,
    _options: options,
    _fetchUI: platform.loadUI,
    _fetchExtra: platform.loadExtra,
    _fetchSources: platform.loadSources,
    _fetchSurvey: platform.loadSurvey,
    _deliver: (events: FeedbackEvent[]) => deliver(w, events),
    _held: [],
    _me: random(),
    _locale: detectLocale(win, options.locale),
    _page: { ...bodyContext(win.document), ...jsonSafe(options.context) },
    _handles: new Set<UiHandle>(),
    _surveys: [],
    _settings: {},
    _disposers: [],
    _stopPage: () => {},
    _ready: Promise.resolve(),
  });
  tell(w, problems, 'options');
  return w;
}
