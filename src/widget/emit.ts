import { buildEvent, type Display } from '../delivery/events';
import { pushDataLayer } from '../journey/datalayer';
import type { Answers, EventType } from '../types';
import type { Core } from './core';

/**
 * Tells of a display: builds the event, stores and sends it, copies it to `dataLayer` when asked,
 * and hands it to the page's handlers. Events come only from a display: this is in the survey file.
 */
export function emit(w: Core, type: EventType, display: Display, extra?: { answers?: Answers; complete?: boolean }) {
  if (w._destroyed) return;
  const event = buildEvent(type, display, { session: w._session().id, visitor: w._consented && w._options.visitor !== false ? w._visitor() : undefined }, extra);
  w._deliver([event]);
  if (w._options.dataLayer) pushDataLayer(w._win, 'ressenti_' + type, { surveyId: display.surveyId, responseId: display.responseId, answers: extra?.answers });
  w._fire(type, event);
}
