/**
 * The HTTP server: REST API under /api (OpenAPI at /docs) and the web application at /.
 * Thin: routes call the store and the core operations. Single-user mode (the embedded default) needs no
 * login; multi-user mode has accounts with roles, cookie sessions, CSRF tokens and an audit trail.
 */
import { RecentRefusals } from './refusals.js';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { Db } from '../store/corpus.js';
import { can, sessionUser, type Role, type SessionUser } from '../store/accounts.js';
import { ApiError, errorBody } from './errors.js';
import { documentRoutes } from './routes-documents.js';
import { corpusRoutes } from './routes-corpus.js';
import { authRoutes } from './routes-auth.js';
import { composeRoutes } from './routes-compose.js';
import { batchRoutes } from './routes-batches.js';
import type { OpenedQueue } from '../queue/queue.js';
import { reportRoutes } from './routes-report.js';
import { WorkerPool, PoolInternalError } from '../core/pool/pool.js';
import { allowedHostsFromEnv, allowedOriginsFromEnv, crossOriginWrite, hostAllowed, normalisedPath, securityHeaders } from './guards.js';
import { ConcurrencyLimiter, LoginBackoff, Semaphore } from './limits.js';

export interface ServerOptions {
  db: Db;
  /** 'single': no login, every request acts as the local user; 'multi': accounts and sessions. */
  mode: 'single' | 'multi';
  /** Largest upload in bytes (default 50 MB). */
  uploadLimit?: number;
  /** Built web application to serve at / (default web/dist when present). */
  webDir?: string;
  /** Fastify (pino) logger: false (default), true, or options such as { level, stream }. */
  logger?: FastifyServerOptions['logger'];
  /** Reads and checks uploads (default: a pool of JUESUAN_JOBS or the cores, closed with the server). */
  pool?: WorkerPool;
  /** Uploads of one client in progress at once (default JUESUAN_UPLOADS_PER_CLIENT or 8; more → 429). */
  uploadsPerClient?: number;
  /** Documents waiting for or being read, over all clients, before uploads are refused with 503
   * (default JUESUAN_MAX_QUEUE or 16 per worker). */
  maxQueue?: number;
  /** Uploads are refused (503 with Retry-After) when the documents ahead would take longer than this
   * to start, by the pool's average time per document (default JUESUAN_MAX_WAIT_MS or 3000). */
  maxWaitMs?: number;
  /** Single-user mode: host names answered besides IP literals and localhost (default JUESUAN_ALLOWED_HOSTS). */
  allowedHosts?: string[];
  /** Origins whose writes are accepted besides the server's own (default JUESUAN_ALLOWED_ORIGINS). */
  allowedOrigins?: string[];
  /** Failed sign-ins: back-off policy (tests shorten it). */
  loginBackoff?: LoginBackoff;
  /** the per-client delay after refused uploads (tests pass their own) */
  uploadBackoff?: LoginBackoff;
  /** The job queue (JUESUAN_REDIS_URL): uploads and re-checks are read by `juesuan worker`s (issue 15). */
  queue?: OpenedQueue;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: SessionUser;
  }
}

