import type { Context, Settings, Survey } from '../types';
import { list } from '../config/rules';
import { checkSurvey } from './conditions';
import type { Reason } from './reason';
import { fatigueReason, limitReason, type History } from './history';

/** Everything a decision depends on: plain data, so it is pure and testable without a page. */
export interface DecideInput {
  moment: string;
  context: Context;
  surveys: Survey[];
  settings: Settings;
  history: History;
  /** Popovers already shown in this tab session. */
  sessionShown: number;
  now: number;
  /** The visitor's stable sample draw for a survey, in [0, 1). */
  draw: (surveyId: string) => number;
  /** A survey is on screen now. */
  busy?: boolean;
}

/** The survey to show, if any, and for every other survey why not. */
export interface Decision {
  survey?: Survey;
  reasons: { surveyId: string; reason: Reason }[];
}

/**
 * Null when `survey` may show now, else why not: its conditions, its sample draw, its own
 * limits, then (for a popover only) the popover-wide fatigue settings. Triggers are not checked.
 */
export function qualifies(survey: Survey, input: DecideInput, popover: boolean): Reason | null {
  const { sample } = survey;
  const drawn = sample == null ? 0 : input.draw(survey.id);
  return (
    checkSurvey(survey.if, input.context) ??
    (drawn >= (sample ?? 1) ? ['sample', drawn, sample] : null) ??
    limitReason(survey, input.history, input.now) ??
    (popover ? fatigueReason(input.settings, input.history, input.sessionShown, input.now) : null)
  );
}

// The surveys listening to each moment, indexed once per definitions (loading them sets a new
// array, never changes one), so that a decision does not grow with surveys that do not listen.
const indexes = new WeakMap<Survey[], Map<string, Set<Survey>>>();
const listening = (surveys: Survey[], moment: string) => {
  let index = indexes.get(surveys);
  if (!index) {
    indexes.set(surveys, (index = new Map()));
    for (const survey of surveys) for (const on of list(survey.on || [])) index.get(on)?.add(survey) || index.set(on, new Set([survey]));
  }
  return [...(index.get(moment) || [])];
};

/**
 * Which popover survey `input.moment` shows: the highest priority, then the first defined, of those
 * that qualify. Only the surveys listening to the moment are looked at; why each other survey does
 * not show (for debug explanations) is worked out only when `reasons` is read.
 */
export function decide(input: DecideInput): Decision {
  const { moment, surveys } = input;
  const candidates = listening(surveys, moment);
  const why = candidates.map((survey): Reason | null =>
    survey.display == 'inline' ? ['inline'] : qualifies(survey, input, true) ?? (input.busy ? ['busy'] : null),
  );
  const priority = (survey?: Survey) => survey?.priority || 0;
  // A stable sort: equal priorities keep definition order.
  const [winner] = candidates.filter((_, i) => why[i] == null).sort((a, b) => priority(b) - priority(a));
  return {
    survey: winner,
    get reasons() {
      return surveys.flatMap((survey) => {
        const i = candidates.indexOf(survey);
        // A survey with no `on` shows only by `show`, a link or inline: "on is missing".
        return survey == winner ? [] : {
          surveyId: survey.id,
          reason: i < 0 ? (['on', survey.on, moment] as Reason) : why[i] ?? ['won', winner!.id, priority(winner), priority(survey)],
        };
      });
    },
  };
}
