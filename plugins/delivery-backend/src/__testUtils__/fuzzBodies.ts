import fc from 'fast-check';

/**
 * Generators of ingestion request bodies for the fuzz test: valid batches, batches in which valid
 * events surround one or more broken ones (so that a partial write would show), broken batches and
 * raw bytes that are not JSON at all.
 */

/** Replaced by a never-used id just before sending, so that a stored partial batch would be new rows. */
export const FRESH_ID = '\u0001fresh';
/** Ids that valid bodies create and broken ones try to update with other values. */
export const SHARED_IDS = ['shared-1', 'shared-2', 'shared-3', 'ühared-4'];

type Json = unknown;
export type EventObject = Record<string, Json>;

export type FuzzBody =
  /** Every event valid: answered 200, stored. */
  | { kind: 'valid'; body: { events: EventObject[] } }
  /** Broken events (index and field named in the answer) among valid ones: 400, nothing stored. */
  | {
      kind: 'invalidEvents';
      body: { events: Json[] };
      problems: { index: number; field: string }[];
    }
  /** The batch itself is wrong (not an object, no events array, too many events): 400. */
  | { kind: 'invalidBatch'; body: Json; field: 'body' | 'events' }
  /** Bytes that are not a JSON object at all, with some content type: 400/413/415. */
  | { kind: 'raw'; raw: string | Buffer; contentType?: string };

const storable = (value: string) =>
  value.isWellFormed() && !value.includes('\u0000');

const anyText = (maxLength: number) =>
  fc
    .oneof(
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength }) },
      { weight: 1, arbitrary: fc.string({ maxLength }) },
    )
    .filter(storable);

const keyText = anyText(30).filter(value => value.trim().length > 0);

/** Plausible times: not before 2000, and (with the 30 days of an instant pair) not in the future. */
const epoch = fc.integer({
  min: Date.UTC(2000, 0, 1),
  max: Date.UTC(2026, 0, 1),
});
const offsetMinutes = fc.constantFrom(0, 0, 60, 120, -300, 330, 345, -720, 840);

