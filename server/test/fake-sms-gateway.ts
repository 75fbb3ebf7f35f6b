import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSms {
  auth: string | undefined;
  body: { to: string; text: string; sender?: string };
}

/** A local HTTP SMS gateway for OZ_SMS_URL: records what it gets; `failing` makes it answer 503. */
export async function startFakeSmsGateway() {
  const received: ReceivedSms[] = [];
  const state = { failing: false };
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      received.push({ auth: request.headers.authorization, body: JSON.parse(text) as ReceivedSms['body'] });
      response.writeHead(state.failing ? 503 : 200, { 'Content-Type': 'application/json' });
      response.end('{"status":"queued"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`,
    received,
    set failing(value: boolean) {
      state.failing = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
