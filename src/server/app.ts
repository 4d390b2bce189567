/**
 * The HTTP server: REST API under /api (OpenAPI at /docs) and the web application at /.
 * Thin: routes call the store and the core operations. Single-user mode (the embedded default) needs no
 * login; multi-user mode has accounts with roles, cookie sessions, CSRF tokens and an audit trail.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
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

export interface ServerOptions {
  db: Db;
  /** 'single': no login, every request acts as the local user; 'multi': accounts and sessions. */
  mode: 'single' | 'multi';
  /** Largest upload in bytes (default 50 MB). */
  uploadLimit?: number;
  /** Built web application to serve at / (default web/dist when present). */
  webDir?: string;
  logger?: boolean;
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
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: uploadLimit });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: uploadLimit, files: 1 } });
  await app.register(swagger, {
    openapi: { info: { title: 'juesuan API', description: '决算公开: read, check, compare and compose disclosures', version: '0.1.0' } },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string; validation?: unknown }, _req, reply) => {
    if (err instanceof ApiError) return reply.status(err.status).send(errorBody(err.code, err.message, err.hint));
    if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.statusCode === 413) {
      return reply.status(413).send(errorBody('too-large', `upload larger than ${uploadLimit >> 20} MB`, 'split the file or raise the limit'));
    }
    if (err.validation) return reply.status(400).send(errorBody('bad-request', err.message));
    if (err.statusCode && err.statusCode < 500) return reply.status(err.statusCode).send(errorBody('bad-request', err.message));
    app.log.error(err);
    return reply.status(500).send(errorBody('internal', 'internal error', 'see the server log'));
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !opts.webDir) return reply.status(404).send(errorBody('not-found', `no route ${req.method} ${req.url.split('?')[0]}`));
    return reply.sendFile('index.html');
  });

  app.addHook('onRequest', async (req) => {
    req.user = opts.mode === 'single' ? LOCAL_USER : await sessionUser(opts.db, req.cookies[SESSION_COOKIE]);
    const mutating = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';
    if (opts.mode === 'multi' && mutating && req.user && req.url.startsWith('/api/') && req.url !== '/api/login') {
      if (req.headers['x-csrf-token'] !== req.user.csrf) throw new ApiError(403, 'csrf', 'missing or wrong CSRF token', 'send the x-csrf-token header from GET /api/me');
    }
  });

  const ctx = { db: opts.db, mode: opts.mode, uploadLimit };
  await app.register(async (api) => {
    await documentRoutes(api, ctx);
    await corpusRoutes(api, ctx);
    await authRoutes(api, ctx);
    await composeRoutes(api, ctx);
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
}

/** The signed-in user allowed to do `action`, or a 401/403 ApiError. */
export function requireUser(req: FastifyRequest, action: Parameters<typeof can>[1]): SessionUser {
  const u = req.user;
  if (!u) throw new ApiError(401, 'unauthenticated', 'sign in first', 'POST /api/login');
  if (!can(u.role as Role, action)) throw new ApiError(403, 'forbidden', `role ${u.role} may not ${action}`);
  return u;
}
