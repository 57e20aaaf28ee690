import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { registerAccessRoutes } from '../modules/access/routes.ts';
import { registerAdviceRoutes } from '../modules/advice/routes.ts';
import { registerAuditRoutes } from '../modules/audit/routes.ts';
import { registerRoutes as registerCaseRoutes } from '../modules/cases/routes.ts';
import { listDemoAccounts } from '../modules/demo/seed-demo.ts';
import type { Deps } from '../modules/deps.ts';
import { registerIdentityRoutes } from '../modules/identity/routes.ts';
import { registerFiguresRoutes } from '../modules/insight/figures-routes.ts';
import { registerReportRunRoutes } from '../modules/insight/report-run-routes.ts';
import { registerInsightRoutes } from '../modules/insight/routes.ts';
import { registerIntakeRoutes } from '../modules/intake/routes.ts';
import { registerRoutes as registerMeldcodeRoutes } from '../modules/meldcode/routes.ts';
import { registerRegionRoutes } from '../modules/region/routes.ts';
import { installContext } from './context-plugin.ts';
import { installErrorHandler, sendError } from './error-handler.ts';

export interface AppOptions {
  deps: Deps;
  logLevel?: string;
  trustProxy?: boolean;
  /** Folder with the built web app; omitted in API-only tests. */
  webRoot?: string | undefined;
  /** Shown in a banner so nobody mistakes a demo for production. */
  demo?: boolean;
  /** Where logs go (default stdout); tests capture them. */
  logStream?: NodeJS.WritableStream;
  /** Requests per minute per client address: all routes, and sign-in steps. */
  rateLimits?: { global: number; signIn: number; publicForms: number };
}

/** Sign-in is limited per address on top of the per-account lockout; an office behind one NAT address must still get in at nine. */
export const DEFAULT_RATE_LIMITS = { global: 600, signIn: 30, publicForms: 10 };

// upgrade-insecure-requests (a helmet default) is left out: behind plain HTTP on a private network
// it would send the browser to https for every asset. HSTS covers HTTPS deployments.
const CSP = {
  upgradeInsecureRequests: null,
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { deps } = options;
  const app = Fastify({
    genReqId: () => randomUUID(),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 256 * 1024,
    // Structured logs without personal data: method, route and status only; never bodies or cookies.
    logger: {
      level: options.logLevel ?? 'info',
      ...(options.logStream ? { stream: options.logStream } : {}),
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
      serializers: {
        req: (req) => ({ method: req.method, route: req.routeOptions?.url ?? 'unmatched' }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a cross-site form cannot post JSON without a CORS preflight, which we never allow.
  app.removeContentTypeParser('text/plain');

  await app.register(helmet, {
    contentSecurityPolicy: { directives: CSP },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: true,
  });
  const limits = options.rateLimits ?? DEFAULT_RATE_LIMITS;
  await app.register(rateLimit, { global: true, max: limits.global, timeWindow: '1 minute' });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Kring API',
        version: '0.1.0',
        description: 'Kring: regional approach to domestic violence and child abuse.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kring_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installErrorHandler(app);
  installContext(app, deps);

  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { hide: true } }, async (request, reply) => {
    try {
      await sql`select 1 from kysely_migration limit 1`.execute(deps.db);
      return { status: 'ready' };
    } catch {
      return sendError(reply, request, 'not_ready');
    }
  });
  app.get(
    '/api/meta',
    {
      schema: {
        tags: ['meta'],
        summary: 'Public facts about this installation; on a demo also the demo accounts',
      },
    },
    async () => ({
      demo: options.demo ?? false,
      version: '0.1.0',
      ...(options.demo ? { demoAccounts: await listDemoAccounts(deps) } : {}),
    }),
  );

  registerIdentityRoutes(app, deps, { signInPerMinute: limits.signIn });
  registerRegionRoutes(app, deps);
  registerIntakeRoutes(app, deps, { publicPerMinute: limits.publicForms });
  registerAdviceRoutes(app, deps, { publicPerMinute: limits.publicForms });
  registerAccessRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerMeldcodeRoutes(app, deps);
  registerInsightRoutes(app, deps);
  registerFiguresRoutes(app, deps);
  registerReportRunRoutes(app, deps);

  const webRoot = options.webRoot;
  if (webRoot && existsSync(path.join(webRoot, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webRoot, index: ['index.html'], wildcard: true });
  }
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (no file extension) get the app; a missing asset or API path is a 404.
    const pathname = request.url.split('?')[0] ?? '';
    const isPage = !pathname.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(pathname);
    const hasApp = webRoot !== undefined && existsSync(path.join(webRoot, 'index.html'));
    if ((request.method === 'GET' || request.method === 'HEAD') && isPage && hasApp) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendError(reply, request, 'not_found');
  });
  return app;
}
