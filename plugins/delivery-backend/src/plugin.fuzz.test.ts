import { AuthenticationError, InputError } from '@backstage/errors';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  constantTimeEquals,
  deliveryProvidersExtensionPoint,
  hmacSha256Hex,
} from '@delivery-insights/backstage-plugin-delivery-node';
import fc from 'fast-check';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import request from 'supertest';
import {
  FuzzBody,
  fuzzBody,
  tooManyEventsBody,
  withFreshIds,
} from './__testUtils__/fuzzBodies';
import {
  startDeliveryBackend,
  testDatabases,
} from './__testUtils__/startDeliveryBackend';
import { snapshotTables } from './__testUtils__/tableSnapshot';

/**
 * Property-based fuzzing of the two write endpoints over real HTTP. Defaults: 100 runs of 50
 * bodies per database (5,000 requests each, 10,000 on PostgreSQL and SQLite together); more with
 * DELIVERY_FUZZ_RUNS, a failure replays with DELIVERY_FUZZ_SEED (and DELIVERY_FUZZ_PATH), shrinks with
 * DELIVERY_FUZZ_SHRINK=1.
 */
const RUNS = Number(process.env.DELIVERY_FUZZ_RUNS ?? 100);
const BODIES_PER_RUN = 50;
const WEBHOOK_RUNS = Number(process.env.DELIVERY_FUZZ_WEBHOOK_RUNS ?? 20);
/** Shrinking a run of 50 HTTP requests takes long: the first counterexample is reported as is. */
const seedOptions = () => ({
  endOnFailure: !process.env.DELIVERY_FUZZ_SHRINK,
  ...(process.env.DELIVERY_FUZZ_SEED
    ? {
        seed: Number(process.env.DELIVERY_FUZZ_SEED),
        path: process.env.DELIVERY_FUZZ_PATH,
      }
    : {}),
});

jest.setTimeout(20 * 60_000);

const recordTables: Record<string, string> = {
  deployment: 'delivery_deployments',
  change: 'delivery_changes',
  incident: 'delivery_incidents',
  workItem: 'delivery_work_items',
  sliSample: 'delivery_sli_samples',
  qualitySnapshot: 'delivery_quality_snapshots',
};

const escapeRegExp = (value: string) =>
  value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the error message names event `index` and its `field`, in the zod or the OpenAPI form. */
const namesProblem = (message: string, index: number, field: string) => {
  const at = `events(\\[${index}\\]|/${index})`;
  const pattern = field
    ? `${at}(\\.${escapeRegExp(field)}\\b|/${escapeRegExp(
        field,
      )}\\b| must have required property '${escapeRegExp(field)}')`
    : `${at}(:| must)`;
  return new RegExp(pattern).test(message);
};

async function post(server: Server, item: FuzzBody) {
  const req = request(server).post('/api/delivery/events');
  if (item.kind === 'raw') {
    if (item.contentType) {
      req.set('Content-Type', item.contentType);
    }
    return req.send(item.raw);
  }
  return req
    .set('Content-Type', 'application/json')
    .send(JSON.stringify(item.body));
}

const describeBody = (item: FuzzBody) =>
  (item.kind === 'raw'
    ? `${item.contentType} ${String(item.raw)}`
    : JSON.stringify(item.body)
  ).slice(0, 1000);

type Stats = {
  requests: number;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  snapshotsCompared: number;
};

