/**
 * Request guards that do not depend on the route's own code: the Host and Origin checks, the path as
 * the router sees it, the security headers of every response. See docs/security.md.
 */
import { isIP } from 'node:net';

/** The path decoded and normalised: percent-decoding repeated until stable, `//` collapsed, `.`/`..`
 * resolved, lower case — used only to decide whether a request is for the API, never to route it. */
export function normalisedPath(url: string): string {
  let p = url.split('?')[0]!.split('#')[0]!;
  for (let i = 0; i < 4; i++) {
    let d: string;
    try {
      d = decodeURIComponent(p);
    } catch {
      break;
    }
    if (d === p) break;
    p = d;
  }
  p = p.replace(/\\/g, '/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`.toLowerCase();
}

function hostnameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const i = h.lastIndexOf(':');
  return (i > 0 ? h.slice(0, i) : h).replace(/\.$/, '');
}

/**
 * Single-user mode answers only to a Host that cannot be a rebound DNS name: an IP literal,
 * localhost (and *.localhost), or a name listed in JUESUAN_ALLOWED_HOSTS (comma-separated).
 */
export function hostAllowed(hostHeader: string | undefined, extra: string[] = []): boolean {
  if (hostHeader === undefined) return true; // HTTP/1.0 clients; browsers always send Host
  const name = hostnameOf(hostHeader);
  if (!name) return false;
  if (isIP(name)) return true;
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return extra.map((s) => s.trim().toLowerCase()).filter(Boolean).includes(name);
}

export function allowedHostsFromEnv(): string[] {
  return (process.env.JUESUAN_ALLOWED_HOSTS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * A write from another origin (a page elsewhere posting a form or a fetch to this server): the Origin
 * header names another host than the one addressed, is "null" (sandboxed frames, file:), or the
 * browser says the request is cross-site. Clients that send no Origin (curl, scripts) are not browsers
 * acting for a user and pass.
 */
export function crossOriginWrite(headers: Record<string, string | string[] | undefined>, allowedOrigins: string[] = []): string | undefined {
  const origin = headers.origin;
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site') return 'a cross-site request';
  if (origin === undefined) return undefined;
  if (typeof origin !== 'string' || origin === 'null') return 'an opaque origin';
  if (allowedOrigins.includes(origin)) return undefined;
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return 'an unreadable Origin header';
  }
  const target = typeof headers.host === 'string' ? headers.host.toLowerCase() : '';
  return host === target ? undefined : `origin ${origin}`;
}

export function allowedOriginsFromEnv(): string[] {
  return (process.env.JUESUAN_ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** Headers on every response. The API docs page (Swagger UI) needs inline styles and its own scripts only. */
export function securityHeaders(path: string): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (path.startsWith('/docs')) csp[1] = "script-src 'self' 'unsafe-inline'";
  return {
    'content-security-policy': csp.join('; '),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}
