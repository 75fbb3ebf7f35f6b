import { createRoute } from '@hono/zod-openapi';
import { CenterList } from '@oz/contracts';
import type { AppEnv } from '../http/env.ts';
import { createRouter } from '../http/router.ts';
import { CENTERS } from '../catalog/centers.ts';

const listCenters = createRoute({
  method: 'get',
  path: '/',
  tags: ['Catalog'],
  summary: 'The medical centers with the diseases they accept and the documents they need',
  responses: { 200: { description: 'The catalog', content: { 'application/json': { schema: CenterList } } } },
});

export const centerRoutes = createRouter().openapi(listCenters, (c) => {
  c.header('Cache-Control', 'public, max-age=3600');
  return c.json({ items: [...CENTERS] }, 200);
});