/** An ISO 8601 instant with an offset, as providers send them. */
const isoAt = (ms: number, offset: number, millis: boolean) => {
  const local = new Date(ms + offset * 60_000).toISOString();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const zone =
    offset === 0
      ? 'Z'
      : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(
          abs % 60,
        ).padStart(2, '0')}`;
  return `${local.slice(0, millis ? 23 : 19)}${zone}`;
};

const instantPair = fc
  .record({
    start: epoch,
    delta: fc.integer({ min: 0, max: 30 * 86_400_000 }),
    offsetA: offsetMinutes,
    offsetB: offsetMinutes,
    millis: fc.boolean(),
  })
  .map(({ start, delta, offsetA, offsetB, millis }) => [
    isoAt(start, offsetA, millis),
    isoAt(start + delta, offsetB, millis),
  ]);

const instant = fc
  .tuple(epoch, offsetMinutes, fc.boolean())
  .map(([ms, offset, millis]) => isoAt(ms, offset, millis));

const idArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant(FRESH_ID) },
  { weight: 2, arbitrary: fc.constantFrom(...SHARED_IDS) },
  { weight: 1, arbitrary: keyText },
);

const common = {
  source: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('fuzz', 'ci-ünïcødé', '部署') },
    { weight: 1, arbitrary: keyText },
  ),
  id: idArb,
  entityRef: fc.constantFrom(
    'component:default/checkout-service',
    'component:cart-service',
    'Component:default/inventory-service',
    'component:default/ünïcødé-svc',
    'component:team-x/日本語',
  ),
};

const webUrl = fc.webUrl({ validSchemes: ['https', 'http'] });

const optional = <T>(arb: fc.Arbitrary<T>) =>
  fc.option(arb, { nil: undefined, freq: 2 });

/** Drops the keys whose value is undefined, as JSON would. */
const defined = (event: Record<string, unknown>): EventObject =>
  Object.fromEntries(
    Object.entries(event).filter(([, value]) => value !== undefined),
  );

const deployment = fc
  .record({
    ...common,
    type: fc.constant('deployment'),
    environment: optional(
      fc.oneof(fc.constantFrom('production', 'prod', 'staging'), keyText),
    ),
    status: fc.constantFrom('success', 'failure', 'rolled_back'),
    times: optional(instantPair),
    changeIds: optional(
      fc.array(fc.oneof(keyText, fc.constantFrom('pr-1', 'pr-2')), {
        maxLength: 6,
      }),
    ),
    url: optional(webUrl),
  })
  .map(({ times, ...event }) =>
    defined({
      ...event,
      startedAt: times?.[0],
      finishedAt: times?.[1],
    }),
  );

const change = fc
  .record({
    ...common,
    type: fc.constant('change'),
    times: instantPair,
    merged: fc.boolean(),
    title: optional(anyText(200)),
    author: optional(anyText(40)),
    url: optional(webUrl),
  })
  .map(({ times, merged, ...event }) =>
    defined({
      ...event,
      firstCommitAt: times[0],
      mergedAt: merged ? times[1] : undefined,
    }),
  );

const incident = fc
  .record({
    ...common,
    type: fc.constant('incident'),
    severity: optional(fc.constantFrom('SEV1', 'P2', 'крит')),
    title: optional(anyText(200)),
    times: instantPair,
    resolved: fc.boolean(),
    causedByDeploymentId: optional(keyText),
    url: optional(webUrl),
  })
  .map(({ times, resolved, ...event }) =>
    defined({
      ...event,
      openedAt: times[0],
      acknowledgedAt: times[0],
      resolvedAt: resolved ? times[1] : undefined,
    }),
  );

const workItem = fc
  .record({
    ...common,
    type: fc.constant('workItem'),
    kind: fc.constantFrom('story', 'bug', 'task'),
    sprint: optional(anyText(40)),
    times: instantPair,
    sprintTimes: optional(instantPair),
    escaped: optional(fc.boolean()),
    points: optional(fc.double({ min: 0, max: 1000, noNaN: true })),
    activeHours: optional(fc.double({ min: 0, max: 20_000, noNaN: true })),
  })
  .map(({ times, sprintTimes, ...event }) =>
    defined({
      ...event,
      createdAt: times[0],
      startedAt: times[0],
      completedAt: times[1],
      sprintStartedAt: sprintTimes?.[0],
      sprintEndsAt: sprintTimes?.[1],
      sprintCompletedAt: sprintTimes?.[1],
    }),
  );

const sliSample = fc
  .record({
    ...common,
    type: fc.constant('sliSample'),
    slo: fc.oneof(fc.constantFrom('availability', 'latency'), keyText),
    timestamp: instant,
    total: fc.double({ min: 0, max: 1e9, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ total, share, ...event }) =>
    defined({ ...event, total, good: Math.min(total, total * share) }),
  );

const qualitySnapshot = fc
  .record({
    ...common,
    type: fc.constant('qualitySnapshot'),
    at: instant,
    lineCoverage: fc.double({ min: 0, max: 100, noNaN: true }),
    branchCoverage: optional(fc.double({ min: 0, max: 100, noNaN: true })),
    bugs: optional(fc.nat()),
    vulnerabilities: optional(fc.nat()),
    codeSmells: optional(fc.nat()),
    qualityGate: optional(fc.constantFrom('passed', 'warning', 'failed')),
  })
  .map(event => defined(event));

/** Any valid event. Unknown extra fields (including `__proto__`) are allowed and ignored. */
export const validEvent: fc.Arbitrary<EventObject> = fc
  .tuple(
    fc.oneof(
      deployment,
      change,
      incident,
      workItem,
      sliSample,
      qualitySnapshot,
    ),
    fc.option(
      fc.constantFrom(
        { extra: 'ignored' },
        JSON.parse('{"__proto__": {"polluted": true}}'),
        { constructor: { prototype: { polluted: true } } },
      ),
      { nil: undefined, freq: 8 },
    ),
  )
  .map(([event, extra]) =>
    extra ? { ...JSON.parse(JSON.stringify(extra)), ...event } : event,
  );

// ---------------------------------------------------------------- breaking one event

/** Fields per type with what they hold, so that a mutation is sure to make the event invalid. */
type FieldKind =
  | 'key'
  | 'entityRef'
  | 'instant'
  | 'enum'
  | 'text'
  | 'url'
  | 'nonNegative'
  | 'percent'
  | 'boolean'
  | 'keyArray';

const commonFields: Record<string, FieldKind> = {
  source: 'key',
  id: 'key',
  entityRef: 'entityRef',
};

const fieldsOf: Record<string, Record<string, FieldKind>> = {
  deployment: {
    ...commonFields,
    environment: 'key',
    status: 'enum',
    startedAt: 'instant',
    finishedAt: 'instant',
    changeIds: 'keyArray',
    url: 'url',
  },
  change: {
    ...commonFields,
    firstCommitAt: 'instant',
    mergedAt: 'instant',
    title: 'text',
    author: 'text',
    url: 'url',
  },
  incident: {
    ...commonFields,
    severity: 'text',
    title: 'text',
    openedAt: 'instant',
    acknowledgedAt: 'instant',
    resolvedAt: 'instant',
    causedByDeploymentId: 'key',
    url: 'url',
  },
  workItem: {
    ...commonFields,
    kind: 'enum',
    sprint: 'text',
    sprintStartedAt: 'instant',
    sprintEndsAt: 'instant',
    sprintCompletedAt: 'instant',
    createdAt: 'instant',
    startedAt: 'instant',
    completedAt: 'instant',
    escaped: 'boolean',
    points: 'nonNegative',
    activeHours: 'nonNegative',
  },
  sliSample: {
    ...commonFields,
    slo: 'key',
    timestamp: 'instant',
    good: 'nonNegative',
    total: 'nonNegative',
  },
  qualitySnapshot: {
    ...commonFields,
    at: 'instant',
    lineCoverage: 'percent',
    branchCoverage: 'percent',
    bugs: 'nonNegative',
    vulnerabilities: 'nonNegative',
    codeSmells: 'nonNegative',
    qualityGate: 'enum',
  },
};

const requiredOf: Record<string, string[]> = {
  deployment: ['status'],
  change: ['firstCommitAt'],
  incident: ['openedAt'],
  workItem: ['kind', 'createdAt'],
  sliSample: ['slo', 'timestamp', 'good', 'total'],
  qualitySnapshot: ['at', 'lineCoverage'],
};

/** Longest accepted string per text field (the others hold keys: 255). */
const textLimits: Record<string, number> = {
  title: 1000,
  author: 255,
  severity: 64,
  sprint: 255,
};

const notString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.integer(), { maxKeys: 3 }),
);
const notNumber = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant({ valueOf: 1 }),
  fc.constantFrom('1', '1e3', 'NaN', 'Infinity', '0x10'),
);
const notBoolean = fc.oneof(
  fc.constantFrom('true', 'false', 0, 1, null, [], {}),
  fc.string({ maxLength: 5 }),
);

/** Strings that no ISO 8601 instant parser of ours should accept. */
const badInstant = fc.oneof(
  fc.constantFrom(
    '2026-01-01T00:00:00', // no offset
    '2026-01-01',
    '2026-13-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-01-01T25:00:00Z',
    '2026-01-01T00:00:60Z',
    '+275760-09-13T00:00:00Z',
    'yesterday',
    '',
    '1999-12-31T23:59:59Z', // implausibly early
    '2099-01-01T00:00:00Z', // implausibly late
    '2026-01-01T00:00:00+25:00',
    '２０２６-01-01T00:00:00Z',
  ),
  fc.string({ maxLength: 30 }).filter(value => !/^\d{4}-/.test(value)),
  epoch, // epoch milliseconds instead of a string
);

/** The value with a NUL or a lone surrogate inserted somewhere. */
const nul = (value: string) =>
  fc
    .tuple(fc.nat(value.length), fc.constantFrom('\u0000', '\ud800', '\udfff'))
    .map(([at, bad]) => `${value.slice(0, at)}${bad}${value.slice(at)}`);

/** A value that makes `field` (holding a `kind`) invalid. */
function invalidValue(
  type: string,
  field: string,
  kind: FieldKind,
): fc.Arbitrary<Json> {
  switch (kind) {
    case 'key':
      return fc.oneof(
        notString,
        fc.constantFrom('', '   ', '\t\n', '\u00a0\u3000'),
        fc
          .tuple(fc.integer({ min: 256, max: 3000 }), fc.constantFrom('x', 'ж'))
          .map(([n, c]) => c.repeat(n)),
        nul('key'),
      );
    case 'entityRef':
      return fc.oneof(
        notString,
        fc.constantFrom('', '/', 'component:', ':x', 'component:default/', ' '),
        fc
          .integer({ min: 256, max: 1000 })
          .map(n => `component:default/${'a'.repeat(n)}`),
        nul('component:default/x'),
      );
    case 'instant':
      return fc.oneof(badInstant, notString);
    case 'enum':
      return fc.oneof(
        notString,
        fc
          .string({ maxLength: 20 })
          .filter(
            value =>
              ![
                'success',
                'failure',
                'rolled_back',
                'story',
                'bug',
                'task',
                'passed',
                'warning',
                'failed',
              ].includes(value),
          ),
        fc.constantFrom('SUCCESS', 'success ', 'Bug'),
      );
    case 'text': {
      const limit = textLimits[field] ?? 255;
      return fc.oneof(
        notString,
        fc
          .integer({ min: limit + 1, max: limit + 2000 })
          .map(n => 'é'.repeat(n)),
        nul(`${type} ${field}`),
      );
    }
    case 'url':
      return fc.oneof(
        notString,
        fc.constantFrom(
          // eslint-disable-next-line no-script-url -- a URL the schema must refuse
          'javascript:alert(1)',
          'ftp://example.com/x',
          'not a url',
          'http://',
          '',
          'file:///etc/passwd',
        ),
        fc
          .integer({ min: 2049, max: 5000 })
          .map(n => `https://example.com/${'a'.repeat(n)}`),
        nul('https://example.com/'),
      );
    case 'nonNegative':
      return fc.oneof(
        notNumber,
        fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
        fc.integer({ min: -1e9, max: -1 }),
      );
    case 'percent':
      return fc.oneof(
        notNumber,
        fc.double({ min: 100.0000001, noNaN: true }),
        fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
      );
    case 'boolean':
      return notBoolean;
    case 'keyArray':
      return fc.oneof(
        notString.filter(value => !Array.isArray(value)),
        fc.constant('pr-1'),
        fc.constant(Array.from({ length: 1001 }, (_, i) => `pr-${i}`)),
        fc.constant(['pr-1', '']),
        fc.constant(['pr-1', 7]),
        fc.constant(['x'.repeat(256)]),
      );
    default:
      throw new Error(`unknown field kind ${kind}`);
  }
}

