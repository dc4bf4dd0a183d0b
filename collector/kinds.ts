// What kind of question an answer belongs to: from the definitions when they are known, else
// guessed from the answers themselves. Pure.
import type { QuestionInfo } from './definitions';

export const KINDS = ['emoji', 'rating', 'nps', 'thumbs', 'choice', 'text'] as const;
export type Kind = (typeof KINDS)[number];

/** What the database says about the latest answers to one question (see report.ts). */
export interface AnswerStats {
  count: number;
  /** Distinct values, array answers counted element by element. */
  distinct: number;
  numeric: boolean;
  min: number | null;
  max: number | null;
  arrays: boolean;
  thumbs: boolean;
}

export interface KindInfo {
  kind: Kind;
  scale?: number;
}

/** Kinds whose answers are numbers: they get a mean; `nps` also gets a score. */
export const isNumeric = (kind: Kind) => kind === 'emoji' || kind === 'rating' || kind === 'nps';

/** A few distinct answers given again and again are options picked, not text typed. */
const MAX_CHOICES = 12;

export function kindOf(defined: QuestionInfo | undefined, stats: AnswerStats): KindInfo {
  if (defined && (KINDS as readonly string[]).includes(defined.type)) {
    const kind = defined.type as Kind;
    if (kind === 'emoji') return { kind, scale: 5 };
    if (kind === 'rating') return { kind, scale: defined.scale ?? 5 };
    if (kind === 'nps') return { kind, scale: 10 };
    return { kind };
  }
  if (stats.arrays) return { kind: 'choice' };
  if (stats.numeric) {
    if (stats.min === 0 && stats.max !== null && stats.max <= 10) return { kind: 'nps', scale: 10 };
    return { kind: 'rating', scale: stats.max ?? undefined };
  }
  if (stats.thumbs) return { kind: 'thumbs' };
  return { kind: stats.distinct <= MAX_CHOICES && stats.distinct * 2 <= stats.count ? 'choice' : 'text' };
}

/** Net Promoter Score from 0–10 answers: % of 9–10 minus % of 0–6, rounded. */
export function nps(promoters: number, passives: number, detractors: number) {
  const total = promoters + passives + detractors;
  return { score: total ? Math.round(((promoters - detractors) * 100) / total) : 0, promoters, passives, detractors };
}
