// Benchmark (not a test): a large run's page in the system Chromium (never a downloaded browser).
// Times from navigation start until the matrix shows a cell with a status and until the log shows
// its last line, reads the page's JS heap over CDP, then times scrolling the matrix to its last row
// and opening a cell. Each repetition is a fresh page; medians go to stdout as one JSON line.
// Usage: node e2e/run-page-bench.mjs BASE_URL USERNAME PASSWORD RUN_ID LAST_LOG_LINE LAST_NODE_IP [REPEATS] [TIMEOUT_S]
import { chromium } from 'playwright-core'

const [base, username, password, runId, lastLine, lastIp, repeatsArg, timeoutArg] = process.argv.slice(2)
const repeats = Number(repeatsArg ?? 3)
const timeoutMs = Number(timeoutArg ?? 180) * 1000
const CHROMIUM = '/usr/bin/chromium'
const log = (message) => console.error(`--> ${message}`)

// Runs in the page before its own scripts: notes (performance.now(), i.e. since navigation start)
// when each condition first holds. Polls every 50 ms; a busy main thread delays the note exactly as
// it delays what the user sees. The log is read from its end only (its last text nodes in DOM
// order), so that watching a 50 MB log does not slow the page down.
const WATCH = `(() => {
  const lastLine = ${JSON.stringify(lastLine)}
  const marks = (window.__bench = {})
  const visible = (el) => el && el.getClientRects().length > 0
  function tailText(el, wanted) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    let node = walker.lastChild(), text = ''
    while (node && text.length < wanted) { text = node.data + text; node = walker.previousNode() }
    return text
  }
  const timer = setInterval(() => {
    const matrix = document.querySelector('[data-test=matrix]')
    if (!marks.matrix && visible(matrix) && [...matrix.querySelectorAll('[data-status]')].some(visible)) {
      marks.matrix = performance.now()
      window.__benchMark?.('matrix', marks.matrix)
    }
    const view = document.querySelector('[data-test=log]')
    if (!marks.log && visible(view) && tailText(view, lastLine.length * 4).includes(lastLine)) {
      marks.log = performance.now()
      window.__benchMark?.('log', marks.log)
    }
    if (marks.matrix && marks.log) clearInterval(timer)
  }, 50)
})()`

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
})
try {
  log('sign in')
  const signIn = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
  const first = await signIn.newPage()
  await first.goto(`${base}/#/login`)
  await first.fill('input[name=username]', username)
  await first.fill('input[name=password]', password)
  await first.keyboard.press('Enter')
  await first.waitForURL((url) => !url.hash.startsWith('#/login'))
  const session = await signIn.storageState()
  await signIn.close()

  const samples = []
  for (let i = 1; i <= repeats; i++) {
    log(`repetition ${i}/${repeats}: open #/runs/${runId}`)
    samples.push(await measure(session))
    log(JSON.stringify(samples.at(-1)))
  }
  const median = (key) => {
    const values = samples.map((s) => s[key]).filter((v) => v !== null).sort((a, b) => a - b)
    return values.length === samples.length ? values[Math.floor(values.length / 2)] : null
  }
  const keys = Object.keys(samples[0]).filter((key) => typeof samples[0][key] !== 'boolean')
  const result = { repeats, timeoutS: timeoutMs / 1000, samples, median: Object.fromEntries(keys.map((k) => [k, median(k)])),
    cellOpens: samples.every((s) => s.cellOpens) }
  console.log(JSON.stringify(result))
} finally {
  await within(30000, browser.close()).catch(() => process.exit(0))
}

