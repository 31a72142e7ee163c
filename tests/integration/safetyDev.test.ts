/**
 * `handout dev` is a loopback server any web page the user has open can send requests to: it must
 * answer malformed requests with 400, only Host headers naming loopback, nothing outside out/ (links
 * included), say a taken port in one line, and send the usual security headers.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, ROOT, tempDir } from '../helpers/build.js';

interface Dev {
  process: ChildProcess;
  url: string;
  port: number;
  log: () => string;
}

/** Waits, bounded, until `check` holds. */
async function until(check: () => boolean | Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function startDev(cwd: string, args: string[]): Promise<Dev> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/handout.js'), 'dev', '--port', '0', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  await until(() => /Serving .* at http:\/\/127\.0\.0\.1:\d+\//.test(log), `the server to start\n${log}`);
  const url = /at (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(log)!;
  return { process: child, url: url[1], port: Number(url[2]), log: () => log };
}

/** A request as any program (or a page's fetch) can send it, with the Host header it chooses. */
function request(port: number, pathname: string, host = `127.0.0.1:${port}`): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The raw bytes of a request line the HTTP client would refuse to send. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(text));
    let reply = '';
    socket.on('data', (d) => (reply += d));
    socket.on('close', () => resolve(reply));
    socket.on('error', reject);
  });
}

let dir: string;
let dev: Dev;

beforeAll(async () => {
  dir = tempDir('handout-dev-safety-');
  cpSync(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  writeFileSync(path.join(dir, 'secret.html'), '<p>the patient list</p>');
  dev = await startDev(dir, []);
  // Links planted in out/ that lead out of it.
  symlinkSync(path.join(dir, 'secret.html'), path.join(dir, 'out/leak.html'));
  symlinkSync(dir, path.join(dir, 'out/up'));
}, 90_000);

afterAll(() => {
  dev?.process.kill('SIGTERM');
  removeDir(dir);
});

describe('handout dev on loopback', () => {
  it('answers a malformed request with 400 and keeps serving', async () => {
    expect(/^HTTP\/1\.1 400/.test(await rawRequest(dev.port, `GET /% HTTP/1.1\r\nHost: 127.0.0.1:${dev.port}\r\n\r\n`))).toBe(true);
    expect(/^HTTP\/1\.1 400/.test(await rawRequest(dev.port, `GET /%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1:${dev.port}\r\n\r\n`))).toBe(true);
    expect(/^HTTP\/1\.1 400/.test(await rawRequest(dev.port, 'NOT A REQUEST\r\n\r\n'))).toBe(true);
    expect((await request(dev.port, '/')).status).toBe(200);
    expect(dev.process.exitCode).toBeNull();
  });

  it('answers only Host headers that name loopback (no DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${dev.port}`, `127.0.0.1.evil.example:${dev.port}`, `localhost:${dev.port + 1}`]) {
      const r = await request(dev.port, '/', host);
      expect(r.status, host).toBe(403);
      expect(r.body).not.toContain('calcinosis');
    }
    expect(await rawRequest(dev.port, 'GET / HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.1 403/); // no Host at all
    for (const host of [`127.0.0.1:${dev.port}`, `localhost:${dev.port}`, 'localhost']) expect((await request(dev.port, '/', host)).status, host).toBe(200);
  });

  it('serves nothing outside out/, links included', async () => {
    for (const p of ['/leak.html', '/up/secret.html', '/up/content/calcinosis.md', '/..%2Fsecret.html', '/.handout-cache.json', '/.handout-build.lock']) {
      const r = await request(dev.port, p);
      expect(r.status, p).toBe(404);
      expect(r.body, p).not.toContain('the patient list');
    }
  });

  it('sends the usual security headers, and the preview page allows exactly its own script', async () => {
    const r = await request(dev.port, '/calcinosis.html');
    expect(r.status).toBe(200);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(r.body)![1];
    const script = /<script>([\s\S]*?)<\/script>/.exec(r.body)![1];
    expect(policy).toContain(`script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    expect(policy).toMatch(/connect-src 'self'/);
    expect(policy).toMatch(/default-src 'none'/);
  });

  it('a port that is taken gets one clear line, not a stack trace', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/handout.js'), 'dev', '--port', String(dev.port)], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^handout dev: error: port ${dev.port} on 127\\.0\\.0\\.1 is already in use .*--port`))]);
  });
});

describe('handout dev site-content --out site', () => {
  it('rebuilds on save: containment is decided on path segments, not string prefixes', async () => {
    const project = tempDir('handout-dev-prefix-');
    mkdirSync(path.join(project, 'site-content'));
    const source = path.join(project, 'site-content/visit.md');
    writeFileSync(source, '---\ntitle: Your visit\n---\n\nBring your card to the desk.\n');
    const server = await startDev(project, ['site-content', '--out', 'site']);
    try {
      writeFileSync(source, readFileSync(source, 'utf8').replace('Bring your card', 'Bring your blue card'));
      await until(async () => (await request(server.port, '/visit.html')).body.includes('Bring your blue card'), 'the rebuilt page', 30_000);
    } finally {
      server.process.kill('SIGTERM');
      removeDir(project);
    }
  }, 90_000);
});
