import type { Problem } from '../config/validate';
import type { Bus } from './bus';

/** Loads config/messages.ts, the words of problems: only a page with one to tell needs them. */
export type FetchMessages = () => Promise<typeof import('../config/messages')>;

/**
 * Tells the console (and `error` handlers) what is wrong with the options or the definitions, in
 * the words of the messages module, fetched only now. Always after the queued commands have run
 * (an `on('error')` among them), the fetch being asynchronous. Without the words, the path still
 * says where: `surveys[2].questions[0].scale is wrong (could not load …)`.
 */
export function tell(w: Bus & { _fetchMessages: FetchMessages }, problems: Problem[], source: string): void {
  if (problems[0])
    w._fetchMessages().then(
      ({ formatProblem }) =>
        problems.forEach((problem) =>
          problem.level == 'warning'
            ? console.warn('[ressenti] ' + formatProblem(problem))
            : w._report({ source, message: formatProblem(problem), surveyId: problem.surveyId, path: problem.path }),
        ),
      (err: Error) => problems.forEach(({ surveyId, path }) => w._report({ source, message: `${path} is wrong (${err.message})`, surveyId, path })),
    );
}
