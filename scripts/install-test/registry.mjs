// A read-only npm registry for the packed tarballs, so that the test app installs our packages
// with the plain `yarn add <name>` of docs/install.md, and their dependencies on each other
// (`^0.1.0`) resolve to the packed tarballs as they would from npmjs.com.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename } from 'node:path';

/**
 * Serves one packument per package (`GET /@scope%2fname`) and the tarballs (`GET /-/file.tgz`).
 * `packages` are `{ manifest, tarball }`: the packed package.json and the path of its tarball.
 */
export async function startRegistry(packages) {
  const tarballs = new Map();
  const packuments = new Map();
  const server = createServer((request, response) => {
    const url = decodeURIComponent(request.url.split('?')[0]);
    const file = url.startsWith('/-/') && tarballs.get(url.slice(3));
    if (file) {
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      response.end(readFileSync(file));
      return;
    }
    const packument = packuments.get(url.slice(1));
    if (packument) {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(packument));
      return;
    }
    response.writeHead(404, { 'Content-Type': 'application/json' });
    response.end('{"error":"not found"}');
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;

  const now = new Date().toISOString();
  for (const { manifest, tarball } of packages) {
    const bytes = readFileSync(tarball);
    const fileName = basename(tarball);
    tarballs.set(fileName, tarball);
    const { version } = manifest;
    packuments.set(manifest.name, {
      name: manifest.name,
      'dist-tags': { latest: version },
      time: { created: now, modified: now, [version]: now },
      versions: {
        [version]: {
          ...manifest,
          _id: `${manifest.name}@${version}`,
          dist: {
            tarball: `${url}/-/${fileName}`,
            shasum: createHash('sha1').update(bytes).digest('hex'),
            integrity: `sha512-${createHash('sha512')
              .update(bytes)
              .digest('base64')}`,
          },
        },
      },
    });
  }
  return { url, close: () => new Promise(resolve => server.close(resolve)) };
}
