// Runs `npm ci` when node_modules is missing or older than package-lock.json, so that a build after
// a dependency change never uses stale packages, and a build without one costs nothing.
import { execSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'

const installed = 'node_modules/.package-lock.json'
const stale = !existsSync(installed) || statSync('package-lock.json').mtimeMs > statSync(installed).mtimeMs
if (stale) {
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' })
}
