// GET /api/live: server-sent events telling open dashboards that new events arrived, so they
// refresh without polling. Per process: behind a load balancer, a dashboard hears the batches its
// own collector instance stored.
import type { ServerResponse } from 'node:http';

const HEARTBEAT_MS = 15_000;

export interface Live {
  /** Keeps `res` open as an event stream until the client leaves or `close()`. */
  subscribe(res: ServerResponse): void;
  publish(event: string, data: unknown): void;
  close(): void;
}

export function live(): Live {
  const clients = new Set<ServerResponse>();
  // A comment line now and then keeps proxies from closing an idle stream and reveals dead clients.
  const heartbeat = setInterval(() => clients.forEach((res) => res.write(': heartbeat\n\n')), HEARTBEAT_MS);
  heartbeat.unref();
  return {
    subscribe(res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Accel-Buffering': 'no', // nginx would otherwise hold the stream back
      });
      res.write('retry: 5000\n\n');
      clients.add(res);
      res.on('close', () => clients.delete(res));
    },
    publish(event, data) {
      const message = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      clients.forEach((res) => res.write(message));
    },
    close() {
      clearInterval(heartbeat);
      clients.forEach((res) => res.end());
      clients.clear();
    },
  };
}
