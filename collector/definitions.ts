// The owner's survey definitions (SPEC §2), read only to know each question's type and text.
// Optional: without them the report infers kinds from the answers (see kinds.ts).
import { readFile } from 'node:fs/promises';

export interface QuestionInfo {
  id: string;
  type: string;
  /** The English text, else the first one given. */
  text?: string;
  scale?: number;
}

/** Survey id → its questions, in definition order. */
export type Definitions = Map<string, QuestionInfo[]>;

/** What `surveys` may be: a definitions document, its `surveys` array, or a file path or URL to one. */
export type SurveysSource = string | unknown[] | { surveys?: unknown[] };

const REFRESH_MS = 10_000;

const textOf = (t: unknown) =>
  typeof t === 'string' ? t : t && typeof t === 'object' ? ((t as Record<string, unknown>).en ?? Object.values(t)[0]) : undefined;

/** Questions of a parsed document; malformed entries are skipped (the widget reports them). */
export function indexDefinitions(doc: unknown): Definitions {
  const list = Array.isArray(doc) ? doc : (doc as { surveys?: unknown } | null)?.surveys;
  const index: Definitions = new Map();
  for (const survey of Array.isArray(list) ? list : []) {
    if (!survey || typeof survey.id !== 'string' || !Array.isArray(survey.questions)) continue;
    const questions = survey.questions
      .filter((q: { id?: unknown; type?: unknown }) => q && typeof q.id === 'string' && typeof q.type === 'string')
      .map((q: { id: string; type: string; text?: unknown; scale?: unknown }) => {
        const text = textOf(q.text);
        return { id: q.id, type: q.type, ...(typeof text === 'string' && { text }), ...(typeof q.scale === 'number' && { scale: q.scale }) };
      });
    index.set(survey.id, questions);
  }
  return index;
}

/**
 * A function resolving to the current definitions. A path or URL is read again at most every 10 s,
 * so an edited file shows without a restart; when it cannot be read, the last good copy stays.
 */
export function definitionsFrom(source: SurveysSource | undefined): () => Promise<Definitions> {
  if (source === undefined) return async () => new Map();
  if (typeof source !== 'string') {
    const index = indexDefinitions(source);
    return async () => index;
  }
  let cached: Promise<Definitions> = Promise.resolve(new Map());
  let readAt = -Infinity;
  const read = async () => {
    const text = /^https?:\/\//.test(source) ? await (await fetch(source, { signal: AbortSignal.timeout(5000) })).text() : await readFile(source, 'utf8');
    return indexDefinitions(JSON.parse(text));
  };
  return () => {
    if (Date.now() - readAt >= REFRESH_MS) {
      readAt = Date.now();
      const last = cached;
      // Requests meanwhile wait for this read: the first ones after a start must not get an empty map.
      cached = read().catch((err: Error) => {
        console.error(`[ressenti-collector] survey definitions ${source}: ${err.message}`);
        return last;
      });
    }
    return cached;
  };
}
