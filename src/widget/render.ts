import type { Display } from '../delivery/events';
import { now } from '../platform/clock';
import { uuid } from '../platform/ids';
import type { Context, Survey } from '../types';
import type { UiHandle, UiModule } from '../ui/contract';
import type { Core } from './core';
import { emit } from './emit';
import { free, show, thank, type Claim } from './slot';
import { remember } from './storage';

/**
 * Renders a survey: a popover holding `claim`, or inline inside `target`. It counts as shown
 * (display history, impression) only once the UI is on screen; a survey that cannot render is
 * reported and frees the slot. Its answers become events. This runs only once a survey shows,
 * so it travels in the survey file (see ARCHITECTURE.md).
 */
export function render(w: Core, ui: UiModule, survey: Survey, moment: string, ctx: Context, claim?: Claim, target?: Element, linkAnswer?: string) {
  const { accent, theme, position } = w._options;
  const shown: Display = { responseId: uuid(), surveyId: survey.id, moment, context: ctx };
  // The locale the visitor answered in: `locale()` may have switched it since the survey appeared.
  const answered = (): Display => ({ ...shown, context: { ...ctx, locale: w._locale } });
  let handle: UiHandle | undefined;
  const closed = () => {
    w._handles.delete(handle!);
    if (claim) free(w, claim);
  };
  ui._open({
    survey,
    locale: w._locale,
    strings: w._strings,
    accent,
    theme,
    position,
    target,
    linkAnswer,
    invited: moment == 'show',
    onShow(shownHandle) {
      w._handles.add((handle = shownHandle));
      if (claim) show(w, claim, () => (shownHandle.close(), closed()));
      remember(w, survey.id, now(), !target);
      emit(w, 'impression', shown);
    },
    onAnswer(all, complete) {
      emit(w, 'response', answered(), { answers: all, complete });
      if (complete && claim) thank(w, claim);
    },
    onDismiss: (all) => emit(w, 'dismissal', answered(), { answers: all }),
    onClose(error) {
      // The console has the error already (ui/open.ts); the page hears of it as an `error` event.
      if (error) w._fire('error', { source: 'ui', message: `could not render "${survey.id}": ${error}` });
      closed();
    },
  });
}
