// Keyboard and accessibility walk (issue 24, item 9), in the system Chromium, in zh-CN and en at 1440×900:
// axe-core finds no serious or critical violation on the sign-in, nodes, node (with its form open), run, job and
// credentials pages; Tab reaches every menu item and shows a focus ring; a dialog opens on its first field and
// Escape closes it; below 1024 px the sidebar folds behind a menu button that works from the keyboard.
// Screenshots of those pages go to SCREENSHOT_DIR, and also to E2E_DOCS_SHOTS when set (docs/screenshots/1440x900).
// Runs after catalog.mjs (it needs a finished run on the SSH test nodes).
// Usage: node e2e/a11y.mjs BASE_URL USERNAME PASSWORD SCREENSHOT_DIR
import { chromium } from 'playwright-core'
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const [base, username, password, shots] = process.argv.slice(2)
const docsShots = process.env.E2E_DOCS_SHOTS
const CHROMIUM = '/usr/bin/chromium'
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
mkdirSync(shots, { recursive: true })
if (docsShots) mkdirSync(docsShots, { recursive: true })

const step = (name) => console.log(`--> ${name}`)
function expect(condition, message) {
  if (!condition) throw new Error(message)
}
const problems = []

/** Runs axe-core on the page as it is; keeps every serious or critical violation, with where it is. */
async function audit(page, name) {
  await page.waitForTimeout(400) // Element Plus's fade-ins (0.3 s) would read as faint text
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE) // evaluated, not a <script>: the CSP allows only 'self'
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, where: v.nodes.slice(0, 8).map((n) => `${n.html.slice(0, 160)} (${n.failureSummary.split('\n').slice(1, 2).join('').trim()})`) })))
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  for (const v of bad) problems.push(`${name}: [${v.impact}] ${v.id}: ${v.help}\n      ${v.where.join('\n      ')}`)
  console.log(`    axe ${name}: ${bad.length} serious/critical, ${violations.length - bad.length} minor`)
}

/** A screenshot once Element Plus's transitions (0.3 s) have settled, copied to the docs when asked. */
async function shot(page, file) {
  // The Tab walk scrolled the sidebar: its top (the brand and the first items) back in view, unless the menu has focus.
  await page.evaluate(() => { if (!document.activeElement?.closest('[data-test=sidebar]')) document.querySelector('[data-test=sidebar]')?.scrollTo(0, 0) })
  await page.waitForTimeout(400)
  await page.screenshot({ path: `${shots}/${file}` })
  if (docsShots) copyFileSync(`${shots}/${file}`, `${docsShots}/${file}`)
}

const focused = (page) => page.evaluate(() => {
  const e = document.activeElement
  const style = e ? getComputedStyle(e) : null
  return {
    menuItem: e?.closest('[data-test=sidebar] [role=menuitem]')?.textContent?.trim() ?? null,
    inDialog: Boolean(e?.closest('.el-dialog')),
    field: Boolean(e?.matches('input, textarea, select')),
    test: e?.getAttribute('data-test') ?? null,
    ring: style ? style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 : false,
  }
})

