/**
 * The page URL as events carry it: no fragment, and only the query parameters named `utm_*` or in
 * `keep`; e-mail addresses, tokens and order numbers in URLs stay in the visitor's browser.
 */
export function pageUrl(href: string, keep: string[] = []): string {
  const url = new URL(href);
  url.hash = '';
  url.search = '' + new URLSearchParams([...url.searchParams].filter(([name]) => /^utm_/.test(name) || keep.includes(name)));
  return url.href;
}
