import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DeliveryHealth,
  deliveryEventsCreatePermission,
  MetricKey,
  doraMetricKeys,
  flowMetricKeys,
  qualityMetricKeys,
} from '@internal/backstage-plugin-delivery-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { Knex } from 'knex';
import { z } from 'zod';
import { DeliveryStore } from '../database/DeliveryStore';
import { parseEventBatch } from '../ingestion/parseEventBatch';
import { resolveWindow } from '../metrics';
import { ScorecardService } from './ScorecardService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  knex: Knex;
  store: DeliveryStore;
  scorecards: ScorecardService;
  providerIds: () => string[];
}

/** Ingestion bodies of 5,000 events with long titles stay well below this. */
const MAX_BODY_SIZE = '20mb';

const metricKeys = [
  ...doraMetricKeys,
  'deploymentDaysPerWeek',
  ...flowMetricKeys,
  ...qualityMetricKeys,
] as const;

const timeSeriesQuery = z.object({
  metric: z.enum(metricKeys),
  bucket: z.enum(['day', 'week']).default('week'),
});

const scorecardListQuery = z.object({
  entityRef: z
    .union([z.string(), z.array(z.string())])
    .transform(value => (Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.string().min(1)).min(1).max(200)),
});

const windowOf = (req: Request) =>
  resolveWindow(
    {
      from: typeof req.query.from === 'string' ? req.query.from : undefined,
      to: typeof req.query.to === 'string' ? req.query.to : undefined,
    },
    new Date(),
  );

const parseQuery = <T extends z.ZodType>(schema: T, req: Request) => {
  const parsed = schema.safeParse(req.query);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues
        .map(issue => `${issue.path.join('.') || 'query'}: ${issue.message}`)
        .join('; '),
    );
  }
  return parsed.data as z.output<T>;
};

const entityRefOf = (req: Request) =>
  stringifyEntityRef({
    kind: req.params.kind,
    namespace: req.params.namespace,
    name: req.params.name,
  });

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, knex, store, scorecards, providerIds } =
    options;
  const credentialsOf = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const router = Router();
  router.use(express.json({ limit: MAX_BODY_SIZE }));

  router.get('/health', async (req, res) => {
    await credentialsOf(req);
    await knex.raw('select 1');
    const health: DeliveryHealth = {
      status: 'ok',
      database: knex.client.config.client,
      providers: providerIds(),
    };
    res.json(health);
  });

  router.post('/events', async (req, res) => {
    const credentials = await credentialsOf(req);
    const [decision] = await permissions.authorize(
      [{ permission: deliveryEventsCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed to store delivery records (${deliveryEventsCreatePermission.name})`,
      );
    }
    const events = parseEventBatch(req.body);
    const counts = await store.upsert(events);
    res.json({ received: events.length, ...counts });
  });

  router.get('/organization/scorecard', async (req, res) => {
    await credentialsOf(req);
    res.json(await scorecards.forOrganization(windowOf(req)));
  });

  router.get('/scorecards', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { entityRef } = parseQuery(scorecardListQuery, req);
    const window = windowOf(req);
    const items = await Promise.all(
      entityRef.map(ref => scorecards.forEntity(ref, window, credentials)),
    );
    res.json({ items });
  });

  router.get('/entities/:kind/:namespace/:name/scorecard', async (req, res) => {
    const credentials = await credentialsOf(req);
    res.json(
      await scorecards.forEntity(entityRefOf(req), windowOf(req), credentials),
    );
  });

  router.get(
    '/entities/:kind/:namespace/:name/timeseries',
    async (req, res) => {
      const credentials = await credentialsOf(req);
      const { metric, bucket } = parseQuery(timeSeriesQuery, req);
      const points = await scorecards.timeSeries(
        entityRefOf(req),
        metric as MetricKey,
        windowOf(req),
        bucket,
        credentials,
      );
      res.json({ metric, bucket, points });
    },
  );

  router.get('/entities/:kind/:namespace/:name/records', async (req, res) => {
    const credentials = await credentialsOf(req);
    res.json(
      await scorecards.records(entityRefOf(req), windowOf(req), credentials),
    );
  });

  return router;
}
