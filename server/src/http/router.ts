import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.ts';
import { validationHook } from './validation-hook.ts';

/** A router of this API: the one context type, and every validation failure as 422 naming its fields. */
export const createRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
