import { readFile, stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import type { AppEnv } from './env.ts';
import { pagePolicy } from './page-policy.ts';
import { leaveOutDocumentHeaders } from './secure-headers.ts';

/** A chunk's name carries its content hash (vite.config.ts: `[name]-[hash].js`), so it never changes. */
const HASHED_NAME = /-[A-Za-z0-9_-]{8}\.js$/;

export interface StaticDirs {
  /** The built element bundle (dist/widgets), served at /widgets/. */
  widgets: string;
  /** The sample pages (examples/), served at /. */
  examples: string;
}

/**
 * The bundle is public code that any embedding page loads as a module script, so it is served
 * with CORS for every origin; the API itself stays limited to OZ_ALLOWED_ORIGINS.
 */
export function mountStaticFiles(app: Hono<AppEnv>, dirs: StaticDirs, connectSources: readonly string[] = []): void {
  // Rural connections are slow: scripts go out as the build compressed them (brotli or gzip, see
  // scripts/vite-precompress.ts); anything else the build made (source maps) is compressed here.
  app.use('/widgets/*', compress());
  app.use('/widgets/*', async (c, next) => {
    await next();
    // Scripts, their source maps and the manifest: never a document (the build emits nothing else here).
    leaveOutDocumentHeaders(c);
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    // The entry keeps its name across releases; its chunks are content-hashed.
    const immutable = HASHED_NAME.test(c.req.path);
    c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
  });
  app.use(
    '/widgets/*',
    serveStatic({
      root: relative(process.cwd(), dirs.widgets),
      rewriteRequestPath: (path) => path.replace(/^\/widgets/, ''),
      precompressed: true,
    }),
  );
  // The sample pages, their style sheet and icons, compressed as a site's own server would send
  // them (a slow link pays for every byte before oz.js is even asked for).
  const compressPages = compress();
  app.use('/*', (c, next) => (c.req.path.startsWith('/widgets/') ? next() : compressPages(c, next)));
  const policyOf = pagePolicies(dirs.examples, connectSources);
  app.use('/*', async (c, next) => {
    await next();
    if (c.res.status !== 200 || !c.res.headers.get('Content-Type')?.startsWith('text/html')) return;
    // A page whose file cannot be read back gets the policy of a page without inline blocks.
    c.header('Content-Security-Policy', (await policyOf(c.req.path)) ?? pagePolicy('', connectSources));
  });
  app.use('/*', serveStatic({ root: relative(process.cwd(), dirs.examples) }));
}

/**
 * Each sample page's Content-Security-Policy (http/page-policy.ts), made from the file as it is
 * on disk and made again when it changes: a webmaster edits these pages.
 */
function pagePolicies(root: string, connectSources: readonly string[]): (path: string) => Promise<string | undefined> {
  const base = resolve(root);
  const made = new Map<string, { changed: number; policy: string }>();
  return async (path) => {
    try {
      const file = resolve(base, `.${decodeURIComponent(path)}${path.endsWith('/') ? 'index.html' : ''}`);
      if (!file.startsWith(base + sep)) return undefined;
      const changed = (await stat(file)).mtimeMs;
      const known = made.get(file);
      if (known?.changed === changed) return known.policy;
      const policy = pagePolicy(await readFile(file, 'utf8'), connectSources);
      made.set(file, { changed, policy });
      return policy;
    } catch {
      return undefined;
    }
  };
}
