import type { Strings } from '../types';
import type { Table } from './strings';

/**
 * Where a language's strings wait for the UI. A global, because the script tag's language file
 * and UI file are separate scripts that may arrive in either order; the npm build shares it.
 */
type Win = { __ressentiStrings?: Strings };

export const register = (code: string, table: Table) => void (((globalThis as Win).__ressentiStrings ||= {})[code] = table);

/** The languages registered so far, by code. */
export const registered = (): Strings => (globalThis as Win).__ressentiStrings || {};
