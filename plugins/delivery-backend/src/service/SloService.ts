import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { EntitySlos } from '@internal/backstage-plugin-delivery-common';
import { SliSampleQuery } from '../database/SliSampleQuery';
import { DAY_MS } from '../metrics';
import { SloDefinitionReader } from '../slo/definitions/SloDefinitionReader';
import { computeSloStatus } from '../slo/math';
import { EntityScope } from './EntityScope';

/** The SLOs a service defines, each with its error budget, burn rates and alert state now. */
export class SloService {
  constructor(
    private readonly options: {
      entityScope: EntityScope;
      definitions: SloDefinitionReader;
      samples: SliSampleQuery;
    },
  ) {}

  async forEntity(
    entityRef: string,
    credentials: BackstageCredentials,
    now = new Date(),
  ): Promise<EntitySlos> {
    const { entity, entityRef: ref } = await this.options.entityScope.resolve(
      entityRef,
      credentials,
    );
    const { definitions, errors } = await this.options.definitions.read(entity);
    const slos = await Promise.all(
      definitions.map(async definition => {
        // The oldest point of the budget history looks a whole window further back.
        const samples = await this.options.samples.read(
          [ref],
          definition.name,
          {
            from: new Date(now.getTime() - 2 * definition.windowDays * DAY_MS),
            to: now,
          },
        );
        return computeSloStatus({ definition, samples, now });
      }),
    );
    return { entityRef: ref, at: now.toISOString(), slos, errors };
  }
}
