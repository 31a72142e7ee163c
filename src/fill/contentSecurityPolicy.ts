/**
 * The Content-Security-Policy of every generated page, defined here only. No page loads anything
 * from the network: styles are inline, images and fonts are embedded as data: URLs, and nothing may
 * run but scripts named by their hash. Pages open from disk, from a web server or from the dev
 * server's preview; the policy travels inside the page (a <meta>), so it holds wherever it is opened.
 */
import { createHash } from 'node:crypto';

export interface PolicyOptions {
  /** Inline scripts allowed to run, as `sha256-…` hashes (see scriptHash). */
  scriptHashes?: string[];
  /** Images from https: servers, for a build that keeps remote images on purpose (`--remote-images keep`). */
  remoteImages?: boolean;
  /** Requests back to the page's own server (the dev server's live reload). */
  connectSelf?: boolean;
}

export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const scripts = options.scriptHashes ?? [];
  return [
    "default-src 'none'",
    `img-src data:${options.remoteImages ? ' https:' : ''}`,
    "style-src 'unsafe-inline'",
    'font-src data:',
    scripts.length ? `script-src ${scripts.map((h) => `'${h}'`).join(' ')}` : '',
    options.connectSelf ? "connect-src 'self'" : '',
    "base-uri 'none'",
    "form-action 'none'",
  ].filter(Boolean).join('; ');
}

/** The policy as the <meta> element a page's <head> carries. */
export function policyMeta(options: PolicyOptions = {}): string {
  return `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(options)}">`;
}

/** Finds the policy <meta> in a page (to replace it, or to know there is one). */
export const POLICY_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/i;

/** The hash that allows one inline script: its exact text between <script> and </script>. */
export function scriptHash(script: string): string {
  return `sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}`;
}

/** A page without the policy (a template of the project's own that leaves it out) gets it at the top of its <head>. */
export function withPolicy(html: string, options: PolicyOptions = {}): string {
  if (POLICY_META.test(html)) return html;
  return html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}\n${policyMeta(options)}`);
}

/**
 * The page's policy, widened for a page that runs more than the build made (the dev server's live
 * reload): each directive gets the extra sources, a missing one is added.
 */
export function widenPolicy(html: string, extra: { scriptHashes?: string[]; connectSelf?: boolean }): string {
  const add: Record<string, string[]> = {
    'script-src': (extra.scriptHashes ?? []).map((h) => `'${h}'`),
    'connect-src': extra.connectSelf ? ["'self'"] : [],
  };
  return withPolicy(html).replace(POLICY_META, (meta) => {
    const content = /content="([^"]*)"/i.exec(meta)![1];
    const directives = content.split(';').map((d) => d.trim()).filter(Boolean);
    for (const [name, sources] of Object.entries(add)) {
      if (!sources.length) continue;
      const i = directives.findIndex((d) => d.split(/\s+/)[0] === name);
      if (i >= 0) directives[i] = `${directives[i].replace(/\s*'none'/, '')} ${sources.join(' ')}`;
      else directives.push(`${name} ${sources.join(' ')}`);
    }
    return `<meta http-equiv="Content-Security-Policy" content="${directives.join('; ')}">`;
  });
}
