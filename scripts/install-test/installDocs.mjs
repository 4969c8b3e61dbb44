// Reads the steps of docs/install.md that the install test applies: each is a fenced code block
// right after a marker comment, so the test does exactly what the guide says and nothing more.
//
//   <!-- install-test: run -->                    a shell block, run in the app's root
//   <!-- install-test: insert FILE before TEXT --> a code block, inserted into FILE before TEXT
//   <!-- install-test: config -->                 a YAML block, layered over app-config.yaml
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MARKER =
  /<!--\s*install-test:\s*(.+?)\s*-->\s*\n\s*```(\w*)\n([\s\S]*?)\n```/g;

/** The marked steps of a guide, in order: `{ action, args, language, code }`. */
export function installSteps(markdown) {
  const steps = [];
  for (const [, directive, language, code] of markdown.matchAll(MARKER)) {
    const [action, ...rest] = directive.split(/\s+/);
    if (action === 'run' || action === 'config') {
      steps.push({ action, language, code });
    } else if (action === 'insert' && rest[1] === 'before') {
      steps.push({
        action,
        file: rest[0],
        before: rest.slice(2).join(' '),
        language,
        code,
      });
    } else {
      throw new Error(`docs: unknown install-test marker "${directive}"`);
    }
  }
  return steps;
}

/** Inserts `code` into the text before the only occurrence of `before`. */
export function insertBefore(text, before, code) {
  const at = text.indexOf(before);
  if (at < 0 || text.indexOf(before, at + 1) >= 0) {
    throw new Error(`expected exactly one "${before}"`);
  }
  return `${text.slice(0, at)}${code}\n${text.slice(at)}`;
}

/**
 * Applies the guide's steps to the app in `appDir`. `runShell(script)` runs a shell block there;
 * returns the config files written, to pass with `--config` after app-config.yaml.
 */
export async function applyInstallSteps(guidePath, appDir, runShell) {
  const steps = installSteps(readFileSync(guidePath, 'utf8'));
  if (!steps.some(s => s.action === 'run')) {
    throw new Error(`${guidePath} has no install-test steps`);
  }
  const configFiles = [];
  for (const s of steps) {
    if (s.action === 'run') {
      await runShell(s.code);
    } else if (s.action === 'insert') {
      const file = join(appDir, s.file);
      writeFileSync(
        file,
        insertBefore(readFileSync(file, 'utf8'), s.before, s.code),
      );
    } else {
      const file = join(
        appDir,
        `app-config.install-${configFiles.length}.yaml`,
      );
      writeFileSync(file, `${s.code}\n`);
      configFiles.push(file);
    }
  }
  return { steps, configFiles };
}