/** How one valid event is broken, and which field the answer must name. */
const brokenEvent: fc.Arbitrary<{ event: Json; field: string }> =
  validEvent.chain(event => {
    const type = event.type as string;
    const fields = fieldsOf[type];
    const required = ['type', 'source', 'id', 'entityRef', ...requiredOf[type]];
    const replaceField = fc.constantFrom(...Object.keys(fields)).chain(field =>
      invalidValue(type, field, fields[field]).map(value => ({
        event: { ...event, [field]: value },
        field,
      })),
    );
    const removeField = fc.constantFrom(...required).map(field => {
      const { [field]: _removed, ...rest } = event;
      return { event: rest, field };
    });
    const unknownType = fc
      .oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom('Deployment', 'deployments', 'sli_sample', ''),
      )
      .filter(value => !fieldsOf[value])
      .map(value => ({ event: { ...event, type: value }, field: 'type' }));
    const typeConfused = notString.map(value => ({
      event: { ...event, type: value },
      field: 'type',
    }));
    const outOfOrder = outOfOrderEvent(event);
    const notAnObject = fc
      .oneof(
        notString.filter(value => !(value && typeof value === 'object')),
        fc.string(),
      )
      .map(value => ({ event: value, field: '' }));
    return fc.oneof(
      { weight: 10, arbitrary: replaceField },
      { weight: 3, arbitrary: removeField },
      { weight: 1, arbitrary: unknownType },
      { weight: 1, arbitrary: typeConfused },
      { weight: outOfOrder ? 2 : 0, arbitrary: outOfOrder ?? removeField },
      { weight: 1, arbitrary: notAnObject },
    );
  });

