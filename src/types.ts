/**
 * Public types of Ressenti. This is the one file a user reads: every name here is part of
 * the public contract, so renaming or removing one is a breaking change.
 */

/** A text shown to visitors: one string, or one per locale (`{ en: "…", fr: "…" }`). */
export type Text = string | { [locale: string]: string };

/** A primitive that conditions compare against. */
export type Scalar = string | number | boolean | null;

/**
 * A comparison: a bare value means `eq`; otherwise any of the operators, all of which must hold.
 * Numeric operators accept numeric strings on either side (`"42"` ≥ `40`).
 */
export type Comparison =
  | Scalar
  | {
      eq?: Scalar;
      ne?: Scalar;
      lt?: number | string;
      lte?: number | string;
      gt?: number | string;
      gte?: number | string;
      in?: Scalar[];
    };

/** Device class detected from the viewport and pointer. */
export type Device = 'mobile' | 'tablet' | 'desktop';

/** Conditions on a survey: all given fields must hold. */
export interface SurveyCondition {
  /** Glob(s) on `location.pathname`: `*` one segment, `**` any number. One match is enough. */
  path?: string | string[];
  /** Glob(s) on the full URL. One match is enough. */
  url?: string | string[];
  /** Device class(es). */
  device?: Device | Device[];
  /** Comparisons on context keys (page context, then moment context). */
  context?: { [key: string]: Comparison };
}

/** Conditions on earlier answers, by question id. */
export type AnswerCondition = { [questionId: string]: Comparison };

interface QuestionBase {
  /** Key of the answer in `answers`. Unique within a survey. */
  id: string;
  text: Text;
  /** Ask this question only when these earlier answers hold. */
  if?: AnswerCondition;
}

export interface EmojiQuestion extends QuestionBase {
  type: 'emoji';
  /** Five names, from very unhappy to delighted (accessible names of the faces). */
  labels?: Text[];
}
export interface RatingQuestion extends QuestionBase {
  type: 'rating';
  /** Number of points, 3–10 (default 5). CSAT is 5, CES is 7. */
  scale?: number;
  style?: 'stars' | 'numbers';
  /** `[low, high]`, or one per point. */
  labels?: Text[];
}
export interface NpsQuestion extends QuestionBase {
  type: 'nps';
  /** `[low, high]` end labels. */
  labels?: Text[];
}
export interface ThumbsQuestion extends QuestionBase {
  type: 'thumbs';
  /** `[up, down]` accessible names. */
  labels?: Text[];
}
export interface ChoiceOption {
  value: string;
  label?: Text;
}
export interface ChoiceQuestion extends QuestionBase {
  type: 'choice';
  options: (string | ChoiceOption)[];
  /** Several options may be picked; the answer is an array. */
  multiple?: boolean;
}
export interface TextQuestion extends QuestionBase {
  type: 'text';
  placeholder?: Text;
  /** Default 1000. */
  maxLength?: number;
}

export type Question =
  | EmojiQuestion
  | RatingQuestion
  | NpsQuestion
  | ThumbsQuestion
  | ChoiceQuestion
  | TextQuestion;

export type QuestionType = Question['type'];

/** One answer: a number (emoji, rating, nps), `"up"`/`"down"`, an option value or values, text. */
export type AnswerValue = number | string | string[];
export type Answers = { [questionId: string]: AnswerValue };

export interface ThanksAction {
  /** Show the action only when these answers hold. */
  if?: AnswerCondition;
  label: Text;
  /** http(s) or relative URL. */
  url: string;
}

export interface Survey {
  id: string;
  /** Moment name(s) that trigger it. Without `on`, it shows only by `show`, a link or inline. */
  on?: string | string[];
  /** Milliseconds between the moment and the survey appearing. */
  delay?: number;
  if?: SurveyCondition;
  /** Share of visitors (0–1) who may see it; drawn once per visitor and survey. */
  sample?: number;
  limit?: { once?: boolean; cooldownDays?: number };
  /** Higher wins when several surveys qualify for one moment (default 0). */
  priority?: number;
  display?: 'popover' | 'inline';
  questions: Question[];
  thanks?: { text?: Text; action?: ThanksAction };
}

export interface Settings {
  /** Popovers per tab session (default: unlimited). */
  maxPerSession?: number;
  /** Days without another popover after one was shown (default 0). */
  cooldownDays?: number;
}

export interface Definitions {
  surveys: Survey[];
  settings?: Settings;
}

/** Flat context that rides along with answers. */
export type Context = { [key: string]: Scalar | undefined };

export type Theme = 'light' | 'dark' | 'auto';
export type Position = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left' | 'center';

/** Built-in strings, overridable per locale. */
export type Strings = { [locale: string]: { [key: string]: string } };

export interface Options {
  /** URL every event is POSTed to. Without it, events are only emitted to `on` handlers. */
  endpoint?: string;
  /** Definitions: an array of surveys, a document `{ surveys, settings }`, or a URL to one. */
  surveys?: Survey[] | Definitions | string;
  /** Forces the locale; default `<html lang>`, then `navigator.language`, then `en`. */
  locale?: string;
  /** `'required'`: nothing is stored or sent until `consent(true)`. */
  consent?: 'required';
  /** Listen to and push into `window.dataLayer` (GA4 / Tag Manager). */
  dataLayer?: boolean;
  /** Explain every decision in the console. */
  debug?: boolean;
  /** Strings overriding or adding built-in ones, or a URL to such a document. */
  strings?: Strings | string;
  accent?: string;
  theme?: Theme;
  position?: Position;
  /** Page-wide context from the start. */
  context?: Context;
  /**
   * Query parameters kept in `context.url` besides `utm_*` (`data-url-params="ref,variant"`). By
   * default the query string and the fragment are removed: they often carry e-mails and tokens.
   */
  urlParams?: string[];
  /**
   * `false` (`data-visitor="off"`): no persistent visitor id is stored, and `visitor` is absent from
   * events; the sample draw then holds for the tab session only.
   */
  visitor?: boolean;
}

export type EventType = 'impression' | 'response' | 'dismissal';

/** What the endpoint receives, inside `{ "events": [...] }`. */
export interface FeedbackEvent {
  v: 1;
  /** Unique per event, identical on every retry: collectors de-duplicate on it. */
  eventId: string;
  type: EventType;
  /** Shared by every event of one display. */
  responseId: string;
  surveyId: string;
  moment: string;
  answers?: Answers;
  /** On responses: whether the visitor finished the survey. */
  complete?: boolean;
  context: Context;
  session: string;
  /** Absent until consent allows storing an identifier. */
  visitor?: string;
  ts: string;
}

/** Events a page can subscribe to with `on`. */
export interface EventMap {
  impression: FeedbackEvent;
  response: FeedbackEvent;
  dismissal: FeedbackEvent;
  error: RessentiError;
}

export interface RessentiError {
  /** Where it came from: `definitions`, `delivery`, `command`, `ui`, `handler`, `outbox`. */
  source: string;
  message: string;
  /** For definition problems: survey id and field path. */
  surveyId?: string;
  path?: string;
}

/** What `init` returns; the script tag's `ressenti(command, ...args)` maps onto it. */
export interface Ressenti {
  moment(name: string, context?: Context): void;
  context(context: Context): void;
  consent(granted: boolean): void;
  show(surveyId: string): void;
  on<K extends keyof EventMap>(event: K, handler: (payload: EventMap[K]) => void): () => void;
  locale(code: string): void;
  reset(): void;
  destroy(): void;
}
