import type { EventMap, RessentiError } from '../types';

type Handler = (payload: never) => void;

/** The page's `on()` handlers, and problems reported to them and to the console. */
export interface Bus {
  /** Hands `payload` to the page's handlers for `event`; one that throws is reported, not rethrown. */
  _fire<K extends keyof EventMap>(event: K, payload: EventMap[K]): void;
  /** Every problem: logged, then handed to `on('error')` handlers. */
  _report(error: RessentiError): void;
  /** Adds a handler (its arguments checked by the caller); returns the function that removes it. */
  _on(event: string, handler: Handler): () => void;
}

export function createBus(): Bus {
  const handlers: { [event: string]: Set<Handler> } = {};
  const bus: Bus = {
    _fire(event, payload) {
      handlers[event]?.forEach((handler) => {
        try {
          (handler as (p: typeof payload) => void)(payload);
        } catch (err) {
          // A throwing page handler must not stop delivery; an `error` handler that throws is not re-reported (no loop).
          const message = `an on("${event}") handler threw: ${err}`;
          if (event === 'error') console.error('[ressenti] ' + message);
          else bus._report({ source: 'handler', message });
        }
      });
    },
    _report(error) {
      console.error('[ressenti] ' + error.message);
      bus._fire('error', error);
    },
    _on(event, handler) {
      (handlers[event] ||= new Set()).add(handler);
      return () => handlers[event].delete(handler);
    },
  };
  return bus;
}
