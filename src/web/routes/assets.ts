import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';

const ASSETS_DIR = fileURLToPath(new URL('../assets/', import.meta.url));
/** Only plain names: no dots beyond the extension, no slashes, so nothing outside the folder can be named. */
const OWN_ASSET = /^[a-z0-9][a-z0-9-]*\.(js|css)$/;
const CONTENT_TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
/** Our own files change with the program (no fingerprint in the name), so revalidate soon; vendor files change with a release. */
const OWN_MAX_AGE_S = 300;
const VENDOR_MAX_AGE_S = 86_400;

const require = createRequire(import.meta.url);
/** Third-party files served from node_modules, by URL name; nothing else from node_modules is reachable. */
const VENDOR: Record<string, string> = {
  'uPlot.esm.js': 'uplot/dist/uPlot.esm.js',
  'uPlot.min.css': 'uplot/dist/uPlot.min.css',
};

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
  maxAge: number;
}

/** The allow-list, read once at start: every plain .js/.css in src/web/assets/ and the vendor files above. */
function loadAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(ASSETS_DIR)) {
    if (OWN_ASSET.test(name)) assets.set(name, asset(readFileSync(ASSETS_DIR + name), name, OWN_MAX_AGE_S));
  }
  for (const [name, path] of Object.entries(VENDOR)) assets.set(`vendor/${name}`, asset(readFileSync(require.resolve(path)), name, VENDOR_MAX_AGE_S));
  return assets;
}

function asset(body: Buffer, name: string, maxAge: number): Asset {
  const extension = name.slice(name.lastIndexOf('.') + 1);
  return { body, type: CONTENT_TYPES[extension] ?? 'application/octet-stream', etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`, maxAge };
}

/** GET /assets/<name> and /assets/vendor/<name>: bundled files only, public (the login page needs the stylesheet). */
export function assetRoutes(): FastifyPluginAsync {
  return async (app) => {
    const assets = loadAssets();
    app.get<{ Params: { '*': string } }>('/assets/*', { config: { public: true } }, async (request, reply) => {
      const found = assets.get(request.params['*']);
      if (!found) return reply.code(404).type('text/plain; charset=utf-8').send('no such asset');
      reply.header('cache-control', `public, max-age=${found.maxAge}`).header('etag', found.etag).type(found.type);
      if (request.headers['if-none-match'] === found.etag) return reply.code(304).send();
      return reply.send(found.body);
    });
  };
}
