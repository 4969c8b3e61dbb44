import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { testDatabases } from '../__testUtils__/startDeliveryBackend';

jest.setTimeout(60_000);

const MIGRATION = '20261206030000_delivery_sprint_dates_and_quality_counts.js';
const record = {
  source: 'jira',
  entity_ref: 'component:default/checkout',
  ingested_at: 0,
};

describe.each(testDatabases.eachSupportedId())(
  'sprint dates and quality counts migration on %p',
  databaseId => {
    it('adds the columns empty to the rows stored before it, and drops them again on the way down', async () => {
      const knex = await testDatabases.init(databaseId);
      const directory = resolvePackagePath(
        '@delivery-insights/backstage-plugin-delivery-backend',
        'migrations',
      );
      await knex.migrate.up({
        directory,
        name: '20261125120000_delivery_records.js',
      });
      await knex.migrate.up({
        directory,
        name: '20261126090000_delivery_change_first_deployment.js',
      });
      await knex.migrate.up({
        directory,
        name: '20261126100000_delivery_sync_state.js',
      });
      await knex.migrate.up({
        directory,
        name: '20261126110000_delivery_covering_window_indexes.js',
      });
      await knex('delivery_work_items').insert({
        ...record,
        id: 'SHOP-1',
        kind: 'story',
        sprint: 'Sprint 1',
        created_at: 100,
      });
      await knex('delivery_quality_snapshots').insert({
        ...record,
        id: 'cov-1',
        at: 100,
        line_coverage: 80,
      });

      await knex.migrate.up({ directory, name: MIGRATION });
      expect(
        await knex('delivery_work_items').first(
          'sprint',
          'sprint_started_at',
          'sprint_ends_at',
          'sprint_completed_at',
        ),
      ).toEqual({
        sprint: 'Sprint 1',
        sprint_started_at: null,
        sprint_ends_at: null,
        sprint_completed_at: null,
      });
      await knex('delivery_quality_snapshots')
        .where({ id: 'cov-1' })
        .update({ bugs: 3, code_smells: 40, quality_gate: 'failed' });
      const snapshot = await knex('delivery_quality_snapshots').first(
        'line_coverage',
        'bugs',
        'vulnerabilities',
        'code_smells',
        'quality_gate',
      );
      expect({
        ...snapshot,
        line_coverage: Number(snapshot.line_coverage),
      }).toEqual({
        line_coverage: 80,
        bugs: 3,
        vulnerabilities: null,
        code_smells: 40,
        quality_gate: 'failed',
      });

      await knex.migrate.down({ directory, name: MIGRATION });
      expect(
        await knex.schema.hasColumn('delivery_work_items', 'sprint_ends_at'),
      ).toBe(false);
      expect(
        await knex.schema.hasColumn('delivery_quality_snapshots', 'bugs'),
      ).toBe(false);
      expect(await knex('delivery_work_items').pluck('id')).toEqual(['SHOP-1']);
      expect(await knex('delivery_quality_snapshots').pluck('id')).toEqual([
        'cov-1',
      ]);
    });
  },
);
