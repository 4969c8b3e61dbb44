import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, getEntitySourceLocation } from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DELIVERY_ANNOTATION_PREFIX } from '../../metrics';
import { ParsedSlos, parseSloDocuments } from './parseSloDocuments';

/** OpenSLO `SLO` documents written inline in the entity. */
export const SLOS_ANNOTATION = `${DELIVERY_ANNOTATION_PREFIX}slos`;
/** A file of OpenSLO documents, relative to the entity's source location. */
export const SLO_FILE_ANNOTATION = `${DELIVERY_ANNOTATION_PREFIX}slo-file`;

/**
 * Finds the SLOs a service defines: inline in an annotation, and/or in a file beside its
 * catalog-info.yaml, read through the UrlReader (or from disk for file locations).
 */
export class SloDefinitionReader {
  constructor(
    private readonly urlReader: UrlReaderService,
    private readonly integrations: ScmIntegrationRegistry,
  ) {}

  async read(entity: Entity): Promise<ParsedSlos> {
    const annotations = entity.metadata.annotations ?? {};
    const results: ParsedSlos[] = [];
    const inline = annotations[SLOS_ANNOTATION];
    if (inline) {
      results.push(parseSloDocuments(inline, `annotation ${SLOS_ANNOTATION}`));
    }
    const file = annotations[SLO_FILE_ANNOTATION];
    if (file) {
      results.push(await this.readFile(entity, file));
    }
    return {
      definitions: results.flatMap(r => r.definitions),
      errors: results.flatMap(r => r.errors),
    };
  }

  private async readFile(entity: Entity, file: string): Promise<ParsedSlos> {
    const origin = `${SLO_FILE_ANNOTATION} ${file}`;
    try {
      const location = getEntitySourceLocation(entity);
      let text: string;
      if (location.type === 'file') {
        const base = location.target.endsWith('/')
          ? location.target
          : dirname(location.target);
        text = await readFile(resolve(base, file), 'utf8');
      } else {
        const url = this.integrations.resolveUrl({
          url: file,
          base: location.target,
        });
        const response = await this.urlReader.readUrl(url);
        text = (await response.buffer()).toString('utf8');
      }
      return parseSloDocuments(text, origin);
    } catch (error) {
      return {
        definitions: [],
        errors: [
          { message: `${origin}: cannot be read: ${(error as Error).message}` },
        ],
      };
    }
  }
}
