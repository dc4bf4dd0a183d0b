import type { Context, Settings, Survey } from '../types';
import { checkSurvey, list } from './conditions';
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

/** Which popover survey `input.moment` shows: the highest priority, then the first defined, of those that qualify. */
export function decide(input: DecideInput): Decision {
  const { moment, surveys } = input;
  // A survey with no `on` shows only by `show`, a link or inline: "on is missing".
  const why = surveys.map((survey): Reason | null =>
    !list(survey.on).includes(moment) ? ['on', survey.on, moment]
      : survey.display == 'inline' ? ['inline']
      : qualifies(survey, input, true) ?? (input.busy ? ['busy'] : null),
  );
  const priority = (survey?: Survey) => survey?.priority || 0;
  // A stable sort: equal priorities keep definition order.
  const [winner] = surveys.filter((_, i) => why[i] == null).sort((a, b) => priority(b) - priority(a));
  return {
    survey: winner,
    reasons: surveys.flatMap((survey, i) =>
      survey == winner ? [] : {
        surveyId: survey.id,
        reason: why[i] ?? ['won', winner!.id, priority(winner), priority(survey)],
      },
    ),
  };
}
