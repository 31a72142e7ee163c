/**
 * `handout dev`: build, then watch sources, templates and the images they embed; rebuild what a
 * save changed; serve the output folder on loopback with a page that reloads itself after each
 * rebuild and shows the last build's errors. Rebuilds run in this process, so fonts and templates
 * stay parsed and an edit costs about one document's render.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { watch } from 'chokidar';
import type { BuildReport } from '../build/build.js';
import { runBuild, type BuildCommandOptions } from '../cli/buildCommand.js';
import { SETTINGS_FILES } from '../options/config.js';

export interface DevOptions extends BuildCommandOptions {
  port: string;
  host?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

const EVENTS = '/__handout/events';

export async function startDevServer(inputs: string[], opts: DevOptions): Promise<{ close(): Promise<void>; url: string }> {
  const outDir = path.resolve(opts.out);
  // In-process rendering keeps the parsed fonts warm between edits.
  const buildOpts: BuildCommandOptions = { ...opts, jobs: '1' };
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
          report = await runBuild(inputs, buildOpts);
          lastErrors = [...report.documents.filter((d) => d.error).map((d) => d.error!.format()), ...(report.collection.error ? [report.collection.error.format()] : [])];
        } catch (e) {
          lastErrors = [e instanceof Error ? e.message : String(e)];
          console.error(lastErrors[0]);
        }
        for (const c of clients) c.write(`event: reload\ndata: ${JSON.stringify({ errors: lastErrors.length })}\n\n`);
      } while (again);
    })();
    await building;
    building = undefined;
  };

  await rebuild();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === EVENTS) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const file = path.resolve(outDir, '.' + decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
    // Only files inside the output folder are served, and never the cache.
    if (!file.startsWith(outDir + path.sep) || path.basename(file).startsWith('.') || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(withPreview('<!DOCTYPE html><html lang="en"><head><title>Not found</title></head><body><p>Not found.</p></body></html>', lastErrors));
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    if (type.startsWith('text/html')) {
      res.end(withPreview(readFileSync(file, 'utf8'), lastErrors));
    } else createReadStream(file).pipe(res);
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(Number(opts.port), host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : Number(opts.port);
  const url = `http://${host}:${port}/`;
  console.log(`Serving ${path.relative(process.cwd(), outDir) || '.'}/ at ${url}  (watching for changes; Ctrl+C stops)`);

  // Watch the sources, templates and the working folder's settings file; editors that save by writing
  // a new file and renaming it over the old one are seen as a change (chokidar's atomic handling).
  const watched = [...inputs, ...(opts.templates ? [opts.templates] : ['templates']), ...SETTINGS_FILES].filter((p) => existsSync(p));
  const watcher = watch(watched, { ignoreInitial: true, atomic: true, awaitWriteFinish: { stabilityThreshold: 60, pollInterval: 20 } });
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (_event, changed) => {
    if (path.resolve(changed).startsWith(outDir)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 40);
  });

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

/** The preview page: the output as built, plus live reload and the last build's errors. */
function withPreview(html: string, errors: string[]): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const banner = errors.length
    ? `<div id="handout-build-errors" role="alert" style="position:fixed;left:0;right:0;bottom:0;background:#7a1010;color:#fff;font:14px/1.4 monospace;padding:10px 14px;white-space:pre-wrap;z-index:9999">Build failed — the page shows the last good output.\n${errors.map(escape).join('\n')}</div>`
    : '';
  const script = `<script>new EventSource(${JSON.stringify(EVENTS)}).addEventListener('reload', () => location.reload());</script>`;
  return html.includes('</body>') ? html.replace('</body>', `${banner}${script}</body>`) : html + banner + script;
}
