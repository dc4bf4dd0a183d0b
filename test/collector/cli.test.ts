import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../../collector/options';
import { DATABASE_URL, event } from './helpers';

const BIN = join(__dirname, '../../dist/collector/cli.mjs');

/** Starts the built bin; resolves with its output once it printed its token line. */
function start(env: Record<string, string>): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, [BIN], { env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((done, fail) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      if (/token: .*\n/.test(output)) done({ child, output });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => fail(new Error(`ressenti-collector exited (${code}) before it was ready:\n${output}`)));
  });
}

const stop = (child: ChildProcess) => new Promise<number | null>((done) => child.once('exit', done).kill('SIGTERM'));

describe('npx ressenti-collector', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ressenti-data-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('listens, prints its URL, dashboard and generated token, keeps events in its data folder across restarts', async () => {
    const env = { RESSENTI_DATA_DIR: dataDir, RESSENTI_TOKEN: '', DATABASE_URL: DATABASE_URL ?? '' };
    const first = await start(env);
    const url = /on (http:\/\/localhost:\d+)/.exec(first.output)![1];
    expect(first.output).toContain(`POST ${url}/collect`);
    expect(first.output).toContain(`dashboard: ${url}/results`);
    const token = /token: +(\S+)/.exec(first.output)![1];
    expect(token.length).toBeGreaterThanOrEqual(32);
    const e = event({ surveyId: `cli-${Date.now()}` });
    const posted = await fetch(`${url}/collect`, { method: 'POST', body: JSON.stringify({ events: [e] }) });
    expect(await posted.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await stop(first.child)).toBe(0);

    const second = await start(env);
    const again = /on (http:\/\/localhost:\d+)/.exec(second.output)![1];
    const token2 = /token: +(\S+)/.exec(second.output)![1];
    const { surveys } = await (await fetch(`${again}/api/surveys`, { headers: { Authorization: `Bearer ${token2}` } })).json();
    expect(surveys.find((s: { id: string }) => s.id === e.surveyId)).toMatchObject({ impressions: 1 });
    await stop(second.child);
  }, 120_000);
});

describe('settings from the environment', () => {
  it('reads every variable, with the defaults of the README', () => {
    expect(optionsFromEnv({})).toEqual({
      databaseUrl: undefined,
      dataDir: './ressenti-data',
      token: undefined,
      origins: '',
      retentionDays: undefined,
      forwardUrl: undefined,
      surveys: undefined,
      rate: undefined,
      trustProxy: false,
    });
    expect(
      optionsFromEnv({
        DATABASE_URL: 'postgres://db/ressenti',
        RESSENTI_DATA_DIR: '/var/ressenti',
        RESSENTI_TOKEN: 'secret',
        RESSENTI_ORIGINS: 'https://shop.example',
        RESSENTI_RETENTION_DAYS: '395',
        RESSENTI_FORWARD_URL: 'https://pipeline.example/in',
        RESSENTI_SURVEYS: 'surveys.json',
        RESSENTI_RATE: '120',
        RESSENTI_TRUST_PROXY: '1',
      }),
    ).toEqual({
      databaseUrl: 'postgres://db/ressenti',
      dataDir: '/var/ressenti',
      token: 'secret',
      origins: 'https://shop.example',
      retentionDays: 395,
      forwardUrl: 'https://pipeline.example/in',
      surveys: 'surveys.json',
      rate: 120,
      trustProxy: true,
    });
  });

  it('names the variable holding a malformed number', () => {
    expect(() => optionsFromEnv({ RESSENTI_RETENTION_DAYS: 'a year' })).toThrow('RESSENTI_RETENTION_DAYS=a year: must be a positive number');
  });
});
