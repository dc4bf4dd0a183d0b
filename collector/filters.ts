// The query-string filters every dashboard endpoint shares, turned into one SQL condition.

export interface Filters {
  survey?: string;
  /** Inclusive UTC days, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
  moment?: string;
  path?: string;
  device?: string;
  locale?: string;
  type?: string;
}

const COLUMNS = { survey: 'survey_id', moment: 'moment', path: 'path', device: 'device', locale: 'locale', type: 'type' } as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters of a query string, or what is wrong with one. */
export function readFilters(query: URLSearchParams): { filters: Filters } | { error: string } {
  const filters: Filters = {};
  for (const key of [...Object.keys(COLUMNS), 'from', 'to'] as (keyof Filters)[]) {
    const value = query.get(key);
    if (value) filters[key] = value;
  }
  for (const key of ['from', 'to'] as const) {
    const day = filters[key];
    if (day && (!DAY.test(day) || Number.isNaN(Date.parse(day)))) return { error: `${key}: must be a day, YYYY-MM-DD` };
  }
  return { filters };
}

/**
 * `WHERE …` for `filters`, its parameters appended to `params` (so a query can add its own). Days are
 * UTC: `to` includes the whole of its day.
 */
export function where(filters: Filters, params: unknown[]): string {
  const conditions = ['true'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  for (const [key, column] of Object.entries(COLUMNS)) {
    const value = filters[key as keyof typeof COLUMNS];
    if (value) add(`${column} = ?`, value);
  }
  if (filters.from) add('ts >= ?', `${filters.from}T00:00:00Z`);
  if (filters.to) add('ts < ?', new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000).toISOString());
  return 'WHERE ' + conditions.join(' AND ');
}
