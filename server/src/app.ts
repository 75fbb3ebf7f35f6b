import type { Config } from './config.ts';
import type { Services } from './services/index.ts';
import type { AppEnv } from './http/env.ts';
import { onError, onNotFound } from './http/error-handler.ts';
import { createLogger, type Logger } from './lib/logger.ts';
import { requestFrame } from './http/request-frame.ts';
import { createRouter } from './http/router.ts';
import { fixedJson } from './http/fixed-answer.ts';
import { mountStaticFiles, type StaticDirs } from './http/static-files.ts';
import { connectSourcesOf } from './http/page-policy.ts';
import { authRoutes } from './routes/auth.ts';
import { meRoutes } from './routes/me.ts';
import { centerRoutes } from './routes/centers.ts';
import { consentRoutes } from './routes/consent.ts';
import { docsRoutes } from './routes/docs.ts';
import { documentRoutes } from './routes/documents.ts';
import { applicationRoutes } from './routes/applications.ts';
import { consultationRoutes } from './routes/consultations.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { dutyRoutes } from './routes/duty.ts';
import { videoRoutes } from './routes/video.ts';
import { mountSignaling } from './routes/signaling.ts';
import { referralRoutes } from './routes/referrals.ts';
import { createNodeWebSocket } from '@hono/node-ws';
import { MAX_SIGNALING_FRAME_BYTES } from './ports/signaling.ts';
import { auditRoutes, myAuditRoutes } from './routes/audit.ts';
import { staffRoutes } from './routes/staff.ts';

export interface AppOptions {
  config: Config;
  services: Services;
  /** Where the bundle and the sample pages are; omitted in API-only tests. */
  staticDirs?: StaticDirs;
  /** The request log's logger; by default one on stdout at OZ_LOG_LEVEL. */
  logger?: Logger;
}

export function createApi() {
  const api = createRouter()
    .route('/auth', authRoutes)
    .route('/me', meRoutes)
    .route('/me/audit', myAuditRoutes)
    .route('/audit', auditRoutes)
    .route('/staff', staffRoutes)
    .route('/centers', centerRoutes)
    .route('/consent', consentRoutes)
    .route('/documents', documentRoutes)
    .route('/applications', applicationRoutes)
    .route('/consultations', consultationRoutes)
    .route('/notifications', notificationRoutes)
    .route('/duty', dutyRoutes)
    .route('/', videoRoutes)
    .route('/referrals', referralRoutes)
    .route('/', docsRoutes);
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token from /auth/register or /auth/login',
  });
  // Made on first request, when every route is registered; the same for everyone until a restart.
  api.get(
    '/openapi.json',
    fixedJson(() =>
      JSON.stringify(
        api.getOpenAPI31Document({
          openapi: '3.1.0',
          info: {
            title: 'Oblako Zdorovya API',
            version: '1',
            description:
              'API of the free telemedicine program «Облако здоровья». Errors are `{error:{code,message,details}}`; ' +
              'lists are `{items:[…]}`. Authenticate with `Authorization: Bearer <token>`.',
          },
          servers: [{ url: '/api/v1' }],
        }),
      ),
    ),
  );
  return api;
}

export type AppType = ReturnType<typeof createApi>;

export function createApp({ config, services, staticDirs, logger = createLogger(config.logLevel) }: AppOptions) {
  const app = createRouter();
  // The request id, context, security headers, CORS and body limit of the API, and the request
  // log (http/request-frame.ts).
  app.use('*', requestFrame(config, services, logger));
  const { injectWebSocket, upgradeWebSocket, wss } = createNodeWebSocket({ app });
  // @hono/node-ws takes no ws options; ws reads maxPayload at each upgrade. A signaling message is
  // at most 70 kB (an SDP), so a socket may not make the server buffer ws's default 100 MiB.
  wss.options.maxPayload = MAX_SIGNALING_FRAME_BYTES;
  mountSignaling(app, upgradeWebSocket);
  app.route('/api/v1', createApi());
  if (staticDirs) mountStaticFiles(app, staticDirs, connectSourcesOf(config.openVidu?.url));
  app.notFound(onNotFound);
  app.onError(onError);
  // main.ts hands the HTTP server to this after serve(), so WebSocket upgrades reach the app.
  return Object.assign(app, { injectWebSocket });
}