async function tabReachesEveryMenuItem(page, lang) {
  const items = await page.locator('[data-test=sidebar] [role=menuitem]').evaluateAll((es) => es.map((e) => e.textContent.trim()))
  expect(items.length >= 10, `${lang}: only ${items.length} menu items`)
  await page.locator('.skip-link').focus() // the first stop of the page's Tab order
  const reached = new Set()
  for (let i = 0; i < items.length + 20 && reached.size < items.length; i++) {
    await page.keyboard.press('Tab')
    const f = await focused(page)
    if (f.menuItem) {
      reached.add(f.menuItem)
      expect(f.ring, `${lang}: the menu item "${f.menuItem}" has focus but no visible focus ring`)
    }
  }
  const missed = items.filter((i) => !reached.has(i))
  expect(missed.length === 0, `${lang}: Tab never reached the menu items ${missed.join(', ')}`)
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
})
try {
  for (const lang of ['zh-CN', 'en']) {
    // A fresh browser in that language: the console starts in the browser's language.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang === 'en' ? 'en-US' : 'zh-CN' })
    const page = await context.newPage()
    page.setDefaultTimeout(15000)
    const pageErrors = []
    page.on('pageerror', (e) => pageErrors.push(String(e)))

    step(`${lang}: sign-in page, <html lang> follows the language`)
    await page.goto(`${base}/#/login`)
    await page.locator('input[name=username]').waitFor()
    expect(await page.evaluate(() => document.documentElement.lang) === lang, `${lang}: <html lang> is ${await page.evaluate(() => document.documentElement.lang)}`)
    expect(await page.evaluate(() => document.querySelector('link[rel=icon]')?.getAttribute('href')) === '/favicon.svg', 'no favicon link')
    expect((await page.request.get(`${base}/favicon.svg`)).ok(), 'the favicon is not served')
    await audit(page, `${lang} sign-in`)
    await shot(page, `signin-${lang}.png`)
    await page.fill('input[name=username]', username)
    await page.fill('input[name=password]', password)
    await page.keyboard.press('Enter')
    await page.waitForURL(/#\/$/)
    await page.locator('[data-test=sidebar] [role=menuitem]').first().waitFor()

    step(`${lang}: Tab reaches every menu item, each with a focus ring`)
    await tabReachesEveryMenuItem(page, lang)

    const get = async (path) => (await page.request.get(`${base}/api/v1/${path}`)).json()
    const run = (await get('runs?size=1')).items[0]
    const node = (await get('nodes?q=127.0.4.1&size=1')).items[0]
    expect(run && node, 'no run or node to look at: run catalog.mjs first')

    step(`${lang}: nodes page`)
    await page.goto(`${base}/#/nodes`)
    await page.locator('[data-test=nodes-table] .el-table__row').first().waitFor()
    await audit(page, `${lang} nodes`)

    step(`${lang}: the node form opens on its first field, and Escape closes it`)
    await page.locator('[data-test=node-add]').click()
    const nodeForm = page.locator('[data-test=node-dialog]')
    await nodeForm.waitFor()
    await page.waitForTimeout(400)
    const first = await focused(page)
    expect(first.inDialog && first.field, `${lang}: the node form opened with the focus on ${JSON.stringify(first)}, not its first field`)
    await audit(page, `${lang} node form`)
    await shot(page, `node-form-${lang}.png`)
    await page.keyboard.press('Escape')
    await nodeForm.waitFor({ state: 'hidden' })

    step(`${lang}: node page`)
    await page.goto(`${base}/#/nodes/${node.id}`)
    await page.locator('[data-test=node-actions]').waitFor()
    await audit(page, `${lang} node`)

    step(`${lang}: run page`)
    await page.goto(`${base}/#/runs/${run.id}`)
    await page.locator('[data-test=matrix]').waitFor()
    await page.locator('[data-test=log]').waitFor()
    await audit(page, `${lang} run`)
    await shot(page, `run-${lang}.png`)

    step(`${lang}: job page`)
    await page.goto(`${base}/#/jobs/${run.jobId}`)
    await page.locator('[data-test=job-items]').waitFor()
    await audit(page, `${lang} job`)
    await shot(page, `job-${lang}.png`)

    step(`${lang}: credentials page`)
    await page.goto(`${base}/#/admin/credentials`)
    await page.locator('[data-test=credentials-table] .el-table__row').first().waitFor()
    await audit(page, `${lang} credentials`)
    await shot(page, `credentials-${lang}.png`)

    step(`${lang}: below 1024 px the sidebar folds behind a menu button, usable from the keyboard`)
    await page.setViewportSize({ width: 800, height: 900 })
    const sidebar = page.locator('[data-test=sidebar]')
    await sidebar.waitFor({ state: 'hidden' })
    await page.locator('.skip-link').focus()
    for (let i = 0; i < 5 && (await focused(page)).test !== 'menu-toggle'; i++) await page.keyboard.press('Tab')
    expect((await focused(page)).test === 'menu-toggle', `${lang}: Tab does not reach the menu button first`)
    await page.keyboard.press('Enter')
    await sidebar.waitFor()
    expect((await focused(page)).menuItem !== null, `${lang}: the opened menu has no focus`)
    await shot(page, `menu-narrow-${lang}.png`)
    await page.keyboard.press('Escape')
    await sidebar.waitFor({ state: 'hidden' })
    expect((await focused(page)).test === 'menu-toggle', `${lang}: Escape did not give the focus back to the menu button`)

    expect(pageErrors.length === 0, `${lang}: page errors: ${pageErrors.join('; ')}`)
    await context.close()
  }
  expect(problems.length === 0, `axe-core found ${problems.length} serious or critical violation(s):\n  ${problems.join('\n  ')}`)
  console.log('a11y walk: OK')
} catch (e) {
  console.error(`a11y walk FAILED: ${e.message}`)
  if (problems.length && !e.message.startsWith('axe-core')) console.error(`  axe-core so far:\n  ${problems.join('\n  ')}`)
  process.exitCode = 1
} finally {
  await browser.close()
}
