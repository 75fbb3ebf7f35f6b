// What one request-log line costs the server, by itself: the line made and written by the very code
// an answer runs (http/request-log.ts, lib/logger.ts: blocks of 64 kB through SonicBoom) to this
// process's stdout, which bench/api.ts points at a file. Prints to stderr the CPU time (user +
// system, every thread: the writes are done by libuv's) per line, after all the lines are written.
// Steadier than the request log's cost in req/s, which swings by ±10 % on a 2-core machine; run by
// `npm run bench:api`, or alone: node --import tsx bench/request-log-line.ts > /tmp/lines.log
import { setImmediate as turn } from 'node:timers/promises';
import { createLogger, flushLog } from '../server/src/lib/logger.ts';
import { requestLog } from '../server/src/http/request-log.ts';

/** Lines a turn: about what a busy server logs between two turns of its event loop. */
const LINES_A_TURN = 16;
const TURNS = Number(process.env.TURNS ?? 25_000);

const logger = createLogger('info');
const log = requestLog(logger);
const middles = ['/api/v1/centers', '/api/v1/duty/slots', '/api/v1/consultations'].map((route) => log.middle('GET', route, 200));

async function logLines(turns: number): Promise<void> {
  for (let index = 0; index < turns; index += 1) {
    for (let line = 0; line < LINES_A_TURN; line += 1) {
      const started = log.start();
      log.lineWith(crypto.randomUUID(), middles[line % middles.length]!, started);
    }
    // Lets SonicBoom's writes go out as they do between requests.
    await turn();
  }
  await flushLog(logger);
}

/** The same loop without the line: the UUIDs and turns, which a request pays for with the log off too. */
async function idleLines(turns: number): Promise<void> {
  for (let index = 0; index < turns; index += 1) {
    for (let line = 0; line < LINES_A_TURN; line += 1) {
      Date.now();
      crypto.randomUUID();
    }
    await turn();
  }
}

const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

await logLines(TURNS / 5); // warm-up
const lines = TURNS * LINES_A_TURN;
let before = cpuMicros();
await logLines(TURNS);
const withLog = cpuMicros() - before;
before = cpuMicros();
await idleLines(TURNS);
const without = cpuMicros() - before;
process.stderr.write(`${JSON.stringify({ lines, microsPerLine: (withLog - without) / lines })}\n`);