/** One fresh page (a new context with the signed-in session): every figure of one repetition. */
async function measure(session) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', storageState: session })
  try {
    const page = await context.newPage()
    page.setDefaultTimeout(timeoutMs)
    // Marks reach this process as they happen: a page busy for minutes cannot hide them.
    const marks = { matrix: null, log: null }
    let bothShown
    const shown = new Promise((resolve) => { bothShown = resolve })
    await page.exposeFunction('__benchMark', (name, ms) => {
      marks[name] = ms
      if (marks.matrix !== null && marks.log !== null) bothShown()
    })
    await page.addInitScript(WATCH)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    await page.goto(`${base}/#/runs/${runId}`, { waitUntil: 'commit' })
    await within(timeoutMs, shown).catch(() => log(`not everything was shown within ${timeoutMs / 1000} s`))
    await page.waitForTimeout(1000) // let the last chunks settle before reading the heap
    const metrics = await readMetrics(cdp).catch(() => ({}))
    await within(30000, cdp.send('HeapProfiler.collectGarbage')).catch(() => log('no forced GC: the page is busy'))
    const afterGc = await readMetrics(cdp).catch(() => ({}))
    const settled = marks.matrix !== null && marks.log !== null
    const lastRowMs = settled ? await within(40000, scrollMatrixToEnd(page)).catch(() => null) : null
    const cellOpenMs = settled ? await within(40000, openCell(page)).catch(() => null) : null
    return {
      matrixMs: round(marks.matrix), logTailMs: round(marks.log),
      heapMiB: mib(metrics.JSHeapUsedSize), heapAfterGcMiB: mib(afterGc.JSHeapUsedSize), domNodes: metrics.Nodes ?? null,
      lastRowMs: round(lastRowMs), cellOpenMs: round(cellOpenMs), cellOpens: cellOpenMs !== null,
    }
  } finally {
    await within(30000, context.close()).catch(() => log('the page did not close in 30 s'))
  }
}

async function readMetrics(cdp) {
  const { metrics } = await within(30000, cdp.send('Performance.getMetrics'))
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]))
}

/**
 * Scrolls the matrix's scrolling box (the matrix itself, an ancestor or a descendant that scrolls)
 * to the bottom and times until the last node's row is in the DOM and visible.
 */
async function scrollMatrixToEnd(page) {
  const ms = await page.evaluate(async ({ ip, limit }) => {
    const matrix = document.querySelector('[data-test=matrix]')
    const scrolls = (el) => el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(el).overflowY)
    const ancestors = []
    for (let el = matrix; el; el = el.parentElement) ancestors.push(el)
    const box = [matrix, ...matrix.querySelectorAll('*')].find(scrolls) ?? ancestors.find(scrolls)
    if (!box) return null
    const rowShown = () => [...matrix.querySelectorAll('th, td, a, span, div')]
      .some((el) => el.childElementCount === 0 && el.textContent.trim() === ip && el.getClientRects().length > 0)
    const start = performance.now()
    box.scrollTop = box.scrollHeight
    while (!rowShown()) {
      if (performance.now() - start > limit) return null
      await new Promise((resolve) => requestAnimationFrame(resolve))
      if (box.scrollTop + box.clientHeight < box.scrollHeight - 1) box.scrollTop = box.scrollHeight
    }
    return performance.now() - start
  }, { ip: lastIp, limit: 30000 })
  if (ms === null) log(`the last row (${lastIp}) did not show after scrolling the matrix to its end`)
  return ms
}

/** Clicks a failed cell (any cell if none) and times until a dialog or drawer about it shows. */
async function openCell(page) {
  const failed = page.locator('[data-test=matrix] [data-status=FAILED]')
  const cell = (await failed.count()) > 0 ? failed.last() : page.locator('[data-test=matrix] [data-status]').last()
  await cell.scrollIntoViewIfNeeded()
  const started = Date.now()
  await cell.click()
  try {
    await page.locator('[role=dialog]:visible').first().waitFor({ timeout: 15000 })
    const open = Date.now() - started
    // The node's output of that step, where the page loads it into the detail.
    await page.locator('[role=dialog] [data-test=node-output]:visible').first().waitFor({ timeout: 15000 })
      .then(() => log(`the node's output showed ${Date.now() - started} ms after the click`))
      .catch(() => log('no node output ([data-test=node-output]) in the opened cell'))
    return open
  } catch {
    log('clicking a cell opened no dialog')
    return null
  }
}

/** The promise, or a rejection once {@code ms} have passed. */
function within(ms, promise) {
  let timer
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms) })
  return Promise.race([promise, late]).finally(() => clearTimeout(timer))
}

function round(ms) {
  return ms === null || ms === undefined ? null : Math.round(ms)
}

function mib(bytes) {
  if (bytes === undefined) return null
  return Math.round((bytes / 1048576) * 10) / 10
}
