import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a text file inside the task's workspace; `resolveSafeChildPath` refuses paths that
 * leave it (`../`, absolute paths, symlinks out).
 */
export async function writeWorkspaceFile(
  workspacePath: string,
  path: string,
  content: string,
): Promise<string> {
  const target = resolveSafeChildPath(workspacePath, path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, content, 'utf8');
  return target;
}

/** The text of a workspace file, or undefined when there is none. */
export async function readWorkspaceFile(
  workspacePath: string,
  path: string,
): Promise<string | undefined> {
  const target = resolveSafeChildPath(workspacePath, path);
  try {
    return await readFile(target, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
