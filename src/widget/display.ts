import { qualifies } from '../decide/decide';
import type { Reason } from '../decide/reason';
import { after } from '../platform/listen';
import type { Context, Survey } from '../types';
import type { SurveyPart } from '../survey';
import type { UiModule } from '../ui/contract';
import { context, input, log } from './context';
import type { Core } from './core';
import { free, INVITED, take, WAITING, type Claim } from './slot';

/** How long a popover waits for the visitor to leave a form field before giving up. */
const FORM_WAIT_MS = 8000;

/** Both files a survey on screen needs, in parallel (each loader joins a download under way). */
const fetchBoth = (w: Core) => Promise.all([w._fetchUI(w._locale), w._fetchSurvey()]);

/**
 * The UI module, with the strings of the visitor's language, and the survey file, fetched together;
 * or undefined when either could not load (reported).
 */
export const loadUI = (w: Core): Promise<[UiModule, SurveyPart] | void> => fetchBoth(w).catch((err: Error) => w._report({ source: 'ui', message: err.message }));


/**
 * Shows a survey once the UI and the survey file have loaded (the survey file renders it: `render.ts`): a popover holding
 * `claim`, unless a route change or destroy() took the slot back meanwhile, or inline in `target`.
 */
export async function display(w: Core, survey: Survey, moment: string, ctx: Context, claim?: Claim, target?: Element, linkAnswer?: string) {
  const loaded = await loadUI(w);
  if (!loaded) return claim && free(w, claim);
  const [ui, part] = loaded;
  if (!w._destroyed && (!claim || w._claim == claim)) part._render(w, ui, survey, moment, ctx, claim, target, linkAnswer);
}

/**
 * A moment's popover: waits out the survey's delay, then the visitor's form field, then shows it
 * unless the page became quiet or it no longer qualifies. `explain` gets why it did not show
 * (undefined: shown), once. The caller made sure the slot is free.
 */
export function schedule(w: Core, survey: Survey, moment: string, extra: Context | undefined, explain: (notShown?: Reason) => void) {
  // Start fetching now: the delay hides the latency; errors are reported below.
  fetchBoth(w).catch(() => {});
  let cancelWait = () => {};
  const giveUp = (reason: Reason) => {
    free(w, claim);
    explain(reason);
  };
  const stopTimer = after(w._win, survey.delay || 0, async () => {
    const loaded = await loadUI(w);
    if (!loaded) return giveUp(['noUI']);
    if (w._claim != claim) return; // cancelled meanwhile
    const wait = loaded[1]._whenFree(w._win, FORM_WAIT_MS, () => log(w, ['waits', survey.id]));
    cancelWait = wait.cancel;
    const notNow = await wait.promise;
    // Conditions hold for the page the visitor is on when the survey appears, not when the moment fired.
    const ctx = context(w, extra);
    const reason = notNow ?? qualifies(survey, input(w, moment, ctx), true);
    if (reason) return giveUp(reason);
    explain();
    display(w, survey, moment, ctx, claim);
  });
  const claim = take(w, WAITING, () => {
    stopTimer();
    cancelWait();
    giveUp(['cancelled']);
  })!;
}

/** An explicit invitation (`show`, a link) bypasses trigger, conditions, sample and limits, not one-at-a-time. */
export function invite(w: Core, survey: Survey, moment: string, linkAnswer?: string) {
  const claim = take(w, INVITED);
  if (!claim) return console.warn(`[ressenti] ${moment} "${survey.id}": another survey is on screen`);
  display(w, survey, moment, context(w), claim, undefined, linkAnswer);
}
