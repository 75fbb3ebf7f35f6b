// The yardstick of `npm run bench:api`: a bare node:http server that replays the real server's
// recorded answers (status, headers, body) byte for byte, with no routing beyond one map lookup.
// Run by bench/api.ts in its own process: `node bench/api-bare-server.ts <recorded.json>`.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import type { RecordedAnswer } from './api-recording.ts';

const recorded = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as RecordedAnswer[];
const answers = new Map(recorded.map((answer) => [`${answer.method} ${answer.path}`, { ...answer, body: Buffer.from(answer.body, 'base64') }]));

const server = createServer((request, response) => {
  const answer = answers.get(`${request.method} ${request.url}`);
  // Drain the request body as the real server reads it, then answer.
  request.resume();
  request.on('end', () => {
    if (!answer) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`listening on http://127.0.0.1:${address.port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
