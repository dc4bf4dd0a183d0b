// createCollector(): the receiving end of Ressenti as one request handler, to run alone (cli.ts)
// or mounted in an existing Node server on the same origin as the shop (the demo does).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isOwner, newToken, sameToken, tokenCookie } from './auth';
import { comments } from './comments';
import { corsHeaders, parseOrigins, type Origins } from './cors';
import { defaultDashboardDir, serveDashboard } from './dashboard';
import { openDb, type Db } from './db';
import { definitionsFrom, type SurveysSource } from './definitions';
import { toFeedbackEvent } from './event';
import { exportEvents } from './export';
import { readFilters } from './filters';
import { forwarder } from './forward';
import { clientIp, readBody, sendJson, TooLarge } from './http';
import { live } from './live';
import { rateLimiter } from './rate';
import { report } from './report';
import { migrate } from './schema';
import { applyRetention, eraseVisitor } from './store';
import { surveys } from './summary';
import { checkEvent, parseBody, type StoredEvent } from './validate';
import { writer } from './writer';

export interface CollectorOptions {
  /** An open database (from `openDb`) to use instead of opening one; `close()` leaves it open. */
  db?: Db;
  /** `postgres://…`: store in that PostgreSQL server. Absent: embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite's data folder (default `./ressenti-data`); `memory://` keeps nothing on disk. */
  dataDir?: string;
  /** The owner's token for the dashboard and the API; a random one when absent (see `token`). */
  token?: string;
  /** Pages of other origins allowed to post events: a list, `'*'`, or `RESSENTI_ORIGINS`' comma-separated text. */
  origins?: Origins | string;
  /** Events received longer ago than this many days are deleted, at start and every hour. */
  retentionDays?: number;
  /** Each batch of new events is also POSTed there (SPEC §4 JSON). */
  forwardUrl?: string;
  /** Survey definitions (SPEC §2): a document, its array, or a file path or URL to one. */
  surveys?: SurveysSource;
  /** POST /collect and /login requests per minute per client address (default 600). */
  rate?: number;
  /** Take the client address from X-Forwarded-For (only behind a load balancer that sets it). */
  trustProxy?: boolean;
  /** Where the built dashboard is (default: dist/dashboard/). */
  dashboardDir?: string;
  /** Where operational messages go (default: stderr). */
  log?: (line: string) => void;
}

export interface Collector {
  /** Answers the request when it is one of the collector's routes; resolves false otherwise. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  close(): Promise<void>;
  db: Db;
  /** The owner's token (the one given, or the one generated). */
  token: string;
}

export { openDb, type Db } from './db';

const RETENTION_EVERY_MS = 3_600_000;
const DEFAULT_RATE = 600;

