// The demo's collector: keeps the events a widget POSTs, de-duplicated on `eventId` (delivery
// is at-least-once), in memory and in a JSON-lines file so they survive restarts, and prints
// each new one on one line.
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const TYPES = ['impression', 'response', 'dismissal'];

/** Whether `e` looks like a Ressenti event worth keeping (anything may be POSTed here). */
const isEvent = (e) =>
  !!e &&
  typeof e === 'object' &&
  typeof e.eventId === 'string' &&
  e.eventId.length > 0 &&
  e.eventId.length <= 100 &&
  TYPES.includes(e.type) &&
  typeof e.surveyId === 'string';

/**
 * Opens the store at `file` (JSON lines; created on first write). `print` receives one line per
 * new event. Returns `{ events(), receive(body), clear() }`.
 */
export function createCollector(file, print = console.log) {
  const events = [];
  const ids = new Set();
  const keep = (e) => {
    ids.add(e.eventId);
    events.push(e);
  };
  let lines = [];
  try {
    lines = readFileSync(file, 'utf8').split('\n');
  } catch {
    // first run: nothing stored yet
  }
  for (const line of lines) {
    try {
      const e = JSON.parse(line);
      if (isEvent(e) && !ids.has(e.eventId)) keep(e);
    } catch {
      // a line cut short by a crash: skip it
    }
  }
  mkdirSync(dirname(file), { recursive: true });

  return {
    events: () => events,
    /** Takes a request body (JSON whatever its content type): `{ accepted, duplicates, rejected }`, or `{ error }`. */
    receive(body) {
      let list;
      try {
        list = JSON.parse(body).events;
      } catch {
        return { error: 'the body is not JSON' };
      }
      if (!Array.isArray(list)) return { error: 'expected {"events": [...]}' };
      const valid = list.filter(isEvent);
      const fresh = [];
      for (const e of valid) {
        if (ids.has(e.eventId)) continue;
        keep(e);
        fresh.push(e);
      }
      const duplicates = valid.length - fresh.length;
      if (fresh.length) appendFileSync(file, fresh.map((e) => JSON.stringify(e) + '\n').join(''));
      fresh.forEach((e) => print(describe(e)));
      if (duplicates) print(`  (${duplicates} duplicate${duplicates > 1 ? 's' : ''} ignored: same eventId)`);
      return { accepted: fresh.length, duplicates, rejected: list.length - valid.length };
    },
    clear() {
      events.length = 0;
      ids.clear();
      writeFileSync(file, '');
    },
  };
}

const CONTEXT_KEYS = ['path', 'device', 'locale', 'pageType', 'productId', 'cartValue', 'value', 'currency', 'orderId'];

/** One readable line for an event: time, type, survey, moment, answers, a few context fields. */
export function describe(e) {
  const time = new Date(Date.parse(e.ts) || Date.now()).toTimeString().slice(0, 8);
  const type = e.type === 'response' ? (e.complete ? 'response ✔' : 'response …') : e.type;
  const answers = Object.entries(Object(e.answers)).map(([k, v]) => `${k}=${short(v)}`);
  const ctx = Object(e.context);
  const context = CONTEXT_KEYS.filter((k) => ctx[k] != null && ctx[k] !== '').map((k) => (k === 'path' ? ctx[k] : `${k}=${ctx[k]}`));
  const line = [time, type.padEnd(10), e.surveyId, `@${e.moment}`, answers.join(' '), context.length && '· ' + context.join(' ')];
  // Visitors choose these strings: no control or bidi characters may reach the terminal.
  return line.filter(Boolean).join('  ').replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '�');
}

const short = (v) => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? text.slice(0, 59) + '…"' : text;
};
