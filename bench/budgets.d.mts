export interface Budget {
  label: string;
  match: RegExp;
  limit: number;
  required: boolean;
}
export const BUDGETS: Budget[];
export function brotliSize(buf: Uint8Array): number;
export function budgetOf(file: string): Budget | undefined;
export function budgetProblems(brotliSizes: Map<string, number>): string[];
