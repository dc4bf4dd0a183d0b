// Live updates: the collector's server-sent events say that answers arrived; the dashboard
// then re-reads what it shows, at most once per `quiet` ms however fast they arrive.

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/** Calls `changed` after each burst of `ingest` events and `state` on (re)connection; returns the disposer. */
export function watch(changed: () => void, state: (s: LiveState) => void, quiet = 150, url = '/api/live'): () => void {
  const source = new EventSource(url);
  let timer: ReturnType<typeof setTimeout> | undefined;
  state('connecting');
  source.onopen = () => state('live');
  // EventSource reconnects by itself; a 401 closes it for good, and the next API call goes to login.
  source.onerror = () => state('reconnecting');
  source.addEventListener('ingest', () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      changed();
    }, quiet);
  });
  return () => {
    clearTimeout(timer);
    source.close();
  };
}
