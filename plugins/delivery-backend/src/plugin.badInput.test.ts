import request from 'supertest';
import {
  startDeliveryBackend,
  testDatabases,
} from './__testUtils__/startDeliveryBackend';

jest.setTimeout(60_000);

/** The message of a 400 InputError without internals (no TypeError, no stack); throws otherwise. */
const inputErrorMessage = (response: request.Response): string => {
  expect({ status: response.status, name: response.body?.error?.name }).toEqual(
    { status: 400, name: 'InputError' },
  );
  expect(JSON.stringify(response.body)).not.toMatch(/TypeError|\bat \//);
  return response.body.error.message;
};

describe.each(testDatabases.eachSupportedId())(
  'bad query parameters on %p',
  databaseId => {
    it('answers 400 naming entityRef for a ref that is none', async () => {
      const { server } = await startDeliveryBackend(databaseId);
      for (const ref of [
        ':::',
        'justaname',
        `component:default/${'a'.repeat(3000)}`,
      ]) {
        const response = await request(server)
          .get('/api/delivery/scorecards')
          .query({ entityRef: ref });
        expect(inputErrorMessage(response)).toMatch(/entityRef/);
      }
      const one = await request(server)
        .get('/api/delivery/scorecards')
        .query({ entityRef: ['component:default/checkout-service', ':::'] });
      expect(inputErrorMessage(one)).toMatch(/entityRef\[1\]/);
    });

    it('bounds expensive reads with 400s that say what to ask instead', async () => {
      const { server } = await startDeliveryBackend(databaseId);
      const refs = Array.from(
        { length: 201 },
        (_, i) => `component:default/service-${i}`,
      );
      const many = await request(server)
        .get('/api/delivery/scorecards')
        .query({ entityRef: refs });
      expect(inputErrorMessage(many)).toMatch(/entityRef.*200/);

      const series = (query: string) =>
        request(server).get(
          `/api/delivery/entities/component/default/checkout-service/timeseries?metric=leadTime&${query}`,
        );
      const twoYearsOfDays = await series(
        'bucket=day&from=2024-10-01T00:00:00Z&to=2026-10-01T00:00:00Z',
      );
      expect(inputErrorMessage(twoYearsOfDays)).toBe(
        'The window holds 730 day buckets, at most 366 are computed per time series: use bucket=week or a shorter window',
      );
      await series(
        'bucket=week&from=2024-10-01T00:00:00Z&to=2026-10-01T00:00:00Z',
      ).expect(200);
    });

    it('answers 404 for a process name that is an Object.prototype property', async () => {
      const { server } = await startDeliveryBackend(databaseId, {
        config: {
          delivery: {
            processes: { release: { title: 'Release', stages: [] } },
          },
        },
      });
      for (const name of [
        'constructor',
        'toString',
        'hasOwnProperty',
        'valueOf',
      ]) {
        const response = await request(server)
          .get('/api/delivery/reports/process')
          .query({ name });
        expect({ name, status: response.status }).toEqual({
          name,
          status: 404,
        });
        expect(response.body.error.message).toContain('(configured: release)');
      }
      await request(server)
        .get('/api/delivery/reports/process?name=release')
        .expect(200);
    });
  },
);
