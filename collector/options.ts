// The collector's settings from environment variables (README, "Collector").
import type { CollectorOptions } from './index';

/** The options the environment gives; a malformed number throws, naming the variable. */
export function optionsFromEnv(env: NodeJS.ProcessEnv): CollectorOptions {
  const number = (name: string) => {
    const value = env[name];
    if (value === undefined || value === '') return undefined;
    const n = Number(value);
    if (!(n > 0)) throw new Error(`${name}=${value}: must be a positive number`);
    return n;
  };
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.RESSENTI_DATA_DIR || './ressenti-data',
    token: env.RESSENTI_TOKEN || undefined,
    origins: env.RESSENTI_ORIGINS ?? '',
    retentionDays: number('RESSENTI_RETENTION_DAYS'),
    forwardUrl: env.RESSENTI_FORWARD_URL || undefined,
    surveys: env.RESSENTI_SURVEYS || undefined,
    rate: number('RESSENTI_RATE'),
    trustProxy: env.RESSENTI_TRUST_PROXY === '1' || env.RESSENTI_TRUST_PROXY === 'true',
  };
}
