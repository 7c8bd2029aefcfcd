// npm ci, once, even when several builds of the Silo start together (a solution build,
// or two people's builds in one checkout): a lock folder serialises them, and whoever
// gets the lock second finds node_modules already current and does nothing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const here = dirname(fileURLToPath(import.meta.url));
// In dist/ (ignored by git), not node_modules/, which npm ci deletes.
const lock = join(here, 'dist', 'npm-ci.lock');
const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch (e) {
    if (e.code === 'ENOENT') return 0;
    throw e;
  }
};
const current = () => mtime(join(here, 'node_modules', '.package-lock.json')) >= mtime(join(here, 'package-lock.json'));

mkdirSync(join(here, 'dist'), { recursive: true });
const deadline = Date.now() + 10 * 60 * 1000;
for (;;) {
  try {
    mkdirSync(lock);
    break;
  } catch (e) {
    if (e.code !== 'EEXIST') throw e;
    // A lock older than the longest install is left by a build that was killed.
    if (Date.now() - mtime(lock) > 10 * 60 * 1000) rmSync(lock, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${lock}; delete it if no build is running.`);
    await sleep(500);
  }
}
try {
  if (!current()) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
  }
} finally {
  rmSync(lock, { recursive: true, force: true });
}
