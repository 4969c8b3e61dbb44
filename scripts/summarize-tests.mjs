// Adds up the reports that scripts/test.sh collected into one line: `N passed, N failed`.
// A runner that left no report counts as one failure, so a crash never reads as success.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const readJson = name => JSON.parse(readFileSync(join(dir, name), 'utf8'));

let passed = 0;
let failed = 0;

for (const file of readdirSync(dir).filter(f => f.startsWith('check-'))) {
  const check = readJson(file);
  passed += check.passed;
  failed += check.failed;
}

if (existsSync(join(dir, 'jest.json'))) {
  const jest = readJson('jest.json');
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + jest.numRuntimeErrorTestSuites;
} else {
  failed += 1;
}

if (existsSync(join(dir, 'playwright.json'))) {
  const { stats } = readJson('playwright.json');
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
} else {
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed`);
