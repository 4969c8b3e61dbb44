import request from 'supertest';
import {
  startDeliveryBackend,
  testDatabases,
} from './__testUtils__/startDeliveryBackend';

jest.setTimeout(60_000);

/** A 400 whose message names the problem, without internals (no TypeError, no stack). */
const expectInputError = (
  response: request.Response,
  message: string | RegExp,
) => {
  expect({ status: response.status, body: response.body }).toEqual({
    status: 400,
    body: expect.objectContaining({
      error: expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(message),
      }),
    }),
  });
  expect(JSON.stringify(response.body)).not.toMatch(/TypeError|\bat \//);
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
        expectInputError(response, /entityRef/);
      }
      const one = await request(server)
        .get('/api/delivery/scorecards')
        .query({ entityRef: ['component:default/checkout-service', ':::'] });
      expectInputError(one, /entityRef\[1\]/);
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
