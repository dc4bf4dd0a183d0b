import { createSender } from './delivery/send';
import { whenFree } from './journey/quiet';
import { render } from './widget/render';

/**
 * What runs only once there is a survey to show or an answer to send, fetched then (script tag:
 * `dist/ressenti-survey.min.js`, next to the UI file and at the same time; npm: `survey-[hash].mjs`):
 * the never-interrupt checks (journey/quiet.ts), rendering a survey with what follows from it, its
 * display history and its events (widget/render.ts), and the sender (delivery/send.ts), which a
 * page with answers an earlier page left fetches without the UI. The UI file is only the view.
 * One object, so that its `_names` are shortened alike in every build (an export's name would not be).
 */
export const part: SurveyPart = { _render: render, _whenFree: whenFree, _createSender: createSender };

export interface SurveyPart {
  _render: typeof render;
  _whenFree: typeof whenFree;
  _createSender: typeof createSender;
}
