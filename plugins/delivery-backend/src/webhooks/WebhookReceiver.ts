import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  ConflictError,
  InputError,
  isError,
  NotFoundError,
} from '@backstage/errors';
import { DeliveryWebhookHandler } from '@delivery-insights/backstage-plugin-delivery-node';
import express from 'express';
import Router from 'express-promise-router';
import { Knex } from 'knex';
import { EventIngestion } from '../ingestion/EventIngestion';

const TABLE = 'delivery_webhook_deliveries';
const HOUR_MS = 60 * 60 * 1000;

export type WebhookSettings = {
  /** Largest accepted body; larger ones are answered 413 before anything is parsed. */
  maxBodyBytes: number;
  /** How long a delivery id is remembered; a repeat within it is refused. */
  replayWindowMs: number;
};

/** `delivery.webhooks.*`, with defaults of 1 MiB and 72 hours (GitHub redelivers up to 3 days). */
export function readWebhookSettings(config: Config): WebhookSettings {
  const maxBodyBytes =
    config.getOptionalNumber('delivery.webhooks.maxBodyBytes') ?? 1024 * 1024;
  const replayWindowHours =
    config.getOptionalNumber('delivery.webhooks.replayWindowHours') ?? 72;
  if (!(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    throw new Error(
      `Invalid delivery.webhooks.maxBodyBytes ${maxBodyBytes}: must be a positive integer`,
    );
  }
  if (!(replayWindowHours > 0)) {
    throw new Error(
      `Invalid delivery.webhooks.replayWindowHours ${replayWindowHours}: must be positive`,
    );
  }
  return { maxBodyBytes, replayWindowMs: replayWindowHours * HOUR_MS };
}

/** Errors that say what the sender did wrong; anything else is answered without its message. */
const ANSWERED_ERRORS = [
  'InputError',
  'AuthenticationError',
  'NotAllowedError',
  'NotFoundError',
  'ConflictError',
];

const isUniqueViolation = (error: unknown) => {
  const { code } = error as { code?: string };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};

/**
 * `POST /webhooks/{name}`: hands the raw body to the named handler to verify, refuses a delivery
 * id seen within the replay window, and stores the handler's events through the shared ingestion.
 * A delivery that fails after its id was remembered is forgotten again, so the sender may retry.
 */
export function createWebhookRouter(options: {
  knex: Knex;
  ingestion: EventIngestion;
  handlers: Map<string, DeliveryWebhookHandler>;
  logger: LoggerService;
  settings: WebhookSettings;
  now?: () => number;
}): express.Router {
  const {
    knex,
    ingestion,
    handlers,
    logger,
    settings,
    now = Date.now,
  } = options;
  const router = Router();
  const rawBody = express.raw({
    type: () => true,
    limit: settings.maxBodyBytes,
  });

  const receive = async (req: express.Request, res: express.Response) => {
    const handler = handlers.get(req.params.name);
    if (!handler) {
      // The caller is not authenticated: no list of the installed handlers.
      throw new NotFoundError(`No webhook handler '${req.params.name}'`);
    }
    const request = {
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [
          name.toLowerCase(),
          Array.isArray(value) ? value.join(', ') : value,
        ]),
      ),
      rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
    };
    await handler.verify(request);

    const deliveryId = handler.getDeliveryId(request);
    if (!deliveryId) {
      throw new InputError(
        `Missing delivery id: the ${handler.getName()} webhook request names none`,
      );
    }
    const receivedAt = now();
    await knex(TABLE)
      .where('received_at', '<', receivedAt - settings.replayWindowMs)
      .delete();
    const key = { handler: handler.getName(), delivery_id: deliveryId };
    try {
      await knex(TABLE).insert({ ...key, received_at: receivedAt });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          `Delivery ${deliveryId} was already received; a replay is not stored again`,
        );
      }
      throw error;
    }

    try {
      const { events, ignored } = await handler.toEvents(request, {
        findIncident: async (source, id) => {
          const row = await knex('delivery_incidents')
            .where({ source, id })
            .first('opened_at', 'acknowledged_at', 'resolved_at');
          const iso = (value: unknown) =>
            value === null || value === undefined
              ? undefined
              : new Date(Number(value)).toISOString();
          return (
            row && {
              openedAt: iso(row.opened_at)!,
              acknowledgedAt: iso(row.acknowledged_at),
              resolvedAt: iso(row.resolved_at),
            }
          );
        },
      });
      if (events.length === 0) {
        res.status(202).json({ ignored: ignored ?? 'no delivery records' });
        return;
      }
      const result = await ingestion.ingest(events);
      logger.info(
        `Webhook ${handler.getName()} delivery ${deliveryId}: ${JSON.stringify(
          result,
        )}`,
      );
      res.json(result);
    } catch (error) {
      await knex(TABLE).where(key).delete();
      throw error;
    }
  };

  router.post('/webhooks/:name', rawBody, async (req, res) => {
    try {
      await receive(req, res);
    } catch (error) {
      if (isError(error) && ANSWERED_ERRORS.includes(error.name)) {
        throw error;
      }
      // The sender is not authenticated: the details (a type error, a database or configuration
      // message) go to the log, the answer says only that it failed.
      logger.error(
        `Webhook ${req.params.name} delivery failed: ${
          isError(error) ? error.stack ?? error.message : String(error)
        }`,
      );
      throw new Error(
        'The webhook delivery could not be processed; the backend log has the details',
      );
    }
  });
  return router;
}
