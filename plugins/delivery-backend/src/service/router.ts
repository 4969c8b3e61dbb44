import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DeliveryHealth,
  deliveryEventsCreatePermission,
} from '@internal/backstage-plugin-delivery-common';
import express, { Request } from 'express';
import { Knex } from 'knex';
import { EventIngestion } from '../ingestion/EventIngestion';
import { resolveWindow } from '../metrics';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { ScorecardService } from './ScorecardService';
import { SloService } from './SloService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  knex: Knex;
  ingestion: EventIngestion;
  scorecards: ScorecardService;
  slos: SloService;
  providerIds: () => string[];
}

/** Ingestion bodies of 5,000 events with long titles stay well below this. */
const MAX_BODY_SIZE = '20mb';

const windowOf = (req: Request) =>
  resolveWindow(
    {
      from: typeof req.query.from === 'string' ? req.query.from : undefined,
      to: typeof req.query.to === 'string' ? req.query.to : undefined,
    },
    new Date(),
  );

const entityRefOf = (req: Request) =>
  stringifyEntityRef({
    kind: req.params.kind,
    namespace: req.params.namespace,
    name: req.params.name,
  });

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    httpAuth,
    permissions,
    knex,
    ingestion,
    scorecards,
    slos,
    providerIds,
  } = options;
  const credentialsOf = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const router = await createOpenApiRouter({
    middleware: [express.json({ limit: MAX_BODY_SIZE })],
  });

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
    res.json(await ingestion.ingestBody(req.body));
  });

  router.get('/organization/scorecard', async (req, res) => {
    await credentialsOf(req);
    res.json(await scorecards.forOrganization(windowOf(req)));
  });

  router.get('/scorecards', async (req, res) => {
    const credentials = await credentialsOf(req);
    const entityRefs = [req.query.entityRef].flat();
    const window = windowOf(req);
    const items = await Promise.all(
      entityRefs.map(ref => scorecards.forEntity(ref, window, credentials)),
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
      const { metric, bucket = 'week' } = req.query;
      const points = await scorecards.timeSeries(
        entityRefOf(req),
        metric,
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

  router.get('/entities/:kind/:namespace/:name/slos', async (req, res) => {
    const credentials = await credentialsOf(req);
    res.json(await slos.forEntity(entityRefOf(req), credentials));
  });

  return router;
}
