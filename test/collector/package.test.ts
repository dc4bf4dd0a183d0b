// The collector as a package user gets it: `ressenti/collector` for a Node server, while the
// widget's files load none of its database drivers.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

describe('the collector in the npm package', () => {
  const app = mkdtempSync(join(tmpdir(), 'ressenti-app-'));
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it('is imported from "ressenti/collector" by a Node app', () => {
    mkdirSync(join(app, 'node_modules'));
    symlinkSync(ROOT, join(app, 'node_modules/ressenti'), 'dir');
    writeFileSync(join(app, 'app.mjs'), "const { createCollector, openDb } = await import('ressenti/collector'); console.log(typeof createCollector, typeof openDb);");
    const out = spawnSync(process.execPath, ['app.mjs'], { cwd: app, encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe('function function');
  });

  it('leaves the widget’s files free of PGlite and pg', () => {
    const widget = readdirSync(join(ROOT, 'dist')).filter((f) => /\.m?js$/.test(f));
    expect(widget).toContain('ressenti.min.js');
    for (const file of widget) expect(readFileSync(join(ROOT, 'dist', file), 'utf8'), file).not.toMatch(/pglite|from ?["']pg["']|ressenti_events/);
  });
});
