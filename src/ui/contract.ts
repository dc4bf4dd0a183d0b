import type { open } from './open';
import type { Answers, Position, Strings, Survey, Theme } from '../types';

/** What `widget/render.ts` (survey file) hands `open` (ui/open.ts, UI file) to show one survey. */
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
  /** Shown by `show`: when the visitor's own click or key did it (their transient activation is still on), focus goes into it. */
  invited?: boolean;
  /** The survey is on screen (called once, before any answer, with the handle `open` returns): only now does it count as shown. */
  onShow(handle: UiHandle): void;
  /** Called on every answer with all answers so far; `complete` on the last one (the thanks screen follows). */
  onAnswer(answers: Answers, complete: boolean): void;
  /** Escape or the close button before the end. */
  onDismiss(answers: Answers): void;
  /**
   * The UI removed itself: after the thanks screen, after a dismissal, or, with the `error` (logged
   * already), at once because it could not render; then `onShow` was never called.
   */
  onClose(error?: unknown): void;
}

export interface UiHandle {
  /** Re-renders in another language. */
  setLocale(locale: string, strings?: Strings): void;
  /** Removes the host element and every listener, without events. */
  close(): void;
}

/**
 * The module the widget loads on demand (`ui/module.ts`): the view. What runs around it once a
 * survey shows (when, what it records, its events) comes with it in another file (`src/survey.ts`).
 */
export interface UiModule {
  _open: typeof open;
}
