// Three builds from one source tree (see ARCHITECTURE.md, "Entries"):
//   dist/ressenti.min.js     script tag, IIFE: everything that runs on every page, no Preact
//   dist/ressenti-ui.min.js  script tag's UI, IIFE: Preact + signals + components, fetched on demand
//   dist/ressenti-<code>.min.js  script tag's built-in strings for one language (de, fr…), fetched with the UI
//   dist/ressenti-extra.min.js  what most pages never need (problems' and debug's words, the dataLayer watcher), fetched by those that do
//   dist/ressenti-survey.min.js  what runs once a survey shows (when, its events) or an answer is to be sent (the sender), fetched then
//   dist/ressenti-sources.min.js  the built-in moment sources (scroll, dwell, idle, exit intent, rage clicks), for pages whose surveys use one
//   dist/index.mjs           npm build, ESM; `import('./ui/open')` becomes dist/ui-[hash].mjs, each language a chunk
// plus dist/index.d.ts and the declarations it reaches.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import ts from 'typescript';

// Internal property names are written readable with a leading underscore (`entry._attempts`, as Preact
// writes `_children`) and shortened by terser. Every build shares one committed name map, mangle.json,
// so that a name the script and the UI file both use (their contract: `UiModule`, `OpenOptions`) is
// shortened the same way in both files.
const MANGLE = 'mangle.json';
const committed = readFileSync(MANGLE, 'utf8');
const nameCache = JSON.parse(committed);

const minify = (module, eager) =>
  terser({
    ecma: 2020,
    module,
    compress: { passes: 3, pure_getters: true, reduce_funcs: false },
    // Only `_x` names are ours to rename: `__x` stays (Preact's already-mangled internals, `__proto__`,
    // globals such as `window.__ressentiUI`), and a quoted `'_x'` is the way to keep one.
    mangle: { properties: { regex: /^_(?!_)/, keep_quoted: true } },
    nameCache,
    // ASCII only: French strings survive a CDN that serves the file without charset=utf-8.
    // `eager`: a file whose functions nearly all run as soon as it loads. The compile hint has Chromium
    // (136+) compile them on the thread that streams the file in, rather than one by one on the main
    // thread as each first runs: measured, half the boot script's main-thread time at 4× CPU.
    format: { comments: false, ascii_only: true, preamble: eager ? '//# allFunctionsCalledOnLoad' : undefined },
  });

/**
 * Keeps mangle.json complete: a new `_name` is added to it (commit the change); under CI a missing
 * name fails the build, since the two script files could then disagree on it.
 */
const nameMap = () => ({
  name: 'ressenti-name-map',
  closeBundle() {
    const text = JSON.stringify({ props: nameCache.props }, null, 2) + '\n';
    if (text === committed) return;
    if (process.env.CI) this.error(`${MANGLE} lacks names this build mangles: run \`npm run build\` and commit ${MANGLE}`);
    writeFileSync(MANGLE, text);
  },
});

// A type error fails the build (the plugin only warns by default). The plugin checks every file of
// tsconfig.json in each build, so only the first build checks; the others just compile.
const compile = (check) => typescript({ noEmitOnError: true, noCheck: !check, outputToFilesystem: false });

/**
 * Fails the build when code that runs on every page (with `core`: every chunk but the lazily loaded
 * ones) pulls in Preact, or when any output could evaluate strings as code.
 */
const guard = (core) => ({
  name: 'ressenti-guard',
  generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      const preact = core && !chunk.isDynamicEntry && Object.keys(chunk.modules).find((id) => /[\\/]node_modules[\\/](preact|@preact)[\\/]/.test(id));
      if (preact) this.error(`${chunk.fileName} must not contain Preact (it runs on every page): ${importChain(this, preact, chunk)}`);
      if (/\beval\s*\(|\bFunction\s*\(/.test(chunk.code)) this.error(`${chunk.fileName} uses eval or Function`);
    }
  },
});

/** `src/script.ts → src/widget.ts → …/preact.mjs`: how a module got into a chunk. */
function importChain(ctx, id, chunk) {
  const chain = [id];
  for (let info = ctx.getModuleInfo(id); info?.importers.length && chain.length < 20; ) {
    const next = info.importers.find((m) => m in chunk.modules) ?? info.importers[0];
    if (chain.includes(next)) break;
    chain.unshift(next);
    info = ctx.getModuleInfo(next);
  }
  return chain.map((m) => posix.normalize(m.replace(process.cwd() + '/', '').replaceAll('\\', '/'))).join(' → ');
}

/**
 * Emits dist/index.d.ts and only the declaration files it reaches (types.d.ts, …), so the package
 * ships its public types and nothing of the internals.
 */
