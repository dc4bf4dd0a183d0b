/**
 * A survey link (`?ressenti=ID&ressenti_answer=VALUE`, from an e-mail, SMS or QR code): returns it
 * and removes both parameters from the address bar, keeping the rest of the URL and `history.state`.
 */
export function readLink(win: Window): { surveyId: string; answer?: string } | undefined {
  const { location, history } = win;
  const search = location.search.slice(1);
  // Filtering the raw parts leaves the other parameters byte for byte as the site wrote them.
  const kept = search
    .split('&')
    .filter((part) => !/^ressenti(_answer)?(=|$)/.test(part))
    .join('&');
  if (kept == search) return;
  try {
    history.replaceState(history.state, '', location.pathname + (kept && '?' + kept) + location.hash);
  } catch {
    // a sandboxed document may refuse: the survey still shows
  }
  const params = new URLSearchParams(search);
  const surveyId = params.get('ressenti');
  return surveyId ? { surveyId, answer: params.get('ressenti_answer') || undefined } : undefined;
}
