import { createRoute } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import { CenterList } from '@oz/contracts';
import type { AppEnv } from '../http/env.ts';
import { createRouter } from '../http/router.ts';
import { CENTERS } from '../catalog/centers.ts';
import { setResponseHeader } from '../http/node-headers.ts';

const listCenters = createRoute({
  method: 'get',
  path: '/',
  tags: ['Catalog'],
  summary: 'The medical centers with the diseases they accept and the documents they need',
  responses: { 200: { description: 'The catalog', content: { 'application/json': { schema: CenterList } } } },
});

/** The catalog never changes while the server runs: its JSON is made once. */
const CENTER_LIST_JSON = JSON.stringify({ items: [...CENTERS] } satisfies CenterList);

export const centerRoutes = createRouter().openapi(listCenters, (c) => {
  setResponseHeader(c, 'Cache-Control', 'public, max-age=3600');
  // The same bytes and Content-Type as c.json's; typed as its answer, which the route declares.
  return c.body(CENTER_LIST_JSON, 200, { 'Content-Type': 'application/json' }) as unknown as TypedResponse<CenterList, 200, 'json'>;
});
