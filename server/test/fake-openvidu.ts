import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface FakeConnection {
  connectionId: string;
  role: string;
  serverData: string;
  customIceServers: unknown[];
  token: string;
}

/**
 * A stand-in for OpenVidu 2.32's REST API (no OpenVidu server can run here: it needs Docker).
 * It answers as the real one does for what openvidu-node-client calls: Basic auth
 * OPENVIDUAPP:<secret>, 409 for an existing customSessionId, GET of a session, connections, DELETE.
 */
export async function startFakeOpenVidu(secret: string) {
  const sessions = new Map<string, { createdAt: number; connections: FakeConnection[] }>();
  const requests: string[] = [];
  const expectedAuth = `Basic ${Buffer.from(`OPENVIDUAPP:${secret}`).toString('base64')}`;

  const sessionJson = (id: string) => {
    const session = sessions.get(id)!;
    return {
      id,
      object: 'session',
      sessionId: id,
      customSessionId: id,
      createdAt: session.createdAt,
      mediaMode: 'ROUTED',
      recordingMode: 'MANUAL',
      recording: false,
      broadcasting: false,
      connections: {
        numberOfElements: session.connections.length,
        content: session.connections.map((connection) => connectionJson(id, connection)),
      },
    };
  };
  const connectionJson = (sessionId: string, connection: FakeConnection) => ({
    id: connection.connectionId,
    object: 'connection',
    type: 'WEBRTC',
    status: 'pending',
    sessionId,
    createdAt: Date.now(),
    role: connection.role,
    serverData: connection.serverData,
    record: true,
    customIceServers: connection.customIceServers,
    token: connection.token,
    publishers: null,
    subscribers: null,
  });

  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    requests.push(`${request.method} ${request.url}`);
    const reply = (status: number, json?: unknown) => {
      response.writeHead(status, json === undefined ? {} : { 'Content-Type': 'application/json' });
      response.end(json === undefined ? undefined : JSON.stringify(json));
    };
    if (request.headers.authorization !== expectedAuth) return reply(401);
    const url = new URL(request.url ?? '/', 'http://fake');
    const match = /^\/openvidu\/api\/sessions(?:\/([^/]+))?(\/connection)?$/.exec(url.pathname);
    if (!match) return reply(404);
    const [, id, connection] = match;
    if (!id && request.method === 'POST') {
      const properties = JSON.parse(body || '{}') as { customSessionId?: string };
      const sessionId = properties.customSessionId ?? `ses_${Math.random().toString(36).slice(2)}`;
      if (sessions.has(sessionId)) return reply(409);
      sessions.set(sessionId, { createdAt: Date.now(), connections: [] });
      return reply(200, sessionJson(sessionId));
    }
    if (!id || !sessions.has(id)) return reply(404);
    if (connection && request.method === 'POST') {
      const properties = JSON.parse(body || '{}') as { role?: string; data?: string; customIceServers?: unknown[] };
      const connectionId = `con_${Math.random().toString(36).slice(2)}`;
      const created: FakeConnection = {
        connectionId,
        role: properties.role ?? 'PUBLISHER',
        serverData: properties.data ?? '',
        customIceServers: properties.customIceServers ?? [],
        token: `wss://openvidu.example.ru?sessionId=${id}&token=tok_${connectionId}`,
      };
      sessions.get(id)!.connections.push(created);
      return reply(200, connectionJson(id, created));
    }
    if (!connection && request.method === 'GET') return reply(200, sessionJson(id));
    if (!connection && request.method === 'DELETE') {
      sessions.delete(id);
      return reply(204);
    }
    return reply(405);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sessions,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => resolve(text));
  });
}
