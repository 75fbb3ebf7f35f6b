// The second yardstick of `npm run bench:api`: a minimal Hono app on @hono/node-server (the
// framework the real server is built on, with nothing of ours) replaying the real server's recorded
// answers, one route per answer. The real server's distance to it is what our own code costs; its
// distance to the bare node:http server is the framework's. `node bench/api-hono-server.ts <recorded.json>`.
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { RecordedAnswer } from './api-recording.ts';

const recorded = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as RecordedAnswer[];
const app = new Hono();
for (const answer of recorded) {
  const body = Buffer.from(answer.body, 'base64');
  const path = new URL(answer.path, 'http://recorded').pathname;
  app.on(answer.method, path, (c) => (answer.status === 204 ? c.body(null, 204, answer.headers) : c.body(body, answer.status as 200, answer.headers)));
}
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`listening on http://127.0.0.1:${info.port}`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
