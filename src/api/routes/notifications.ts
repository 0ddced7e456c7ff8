import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MESSAGE_KINDS, MESSAGE_STATUSES } from '../../../notifiers/delivery.js';
import { NOTIFICATION_STATUSES } from '../../correlation/notification.js';
import type { ApiDeps } from '../deps.js';
import { limitSchema } from '../filters.js';
import { serialiseNotification } from '../serialise.js';
import { serialiseDelivery, serialiseMessage } from '../serialise-deliveries.js';

/** Deliveries shown per page of outbox rows: 1000 rows × a handful of profiles. */
const MAX_DELIVERIES = 20_000;

/**
 * Why each alarm transition was or was not told, and to whom: the outbox row
 * (held, and why: known issue, flapping, inhibition, silence, maintenance) and
 * per notifier profile its delivery (grouped, sent, retrying, held by the
 * brake, below the profile's severity…, with the reason and the message).
 */
export function notificationRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/notifications',
      { schema: { querystring: z.strictObject({ status: z.enum(NOTIFICATION_STATUSES).optional(), alarmId: z.coerce.number().int().positive().optional(), limit: limitSchema }) } },
      async (request) => {
        const rows = deps.store.listNotifications(request.query);
        const deliveries = rows.length > 0 ? deps.store.listDeliveries({ notificationIds: rows.map((n) => n.id), limit: MAX_DELIVERIES }) : [];
        const messageIds = [...new Set(deliveries.map((d) => d.messageId).filter((id): id is number => id !== null))];
        const messages = new Map(messageIds.length > 0 ? deps.store.listMessages({ ids: messageIds, limit: messageIds.length }).map((m) => [m.id, m]) : []);
        return {
          notifications: rows.map((row) => ({
            ...serialiseNotification(row),
            deliveries: deliveries.filter((d) => d.notificationId === row.id).map((d) => serialiseDelivery(d, messages)),
          })),
        };
      },
    );

    app.get(
      '/api/v1/notifications/messages',
      {
        schema: {
          querystring: z.strictObject({
            status: z.enum(MESSAGE_STATUSES).optional(),
            profile: z.string().min(1).optional(),
            kind: z.enum(MESSAGE_KINDS).optional(),
            limit: limitSchema,
          }),
        },
      },
      async (request) => {
        const { status, profile, kind, limit } = request.query;
        const messages = deps.store.listMessages({ limit, ...(status && { status }), ...(profile && { profile }), ...(kind && { kinds: [kind] }) });
        return { messages: messages.map(serialiseMessage) };
      },
    );
  };
}
