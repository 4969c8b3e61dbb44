import { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Every catalog entity that carries the annotation, read with the module's own credentials. @public */
export async function entitiesWithAnnotation(
  catalog: CatalogService,
  auth: AuthService,
  annotation: string,
): Promise<Entity[]> {
  const { items } = await catalog.getEntities(
    {
      filter: { [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS },
    },
    { credentials: await auth.getOwnServiceCredentials() },
  );
  return items;
}