export const SESSION_COOKIE = 'juesuan_session';
const LOCAL_USER: SessionUser = { id: 0, username: 'local', role: 'admin', csrf: '' };

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const uploadLimit = opts.uploadLimit ?? 50 * 1024 * 1024;
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: uploadLimit, requestTimeout: 300_000 });
  const ownPool = !opts.pool;
  const pool = opts.pool ?? new WorkerPool({ niceness: workerNiceness(), ...(Number(process.env.JUESUAN_JOBS) > 0 && { size: Number(process.env.JUESUAN_JOBS) }) });
  if (ownPool) app.addHook('onClose', async () => pool.close());
  // the event loop should never stall (reading runs in workers): a stall is logged with its length
  let tick = performance.now();
  const lagTimer = setInterval(() => {
    const lag = performance.now() - tick - 250;
    if (lag > 250) app.log.warn({ lagMs: Math.round(lag), poolLoad: pool.load }, 'event loop stalled');
    tick = performance.now();
  }, 250);
  lagTimer.unref();
  app.addHook('onClose', async () => clearInterval(lagTimer));
  const envInt = (name: string, fallback: number) => (Number(process.env[name]) > 0 ? Math.floor(Number(process.env[name])) : fallback);
  const allowedHosts = opts.allowedHosts ?? allowedHostsFromEnv();
  const allowedOrigins = opts.allowedOrigins ?? allowedOriginsFromEnv();
  await app.register(cookie);
  // preservePath: the file name is kept as the client gave it (it is data, never a path here)
  await app.register(multipart, { preservePath: true, limits: { fileSize: uploadLimit, files: 1 } });
  await app.register(swagger, {
    openapi: { info: { title: 'juesuan API', description: '决算公开: read, check, compare and compose disclosures', version: '0.1.0' } },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string; validation?: unknown }, req, reply) => {
    if (err instanceof ApiError) return reply.status(err.status).send(errorBody(err.code, err.message, err.hint));
    if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.statusCode === 413) {
      return reply.status(413).send(errorBody('too-large', `upload larger than ${uploadLimit >> 20} MB`, 'split the file or raise the limit'));
    }
    if (err.validation) return reply.status(400).send(errorBody('bad-request', err.message));
    if (err.statusCode && err.statusCode < 500) return reply.status(err.statusCode).send(errorBody('bad-request', err.message));
    const cause = err instanceof PoolInternalError ? (err as unknown as PoolInternalError).detail : undefined;
    req.log.error({ err, ...(cause && { cause }) }, `internal error: ${err.message.split('\n')[0]}`);
    if (err instanceof PoolInternalError) return reply.status(500).send(errorBody('reader-failed', err.message, 'the file broke the reader; the server log has the cause'));
    return reply.status(500).send(errorBody('internal', 'internal error', `see the server log (request ${req.id})`));
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !opts.webDir) return reply.status(404).send(errorBody('not-found', `no route ${req.method} ${req.url.split('?')[0]}`));
    return reply.sendFile('index.html');
  });

  app.addHook('onSend', async (req, reply, payload) => {
    for (const [k, v] of Object.entries(securityHeaders(normalisedPath(req.url)))) reply.header(k, v);
    return payload;
  });
  // Guards run on the route the router matched (req.routeOptions.url: decoded, as the handler sees it)
  // and on the decoded, normalised path, so /%61pi/… or //api/… cannot slip past them.
  app.addHook('onRequest', async (req) => {
    if (opts.mode === 'single' && !hostAllowed(req.headers.host, allowedHosts)) {
      throw new ApiError(403, 'foreign-host', `host ${String(req.headers.host)} is not served`, 'open the server as localhost or its IP address, or list the name in JUESUAN_ALLOWED_HOSTS');
    }
    const mutating = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';
    const foreign = mutating ? crossOriginWrite(req.headers, allowedOrigins) : undefined;
    if (foreign) throw new ApiError(403, 'cross-origin', `writes from ${foreign} are refused`, 'use the web application served by this server, or list the origin in JUESUAN_ALLOWED_ORIGINS');
    req.user = opts.mode === 'single' ? LOCAL_USER : await sessionUser(opts.db, req.cookies[SESSION_COOKIE]);
    if (opts.mode !== 'multi') return;
    const route = req.routeOptions.url;
    const path = normalisedPath(req.url);
    const isPublic = route === '/api/login' || route === '/api/health';
    const protectedPath = (p: string | undefined) => p !== undefined && (p.toLowerCase().startsWith('/api') || p.toLowerCase().startsWith('/docs'));
    if (!isPublic && !req.user && (protectedPath(route) || protectedPath(path) || mutating)) {
      throw new ApiError(401, 'unauthenticated', 'sign in first', 'POST /api/login');
    }
    if (mutating && route !== '/api/login' && req.headers['x-csrf-token'] !== req.user?.csrf) {
      throw new ApiError(403, 'csrf', 'missing or wrong CSRF token', 'send the x-csrf-token header from GET /api/me');
    }
  });

  const ctx: RouteContext = {
    db: opts.db, mode: opts.mode, uploadLimit, pool,
    uploads: new ConcurrencyLimiter(opts.uploadsPerClient ?? envInt('JUESUAN_UPLOADS_PER_CLIENT', 8)),
    maxQueue: opts.maxQueue ?? envInt('JUESUAN_MAX_QUEUE', 16 * pool.size),
    maxWaitMs: opts.maxWaitMs ?? envInt('JUESUAN_MAX_WAIT_MS', 3000),
    admitted: { n: 0 },
    logins: opts.loginBackoff ?? new LoginBackoff(),
    refused: new RecentRefusals(),
    // two refusals free (a mistake, a retry), then 1 s, 2 s, 4 s, 8 s before the next upload is read;
    // forgotten a minute after the last refusal, or at the client's next accepted upload
    uploadBackoff: opts.uploadBackoff ?? new LoginBackoff({ free: 2, maxWaitMs: 8000, forgetMs: 60_000 }),
    receiving: new Semaphore(envInt('JUESUAN_UPLOADS_RECEIVING', 2 * pool.size)),
    ...(opts.queue && { queue: opts.queue }),
  };
  await app.register(async (api) => {
    await documentRoutes(api, ctx);
    await corpusRoutes(api, ctx);
    await authRoutes(api, ctx);
    await composeRoutes(api, ctx);
    await batchRoutes(api, ctx);
    await reportRoutes(api, ctx);
  }, { prefix: '/api' });

  const webDir = opts.webDir ?? resolve('web', 'dist');
  if (existsSync(join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/' });
    opts.webDir = webDir;
  }
  return app;
}