/** The event with a later time before an earlier one (or good above total), if it has such times. */
function outOfOrderEvent(
  event: EventObject,
): fc.Arbitrary<{ event: Json; field: string }> | undefined {
  const before = (later: string, earlier: string) =>
    fc.integer({ min: 1, max: 86_400_000 }).map(ms => ({
      event: {
        ...event,
        [earlier]: '2026-06-01T12:00:00Z',
        [later]: new Date(Date.parse('2026-06-01T12:00:00Z') - ms)
          .toISOString()
          .replace(/\.\d+Z$/, 'Z'),
      },
      field: later,
    }));
  switch (event.type) {
    case 'deployment':
      return before('finishedAt', 'startedAt');
    // A change merged before its first commit is stored and flagged, not refused.
    case 'incident':
      return fc.oneof(
        before('acknowledgedAt', 'openedAt').map(broken => ({
          ...broken,
          event: { ...(broken.event as EventObject), resolvedAt: undefined },
        })),
        before('resolvedAt', 'openedAt').map(broken => ({
          ...broken,
          event: {
            ...(broken.event as EventObject),
            acknowledgedAt: undefined,
          },
        })),
      );
    case 'workItem':
      return before('completedAt', 'startedAt');
    case 'sliSample':
      return fc.double({ min: 1, max: 1e6, noNaN: true }).map(total => ({
        event: { ...event, total, good: total * 2 },
        field: 'good',
      }));
    default:
      return undefined;
  }
}

