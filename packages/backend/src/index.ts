/*
 * Hi!
 *
 * Note that this is an EXAMPLE Backstage backend. Please check the README.
 *
 * Happy hacking!
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
backend.add(
  import(
    '@delivery-insights/backstage-plugin-scaffolder-backend-module-delivery'
  ),
);

// techdocs plugin
backend.add(import('@backstage/plugin-techdocs-backend'));

// auth plugin
backend.add(import('@backstage/plugin-auth-backend'));
// See https://backstage.io/docs/backend-system/building-backends/migrating#the-auth-plugin
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// See https://backstage.io/docs/auth/guest/provider

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

// See https://backstage.io/docs/features/software-catalog/configuration#subscribing-to-catalog-errors
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permission plugin
backend.add(import('@backstage/plugin-permission-backend'));
// Reads for everyone, ingestion for the CI principal only, deletion, backfills and policy
// exceptions for one admin group: docs/security.md
backend.add(import('./modules/permissionPolicy'));

// search plugin
backend.add(import('@backstage/plugin-search-backend'));

// search engine
// See https://backstage.io/docs/features/search/search-engines
backend.add(import('@backstage/plugin-search-backend-module-pg'));

// search collators
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// user settings plugin
backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications and signals plugins
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@delivery-insights/backstage-plugin-delivery-backend'));
backend.add(
  import('@delivery-insights/backstage-plugin-delivery-backend-module-demo'),
);
backend.add(
  import('@delivery-insights/backstage-plugin-delivery-backend-module-github'),
);
backend.add(
  import(
    '@delivery-insights/backstage-plugin-delivery-backend-module-pagerduty'
  ),
);
backend.add(
  import(
    '@delivery-insights/backstage-plugin-delivery-backend-module-opsgenie'
  ),
);
backend.add(
  import('@delivery-insights/backstage-plugin-delivery-backend-module-gitlab'),
);
backend.add(
  import('@delivery-insights/backstage-plugin-delivery-backend-module-jira'),
);
backend.add(
  import(
    '@delivery-insights/backstage-plugin-delivery-backend-module-sonarqube'
  ),
);
backend.start();
