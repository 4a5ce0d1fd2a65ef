// Benchmark (not a test): the compare view of two large runs in the system Chromium. Times from
// navigation until the summary and the first page of nodes show, then typing an address filter
// until the table shows only that node, and the JS heap. Fresh page per repetition; medians as one
// JSON line on stdout.
// Usage: node e2e/compare-bench.mjs BASE_URL USERNAME PASSWORD RUN_B LAST_NODE_IP [REPEATS]
import { chromium } from 'playwright-core'

const [base, username, password, runB, lastIp, repeatsArg] = process.argv.slice(2)
const repeats = Number(repeatsArg ?? 3)
const log = (message) => console.error(`--> ${message}`)
const median = (values) => {
  const sorted = values.filter((v) => v != null).sort((a, b) => a - b)
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
})
const samples = []
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
  const signIn = await context.newPage()
  await signIn.goto(`${base}/#/login`)
  await signIn.fill('input[name=username]', username)
  await signIn.fill('input[name=password]', password)
  await signIn.keyboard.press('Enter')
  await signIn.waitForURL((url) => !url.hash.startsWith('#/login'))
  await signIn.close()
  for (let i = 0; i < repeats; i++) {
    const page = await context.newPage()
    page.setDefaultTimeout(180_000)
    const started = Date.now()
    await page.goto(`${base}/#/runs/${runB}/compare`)
    await page.locator('[data-test=compare-summary]').waitFor()
    const summaryMs = Date.now() - started
    await page.locator('[data-test=compare-nodes] .el-table__row').first().waitFor()
    const tableMs = Date.now() - started
    const summary = await page.locator('[data-test=compare-summary]').innerText()
    const filterStart = Date.now()
    await page.getByPlaceholder('Filter by address or hostname').fill(lastIp)
    await page.locator('[data-test=compare-nodes] .el-table__row', { hasText: lastIp }).first().waitFor()
    await page.waitForFunction(() => document.querySelectorAll('[data-test=compare-nodes] .el-table__body .el-table__row').length === 1)
    const filterMs = Date.now() - filterStart
    const cdp = await context.newCDPSession(page)
    const heap = await cdp.send('Runtime.getHeapUsage')
    samples.push({ summaryMs, tableMs, filterMs, heapMiB: Math.round(heap.usedSize / 1048576), summary: summary.replace(/\s+/g, ' ') })
    log(`repetition ${i + 1}: ${JSON.stringify(samples.at(-1))}`)
    await page.close()
  }
} finally {
  await browser.close()
}
console.log(JSON.stringify({
  median: Object.fromEntries(['summaryMs', 'tableMs', 'filterMs', 'heapMiB'].map((key) => [key, median(samples.map((s) => s[key]))])),
  summary: samples.at(-1)?.summary, samples,
}))
