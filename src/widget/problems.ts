import type { Problem } from '../config/validate';
import type { Reason } from '../decide/reason';
import type { FetchExtra } from '../extra';
import type { Bus } from './bus';

/** Reports `reason` as an `error` from `source`, in words (decide/explain.ts) fetched only now. */
export function say(w: Bus & { _fetchExtra: FetchExtra }, source: string, reason: Reason): void {
  w._fetchExtra().then(
    ({ because }) => w._report({ source, message: because(reason) }),
    (err: Error) => w._report({ source, message: `${reason} (${err.message})` }),
  );
}

/** Calls `fn` on each of `list` (emptied), a hundred a task: thousands of broken definitions must not freeze the page. */
const inTurns = <T>(list: T[], fn: (x: T) => void): void => {
  list.splice(0, 100).forEach(fn);
  if (list[0]) setTimeout(inTurns, 0, list, fn);
};

/**
 * Tells the console (and `error` handlers) what is wrong with the options or the definitions, in
 * the words of config/messages.ts, in the extra file fetched only now. Always after the queued commands have run
 * (an `on('error')` among them), the fetch being asynchronous. Without the words, the path still
 * says where: `surveys[2].questions[0].scale is wrong (could not load …)`.
 */
export function tell(w: Bus & { _fetchExtra: FetchExtra }, problems: Problem[], source: string): void {
  if (problems[0])
    w._fetchExtra().then(
      ({ formatProblem }) =>
        inTurns(problems, (problem) =>
          problem.level == 'warning'
            ? console.warn('[ressenti] ' + formatProblem(problem))
            : w._report({ source, message: formatProblem(problem), surveyId: problem.surveyId, path: problem.path }),
        ),
      (err: Error) => inTurns(problems, ({ surveyId, path }) => w._report({ source, message: `${path} is wrong (${err.message})`, surveyId, path })),
    );
}