export interface RouteContext {
  db: Db;
  mode: 'single' | 'multi';
  uploadLimit: number;
  pool: WorkerPool;
  uploads: ConcurrencyLimiter;
  maxQueue: number;
  maxWaitMs: number;
  /** uploads admitted and not yet answered */
  admitted: { n: number };
  logins: LoginBackoff;
  /** bytes refused lately (sha256 → reason): sent again, refused without reading */
  refused: RecentRefusals;
  /** per client: uploads refused one after another (unreadable, too large) delay its next upload */
  uploadBackoff: LoginBackoff;
  /** upload bodies received at once, over all clients (JUESUAN_UPLOADS_RECEIVING, default 2 per worker) */
  receiving: Semaphore;
  /** the job queue, when the server has one */
  queue?: OpenedQueue;
}

/** Who a request counts against for per-client limits: the account in multi-user mode, else the address. */
export function clientKey(req: FastifyRequest): string {
  return req.user && req.user.id ? `user:${req.user.id}` : `ip:${req.ip}`;
}

/** The signed-in user allowed to do `action`, or a 401/403 ApiError. */
export function requireUser(req: FastifyRequest, action: Parameters<typeof can>[1]): SessionUser {
  const u = req.user;
  if (!u) throw new ApiError(401, 'unauthenticated', 'sign in first', 'POST /api/login');
  if (!can(u.role as Role, action)) throw new ApiError(403, 'forbidden', `role ${u.role} may not ${action}`);
  return u;
}

/** Niceness of the server's reading workers (JUESUAN_WORKER_NICENESS, 0–19, default 10): health checks,
 *  searches and answers of the event loop come first when uploads keep the cores busy. */
function workerNiceness(): number {
  const v = process.env.JUESUAN_WORKER_NICENESS;
  return v !== undefined && v.trim() !== '' && Number.isFinite(Number(v)) ? Math.max(0, Math.min(19, Math.floor(Number(v)))) : 10;
}
