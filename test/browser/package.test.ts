// The npm package as an app sees it: dist/ through package.json's `exports` (no Chromium needed,
// but it needs the build, which `npm test` and `npm run test:browser` do first).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const app = mkdtempSync(join(tmpdir(), 'ressenti-app-'));
mkdirSync(join(app, 'node_modules'));
symlinkSync(ROOT, join(app, 'node_modules/ressenti'), 'dir');
afterAll(() => rmSync(app, { recursive: true, force: true }));

// TypeScript's lib files, parsed once for every program below: parsing lib.dom.d.ts is slow.
const libs = new Map<string, ts.SourceFile | undefined>();

/** Type errors of an app's file importing 'ressenti', under one module resolution. */
function typeErrors(code: string, resolution: 'Bundler' | 'NodeNext') {
  const file = join(app, `app-${resolution}.mts`);
  writeFileSync(file, code);
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    // TypeScript's own lib files need no checking here (most of the time this test took): ours still are.
    skipDefaultLibCheck: true,
    types: [],
    module: resolution === 'Bundler' ? ts.ModuleKind.ESNext : ts.ModuleKind.NodeNext,
    moduleResolution: resolution === 'Bundler' ? ts.ModuleResolutionKind.Bundler : ts.ModuleResolutionKind.NodeNext,
  };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile;
  host.getSourceFile = (name, ...rest) => {
    if (!/[\\/]typescript[\\/]lib[\\/]/.test(name)) return read.call(host, name, ...rest);
    if (!libs.has(name)) libs.set(name, read.call(host, name, ...rest));
    return libs.get(name);
  };
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the npm package', () => {
  it('can be imported where there is no window or document (server-side rendering)', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const module = await import(pathToFileURL(join(ROOT, 'dist/index.mjs')).href);
    expect(typeof module.init).toBe('function');
  });

  it.each([
    ['import', "import('ressenti').then(({ init }) => run(init))"],
    ['require', "run(require('ressenti').init)"],
  ])('an app that %ss it on the server gets an inert instance from init(), and one warning saying where to call it', (_, load) => {
    // What a framework's server render does: init() and a few commands, twice, in plain Node.
    const run = `function run(init) { for (const i of [1, 2]) { const r = init({ surveys: [] }); r.moment('purchase'); r.on('response', () => {})(); r.destroy(); } console.log('done'); }`;
    const file = join(app, 'server.cjs');
    writeFileSync(file, `${run}\n${load};`);
    const out = spawnSync(process.execPath, [file], { cwd: app, encoding: 'utf8' });
    expect(out.stdout.trim()).toBe('done');
    const warnings = out.stderr.split('\n').filter((line) => line.includes('[ressenti]'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/no window.*Call it in the browser: in useEffect/);
    expect(out.status).toBe(0);
  });

  it.each(['Bundler', 'NodeNext'] as const)('ships types an app resolves from "ressenti" (moduleResolution %s)', (resolution) => {
    const ok = `import { init, type Options, type FeedbackEvent } from 'ressenti';
      const options: Options = { endpoint: '/feedback', theme: 'dark', surveys: [{ id: 'a', questions: [{ id: 'q', type: 'nps', text: 'Recommend us?' }] }] };
      init(options).on('response', (event: FeedbackEvent) => event.answers);`;
    expect(typeErrors(ok, resolution)).toEqual([]);
    expect(typeErrors(`import { init } from 'ressenti'; init({ theme: 'pink' });`, resolution).join()).toMatch(/"pink"/);
  });

  it('ships its licence, and its declarations mention no document left out of the package', () => {
    const [{ files }] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }));
    const shipped: string[] = files.map((f: { path: string }) => f.path);
    expect(shipped).toContain('LICENSE');
    const declarations = shipped.filter((path) => path.endsWith('.d.ts'));
    expect(declarations).toContain('dist/types.d.ts');
    const mentioned = declarations.flatMap((path) => readFileSync(join(ROOT, path), 'utf8').match(/[\w./-]+\.md\b/g) ?? []);
    expect(mentioned.filter((doc) => !shipped.includes(doc))).toEqual([]);
  });
});