/** An event's key within a batch; placeholder ids become distinct fresh ids, so they never collide. */
const batchKey = (event: EventObject) =>
  String(event.id).startsWith(FRESH_ID)
    ? event
    : JSON.stringify([event.type, event.source, event.id]);

/** A record twice in one body is refused: valid batches hold each key once. */
const validBatch = fc.uniqueArray(validEvent, {
  minLength: 1,
  maxLength: 5,
  selector: batchKey,
});

/** Broken events at random places among valid ones. */
const invalidEventsBody: fc.Arbitrary<FuzzBody> = fc
  .record({
    valid: fc.uniqueArray(validEvent, { maxLength: 8, selector: batchKey }),
    broken: fc.array(
      fc.tuple(fc.nat(), brokenEvent).map(([at, broken]) => ({ at, broken })),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ valid, broken }) => {
    const slots: { event: Json; field?: string }[] = valid.map(event => ({
      event,
    }));
    for (const { at, broken: b } of broken) {
      slots.splice(at % (slots.length + 1), 0, b);
    }
    return {
      kind: 'invalidEvents' as const,
      body: { events: slots.map(slot => slot.event) },
      problems: slots.flatMap((slot, index) =>
        slot.field === undefined ? [] : [{ index, field: slot.field }],
      ),
    };
  });

