import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  DeliveryProviderContext,
  SkippedRecord,
  UpstreamError,
  deliveryProvidersExtensionPoint,
  fetchWithRetry,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { delay, http, HttpResponse, passthrough } from 'msw';

/**
 * A fake upstream deployment API served by msw, and a provider module that syncs from it the way
 * the provider contract prescribes (fetchWithRetry, a cursor per entity saved after every page,
 * recordSuccess/recordFailure), for the replica and fault tests. Neither depends on the real
 * provider modules.
 */

export const UPSTREAM_URL = 'https://acme-deploys.test';
export const PROVIDER_ID = 'acme';
export const SYNC_TASK_ID = 'delivery-acme-sync';

/** A deployment as the upstream answers it. */
export type UpstreamDeployment = {
  id: string;
  status: string;
  finished_at: string;
  /** Unique per record: the sync's cursor is the last one it stored. */
  updated_at: string;
};

/** What the upstream answers instead of a page. */
export type UpstreamFault =
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'timeout' }
  | { kind: 'networkError' }
  /** Holds the request until `release` resolves; then answers normally (or fails). */
  | { kind: 'hold'; release: Promise<'answer' | 'networkError'> };

type FaultRule = {
  fault: UpstreamFault;
  times: number;
  match: (request: UpstreamRequest) => boolean;
};

export type UpstreamRequest = {
  instance: string;
  entity: string;
  updatedAfter?: string;
  page: number;
  /** 200 or the fault's status / kind. */
  outcome?: string;
};

export class FakeUpstream {
  readonly deployments = new Map<string, UpstreamDeployment[]>();
  readonly requests: UpstreamRequest[] = [];
  /** How often each record was answered in a 200 page. */
  readonly served = new Map<string, number>();
  /** Instances whose requests fail from now on (a crashed replica). */
  readonly dead = new Set<string>();
  private rules: FaultRule[] = [];

  /** `count` deployments of the entity, one per minute from `start`, ids `${prefix}-1`... */
  seed(
    entity: string,
    count: number,
    prefix = entity,
    start = Date.UTC(2026, 9, 1),
  ) {
    const list = this.deployments.get(entity) ?? [];
    for (let i = 1; i <= count; i++) {
      const at = new Date(start + i * 60_000).toISOString();
      list.push({
        id: `${prefix}-${i}`,
        status: i % 7 === 0 ? 'failure' : 'success',
        finished_at: at,
        updated_at: at,
      });
    }
    list.sort((a, b) => a.updated_at.localeCompare(b.updated_at));
    this.deployments.set(entity, list);
    return list;
  }

  /** The next `times` requests matching `match` get `fault` instead of their page. */
  fail(
    fault: UpstreamFault,
    options: {
      times?: number;
      match?: (request: UpstreamRequest) => boolean;
    } = {},
  ) {
    this.rules.push({
      fault,
      times: options.times ?? 1,
      match: options.match ?? (() => true),
    });
  }

  private takeFault(request: UpstreamRequest) {
    const rule = this.rules.find(r => r.times > 0 && r.match(request));
    if (!rule) return undefined;
    rule.times--;
    return rule.fault;
  }

  /** msw handlers: the upstream, and passthrough for the backends on loopback. */
  handlers() {
    return [
      http.all(/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+\//, () =>
        passthrough(),
      ),
      http.get(`${UPSTREAM_URL}/api/v1/deployments`, async ({ request }) => {
        const url = new URL(request.url);
        const entry: UpstreamRequest = {
          instance: request.headers.get('x-instance') ?? '',
          entity: url.searchParams.get('entity') ?? '',
          updatedAfter: url.searchParams.get('updated_after') ?? undefined,
          page: Number(url.searchParams.get('page') ?? 1),
        };
        this.requests.push(entry);
        if (this.dead.has(entry.instance)) {
          entry.outcome = 'dead';
          return HttpResponse.error();
        }
        const fault = this.takeFault(entry);
        if (fault?.kind === 'status') {
          entry.outcome = String(fault.status);
          return HttpResponse.json(
            { message: 'upstream trouble' },
            {
              status: fault.status,
              headers: fault.retryAfter
                ? { 'Retry-After': fault.retryAfter }
                : {},
            },
          );
        }
        if (fault?.kind === 'timeout') {
          entry.outcome = 'timeout';
          await delay(3_000);
          return HttpResponse.error();
        }
        if (fault?.kind === 'networkError') {
          entry.outcome = 'networkError';
          return HttpResponse.error();
        }
        if (fault?.kind === 'hold') {
          entry.outcome = 'held';
          if (
            (await fault.release) === 'networkError' ||
            this.dead.has(entry.instance)
          ) {
            entry.outcome = 'dead';
            return HttpResponse.error();
          }
        }
        const perPage = Number(url.searchParams.get('per_page') ?? 50);
        const all = (this.deployments.get(entry.entity) ?? []).filter(
          d => !entry.updatedAfter || d.updated_at > entry.updatedAfter,
        );
        const items = all.slice(
          (entry.page - 1) * perPage,
          entry.page * perPage,
        );
        for (const item of items) {
          this.served.set(item.id, (this.served.get(item.id) ?? 0) + 1);
        }
        entry.outcome = '200';
        return HttpResponse.json({
          deployments: items,
          next_page: entry.page * perPage < all.length ? entry.page + 1 : null,
        });
      }),
    ];
  }
}

