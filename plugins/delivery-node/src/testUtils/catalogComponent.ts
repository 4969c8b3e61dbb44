import { Entity } from '@backstage/catalog-model';

/** A Component `default/<name>` of `team-a` with the annotations, for a test catalog. @public */
export function catalogComponent(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}
