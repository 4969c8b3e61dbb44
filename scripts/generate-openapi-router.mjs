// Turns a plugin's src/schema/openapi.yaml into src/schema/openapi.generated.ts: the spec as a
// typed constant and a validated router typed from it (what `backstage-repo-tools package schema
// openapi generate --server` emits; that tool needs a Java generator fetched from a host these
// machines cannot reach). `--check` fails when the generated file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const [pluginDir, mode] = process.argv.slice(2);
const specPath = join(pluginDir, 'src/schema/openapi.yaml');
const outputPath = join(pluginDir, 'src/schema/openapi.generated.ts');

const spec = parse(readFileSync(specPath, 'utf8'));
const generated = `// Generated from openapi.yaml by scripts/generate-openapi-router.mjs; do not edit.
// Regenerate with: node scripts/generate-openapi-router.mjs ${pluginDir}

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = ${JSON.stringify(spec, null, 2)} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`;

if (mode === '--check') {
  let current = '';
  try {
    current = readFileSync(outputPath, 'utf8');
  } catch {
    // a missing file is out of date
  }
  if (current !== generated) {
    console.error(
      `${outputPath} is out of date: run node scripts/generate-openapi-router.mjs ${pluginDir}`,
    );
    process.exit(1);
  }
} else {
  writeFileSync(outputPath, generated);
}