/** A record of one run of the scheduled sync task. */
export type SyncRun = {
  instance: string;
  startedAt: number;
  endedAt?: number;
  error?: string;
};

/** What a test can see and drive of one instance's provider. */
export type ProviderProbe = {
  context?: DeliveryProviderContext;
  runs: SyncRun[];
  /** Runs the sync now, as the scheduled task does. */
  sync(): Promise<void>;
};

/**
 * The provider module, configured by `delivery.acme` (baseUrl, entities, pageSize, retry.*,
 * frequencyMs): registers only when configured, schedules `delivery-acme-sync` unless
 * `schedule` is false, syncs each entity page by page from its stored cursor.
 */
export function upstreamProviderModule(options: {
  instance: string;
  schedule?: boolean;
  /** Extra wait inside each scheduled run, to make overlapping runs visible if they happened. */
  runDurationMs?: number;
}) {
  const probe: ProviderProbe = {
    runs: [],
    sync: async () => {
      throw new Error('provider not connected');
    },
  };
  const module = createBackendModule({
    pluginId: 'delivery',
    moduleId: `acme-${options.instance}`,
    register(reg) {
      reg.registerInit({
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          providers: deliveryProvidersExtensionPoint,
          scheduler: coreServices.scheduler,
        },
        async init({ config, logger, providers, scheduler }) {
          const settings = config.getOptionalConfig('delivery.acme');
          if (!settings) {
            return;
          }
          const baseUrl = settings.getString('baseUrl');
          const entities = settings.getStringArray('entities');
          const pageSize = settings.getOptionalNumber('pageSize') ?? 50;
          const retry = {
            retries: settings.getOptionalNumber('retry.retries') ?? 4,
            baseDelayMs:
              settings.getOptionalNumber('retry.baseDelayMs') ?? 1000,
            maxDelayMs:
              settings.getOptionalNumber('retry.maxDelayMs') ?? 60_000,
            timeoutMs: settings.getOptionalNumber('retry.timeoutMs') ?? 30_000,
            onRetry: (reason: string, delayMs: number) =>
              logger.warn(`acme: ${reason}; retrying in ${delayMs} ms`),
          };

          const syncEntity = async (
            context: DeliveryProviderContext,
            entityRef: string,
          ) => {
            const { syncState, ingestion } = context;
            const since = await syncState.getCursor(entityRef);
            const name = entityRef.split('/').pop()!;
            for (let page = 1; ; page++) {
              const url = new URL(`${baseUrl}/api/v1/deployments`);
              url.searchParams.set('entity', name);
              url.searchParams.set('page', String(page));
              url.searchParams.set('per_page', String(pageSize));
              if (since) url.searchParams.set('updated_after', since);
              const response = await fetchWithRetry(
                url.toString(),
                { headers: { 'x-instance': options.instance } },
                retry,
              );
              if (!response.ok) {
                throw new UpstreamError(
                  `GET ${url.pathname} answered ${response.status}`,
                  response.status,
                );
              }
              const body = (await response.json()) as {
                deployments: Partial<UpstreamDeployment>[];
                next_page: number | null;
              };
              const skipped: SkippedRecord[] = [];
              const events = body.deployments.flatMap(d => {
                if (!d.id || !d.status || !d.finished_at) {
                  skipped.push({
                    id: d.id,
                    reason: 'missing id, status or finish',
                  });
                  return [];
                }
                return [
                  {
                    type: 'deployment',
                    source: PROVIDER_ID,
                    id: d.id,
                    entityRef,
                    environment: 'production',
                    status: d.status,
                    finishedAt: d.finished_at,
                  },
                ];
              });
              for (let i = 0; i < events.length; i += 1000) {
                await ingestion.ingest(events.slice(i, i + 1000));
              }
              const last = body.deployments[body.deployments.length - 1];
              await syncState.saveProgress(entityRef, {
                cursor: last?.updated_at,
                recordsSeen: body.deployments.length,
                skipped,
              });
              if (!body.next_page) break;
            }
            await syncState.recordSuccess(entityRef);
          };

          const sync = async () => {
            const context = probe.context;
            if (!context) throw new Error('provider not connected');
            for (const entityRef of entities) {
              try {
                await syncEntity(context, entityRef);
              } catch (error) {
                logger.warn(`acme sync of ${entityRef} failed: ${error}`);
                await context.syncState.recordFailure(
                  entityRef,
                  error as Error,
                );
              }
            }
          };
          probe.sync = sync;

          const scheduleSync = () =>
            scheduler.scheduleTask({
              id: SYNC_TASK_ID,
              frequency: {
                milliseconds:
                  settings.getOptionalNumber('frequencyMs') ?? 60_000,
              },
              timeout: { minutes: 1 },
              fn: async () => {
                const run: SyncRun = {
                  instance: options.instance,
                  startedAt: Date.now(),
                };
                probe.runs.push(run);
                try {
                  await sync();
                  if (options.runDurationMs) {
                    await new Promise(r =>
                      setTimeout(r, options.runDurationMs),
                    );
                  }
                } catch (error) {
                  run.error = String(error);
                  throw error;
                } finally {
                  run.endedAt = Date.now();
                }
              },
            });

          providers.addProvider({
            getProviderId: () => PROVIDER_ID,
            // The task is scheduled once the context is there, so that no run can come first.
            connect: async context => {
              probe.context = context;
              if (options.schedule !== false) {
                await scheduleSync();
              }
            },
            triggerSync: sync,
          });
        },
      });
    },
  });
  return { module, probe };
}
