// Size budgets, in bytes of brotli at quality 11: the one place `npm run bench` and `npm test`
// (test/browser/size.test.ts) read them from, so CI fails as soon as a budget is broken.
import { brotliCompressSync, constants } from 'node:zlib';

const KB = 1024;

/** Brotli size as a CDN serving the file at maximum compression would send it. */
export const brotliSize = (buf) =>
  brotliCompressSync(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;

/**
 * One entry per kind of file in dist/ (paths relative to the package root). `required`: the build
 * must write at least one such file; the others (language files) are checked when present.
 */
export const BUDGETS = [
  { label: 'script tag: runs on every page', match: /^dist\/ressenti\.min\.js$/, limit: 7_800, required: true }, // 8 KB until the build mangled shared property names
  { label: 'script tag UI, fetched when a survey shows', match: /^dist\/ressenti-ui\.min\.js$/, limit: 12 * KB, required: true },
  { label: 'npm build UI chunk', match: /^dist\/ui-[^/]+\.mjs$/, limit: 12 * KB, required: true },
  // `ressenti-fr.min.js`, `ressenti-pt-BR.min.js` (not the UI file), and the npm build's language chunks.
  { label: 'language file', match: /^dist\/(?:ressenti-(?!ui\.)[a-z]{2,3}(?:-[A-Za-z0-9]+)?\.min\.js|lang-[^/]+\.mjs)$/, limit: 700, required: false },
];

/** The budget a file falls under, if any. */
export const budgetOf = (file) => BUDGETS.find((budget) => budget.match.test(file));

/** What breaks a budget, given the brotli size of every built file by path: empty when all are met. */
export function budgetProblems(brotliSizes) {
  const n = (x) => x.toLocaleString('en-US');
  const problems = BUDGETS.filter(({ match, required }) => required && ![...brotliSizes.keys()].some((file) => match.test(file))).map(
    ({ label, match }) => `${label}: no file matches ${match}`,
  );
  for (const [file, size] of brotliSizes) {
    const limit = budgetOf(file)?.limit ?? Infinity;
    if (size > limit) problems.push(`${file} is ${n(size)} B brotli, over its ${n(limit)} B budget by ${n(size - limit)} B`);
  }
  return problems;
}
