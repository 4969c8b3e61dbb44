// Process, file and timing helpers of the install test: every step logs to its own file, prints
// how long it took, and on failure prints the tail of its log.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const bold = text => `\u001b[1m${text}\u001b[0m`;
const seconds = ms => `${(ms / 1000).toFixed(1)} s`;

export const say = text => console.log(`${bold('[install-test]')} ${text}`);

/** The last `lines` lines of a log file, for a failure message. */
export function tail(file, lines = 60) {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .slice(-lines)
      .map(line => (line.length > 300 ? `${line.slice(0, 300)} ...` : line))
      .join('\n');
  } catch {
    return '(no log)';
  }
}

/** Runs one named step, prints its duration, and rethrows its failure with the step's name. */
export async function step(timings, name, fn) {
  const started = Date.now();
  say(`${name} ...`);
  try {
    const result = await fn();
    const took = Date.now() - started;
    timings.push({ name, ms: took, ok: true });
    say(`${name}: done in ${seconds(took)}`);
    return result;
  } catch (error) {
    const took = Date.now() - started;
    timings.push({ name, ms: took, ok: false });
    error.message = `${name} failed after ${seconds(took)}: ${error.message}`;
    throw error;
  }
}

export function printTimings(timings) {
  const total = timings.reduce((sum, t) => sum + t.ms, 0);
  for (const t of timings) {
    say(`  ${t.ok ? 'ok  ' : 'FAIL'} ${t.name.padEnd(40)} ${seconds(t.ms)}`);
  }
  say(`  total ${seconds(total)}`);
}

/**
 * Runs a command to completion with its output in `log`; a non-zero exit throws with the log's
 * tail. Each command is its own process group so that cleanup can end everything it started.
 */
export function run(command, args, { cwd, env, log, input }) {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(log, { flags: 'a' });
    out.write(`\n$ ${[command, ...args].join(' ')}  (in ${cwd})\n`);
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    if (input !== undefined) {
      // A command that exits without reading its input must not fail the step with EPIPE.
      child.stdin.on('error', () => {});
      child.stdin.end(input);
    }
    child.on('error', reject);
    child.on('close', code => {
      out.end(() => {
        if (code === 0) resolve();
        else
          reject(
            new Error(
              `${command} ${args.join(
                ' ',
              )} exited with ${code}; the end of ${log}:\n${tail(log)}`,
            ),
          );
      });
    });
  });
}

/** Starts a long-running command in its own process group; `stop()` ends the whole group. */
export function startService(command, args, { cwd, env, log }) {
  const out = createWriteStream(log, { flags: 'a' });
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  let exited = null;
  child.on('exit', code => {
    exited = code;
  });
  return {
    log,
    exitCode: () => exited,
    async stop() {
      if (exited !== null) return;
      const gone = new Promise(resolve => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Polls `check` until it returns something truthy; a service that exits ends the wait. */
export async function until(what, check, { timeoutMs, services = [] }) {
  const started = Date.now();
  let last = '';
  for (;;) {
    for (const service of services) {
      if (service.exitCode() !== null) {
        throw new Error(
          `${what}: ${service.log} exited with ${service.exitCode()}:\n${tail(
            service.log,
          )}`,
        );
      }
    }
    try {
      const result = await check();
      if (result) return result;
    } catch (error) {
      last = error.message;
    }
    if (Date.now() - started > timeoutMs) {
      const logs = services
        .map(s => `--- ${s.log}\n${tail(s.log, 40)}`)
        .join('\n');
      throw new Error(`timed out waiting for ${what} (${last})\n${logs}`);
    }
    await sleep(1000);
  }
}
