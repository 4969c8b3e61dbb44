import { Knex } from 'knex';
import type { TimeWindow } from '../metrics';
import type { SliSample } from '../slo/math';

/** The SLI samples of one SLO of a set of entities in a window, oldest first. */
export class SliSampleQuery {
  constructor(private readonly knex: Knex) {}

  async read(
    entityRefs: string[],
    slo: string,
    window: TimeWindow,
  ): Promise<SliSample[]> {
    const rows = await this.knex('delivery_sli_samples')
      .whereIn('entity_ref', entityRefs)
      .where('slo', slo)
      .where('timestamp', '>=', window.from.getTime())
      .where('timestamp', '<', window.to.getTime())
      .orderBy('timestamp', 'asc')
      .select('timestamp', 'good', 'total');
    return rows.map(row => ({
      timestamp: Number(row.timestamp),
      good: Number(row.good),
      total: Number(row.total),
    }));
  }
}
