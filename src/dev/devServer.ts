/**
 * `handout dev`: build, then watch sources, templates and the images they embed; rebuild what a
 * save changed; serve the output folder on loopback with a page that reloads itself after each
 * rebuild and shows the last build's errors. Rebuilds run in this process, so fonts and templates
 * stay parsed and an edit costs about one document's render.
 *
 * Any web page the user has open can send requests to a loopback server, so the server answers only
 * requests that name it (a loopback Host header: no DNS rebinding), serves only files inside the
 * output folder after following links, answers a malformed request with 400, and sends the usual
 * security headers.
 */
import { createReadStream, readFileSync, realpathSync, statSync, existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { watch } from 'chokidar';
import { build, type BuildListener, type BuildOptions, type BuildReport } from '../collection/build.js';
import { SETTINGS_FILES } from '../options/config.js';
import { HandoutError } from '../diagnostics.js';
import { scriptHash, widenPolicy } from '../fill/contentSecurityPolicy.js';
import { isInside } from '../read/projectRoot.js';
import { lookupTable } from '../lookupTable.js';

export interface DevOptions {
  /** The output folder, served. */
  outDir: string;
  /** Sources and template folders, watched (with the working folder's settings file). */
  watch: string[];
  /** What each rebuild builds, worked out again for each: a saved settings file counts, and a mistake in it is shown like a build error. */
  build: () => BuildOptions;
  port: string | number;
  host?: string;
}

const TYPES = lookupTable({
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
});

const EVENTS = '/__handout/events';
const RELOAD_SCRIPT = `new EventSource(${JSON.stringify(EVENTS)}).addEventListener('reload', () => location.reload());`;

/** Sent with every answer: no sniffing a PDF as HTML, no framing, no referrer to links followed from a handout. */
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'content-security-policy': "frame-ancestors 'none'",
  'cache-control': 'no-store',
};

/** Host headers a loopback server answers: its own names, with or without the port. */
function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const m = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d+))?$/i.exec(host);
  return !!m && (m[2] === undefined || Number(m[2]) === port);
}

/** `listener`: a new one for each rebuild, told of its documents and its report (the command line prints them). */
export async function startDevServer(opts: DevOptions, listener: () => BuildListener = () => ({})): Promise<{ close(): Promise<void>; url: string }> {
  const outDir = path.resolve(opts.outDir);
  const clients = new Set<http.ServerResponse>();
  let lastErrors: string[] = [];
  let building: Promise<void> | undefined;
  let again = false;

  const rebuild = async (): Promise<void> => {
    if (building) {
      again = true; // a save during a build: build once more when this one ends
      return building;
    }
    building = (async () => {
      do {
        again = false;
        let report: BuildReport | undefined;
        try {
          // In-process rendering keeps the parsed fonts warm between edits.
          report = await build({ ...opts.build(), outDir, jobs: 1 }, listener());
          lastErrors = [...report.documents.filter((d) => d.error).map((d) => d.error!.format()), ...(report.collection.error ? [report.collection.error.format()] : [])];
        } catch (e) {
          lastErrors = [e instanceof HandoutError ? e.format() : e instanceof Error ? e.message : String(e)];
          console.error(lastErrors[0]);
        }
        for (const c of clients) c.write(`event: reload\ndata: ${JSON.stringify({ errors: lastErrors.length })}\n\n`);
      } while (again);
    })();
    await building;
    building = undefined;
  };

  let port = Number(opts.port);
  const send = (res: http.ServerResponse, status: number, text: string) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    res.end(text + '\n');
  };
  const server = http.createServer((req, res) => {
    if (!isLoopbackHost(req.headers.host, port)) return send(res, 403, 'This preview answers only requests to 127.0.0.1 or localhost.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Only GET and HEAD.');
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      if (pathname.includes('\0')) throw new Error('NUL in path');
    } catch {
      return send(res, 400, 'Bad request: the address is not a valid path.');
    }
    if (pathname === EVENTS) {
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const file = servable(outDir, pathname === '/' ? '/index.html' : pathname);
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' });
      res.end(withPreview('<!DOCTYPE html><html lang="en"><head><title>Not found</title></head><body><p>Not found.</p></body></html>', lastErrors));
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type });
    if (req.method === 'HEAD') res.end();
    else if (type.startsWith('text/html')) res.end(withPreview(readFileSync(file, 'utf8'), lastErrors));
    else createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });
  // A request the HTTP parser cannot read (GET /% with a bad line, a bad header) gets 400, never a crash.
  server.on('clientError', (_e, socket) => socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n'));

  // Listen before building: a port that is taken is said at once, in one line.
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') reject(new HandoutError(`port ${opts.port} on ${host} is already in use (another handout dev, or another server)`, { file: 'handout dev' }, 'stop it, or choose another port with --port (0 picks a free one)'));
      else if (e.code === 'EACCES') reject(new HandoutError(`not allowed to listen on port ${opts.port}`, { file: 'handout dev' }, 'choose a port above 1023 with --port'));
      else reject(e);
    });
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : port;

  await rebuild();
  const url = `http://${host}:${port}/`;

  // Watch the sources, templates and the working folder's settings file; editors that save by writing
  // a new file and renaming it over the old one are seen as a change (chokidar's atomic handling).
  const watched = [...opts.watch, ...SETTINGS_FILES].filter((p) => existsSync(p));
  const watcher = watch(watched, { ignoreInitial: true, atomic: true, awaitWriteFinish: { stabilityThreshold: 60, pollInterval: 20 } });
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (_event, changed) => {
    // Decided on path segments: `site-content` is not inside `site`.
    if (isInside(path.resolve(changed), outDir)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 40);
  });
  // Said once the watcher is watching: a save from then on is seen.
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  console.log(`Serving ${path.relative(process.cwd(), outDir) || '.'}/ at ${url}  (watching for changes; Ctrl+C stops)`);

  return {
    url,
    async close() {
      clearTimeout(timer);
      await watcher.close();
      for (const c of clients) c.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The file a request path names, when it may be served: a regular file inside the output folder
 * after following links, with no hidden segment (the cache, the lock, temporary files).
 */
function servable(outDir: string, pathname: string): string | undefined {
  const file = path.resolve(outDir, '.' + pathname);
  if (!isInside(file, outDir) || path.relative(outDir, file).split(path.sep).some((seg) => seg.startsWith('.'))) return undefined;
  try {
    const real = realpathSync(file);
    if (!isInside(real, realpathSync(outDir)) || !statSync(real).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}

/** The preview page: the output as built, plus live reload and the last build's errors; its policy lets exactly that script run. */
function withPreview(html: string, errors: string[]): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const banner = errors.length
    ? `<div id="handout-build-errors" role="alert" style="position:fixed;left:0;right:0;bottom:0;background:#7a1010;color:#fff;font:14px/1.4 monospace;padding:10px 14px;white-space:pre-wrap;z-index:9999">Build failed — the page shows the last good output.\n${errors.map(escape).join('\n')}</div>`
    : '';
  const script = `<script>${RELOAD_SCRIPT}</script>`;
  const page = html.includes('</body>') ? html.replace('</body>', `${banner}${script}</body>`) : html + banner + script;
  return widenPolicy(page, { scriptHashes: [scriptHash(RELOAD_SCRIPT)], connectSelf: true });
}
