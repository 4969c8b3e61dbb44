import { mockApis } from '@backstage/frontend-test-utils';
import { http, HttpResponse, JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { DeliveryClient, deliveryApiRef } from '../api';

export const DELIVERY_BASE_URL = 'http://localhost:7007/api/delivery';

/**
 * The real DeliveryClient, talking over HTTP to a backend that msw plays at the network boundary.
 * Tests call `registerMswTestHooks(deliveryBackend)` and answer routes with `deliveryBackend.use`.
 * Unless a test says otherwise, no provider has synced anything (records came by the API).
 */
export const deliveryBackend = setupServer(
  http.get(`${DELIVERY_BASE_URL}/sync-status`, () =>
    HttpResponse.json({ items: [] }),
  ),
  // Unless a test says otherwise, the error-budget policy is normal and nothing was requested.
  http.get(
    `${DELIVERY_BASE_URL}/entities/:kind/:namespace/:name/deploy-gate`,
    ({ params }) =>
      HttpResponse.json({
        entityRef: `${params.kind}:${params.namespace}/${params.name}`,
        at: '2026-11-30T12:00:00.000Z',
        decision: 'allow',
        state: 'normal',
        reasons: [],
        slos: [],
        exception: null,
        policy: { warnBelowPercent: 25, auditDays: 365 },
      }),
  ),
  http.get(
    `${DELIVERY_BASE_URL}/entities/:kind/:namespace/:name/policy/exceptions`,
    () => HttpResponse.json({ items: [] }),
  ),
);

export const deliveryApis = () =>
  [
    [
      deliveryApiRef,
      new DeliveryClient({
        discoveryApi: mockApis.discovery({
          baseUrl: 'http://localhost:7007',
        }),
        fetchApi: mockApis.fetch(),
      }),
    ],
  ] as const;

/** Answers GET `path` (relative to /api/delivery) with `body` and the given status. */
export const answer = (path: string, body: JsonBodyType, status = 200) =>
  http.get(`${DELIVERY_BASE_URL}${path}`, () =>
    HttpResponse.json(body, { status }),
  );
