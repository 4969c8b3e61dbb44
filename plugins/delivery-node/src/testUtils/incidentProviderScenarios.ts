import {
  IncidentRecord,
  MetricValue,
  SyncStatus,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { delay } from 'msw';
import {
  ProviderTestBackend,
  ProviderTestBackendOptions,
  startProviderTestBackend,
} from './startProviderTestBackend';

const HOUR_MS = 3_600_000;

/**
 * The retry settings the incident provider scenarios count on: two retries, a timeout of 300 ms
 * (a request the upstream delays by 1.5 s times out), a short back-off and a Retry-After of up
 * to 5 s waited out.
 *
 * @public
 */
export const incidentProviderTestRetry = {
  retries: 2,
  timeoutMs: 300,
  baseDelayMs: 10,
  maxDelayMs: 5000,
};

/** A backend with an incident provider module, with the views the tests look through. @public */
export type IncidentProviderTestBackend = {
  /** The provider's name: the `source` of its incidents and the provider of its sync status. */
  provider: string;
  server: ProviderTestBackend['server'];
  get: ProviderTestBackend['get'];
  /** Runs the provider's sync task to its end. */
  sync(): Promise<void>;
  /** The time to restore on the scorecard of the component `default/<name>`. */
  timeToRestore(name: string): Promise<MetricValue>;
  /** The incident records of the component `default/<name>`, by id. */
  incidents(name: string): Promise<IncidentRecord[]>;
  /** The provider's sync status of the component `default/<name>`. */
  syncStatus(name: string): Promise<SyncStatus>;
  /** The ids of the provider's stored incidents, sorted. */
  storedIds(): Promise<string[]>;
};

/**
 * Starts a backend with an incident provider module (see `startProviderTestBackend`) and the
 * views on it by component name.
 *
 * @public
 */
export async function startIncidentProviderTestBackend(
  options: ProviderTestBackendOptions & {
    /** The provider's name, as in `delivery_incidents.source`. */
    provider: string;
    /** The id of the provider's sync task. */
    syncTaskId: string;
  },
): Promise<IncidentProviderTestBackend> {
  const { provider, syncTaskId, ...backendOptions } = options;
  const backend = await startProviderTestBackend(backendOptions);
  const { server, knex, get } = backend;
  return {
    provider,
    server,
    get,
    sync: () => backend.scheduler.run(syncTaskId),
    timeToRestore: async name =>
      (await get(`/entities/component/default/${name}/scorecard`)).dora
        .timeToRestore,
    incidents: async name =>
      (
        (await get(`/entities/component/default/${name}/records`))
          .incidents as IncidentRecord[]
      ).sort((a, b) => a.id.localeCompare(b.id)),
    syncStatus: name =>
      backend.syncStatus(provider, `component:default/${name}`),
    storedIds: async () =>
      (
        await knex('delivery_incidents')
          .where({ source: provider })
          .select('id')
      )
        .map(row => row.id)
        .sort(),
  };
}

/** The fake upstream's answer in place of the normal one (undefined: the normal one). @public */
export type UpstreamInterceptor = (
  url: URL,
) => Response | undefined | Promise<Response | undefined>;

/**
 * What the incident provider scenarios need of one provider's test: its backend, its records
 * and its fake upstream.
 *
 * The catalog has `default/checkout` (whose records come from two upstream services) and
 * `default/payments`, and the backend reads a backfill of 30 days with
 * `incidentProviderTestRetry`.
 *
 * @public
 */
export type IncidentProviderScenarioAdapter<TRecord> = {
  /** What the provider's records are called in the test names, e.g. `alert`. */
  recordName: string;
  /** The provider's credential, which no sync error may show. */
  secret: string;
  /** Starts the backend on the database of this run. */
  start(): Promise<IncidentProviderTestBackend>;
  records: {
    /**
     * Four records of checkout, in this order: opened 48, 30 and 20 hours ago and restored in 1,
     * 3 and 2 hours, and one opened 5 hours ago and still open, from both its services. The
     * first is acknowledged 5 minutes after it was opened, the third never, the open one after
     * 15 minutes.
     */
    checkout(now: number): TRecord[];
    /** The open record of `checkout`, restored 4 hours after it was opened. */
    checkoutRestored(now: number): TRecord;
    /** A record of checkout opened 2 hours ago and restored in 1 hour. */
    checkoutLater(now: number): TRecord;
    /** A record of checkout opened 40 days ago (before the backfill), restored in 1 hour. */
    checkoutBeforeBackfill(now: number): TRecord;
    /** A record of payments opened 10 hours ago and restored in 4 hours. */
    payments(now: number): TRecord;
    /** A record of checkout opened 3 hours ago without an opening time, and the reported reason. */
    malformed(now: number): { record: TRecord; reason: string };
    id(record: TRecord): string;
  };
  upstream: {
    /** Serves the records from now on. */
    serve(records: TRecord[]): void;
    /** The largest page the upstream hands out from now on. */
    setMaxPageSize(size: number): void;
    /** Answers the requests the interceptor answers (none when undefined). */
    intercept(interceptor: UpstreamInterceptor | undefined): void;
    /** The requests the upstream got since it last forgot them. */
    requests(): URL[];
    /** Forgets the requests so far. */
    forgetRequests(): void;
    /** Whether the request searches the records (a page of them). */
    isSearch(url: URL): boolean;
    /** Whether the request searches the records of checkout. */
    isCheckoutSearch(url: URL): boolean;
    /** Whether the request reads one record (not a search). */
    isRead(url: URL): boolean;
    /** Asserts that the reads are how the provider reads a record again that it saw open. */
    expectReadAgain(reads: URL[], record: TRecord): void;
    /** The time a search reads from, in milliseconds. */
    searchSince(url: URL): number;
    /** Where a search reads from, as the request says it (a query or a parameter). */
    searchCursor(url: URL): string | null;
    /** The cursor of a search that reads from the opening of the record. */
    cursorAt(record: TRecord): string;
    /** The provider's answer 429 with the header `Retry-After`. */
    rateLimited(retryAfter: string): Response;
    /** The provider's answer 503. */
    unavailable(): Response;
    /** The provider's answer 500. */
    serverError(): Response;
  };
};

/** The parts of the provider modules' fake upstreams that the scenarios drive alike. @public */
export type FakeUpstream = {
  /** The largest page the fake hands out. */
  maxPageSize: number;
  /** Consulted first for every request; an answer replaces the normal one. */
  intercept?: (
    request: Request,
    url: URL,
  ) => Response | undefined | Promise<Response | undefined>;
  /** Every request the fake got. */
  readonly requests: URL[];
};

/** The scenario adapter's controls of a fake upstream (see `FakeUpstream`). @public */
export function fakeUpstreamControls(
  fake: FakeUpstream,
): Pick<
  IncidentProviderScenarioAdapter<unknown>['upstream'],
  'setMaxPageSize' | 'intercept' | 'requests' | 'forgetRequests'
> {
  return {
    setMaxPageSize: size => {
      fake.maxPageSize = size;
    },
    intercept: interceptor => {
      fake.intercept = interceptor && ((_request, url) => interceptor(url));
    },
    requests: () => fake.requests,
    forgetRequests: () => {
      fake.requests.length = 0;
    },
  };
}

/** One test every incident provider passes: its name and its body. @public */
export type IncidentProviderScenario = {
  name: string;
  run(): Promise<void>;
};

/**
 * The tests every incident provider module passes, whatever its upstream: the median time to
 * restore from several pages, the cursor and the records read again until restored, rate limits, 5xx answers and timeouts, an entity whose upstream
 * keeps failing, a malformed record and an interrupted sync. Run them inside the test file's
 * `describe.each(databases.eachSupportedId())`, with `start` on the database of the run:
 * `it.each(incidentProviderScenarios(adapter))('$name', ({ run }) => run())`.
 *
 * @public
 */
export function incidentProviderScenarios<TRecord>(
  adapter: IncidentProviderScenarioAdapter<TRecord>,
): IncidentProviderScenario[] {
  const { records, upstream } = adapter;
  const checkoutSearches = () =>
    upstream.requests().filter(url => upstream.isCheckoutSearch(url));

  return [
    {
      name: `fills the median time to restore on the scorecard from the ${adapter.recordName}s of both services, page by page`,
      run: async () => {
        const now = Date.now();
        const checkout = records.checkout(now);
        upstream.serve([
          ...checkout,
          records.payments(now),
          records.checkoutBeforeBackfill(now),
        ]);
        upstream.setMaxPageSize(2);
        const backend = await adapter.start();

        const syncStartedAt = Date.now();
        await backend.sync();
        const syncEndedAt = Date.now();

        expect(await backend.timeToRestore('checkout')).toMatchObject({
          value: 2,
          unit: 'hours',
          sampleSize: 3,
          open: 1,
        });
        expect((await backend.timeToRestore('payments')).value).toBe(4);

        const [restored1, restored3, restored2, open] = checkout.map(
          records.id,
        );
        const incidents = await backend.incidents('checkout');
        // Not the one before the backfill.
        expect(incidents.map(incident => incident.id)).toEqual(
          [restored1, restored3, restored2, open].sort(),
        );
        const byId = (id: string) =>
          incidents.find(incident => incident.id === id);
        for (const [id, hours] of [
          [restored1, 1],
          [restored3, 3],
          [restored2, 2],
        ] as const) {
          expect(byId(id)).toMatchObject({
            source: backend.provider,
            entityRef: 'component:default/checkout',
            resolvedAt: expect.any(String),
            timeToRestoreHours: hours,
          });
        }
        expect(byId(open)).toMatchObject({ resolvedAt: null });
        const acknowledgedAfter = (id: string) => {
          const incident = byId(id)!;
          return incident.acknowledgedAt === null
            ? null
            : Date.parse(incident.acknowledgedAt) -
                Date.parse(incident.openedAt);
        };
        expect(acknowledgedAfter(restored1)).toBe(5 * 60_000);
        expect(acknowledgedAfter(restored2)).toBeNull();
        expect(acknowledgedAfter(open)).toBe(15 * 60_000);

        const pages = checkoutSearches();
        expect(pages.map(url => url.searchParams.get('offset'))).toEqual([
          '0',
          '2',
        ]);
        // The first sync reads the configured backfill of 30 days.
        const since = upstream.searchSince(pages[0]);
        expect(since).toBeGreaterThanOrEqual(syncStartedAt - 30 * 24 * HOUR_MS);
        expect(since).toBeLessThanOrEqual(syncEndedAt - 30 * 24 * HOUR_MS);

        expect(await backend.syncStatus('checkout')).toMatchObject({
          recordsSeen: 4,
          recordsSkipped: 0,
          lastSuccessAt: expect.any(String),
        });
      },
    },

    {
      name: `goes on from its cursor and re-reads the ${adapter.recordName}s it saw open until they are restored`,
      run: async () => {
        const now = Date.now();
        const checkout = records.checkout(now);
        upstream.serve(checkout);
        const backend = await adapter.start();
        await backend.sync();
        const firstSyncAt = Date.now();

        const restored = records.checkoutRestored(now);
        upstream.serve([...checkout.slice(0, 3), restored]);
        upstream.forgetRequests();
        await backend.sync();

        const since = upstream.searchSince(checkoutSearches()[0]);
        expect(since).toBeGreaterThan(now - HOUR_MS);
        expect(since).toBeLessThanOrEqual(firstSyncAt);
        upstream.expectReadAgain(
          upstream.requests().filter(url => upstream.isRead(url)),
          restored,
        );
        expect(await backend.timeToRestore('checkout')).toMatchObject({
          value: 2.5,
          sampleSize: 4,
          open: 0,
        });

        // Restored: not read again.
        upstream.forgetRequests();
        await backend.sync();
        expect(upstream.requests().filter(url => upstream.isRead(url))).toEqual(
          [],
        );
      },
    },
    {
      name: 'waits out a rate limit as Retry-After asks',
      run: async () => {
        upstream.serve(records.checkout(Date.now()));
        const times: number[] = [];
        upstream.intercept(url => {
          if (!upstream.isSearch(url)) {
            return undefined;
          }
          times.push(Date.now());
          return times.length === 1 ? upstream.rateLimited('1') : undefined;
        });
        const backend = await adapter.start();

        await backend.sync();

        expect(times.length).toBeGreaterThanOrEqual(2);
        expect(times[1] - times[0]).toBeGreaterThanOrEqual(950);
        expect((await backend.timeToRestore('checkout')).sampleSize).toBe(3);
        expect(await backend.syncStatus('checkout')).toMatchObject({
          lastSuccessAt: expect.any(String),
        });
      },
    },

    {
      name: 'retries a 5xx answer and a request that times out',
      run: async () => {
        upstream.serve(records.checkout(Date.now()));
        let calls = 0;
        upstream.intercept(async url => {
          if (!upstream.isSearch(url)) {
            return undefined;
          }
          calls++;
          if (calls === 1) {
            return upstream.unavailable();
          }
          if (calls === 2) {
            await delay(1500);
          }
          return undefined;
        });
        const backend = await adapter.start();

        await backend.sync();

        expect(calls).toBeGreaterThanOrEqual(3);
        expect((await backend.timeToRestore('checkout')).sampleSize).toBe(3);
        const status = await backend.syncStatus('checkout');
        expect(status.lastSuccessAt).toEqual(expect.any(String));
        expect(status.lastError ?? undefined).toBeUndefined();
      },
    },

    {
      name: 'records the failure of an entity whose upstream keeps failing and goes on with the next',
      run: async () => {
        const now = Date.now();
        const payments = records.payments(now);
        upstream.serve([...records.checkout(now), payments]);
        upstream.intercept(url =>
          upstream.isCheckoutSearch(url) ? upstream.serverError() : undefined,
        );
        const backend = await adapter.start();

        await backend.sync();

        const checkout = await backend.syncStatus('checkout');
        expect(checkout.lastError).toContain('500');
        expect(checkout.lastError).not.toContain(adapter.secret);
        expect(checkout.lastSuccessAt ?? undefined).toBeUndefined();
        expect(await backend.syncStatus('payments')).toMatchObject({
          lastSuccessAt: expect.any(String),
          recordsSeen: 1,
        });
        expect(await backend.storedIds()).toEqual([records.id(payments)]);
      },
    },

    {
      name: `skips a malformed ${adapter.recordName} and reports it in the sync status`,
      run: async () => {
        const now = Date.now();
        const broken = records.malformed(now);
        const brokenId = records.id(broken.record);
        upstream.serve([...records.checkout(now), broken.record]);
        const backend = await adapter.start();

        await backend.sync();

        expect((await backend.timeToRestore('checkout')).sampleSize).toBe(3);
        expect(await backend.syncStatus('checkout')).toMatchObject({
          lastSuccessAt: expect.any(String),
          recordsSeen: 5,
          recordsSkipped: 1,
          lastSkipped: [{ id: brokenId, reason: broken.reason }],
        });
        expect(await backend.storedIds()).not.toContain(brokenId);
      },
    },

    {
      name: 'resumes an interrupted sync from its cursor without duplicates',
      run: async () => {
        const now = Date.now();
        const checkout = [...records.checkout(now), records.checkoutLater(now)];
        upstream.serve(checkout);
        upstream.setMaxPageSize(2);
        upstream.intercept(url =>
          upstream.isSearch(url) && url.searchParams.get('offset') === '2'
            ? new Response(null, { status: 502 })
            : undefined,
        );
        const backend = await adapter.start();

        await backend.sync();
        // The first page: the two oldest.
        expect(await backend.storedIds()).toEqual(
          checkout.slice(0, 2).map(records.id).sort(),
        );
        expect((await backend.syncStatus('checkout')).lastError).toContain(
          '502',
        );

        upstream.intercept(undefined);
        upstream.forgetRequests();
        await backend.sync();

        // Resumed at the newest record of the stored page, not at the backfill start.
        expect(upstream.searchCursor(checkoutSearches()[0])).toBe(
          upstream.cursorAt(checkout[1]),
        );
        expect(await backend.storedIds()).toEqual(
          checkout.map(records.id).sort(),
        );
        expect(await backend.timeToRestore('checkout')).toMatchObject({
          sampleSize: 4,
          open: 1,
        });
        // The error stays reported, followed by a success.
        const status = await backend.syncStatus('checkout');
        expect(status.lastError).toContain('502');
        expect(Date.parse(status.lastSuccessAt!)).toBeGreaterThanOrEqual(
          Date.parse(status.lastErrorAt!),
        );
      },
    },
  ];
}
