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
  /** Answers already given (a link's `ressenti_answer`): those questions are skipped. */
  answers?: Answers;
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

export interface UiModule {
  open(options: OpenOptions): UiHandle;
}
