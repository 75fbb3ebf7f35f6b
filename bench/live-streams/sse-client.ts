import http from 'node:http';

/** One open notification stream, as a browser's EventSource holds it: the events it has heard so far. */
export interface OpenStream {
  /** Resolves with the arrival time (performance.now()) of the first `message` event whose data contains `marker`. */
  waitFor(marker: string, timeoutMs: number): Promise<number>;
  close(): void;
}

const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

/** Opens GET /api/v1/notifications/stream?ticket=… and resolves once the server said `ready`. */
export function openStream(origin: string, ticket: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const waiting = new Map<string, (at: number) => void>();
    let buffer = '';
    const request = http.get(`${origin}/api/v1/notifications/stream?ticket=${encodeURIComponent(ticket)}`, { agent }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`stream answered ${response.statusCode}`));
        response.resume();
        return;
      }
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.includes('event: ready')) {
            resolve({
              waitFor: (marker, timeoutMs) =>
                new Promise((done, fail) => {
                  const timer = setTimeout(() => {
                    waiting.delete(marker);
                    fail(new Error(`no event ${marker} within ${timeoutMs} ms`));
                  }, timeoutMs);
                  waiting.set(marker, (arrived) => {
                    clearTimeout(timer);
                    done(arrived);
                  });
                }),
              close: () => request.destroy(),
            });
            continue;
          }
          for (const [marker, settle] of waiting) {
            if (frame.includes(marker)) {
              waiting.delete(marker);
              settle(at);
            }
          }
        }
      });
    });
    request.on('error', reject);
  });
}
