import type { buildEvent } from '../delivery/events';
import type { pushDataLayer } from '../journey/datalayer';
import type { whenFree } from '../journey/quiet';
import type { Answers, Position, Strings, Survey, Theme } from '../types';

/** What the widget hands the lazily loaded UI to show one survey. */
export interface OpenOptions {
  survey: Survey;
  locale: string;
  /** Overrides from `data-strings` / `options.strings`, merged over the built-in strings. */
  strings?: Strings;
  accent?: string;
  theme?: Theme;
  position?: Position;
  /** Inline: the element the survey renders into, in the page flow. Absent: a popover. */
  target?: Element;
  /**
   * A link's `ressenti_answer`, as written in the URL: when it is a valid answer to the first
   * question, that question is skipped and the answer reported at once; else a warning says so.
   */
  linkAnswer?: string;
  /** Called on every answer with all answers so far; `complete` on the last one. */
  onAnswer(answers: Answers, complete: boolean): void;
  /** Escape or the close button before the end. */
  onDismiss(answers: Answers): void;
  /** The UI removed itself (after the thanks screen, or after a dismissal). */
  onClose(): void;
}

export interface UiHandle {
  /** Re-renders in another language. */
  setLocale(locale: string, strings?: Strings): void;
  /** Removes the host element and every listener, without events. */
  close(): void;
}

/**
 * The module the widget loads on demand. Besides rendering, it carries the code that runs only once
 * a survey is about to show, so that pages where none shows never download it: the never-interrupt
 * checks (journey/quiet.ts), and building the events a display gives (delivery/events.ts, with
 * their copy for `dataLayer`). The core keeps storing and sending them.
 */
export interface UiModule {
  open(options: OpenOptions): UiHandle;
  whenFree: typeof whenFree;
  buildEvent: typeof buildEvent;
  pushDataLayer: typeof pushDataLayer;
}