describe.each(testDatabases.eachSupportedId())('fuzzing on %p', databaseId => {
  let nextId = 0;
  const freshId = () => `fresh-${databaseId}-${++nextId}`;

  it('POST /events: never a 5xx, every refusal a 4xx naming the field, never a partial write', async () => {
    const { server, knex } = await startDeliveryBackend(databaseId);
    const stats: Stats = {
      requests: 0,
      byKind: {},
      byStatus: {},
      snapshotsCompared: 0,
    };
    const started = Date.now();

    const check = async (original: FuzzBody) => {
      const item = withFreshIds(original, freshId);
      const response = await post(server, item);
      stats.requests++;
      stats.byKind[item.kind] = (stats.byKind[item.kind] ?? 0) + 1;
      stats.byStatus[response.status] =
        (stats.byStatus[response.status] ?? 0) + 1;
      const context = `${response.status} ${JSON.stringify(response.body).slice(
        0,
        600,
      )} for ${describeBody(item)}`;
      if (response.status >= 500) {
        throw new Error(`5xx: ${context}`);
      }
      if (item.kind === 'valid') {
        if (response.status !== 200) {
          throw new Error(`valid body refused: ${context}`);
        }
        if (response.body.received !== item.body.events.length) {
          throw new Error(`valid body not counted: ${context}`);
        }
        const freshEvents = item.body.events.filter(event =>
          String(event.id).startsWith('fresh-'),
        );
        for (const event of freshEvents) {
          const row = await knex(recordTables[event.type as string])
            .where('id', event.id as string)
            .first('id', 'entity_ref');
          if (row?.id !== event.id) {
            throw new Error(`${event.id} not stored: ${context}`);
          }
        }
        return;
      }
      const message: string = response.body?.error?.message ?? '';
      if (item.kind === 'raw') {
        if (![400, 413, 415].includes(response.status) || !message) {
          throw new Error(`raw body not refused with a reason: ${context}`);
        }
        return;
      }
      if (response.status !== 400) {
        throw new Error(`invalid body not answered 400: ${context}`);
      }
      if (item.kind === 'invalidBatch') {
        if (!new RegExp(`\\b${item.field}\\b`).test(message)) {
          throw new Error(`answer does not name ${item.field}: ${context}`);
        }
        return;
      }
      const named = item.problems.filter(({ index, field }) =>
        namesProblem(message, index, field),
      );
      // The OpenAPI check stops at its first problem; our own validation names every one.
      const expected = message.includes('invalid event field')
        ? item.problems.length
        : 1;
      if (named.length < expected) {
        throw new Error(
          `answer names ${named.length} of ${JSON.stringify(
            item.problems,
          )}: ${context}`,
        );
      }
    };

    await fc.assert(
      fc.asyncProperty(
        fc.array(fuzzBody, {
          minLength: BODIES_PER_RUN,
          maxLength: BODIES_PER_RUN,
        }),
        async bodies => {
          let baseline = await snapshotTables(knex);
          /** Everything since the baseline was refused: it must have left no trace. */
          const expectUnchanged = async (when: string) => {
            const now = await snapshotTables(knex);
            stats.snapshotsCompared++;
            if (!isDeepStrictEqual(now, baseline)) {
              const changed = Object.keys(now).filter(
                table => !isDeepStrictEqual(now[table], baseline[table]),
              );
              throw new Error(`refused bodies wrote to ${changed} (${when})`);
            }
          };
          for (const item of bodies) {
            if (item.kind === 'valid') {
              await expectUnchanged('before a valid body');
              await check(item);
              baseline = await snapshotTables(knex);
            } else {
              await check(item);
            }
          }
          await expectUnchanged('at the end of the run');
        },
      ),
      { numRuns: RUNS, ...seedOptions() },
    );

    // Bodies too large for any generator run: more events than a batch may hold, more bytes
    // than the body limit.
    const before = await snapshotTables(knex);
    await check(tooManyEventsBody());
    const huge = await request(server)
      .post('/api/delivery/events')
      .set('Content-Type', 'application/json')
      .send(`{"events":[{"title":"${'x'.repeat(21 * 1024 * 1024)}"}]}`);
    stats.requests++;
    // The OpenAPI router reports body parser errors as InputError: 400, not 413.
    expect([400, 413]).toContain(huge.status);
    expect(huge.body.error.message).toMatch(/too large/i);
    expect(await snapshotTables(knex)).toEqual(before);

    expect(stats.requests).toBeGreaterThanOrEqual(RUNS * BODIES_PER_RUN);
    expect(stats.byKind.valid).toBeGreaterThan(0);
    expect(stats.byKind.invalidEvents).toBeGreaterThan(RUNS * 10);
    // eslint-disable-next-line no-console
    console.info(
      `fuzz POST /events on ${databaseId}: ${JSON.stringify({
        ...stats,
        seconds: (Date.now() - started) / 1000,
      })}`,
    );
  });

  it('POST /events: refuses NUL characters and lone surrogates (which PostgreSQL cannot store) with a 400 naming the field', async () => {
    const { server, knex } = await startDeliveryBackend(databaseId);
    const event = (id: string, title?: string) => ({
      type: 'change',
      source: 'fuzz',
      id,
      entityRef: 'component:default/checkout-service',
      firstCommitAt: '2026-10-01T10:00:00Z',
      title,
    });
    // Both ids would be stored as 'a\ufffd' and collide in one upsert.
    const surrogates = await request(server)
      .post('/api/delivery/events')
      .send({ events: [event('a\ud800'), event('a\udfff')] });
    expect(surrogates.status).toBe(400);
    expect(surrogates.body.error.message).toMatch(
      /events\[0\]\.id: must be well-formed Unicode.*events\[1\]\.id/,
    );
    const nul = await request(server)
      .post('/api/delivery/events')
      .send({ events: [event('ok'), event('c-1', 'fix\u0000')] });
    expect(nul.status).toBe(400);
    expect(nul.body.error.message).toMatch(/events\[1\]\.title: .*NUL/);
    expect(await knex('delivery_changes').count({ n: '*' })).toEqual([
      { n: databaseId === 'POSTGRES_15' ? '0' : 0 },
    ]);
  });

  it('POST /webhooks: only 200/202/400/401/409/413, never a 5xx, nothing stored without a valid signature', async () => {
    const SECRET = 'fuzz-webhook-secret';
    const MAX_BODY = 4096;
    const hook = createBackendModule({
      pluginId: 'delivery',
      moduleId: 'fuzz-hook',
      register(reg) {
        reg.registerInit({
          deps: { providers: deliveryProvidersExtensionPoint },
          async init({ providers }) {
            providers.addWebhookHandler({
              getName: () => 'fuzz',
              async verify({ headers, rawBody }) {
                const expected = `sha256=${hmacSha256Hex(SECRET, rawBody)}`;
                if (
                  !constantTimeEquals(
                    headers['x-fuzz-signature'] ?? '',
                    expected,
                  )
                ) {
                  throw new AuthenticationError('Bad fuzz signature');
                }
              },
              getDeliveryId: ({ headers }) => headers['x-fuzz-delivery'],
              async toEvents({ rawBody }) {
                let payload: any;
                try {
                  payload = JSON.parse(rawBody.toString('utf8'));
                } catch {
                  throw new InputError('Payload is not JSON');
                }
                if (payload?.kind !== 'deploy') {
                  return { events: [], ignored: 'not a deployment' };
                }
                return {
                  events: [
                    {
                      type: 'deployment',
                      source: 'fuzz-hook',
                      id: payload.id,
                      entityRef: 'component:default/checkout-service',
                      status: payload.status,
                    },
                  ],
                };
              },
            });
          },
        });
      },
    });
    const { server, knex } = await startDeliveryBackend(databaseId, {
      config: { delivery: { webhooks: { maxBodyBytes: MAX_BODY } } },
      features: [hook],
    });
    const { port } = server.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;

    const payload = fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .record({
            id: fc.oneof(
              { weight: 6, arbitrary: fc.constant('FRESH') },
              fc.constant(''),
              fc.integer(),
              fc.string({ maxLength: 20 }),
            ),
            status: fc.oneof(
              { weight: 3, arbitrary: fc.constantFrom('success', 'failure') },
              fc.string({ maxLength: 8 }),
            ),
          })
          .map(p => Buffer.from(JSON.stringify({ kind: 'deploy', ...p }))),
      },
      fc.jsonValue({ maxDepth: 3 }).map(v => Buffer.from(JSON.stringify(v))),
      fc.constant(Buffer.from('{"kind":"ping"}')),
      fc.uint8Array({ maxLength: 200 }).map(bytes => Buffer.from(bytes)),
      fc
        .integer({ min: MAX_BODY + 1, max: MAX_BODY * 4 })
        .map(n =>
          Buffer.from(
            JSON.stringify({ kind: 'deploy', id: 'big', pad: 'x'.repeat(n) }),
          ),
        ),
    );
    const asciiHeader = fc.stringMatching(/^[!-~]{0,80}$/);
    const signatureMode = fc.constantFrom(
      'valid',
      'valid',
      'valid',
      'missing',
      'wrong-secret',
      'other-body',
      'truncated',
      'upper-case',
      'random',
    );
    const deliveryMode = fc.constantFrom(
      'fresh',
      'fresh',
      'replay',
      'missing',
      'empty',
    );
    const requestArb = fc.record({
      body: payload,
      signatureMode,
      randomSignature: asciiHeader,
      deliveryMode,
    });

    const counter = { deliveries: 0 };
    const acceptedDeliveries = new Set<string>();
    const storedIds = new Set<string>();
    const statuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(
        fc.array(requestArb, { minLength: 50, maxLength: 50 }),
        async requests => {
          for (const spec of requests) {
            const body = Buffer.from(
              spec.body
                .toString('latin1')
                .replace(
                  /FRESH/g,
                  () => `hook-${databaseId}-${++counter.deliveries}`,
                ),
              'latin1',
            );
            const good = `sha256=${hmacSha256Hex(SECRET, body)}`;
            const signature = {
              valid: good,
              missing: undefined,
              'wrong-secret': `sha256=${hmacSha256Hex('nope', body)}`,
              'other-body': `sha256=${hmacSha256Hex(SECRET, Buffer.from('x'))}`,
              truncated: good.slice(0, -1),
              'upper-case': good.toUpperCase(),
              random: spec.randomSignature,
            }[spec.signatureMode];
            const replayable = [...acceptedDeliveries];
            const deliveryId = {
              fresh: `delivery-${databaseId}-${++counter.deliveries}`,
              replay:
                replayable[
                  counter.deliveries % Math.max(1, replayable.length)
                ] ?? 'never-accepted',
              missing: undefined,
              empty: '',
            }[spec.deliveryMode];
            // fetch sends the bytes as they are (supertest would JSON-encode a Buffer).
            const fetched = await fetch(
              `${baseUrl}/api/delivery/webhooks/fuzz`,
              {
                method: 'POST',
                body: body,
                headers: {
                  'content-type': 'application/json',
                  ...(signature !== undefined && {
                    'x-fuzz-signature': signature,
                  }),
                  ...(deliveryId !== undefined && {
                    'x-fuzz-delivery': deliveryId,
                  }),
                },
              },
            );
            const response = {
              status: fetched.status,
              body: await fetched.json().catch(() => undefined),
            };
            statuses[response.status] = (statuses[response.status] ?? 0) + 1;
            const context = `${response.status} ${JSON.stringify(
              response.body,
            )} for ${spec.signatureMode}/${spec.deliveryMode} ${body
              .toString('utf8')
              .slice(0, 200)}`;
            if (![200, 202, 400, 401, 409, 413].includes(response.status)) {
              throw new Error(`unexpected status: ${context}`);
            }
            const signedBody = signature === good;
            const expectStatus = (status: number) => {
              if (response.status !== status) {
                throw new Error(`expected ${status}, got ${context}`);
              }
            };
            if (body.length > MAX_BODY) {
              expectStatus(413);
            } else if (!signedBody) {
              expectStatus(401);
            } else if (!deliveryId) {
              expectStatus(400);
            } else if (acceptedDeliveries.has(deliveryId)) {
              expectStatus(409);
            }
            if (response.status === 200 || response.status === 202) {
              if (!signedBody) {
                throw new Error(
                  `accepted without a valid signature: ${context}`,
                );
              }
              acceptedDeliveries.add(deliveryId!);
            }
            if (response.status === 200) {
              storedIds.add(JSON.parse(body.toString('utf8')).id.trim());
            }
          }
          // Exactly the deliveries answered 200/202 are remembered, exactly their records stored.
          const remembered = await knex('delivery_webhook_deliveries')
            .where('handler', 'fuzz')
            .pluck('delivery_id');
          expect(new Set(remembered)).toEqual(acceptedDeliveries);
          const stored = await knex('delivery_deployments')
            .where('source', 'fuzz-hook')
            .pluck('id');
          expect(new Set(stored)).toEqual(storedIds);
        },
      ),
      { numRuns: WEBHOOK_RUNS, ...seedOptions() },
    );
    expect(statuses[401]).toBeGreaterThan(0);
    expect(statuses[200]).toBeGreaterThan(0);
    expect(statuses[409]).toBeGreaterThan(0);
    expect(statuses[413]).toBeGreaterThan(0);
    // eslint-disable-next-line no-console
    console.info(
      `fuzz POST /webhooks on ${databaseId}: ${JSON.stringify({
        requests: WEBHOOK_RUNS * 50,
        statuses,
      })}`,
    );
  });
});
