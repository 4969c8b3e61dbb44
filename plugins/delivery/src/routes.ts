import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The organisation overview page (new frontend system). */
export const rootRouteRef = createRouteRef();