const invalidBatchBody: fc.Arbitrary<FuzzBody> = fc.oneof(
  fc
    .oneof(
      notString.filter(value => !Array.isArray(value)),
      fc.string(),
      fc.constant({}),
      fc.constant([]),
    )
    .map(events => ({
      kind: 'invalidBatch' as const,
      body: { events },
      field: 'events' as const,
    })),
  fc
    .dictionary(
      fc.string({ maxLength: 10 }).filter(name => name !== 'events'),
      fc.jsonValue({ maxDepth: 2 }),
      { maxKeys: 4 },
    )
    .map(body => ({
      kind: 'invalidBatch' as const,
      body,
      field: 'events' as const,
    })),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }).map(body => ({
    kind: 'invalidBatch' as const,
    body,
    field: 'body' as const,
  })),
  validEvent.map(event => ({
    kind: 'invalidBatch' as const,
    body: event, // an event without the { events: [...] } envelope
    field: 'events' as const,
  })),
);

/** More events than a batch may carry: all valid, so only the count is wrong. */
export const tooManyEventsBody = (count = 5001): FuzzBody => ({
  kind: 'invalidBatch',
  field: 'events',
  body: {
    events: Array.from({ length: count }, (_, i) => ({
      type: 'deployment',
      source: 'fuzz',
      id: `${FRESH_ID}-${i}`,
      entityRef: 'component:default/checkout-service',
      status: 'success',
    })),
  },
});

const rawBody: fc.Arbitrary<FuzzBody> = fc.oneof(
  // valid JSON cut short
  fc
    .tuple(validBatch, fc.double({ min: 0, max: 0.999, noNaN: true }))
    .map(([events, cut]) => {
      const json = JSON.stringify({ events });
      return {
        kind: 'raw' as const,
        raw: json.slice(0, Math.floor(json.length * cut)),
        contentType: 'application/json',
      };
    }),
  fc.string({ maxLength: 200 }).map(raw => ({
    kind: 'raw' as const,
    raw,
    contentType: 'application/json',
  })),
  fc.uint8Array({ maxLength: 300 }).map(bytes => ({
    kind: 'raw' as const,
    raw: Buffer.from(bytes),
    contentType: 'application/json',
  })),
  fc
    .tuple(
      validBatch,
      fc.constantFrom(
        undefined,
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'application/json; charset=latin-9000',
      ),
    )
    .map(([events, contentType]) => ({
      kind: 'raw' as const,
      raw: JSON.stringify({ events }),
      contentType,
    })),
  fc
    .constantFrom(
      'null',
      'true',
      '42',
      '"events"',
      '{"events": [1,]}',
      '{"events": NaN}',
      "{'events': []}",
      `{"events":[${'['.repeat(5000)}${']'.repeat(5000)}]}`,
      `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
    )
    .map(raw => ({
      kind: 'raw' as const,
      raw,
      contentType: 'application/json',
    })),
);

/** The mix the fuzz test sends: mostly broken bodies, about one valid in twelve. */
export const fuzzBody: fc.Arbitrary<FuzzBody> = fc.oneof(
  {
    weight: 1,
    arbitrary: validBatch.map(events => ({
      kind: 'valid' as const,
      body: { events },
    })),
  },
  { weight: 7, arbitrary: invalidEventsBody },
  { weight: 2, arbitrary: invalidBatchBody },
  { weight: 2, arbitrary: rawBody },
);

/** Replaces every {@link FRESH_ID} (also as a prefix) with an id never used before. */
export function withFreshIds<T>(value: T, next: () => string): T {
  const json = JSON.stringify(value);
  if (json === undefined) return value;
  // \u0001 is JSON-escaped as \\u0001 in the serialized form
  return JSON.parse(json.replace(/\\u0001fresh/g, () => next())) as T;
}
