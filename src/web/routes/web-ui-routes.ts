import type { FastifyPluginAsync } from 'fastify';
import type { ApiDeps } from '../../api/deps.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { alarmPageRoutes } from './alarm-pages.js';
import { assetRoutes } from './assets.js';
import { auditPageRoutes } from './audit-page.js';
import { callsPageRoutes } from './calls-page.js';
import { collectorPageRoutes } from './collector-pages.js';
import { fleetPageRoutes } from './fleet-pages.js';
import { licencesPageRoutes } from './licences-page.js';
import { resiliencyPageRoutes } from './resiliency-page.js';
import { streamRoutes } from './stream.js';

/** The web UI's shell assets, live stream and every page (one plugin per page). */
export function webUiRoutes(deps: ApiDeps, audit: AuditLog): FastifyPluginAsync {
  return async (app) => {
    await app.register(assetRoutes());
    await app.register(streamRoutes(deps));
    await app.register(fleetPageRoutes(deps));
    await app.register(alarmPageRoutes(deps, audit));
    await app.register(callsPageRoutes(deps));
    await app.register(licencesPageRoutes(deps));
    await app.register(resiliencyPageRoutes(deps));
    await app.register(collectorPageRoutes(deps));
    await app.register(auditPageRoutes(deps));
  };
}
