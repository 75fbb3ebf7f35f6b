import { createServer } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { withCachedReads } from './cached-read-lane.ts';

/**
 * The app on Node's HTTP server, as @hono/node-server's `serve` puts it there, with the kept
 * answers given before Hono (http/cached-read-lane.ts).
 */
export function serveApp(app: Hono<any>, options: { port: number; hostname: string }, listening?: (info: AddressInfo) => void): ServerType {
  return serve(
    {
      fetch: app.fetch,
      ...options,
      createServer: ((serverOptions: object, honoListener: Parameters<typeof withCachedReads>[1]) =>
        createServer(serverOptions, withCachedReads(app, honoListener))) as unknown as typeof createServer,
    },
    listening,
  );
}
