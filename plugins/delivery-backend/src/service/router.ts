import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { EntityReadAccess, readAll } from './ReadAccess';
import { ReadOptions } from './ScorecardService';
import {
  DeliveryHealth,
  deliveryAdminPermission,
  deliveryEventsCreatePermission,
  deliveryPolicyExceptionPermission,
  deliveryScorecardReadPermission,
} from '@delivery-insights/backstage-plugin-delivery-common';
import express, { Request } from 'express';
import { Knex } from 'knex';
import { DeliveryStore } from '../database/DeliveryStore';
import { EventIngestion } from '../ingestion/EventIngestion';
import { resolveWindow } from '../metrics';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { ScorecardService } from './ScorecardService';
import { SloService } from './SloService';
import { ReportService } from '../reports/ReportService';
import {
  contentDisposition,
  parseReportRequest,
} from '../reports/reportRequest';
import { ProviderService } from './ProviderService';
import { PolicyService } from './PolicyService';
import {
  parseExceptionDecision,
  parseExceptionRequest,
} from './policyRequests';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  knex: Knex;
  store: DeliveryStore;
  logger: LoggerService;
  ingestion: EventIngestion;
  scorecards: ScorecardService;
  slos: SloService;
  reports: ReportService;
  providers: ProviderService;
  policies: PolicyService;
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

/** The width of the entity_ref columns: a longer reference names no stored entity. */
const MAX_ENTITY_REF_LENGTH = 255;

const parseEntityRefParam = (entityRef: string, name = 'entityRef') => {
  if (entityRef.length > MAX_ENTITY_REF_LENGTH) {
    throw new InputError(
      `Invalid query parameter ${name}: longer than ${MAX_ENTITY_REF_LENGTH} characters`,
    );
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(entityRef, { defaultNamespace: 'default' }),
    );
  } catch {
    throw new InputError(
      `Invalid query parameter ${name}: must be an entity reference such as component:default/my-service`,
    );
  }
};