export async function createCollector(options: CollectorOptions = {}): Promise<Collector> {
  const log = options.log ?? ((line: string) => console.error(`[ressenti-collector] ${line}`));
  const db = options.db ?? (await openDb({ databaseUrl: options.databaseUrl, dataDir: options.dataDir ?? './ressenti-data' }));
  await migrate(db);
  const token = options.token || newToken();
  const origins = typeof options.origins === 'string' ? parseOrigins(options.origins) : (options.origins ?? []);
  const limiter = rateLimiter(options.rate ?? DEFAULT_RATE);
  const definitions = definitionsFrom(options.surveys);
  const stream = live();
  const forward = options.forwardUrl ? forwarder(options.forwardUrl, log) : undefined;
  const dashboardDir = options.dashboardDir ?? defaultDashboardDir();
  const write = writer(db);

  const retain = async () => {
    if (!options.retentionDays) return;
    try {
      const n = await applyRetention(db, options.retentionDays);
      if (n) log(`retention: deleted ${n} event(s) received more than ${options.retentionDays} days ago`);
    } catch (err) {
      log(`retention failed: ${(err as Error).message}`);
    }
  };
  await retain();
  const retention = setInterval(retain, RETENTION_EVERY_MS);
  retention.unref();

  /** Refused by the rate limit: answered 429 with the seconds to wait. */
  const limited = (req: IncomingMessage, res: ServerResponse, headers: Record<string, string> = {}) => {
    const wait = limiter.take(clientIp(req, !!options.trustProxy));
    if (wait) sendJson(res, 429, { error: `too many requests: retry in ${wait} s` }, { ...headers, 'Retry-After': String(wait) });
    return wait > 0;
  };

  async function collect(req: IncomingMessage, res: ServerResponse) {
    const cors = corsHeaders(req, origins);
    if (!cors) return sendJson(res, 403, { error: `origin ${req.headers.origin} may not post events: add it to RESSENTI_ORIGINS` });
    if (req.method === 'OPTIONS') {
      return res.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Max-Age': '86400' }).end();
    }
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST events here' }, { ...cors, Allow: 'POST, OPTIONS' });
    if (limited(req, res, cors)) return;
    let body: string;
    try {
      body = await readBody(req);
    } catch (err) {
      if (err instanceof TooLarge) return sendJson(res, 413, { error: 'body over 1 MiB: send fewer events per request' }, { ...cors, Connection: 'close' });
      throw err;
    }
    const parsed = parseBody(body);
    if ('error' in parsed) return sendJson(res, 400, { error: parsed.error }, cors);
    const valid: StoredEvent[] = [];
    const rejected: { index: number; reason: string }[] = [];
    parsed.events.forEach((e, index) => {
      const checked = checkEvent(e);
      if ('event' in checked) valid.push(checked.event);
      else rejected.push({ index, reason: checked.reason });
    });
    let stored: Set<string>;
    try {
      stored = await write(valid);
    } catch (err) {
      log(`storing ${valid.length} event(s) failed: ${(err as Error).message}`);
      return sendJson(res, 503, { error: 'storage unavailable, retry later' }, { ...cors, 'Retry-After': '5' });
    }
    sendJson(res, 200, { accepted: stored.size, duplicates: valid.length - stored.size, rejected }, cors);
    if (!stored.size) return;
    // Copies of one event in a batch share an id: keep the first, the one the database stored.
    const fresh = valid.filter((e) => stored.delete(e.event_id));
    stream.publish('ingest', { surveys: [...new Set(fresh.map((e) => e.survey_id))], accepted: fresh.length });
    forward?.(fresh.map(toFeedbackEvent));
  }

  async function login(req: IncomingMessage, res: ServerResponse) {
    if (limited(req, res)) return;
    const given = new URLSearchParams(await readBody(req, 4096).catch(() => '')).get('token') ?? '';
    if (!given || !sameToken(given, token)) return res.writeHead(303, { Location: '/results?login=failed' }).end();
    res.writeHead(303, { Location: '/results', 'Set-Cookie': tokenCookie(given, secure(req)) }).end();
  }

  const secure = (req: IncomingMessage) =>
    'encrypted' in req.socket || (!!options.trustProxy && req.headers['x-forwarded-proto'] === 'https');

  async function api(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams) {
    if (!isOwner(req, token)) return sendJson(res, 401, { error: 'sign in: Authorization: Bearer <token>, or POST /login' });
    const visitor = /^\/api\/visitors\/([^/]+)$/.exec(path);
    if (visitor && req.method === 'DELETE') {
      let id: string;
      try {
        id = decodeURIComponent(visitor[1]);
      } catch {
        return sendJson(res, 400, { error: 'visitor id: malformed percent-encoding' });
      }
      const deleted = await eraseVisitor(db, id);
      log(`erasure: deleted ${deleted} event(s) of one visitor`);
      return sendJson(res, 200, { deleted });
    }
    if (req.method !== 'GET') return sendJson(res, 405, { error: `${req.method} ${path} is not supported` });
    if (path === '/api/live') return stream.subscribe(res);
    const read = readFilters(query);
    if ('error' in read) return sendJson(res, 400, { error: read.error });
    const { filters } = read;
    switch (path) {
      case '/api/surveys':
        return sendJson(res, 200, { surveys: await surveys(db, await definitions(), filters) });
      case '/api/report':
        if (!filters.survey) return sendJson(res, 400, { error: 'survey: required' });
        return sendJson(res, 200, await report(db, await definitions(), { ...filters, survey: filters.survey }));
      case '/api/comments': {
        const listed = await comments(db, await definitions(), filters, query);
        return 'error' in listed ? sendJson(res, 400, listed) : sendJson(res, 200, listed);
      }
      case '/api/export':
        return exportEvents(db, res, filters, query.get('format'));
      default:
        return sendJson(res, 404, { error: `no such endpoint: ${path}` });
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://collector');
    const path = url.pathname;
    if (path === '/collect') await collect(req, res);
    else if (path === '/health' && req.method === 'GET') sendJson(res, 200, { ok: true, db: db.kind });
    else if (path === '/login' && req.method === 'POST') await login(req, res);
    else if (path === '/logout' && req.method === 'POST') res.writeHead(303, { Location: '/results', 'Set-Cookie': tokenCookie('', secure(req)) }).end();
    else if (path.startsWith('/api/')) await api(req, res, path, url.searchParams);
    else if ((path === '/results' || path.startsWith('/results/')) && (req.method === 'GET' || req.method === 'HEAD')) {
      await serveDashboard(req, res, path, isOwner(req, token), dashboardDir);
    } else return false;
    return true;
  }

  return {
    async handle(req, res) {
      try {
        return await route(req, res);
      } catch (err) {
        log(`${req.method} ${req.url}: ${(err as Error).stack ?? err}`);
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.end();
        return true;
      }
    },
    async close() {
      clearInterval(retention);
      stream.close();
      if (!options.db) await db.close();
    },
    db,
    token,
  };
}