const declarations = () => ({
  name: 'ressenti-declarations',
  generateBundle() {
    const { config } = ts.readConfigFile('tsconfig.json', ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, process.cwd());
    const outDir = join(process.cwd(), 'dist'); // nothing is written there: emit() hands each file to us
    const program = ts.createProgram(['src/index.ts'], {
      ...options,
      declaration: true,
      emitDeclarationOnly: true,
      noEmit: false,
      rootDir: 'src',
      outDir,
    });
    const emitted = new Map();
    const result = program.emit(undefined, (file, text) => emitted.set(posix.relative(outDir, file.replaceAll('\\', '/')), text));
    if (result.emitSkipped) this.error('declarations could not be emitted');
    // Specifiers get a `.js` extension so that `moduleResolution: node16/nodenext` finds them too.
    const todo = ['index.d.ts'];
    for (const file of todo) {
      const source = emitted.get(file);
      if (source === undefined) this.error(`declarations: ${file} was not emitted`);
      const rewritten = source.replace(/((?:from\s+|import\s*\(\s*)['"])(\.{1,2}\/[^'"]+?)(\.js)?(['"])/g, (_, open, spec, _js, close) => {
        const base = posix.join(posix.dirname(file), spec);
        const found = [`${base}.d.ts`, `${base}/index.d.ts`].find((f) => emitted.has(f));
        if (!found) this.error(`declarations: ${file} imports ${spec}, which has no declaration`);
        if (!todo.includes(found)) todo.push(found);
        return open + (found.endsWith('/index.d.ts') ? `${spec}/index.js` : `${spec}.js`) + close;
      });
      this.emitFile({ type: 'asset', fileName: file, source: rewritten });
    }
  },
});

/**
 * `dist/ressenti-<code>.min.js` for one language: its table (`src/i18n/<code>.ts`) registered on the
 * global the UI reads (`src/i18n/registry.ts`). Plain data, so TypeScript is only stripped (fast).
 */
const language = (code) => {
  const entry = `\0language:${code}`;
  const src = (file) => JSON.stringify(join(process.cwd(), 'src/i18n', file));
  return {
    input: entry,
    onwarn,
    plugins: [
      {
        name: 'ressenti-language',
        resolveId: (id) => (id == entry ? id : null),
        load: (id) => (id == entry ? `import { register } from ${src('registry.ts')}; import table from ${src(code + '.ts')}; register('${code}', table);` : null),
        transform: (code, id) => (id.endsWith('.ts') ? ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext } }).outputText : null),
      },
      minify(false),
    ],
    output: { file: `dist/ressenti-${code}.min.js`, format: 'iife' },
  };
};
// The languages: one file each in src/i18n named by its code (`de.ts`), the list of i18n/languages.ts (a unit test checks both agree).
const languages = readdirSync('src/i18n').flatMap((file) => file.match(/^([a-z]{2,3})\.ts$/)?.[1] ?? []);

// Hashed chunks of earlier builds would otherwise pile up in dist/ (and in the bench's table).
rmSync('dist', { recursive: true, force: true });

const onwarn = (warning) => console.warn(`(!) ${warning.message}`); // printed even under --silent

const iife = (input, file, core, eager, ...more) => ({
  input,
  onwarn,
  plugins: [nodeResolve(), compile(false), minify(false, eager), guard(core), ...more],
  output: { file, format: 'iife' },
});

export default [
  {
    input: 'src/index.ts',
    onwarn,
    plugins: [nodeResolve(), compile(true), minify(true), guard(true), declarations()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].mjs',
      // The lazily loaded UI chunk is `ui-[hash].mjs` (the bench finds it by that name); code both sides
      // share goes to `core-[hash].mjs`, behind a one-line dist/index.mjs that exports `init` only.
      // Each language is `lang-<code>-[hash].mjs`.
      chunkFileNames: (chunk) =>
        !chunk.isDynamicEntry ? 'core-[hash].mjs'
        : /[\\/]src[\\/]ui[\\/]/.test(chunk.facadeModuleId ?? '') ? 'ui-[hash].mjs'
        : /[\\/]src[\\/]i18n[\\/]/.test(chunk.facadeModuleId ?? '') ? 'lang-[name]-[hash].mjs'
        : /[\\/]src[\\/]extra/.test(chunk.facadeModuleId ?? '') ? 'extra-[hash].mjs'
        : /[\\/]src[\\/]journey[\\/]start/.test(chunk.facadeModuleId ?? '') ? 'sources-[hash].mjs'
        : /[\\/]src[\\/]survey/.test(chunk.facadeModuleId ?? '') ? 'survey-[hash].mjs'
        : 'core-[hash].mjs',
    },
  },
  // Compiled eagerly: all but the extra file, most of whose words and functions a page never uses.
  iife('src/script.ts', 'dist/ressenti.min.js', true, true),
  iife('src/extra-global.ts', 'dist/ressenti-extra.min.js', true, false),
  iife('src/journey/start-global.ts', 'dist/ressenti-sources.min.js', true, true),
  iife('src/survey-global.ts', 'dist/ressenti-survey.min.js', true, true),
  ...languages.map(language),
  // The last build: mangle.json is checked once every build has added its names.
  iife('src/ui/global.ts', 'dist/ressenti-ui.min.js', false, true, nameMap()),
];
