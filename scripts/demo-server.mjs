// The bundled demo ad site, served on 127.0.0.1 only. Used by `npm start`, the end-to-end tests,
// and by hand with `npm run demo:serve` (then open the printed address).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SITE = join(root, 'tests/fixtures/demo-site');
/** The real editor and uploader widgets the demo pages use, straight from node_modules. */
const VENDOR = {
  'quill.js': 'node_modules/quill/dist/quill.js',
  'quill.snow.css': 'node_modules/quill/dist/quill.snow.css',
  'dropzone.js': 'node_modules/dropzone/dist/dropzone-min.js',
  'dropzone.css': 'node_modules/dropzone/dist/dropzone.css',
};
/**
 * Demo apps that import packages (TipTap, React): bundled from `apps/` with esbuild on first
 * request, kept in memory only, and served at `bundles/<name>.js`.
 */
const BUNDLES = {
  'tiptap-ad.js': 'tests/fixtures/demo-site/apps/tiptap-ad.js',
  'react-ad.js': 'tests/fixtures/demo-site/apps/react-ad.js',
};
const bundled = new Map();
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};
const DEMO_PREFIX = '/parasol-demo/';
/** A page outside the built-in site list, for checking that Parasol stays away from it. */
const OTHER_PREFIX = '/elsewhere/';

/** Starts the server; `port: 0` picks a free one. Resolves to its base address and a closer. */
export function startDemoServer({ port = 0 } = {}) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'POST' && url.pathname === `${DEMO_PREFIX}upload`) {
      // The demo never keeps an upload: it reads and drops it, as a real site would receive it.
      request.resume();
      request.on('end', () => response.writeHead(204).end());
      return;
    }
    if (url.pathname === '/') return redirect(response, DEMO_PREFIX);
    const bundleName = bundleOf(url.pathname);
    if (bundleName) return serveBundle(response, bundleName);
    const file = resolveFile(url.pathname);
    if (!file) return response.writeHead(404, { 'content-type': TYPES['.txt'] }).end('Not found');
    try {
      const info = await stat(file);
      if (!info.isFile()) return redirect(response, `${url.pathname.replace(/\/?$/, '/')}index.html`);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-store',
      });
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, { 'content-type': TYPES['.txt'] }).end('Not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({
        origin: `http://127.0.0.1:${actual}`,
        url: (path = '') => `http://127.0.0.1:${actual}${DEMO_PREFIX}${path}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

function bundleOf(pathname) {
  for (const site of [DEMO_PREFIX, OTHER_PREFIX]) {
    const prefix = `${site}bundles/`;
    if (!pathname.startsWith(prefix)) continue;
    const name = pathname.slice(prefix.length);
    return Object.hasOwn(BUNDLES, name) ? name : null;
  }
  return null;
}

async function serveBundle(response, name) {
  try {
    const code = await bundle(name);
    response.writeHead(200, {
      'content-type': TYPES['.js'],
      'content-length': code.byteLength,
      'cache-control': 'no-store',
    });
    response.end(code);
  } catch (error) {
    response.writeHead(500, { 'content-type': TYPES['.txt'] }).end(`Could not bundle ${name}: ${error.message}`);
  }
}

/** One build per app and server process; a failed build is tried again on the next request. */
function bundle(name) {
  let pending = bundled.get(name);
  if (!pending) {
    pending = import('esbuild')
      .then(({ build }) =>
        build({
          entryPoints: [join(root, BUNDLES[name])],
          bundle: true,
          write: false,
          format: 'iife',
          minify: true,
          target: 'es2020',
          define: { 'process.env.NODE_ENV': '"production"' },
          logLevel: 'silent',
        }),
      )
      .then((result) => result.outputFiles[0].contents);
    pending.catch(() => bundled.delete(name));
    bundled.set(name, pending);
  }
  return pending;
}

function resolveFile(pathname) {
  const path = decodeURIComponent(pathname);
  if (path.startsWith(`${DEMO_PREFIX}vendor/`)) {
    const vendored = VENDOR[path.slice(`${DEMO_PREFIX}vendor/`.length)];
    return vendored ? join(root, vendored) : null;
  }
  for (const prefix of [DEMO_PREFIX, OTHER_PREFIX]) {
    if (path === prefix.slice(0, -1)) return join(SITE, 'index.html');
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length) || 'index.html';
    const file = normalize(join(SITE, rest));
    return file.startsWith(SITE + sep) ? file : null;
  }
  return null;
}

function redirect(response, location) {
  response.writeHead(302, { location }).end();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const port = Number(process.env.PORT ?? 5174);
  const demo = await startDemoServer({ port });
  console.log(`Demo ad site: ${demo.url()}  (Ctrl+C to stop)`);
}
