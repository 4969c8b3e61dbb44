import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, passthrough, RequestHandler } from 'msw';
import { setupServer, SetupServer } from 'msw/node';

/** Requests to the backend under test (supertest talks to it on the loopback interface). @public */
export const loopbackPassthrough = http.all(
  /^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+\//,
  () => passthrough(),
);

/**
 * An msw server for the test file that serves the upstream API with the handlers, lets requests
 * to the backend under test through and fails on any other request; started before the tests,
 * reset after each and closed at the end.
 *
 * @public
 */
export function setupProviderMswServer(
  ...handlers: RequestHandler[]
): SetupServer {
  const server = setupServer(loopbackPassthrough, ...handlers);
  registerMswTestHooks(server);
  return server;
}
