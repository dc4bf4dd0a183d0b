// `npx ressenti-collector` / `npm run collector`: the collector on its own HTTP server, configured
// from the environment (README, "Collector").
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCollector } from './index';
import { optionsFromEnv } from './options';

async function main() {
  const options = optionsFromEnv(process.env);
  const collector = await createCollector(options);
  const server = createServer(async (req, res) => {
    if (!(await collector.handle(req, res))) res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
  });
  const port = process.env.PORT ? Number(process.env.PORT) : 8787;
  await new Promise<void>((done, fail) => server.once('error', fail).listen(port, done));
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  const where = collector.db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${options.dataDir}`;
  console.log(`Ressenti collector on ${url}, storing in ${where}`);
  console.log(`  events:    POST ${url}/collect   (data-endpoint="${url}/collect")`);
  console.log(`  dashboard: ${url}/results`);
  console.log(options.token ? '  token:     from RESSENTI_TOKEN' : `  token:     ${collector.token}   (generated: set RESSENTI_TOKEN to keep one across restarts)`);
  const stop = async () => {
    server.close();
    server.closeAllConnections();
    await collector.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(`ressenti-collector: ${err.message}`);
  process.exit(1);
});
