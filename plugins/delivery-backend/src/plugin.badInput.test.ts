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
