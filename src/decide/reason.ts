/**
 * Why a survey did not show, as data: a key of decide/explain.ts's words and its values
 * (`['sample', 0.73, 0.5]`), or a sentence already worded (the UI's never-interrupt reasons). Only
 * debug output words them, so the words travel in the extra file, not in the script every visitor loads.
 */
export type Reason = string | [why: string, ...values: any[]];