const principalOf = (
  credentials: BackstageCredentials<
    BackstageUserPrincipal | BackstageServicePrincipal
  >,
) =>
  credentials.principal.type === 'user'
    ? credentials.principal.userEntityRef
    : credentials.principal.subject;

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    httpAuth,
    permissions,
    knex,
    store,
    logger,
    ingestion,
    scorecards,
    slos,
    reports,
    providers,
    policies,
  } = options;
  const credentialsOf = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  /** The caller's credentials once the permission allows the request; 403 naming it otherwise. */
  const authorized = async (
    req: Request,
    permission: BasicPermission,
    action: string,
  ) => {
    const credentials = await credentialsOf(req);
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed to ${action} (${permission.name})`,
      );
    }
    return credentials;
  };
  /**
   * Authorizes a read of delivery metrics: of `entityRef` when given (a resource permission on
   * catalog entities, so the policy's catalog conditions decide), and answers which other
   * entities the caller may read, for rollups. A conditional decision is evaluated per entity
   * by the permission framework (it asks the catalog, which owns the conditions' rules), in one
   * batch per rollup.
   */
  const readAccess = async (
    req: Request,
    entityRef?: string,
  ): Promise<{
    credentials: BackstageCredentials;
    access: EntityReadAccess;
  }> => {
    const credentials = await credentialsOf(req);
    const permission = deliveryScorecardReadPermission;
    const [decision] = entityRef
      ? await permissions.authorize([{ permission, resourceRef: entityRef }], {
          credentials,
        })
      : await permissions.authorizeConditional([{ permission }], {
          credentials,
        });
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(
        `Not allowed to read delivery metrics${
          entityRef ? ` of ${entityRef}` : ''
        } (${permission.name})`,
      );
    }
    const [overall] = entityRef
      ? await permissions.authorizeConditional([{ permission }], {
          credentials,
        })
      : [decision];
    if (overall.result === AuthorizeResult.ALLOW) {
      return { credentials, access: readAll };
    }
    const access: EntityReadAccess = {
      all: false,
      async readable(entityRefs) {
        if (overall.result === AuthorizeResult.DENY) return [];
        const decisions = await permissions.authorize(
          entityRefs.map(ref => ({ permission, resourceRef: ref })),
          { credentials },
        );
        return entityRefs.filter(
          (_, i) => decisions[i].result === AuthorizeResult.ALLOW,
        );
      },
    };
    return { credentials, access };
  };
  /** An entity's own reads (no rollup): the decision on that entity is all they need. */
  const readable = async (req: Request, entityRef: string) => {
    const credentials = await credentialsOf(req);
    const [decision] = await permissions.authorize(
      [{ permission: deliveryScorecardReadPermission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed to read delivery metrics of ${entityRef} (${deliveryScorecardReadPermission.name})`,
      );
    }
    return credentials;
  };
  /** The window and, when it ends now, the key a cached read of it is kept under. */
  const readOptions = (
    req: Request,
    access: EntityReadAccess,
  ): ReadOptions => ({
    access,
    slidingWindowKey:
      typeof req.query.to === 'string'
        ? undefined
        : `${String(req.query.from ?? '')}`,
  });
  const router = await createOpenApiRouter({
    middleware: [express.json({ limit: MAX_BODY_SIZE })],
  });

  router.get('/health', async (req, res) => {
    await credentialsOf(req);
    await knex.raw('select 1');
    const health: DeliveryHealth = {
      status: 'ok',
      database: knex.client.config.client,
      providers: providers.providerIds(),
    };
    res.json(health);
  });

  router.post('/events', async (req, res) => {
    await authorized(
      req,
      deliveryEventsCreatePermission,
      'store delivery records',
    );
    res.json(await ingestion.ingestBody(req.body));
  });

  router.delete('/records', async (req, res) => {
    const credentials = await authorized(
      req,
      deliveryAdminPermission,
      'delete delivery records',
    );
    const { source, entityRef } = req.query;
    if (source === undefined && entityRef === undefined) {
      throw new InputError(
        'Missing query parameter: source or entityRef (at least one is required)',
      );
    }
    const normalizedRef =
      entityRef === undefined ? undefined : parseEntityRefParam(entityRef);
    const deleted = await store.deleteRecords({
      source,
      entityRef: normalizedRef,
    });
    logger.info(
      `Deleted delivery records of ${[
        source !== undefined && `source ${source}`,
        normalizedRef !== undefined && `entity ${normalizedRef}`,
      ]
        .filter(Boolean)
        .join(' and ')} for ${principalOf(credentials)}: ${JSON.stringify(
        deleted,
      )}`,
    );
    res.json({ deleted });
  });

  router.get('/organization/scorecard', async (req, res) => {
    const { access } = await readAccess(req);
    res.json(
      await scorecards.forOrganization(windowOf(req), readOptions(req, access)),
    );
  });

  router.get('/scorecards', async (req, res) => {
    const refs = [req.query.entityRef].flat();
    const entityRefs = refs.map((ref, index) =>
      parseEntityRefParam(
        ref,
        refs.length > 1 ? `entityRef[${index}]` : 'entityRef',
      ),
    );
    const { credentials, access } = await readAccess(req);
    const decisions = await permissions.authorize(
      entityRefs.map(ref => ({
        permission: deliveryScorecardReadPermission,
        resourceRef: ref,
      })),
      { credentials },
    );
    const denied = entityRefs.filter(
      (_, i) => decisions[i].result !== AuthorizeResult.ALLOW,
    );
    if (denied.length > 0) {
      throw new NotAllowedError(
        `Not allowed to read delivery metrics of ${denied.join(', ')} (${
          deliveryScorecardReadPermission.name
        })`,
      );
    }
    const window = windowOf(req);
    const items = await Promise.all(
      entityRefs.map(ref =>
        scorecards.forEntity(ref, window, readOptions(req, access)),
      ),
    );
    res.json({ items });
  });

  router.get('/entities/:kind/:namespace/:name/scorecard', async (req, res) => {
    const entityRef = entityRefOf(req);
    const { access } = await readAccess(req, entityRef);
    res.json(
      await scorecards.forEntity(
        entityRef,
        windowOf(req),
        readOptions(req, access),
      ),
    );
  });

  router.get(
    '/entities/:kind/:namespace/:name/timeseries',
    async (req, res) => {
      const entityRef = entityRefOf(req);
      const { access } = await readAccess(req, entityRef);
      const { metric, bucket = 'week' } = req.query;
      const { points, hiddenEntities } = await scorecards.timeSeries(
        entityRef,
        metric,
        windowOf(req),
        bucket,
        readOptions(req, access),
      );
      res.json({ metric, bucket, points, hiddenEntities });
    },
  );

  router.get('/entities/:kind/:namespace/:name/records', async (req, res) => {
    const entityRef = entityRefOf(req);
    const { access } = await readAccess(req, entityRef);
    const records = await scorecards.records(entityRef, windowOf(req), {
      access,
    });
    res.json({
      ...records,
      deployments: await policies.annotateDeployments(records.deployments),
    });
  });

  router.get('/entities/:kind/:namespace/:name/slos', async (req, res) => {
    await readable(req, entityRefOf(req));
    res.json(await slos.forEntity(entityRefOf(req)));
  });

  router.get('/entities/:kind/:namespace/:name/oncall', async (req, res) => {
    await readable(req, entityRefOf(req));
    res.json(await providers.onCall(entityRefOf(req)));
  });

  router.get(
    '/entities/:kind/:namespace/:name/deploy-gate',
    async (req, res) => {
      await readable(req, entityRefOf(req));
      const { deploymentId } = req.query;
      res.json(await policies.gate(entityRefOf(req), { deploymentId }));
    },
  );

  router.get(
    '/entities/:kind/:namespace/:name/policy/exceptions',
    async (req, res) => {
      await readable(req, entityRefOf(req));
      res.json({
        items: await policies.listExceptions(entityRefOf(req)),
      });
    },
  );

  router.post(
    '/entities/:kind/:namespace/:name/policy/exceptions',
    async (req, res) => {
      const credentials = await readable(req, entityRefOf(req));
      const now = new Date();
      const request = parseExceptionRequest(req.body, now);
      const [decision] = await permissions.authorize(
        [{ permission: deliveryPolicyExceptionPermission }],
        { credentials },
      );
      const exception = await policies.requestException(
        entityRefOf(req),
        credentials,
        request,
        { mayDecide: decision.result === AuthorizeResult.ALLOW, now },
      );
      logger.info(
        `Policy exception ${exception.id} for ${exception.entityRef} requested by ${exception.requestedBy} (${exception.reasonKind})`,
      );
      res.status(201).json(exception);
    },
  );

  for (const [path, action] of [
    ['grant', 'granted'],
    ['refuse', 'refused'],
  ] as const) {
    router.post(
      `/entities/:kind/:namespace/:name/policy/exceptions/:id/${path}`,
      async (req, res) => {
        const credentials = await authorized(
          req,
          deliveryPolicyExceptionPermission,
          `${path} error-budget policy exceptions`,
        );
        const { comment } = parseExceptionDecision(req.body, action);
        const exception = await policies.decide(
          entityRefOf(req),
          req.params.id,
          action,
          credentials,
          comment,
        );
        logger.info(
          `Policy exception ${exception.id} for ${
            exception.entityRef
          } ${action} by ${principalOf(credentials)}`,
        );
        res.json(exception);
      },
    );
  }

  router.get('/sync-status', async (req, res) => {
    const { provider, entityRef } = req.query;
    const normalizedRef =
      entityRef === undefined ? undefined : parseEntityRefParam(entityRef);
    const { access } = await readAccess(req, normalizedRef);
    const items = await providers.syncStatus({
      provider,
      entityRef: normalizedRef,
    });
    const readableRefs = new Set(
      await access.readable([...new Set(items.map(item => item.entityRef))]),
    );
    res.json({ items: items.filter(item => readableRefs.has(item.entityRef)) });
  });

  router.post('/providers/:provider/backfill', async (req, res) => {
    const credentials = await authorized(
      req,
      deliveryAdminPermission,
      'start a provider backfill',
    );
    const { entityRef } = req.query;
    const result = await providers.backfill(
      req.params.provider,
      entityRef === undefined ? undefined : parseEntityRefParam(entityRef),
    );
    logger.info(
      `Backfill of ${req.params.provider} started by ${principalOf(
        credentials,
      )}: ${JSON.stringify(result)}`,
    );
    res.status(202).json(result);
  });

  router.get('/reports/:report', async (req, res) => {
    const { access } = await readAccess(req);
    const request = parseReportRequest(req.params.report, req.query);
    const { fileName, markdown } = await reports
      .forCaller(access)
      .render(request);
    res
      .status(200)
      .type('text/markdown; charset=utf-8')
      .setHeader('Content-Disposition', contentDisposition(fileName))
      .send(markdown);
  });

  return router;
}
