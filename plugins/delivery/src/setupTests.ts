import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The Delivery tab renders several charts and tables at once; on a busy 2-core CI machine the
// default waits (1 s for an element, 5 s for a test) are too tight.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);
