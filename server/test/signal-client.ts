import WebSocket from 'ws';

/**
 * A signaling socket as a test drives it: the messages it received, `next(type)` to take the
 * first of a type (waiting up to 5 s), and when it closed with which code.
 */
export function openSignalSocket(url: string) {
  const socket = new WebSocket(url);
  const received: Record<string, unknown>[] = [];
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  socket.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
  const next = async (type: string) => {
    for (let waited = 0; waited < 5000; waited += 10) {
      const index = received.findIndex((message) => message.type === type);
      if (index >= 0) return received.splice(index, 1)[0]!;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no ${type} message; got ${JSON.stringify(received).slice(0, 500)}`);
  };
  return { socket, closed, next, url, received, opened: new Promise((resolve) => socket.once('open', resolve)) };
}
