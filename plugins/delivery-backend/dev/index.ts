import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';

// A minimal backend for working on the plugin alone (`yarn start` in this package). Auth is
// mocked, so requests need no token:
//
//   curl http://localhost:7007/api/delivery/health
//   curl http://localhost:7007/api/delivery/health -H 'Authorization: Bearer mock-none-token'

const backend = createBackend();

backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(import('../src'));

backend.start();
