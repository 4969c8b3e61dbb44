import {
  SloDefinition,
  SloDefinitionError,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { parseAllDocuments } from 'yaml';
import { openSloSchema } from './sloDefinitionSchema';

/**
 * The SLOs read from one file or annotation, and what was wrong with the documents that were not.
 *
 * @public
 */
export type ParsedSlos = {
  definitions: SloDefinition[];
  errors: SloDefinitionError[];
};

/**
 * Reads OpenSLO `SLO` documents from YAML text: several documents, or one document holding a
 * list. Each bad document becomes an error naming the field, the others still count. This is how
 * the backend reads `delivery-insights.io/slo-file`; tools that write such files can check them with it.
 *
 * @public
 */
export function parseSloDocuments(text: string, origin: string): ParsedSlos {
  const definitions: SloDefinition[] = [];
  const errors: SloDefinitionError[] = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) {
      errors.push({
        message: `${origin}: not valid YAML: ${document.errors[0].message}`,
      });
      continue;
    }
    const content = document.toJS();
    for (const raw of [content].flat()) {
      if (raw === null || raw === undefined) continue;
      const parsed = openSloSchema.safeParse(raw);
      if (parsed.success) {
        definitions.push(parsed.data);
      } else {
        const name = (raw as { metadata?: { name?: unknown } })?.metadata?.name;
        errors.push({
          slo: typeof name === 'string' ? name : undefined,
          message: `${origin}: ${parsed.error.issues
            .map(issue => `${issue.path.join('.')}: ${issue.message}`)
            .join('; ')}`,
        });
      }
    }
  }
  const seen = new Set<string>();
  return {
    definitions: definitions.filter(definition => {
      if (seen.has(definition.name)) {
        errors.push({
          slo: definition.name,
          message: `${origin}: the SLO name ${definition.name} is used twice; the first one counts`,
        });
        return false;
      }
      seen.add(definition.name);
      return true;
    }),
    errors,
  };
}
