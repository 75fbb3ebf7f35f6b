import { ConfigError, loadConfig, productionProblems } from './config.ts';
import { openPorts } from './adapters/open-ports.ts';
import { createServices } from './services/index.ts';
import { createApp } from './app.ts';
import { serveApp } from './http/serve-app.ts';
import { createLogger, flushLog } from './lib/logger.ts';
import { STATIC_DIRS } from './paths.ts';
import { describeDemoSignIns, seedDemoData } from './seed/demo.ts';
import { CHAT_SMS_SWEEP_EVERY_MS } from './services/chat-sms.ts';

/** `--demo` (npm start) seeds demo accounts into an empty store; production start never does. */
async function main(argv: string[]): Promise<void> {
  const demo = argv.includes('--demo');
  const config = loadConfig();
  const problems = demo ? [] : productionProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  const ports = await openPorts(config);
  const { store } = ports;
  const services = createServices(ports, config);
  if (demo && (await seedDemoData(store, services.accounts, services.duty))) {
    console.log('Seeded the demo accounts into the empty store.');
  }
  const logger = createLogger(config.logLevel);
  const app = createApp({ config, services, staticDirs: STATIC_DIRS, logger });
  const server = serveApp(app, { port: config.port, hostname: config.host }, (info) => {
    const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const base = `http://${shown}:${info.port}`;
    console.log(`Oblako Zdorovya API listening on ${base}`);
    console.log(`  sample pages  ${base}/\n  API docs      ${base}/api/v1/docs\n  bundle        ${base}/widgets/oz.js`);
    if (demo) console.log(describeDemoSignIns());
  });
  app.injectWebSocket(server);
  const purge = startTokenPurge(services.accounts);
  const chatSms = startChatSmsSweep(services.chatSms);
  const stop = () => {
    clearInterval(purge);
    clearInterval(chatSms);
    setTimeout(() => process.exit(0), 5000).unref();
    // No new connections; once the requests in flight are done, the ports (and the store) close.
    // The request log's last lines go out before the process ends.
    server.close(() => void ports.close().finally(() => void flushLog(logger).finally(() => process.exit(0))));
    // Streams and signaling sockets never end by themselves and would hold server.close() open:
    // end them now (their browsers reconnect, through the proxy, to another instance), and drop
    // the keep-alive connections they leave idle rather than wait out their timeout.
    void Promise.all([ports.live.close(), ports.signaling.close()]).catch(() => undefined);
    if ('closeIdleConnections' in server) setInterval(() => server.closeIdleConnections(), 100).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Ended sessions are dropped now and then: every sign-in adds a token, and the store is one file. */
function startTokenPurge(accounts: ReturnType<typeof createServices>['accounts']): NodeJS.Timeout {
  const run = () => void accounts.purgeEndedSessions().catch((error: unknown) => console.error(JSON.stringify({ at: new Date().toISOString(), error: `token purge: ${String(error)}` })));
  run();
  const timer = setInterval(run, 6 * 3600 * 1000);
  timer.unref();
  return timer;
}

/**
 * Every minute: an SMS to whoever has had a chat message unread for 10 minutes away from the
 * cabinet. Each instance sweeps; the store lets only one of them send each SMS.
 */
function startChatSmsSweep(chatSms: ReturnType<typeof createServices>['chatSms']): NodeJS.Timeout {
  const timer = setInterval(
    () => void chatSms.sweep().catch((error: unknown) => console.error(JSON.stringify({ at: new Date().toISOString(), error: `chat SMS sweep: ${String(error)}` }))),
    CHAT_SMS_SWEEP_EVERY_MS,
  );
  timer.unref();
  return timer;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // Config and store problems are the operator's to fix: say what, without a stack trace.
  const known = error instanceof ConfigError || (error instanceof Error && /Store|DataDir|Database/.test(error.name));
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
