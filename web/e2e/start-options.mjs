// The start dialog in the system Chromium, in Chinese and in English: a job whose pool has a locked
// node is started from its dialog with a limit (a node picked by name in zh-CN, a label in en) and
// check mode; the summary follows the limit, the locked node is named with its lock until the limit
// leaves it out, and the run page marks the run as a dry run whose script step was not run.
// Usage: node e2e/start-options.mjs BASE_URL USERNAME PASSWORD SCREENSHOT_DIR (the web-console.sh fixture: e2e_job on e2e_pool,
// gpu-a 127.0.0.2 labelled rack=r1, gpu-b 127.0.0.3 locked "e2e maintenance")
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'

const [base, username, password, shots] = process.argv.slice(2)
mkdirSync(shots, { recursive: true })
const step = (name) => console.log(`--> ${name}`)

const WORDS = {
  'zh-CN': { summary2: '将在 2 个节点上执行', summary1: '将在 1 个节点上执行', locked: '有 1 个节点已锁定', tag: '检查模式', jobs: '作业' },
  'en-US': { summary2: 'Runs on 2 node(s)', summary1: 'Runs on 1 node(s)', locked: '1 node(s) are locked', tag: 'Check mode', jobs: 'Jobs' },
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
try {
  for (const locale of ['zh-CN', 'en-US']) {
    const words = WORDS[locale]
    const short = locale === 'zh-CN' ? 'zh-CN' : 'en'
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale })
    const page = await context.newPage()
    page.setDefaultTimeout(15000)
    const errors = []
    page.on('pageerror', (e) => errors.push(String(e)))

    step(`${locale}: sign in and open the jobs`)
    await page.goto(`${base}/#/login`)
    await page.fill('input[name=username]', username)
    await page.fill('input[name=password]', password)
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => !url.hash.startsWith('#/login'))
    await page.getByRole('menuitem', { name: words.jobs }).click()
    const row = page.locator('[data-test=jobs-table] .el-table__row', { hasText: 'e2e_job' })
    await row.locator('[data-test^=run-job-]').click()

    step(`${locale}: the dialog resolves the job's nodes; the locked one is named with its lock and blocks the start`)
    const dialog = page.getByRole('dialog')
    const summary = dialog.locator('[data-test=start-summary]')
    await summary.getByText(words.summary2).waitFor()
    await dialog.locator('[data-test=start-locked]').getByText(words.locked).waitFor()
    await dialog.locator('[data-test=start-locked]').getByText('e2e maintenance').waitFor()
    if (!(await dialog.locator('[data-test=confirm-run]').isDisabled())) throw new Error('a start with a locked node is offered')

    step(`${locale}: a limit leaves the locked node out; check mode is marked`)
    if (locale === 'zh-CN') {
      await dialog.locator('[data-test=limit-nodes]').click()
      await page.getByRole('option', { name: '127.0.0.2 (gpu-a)' }).click()
      await dialog.locator('legend').first().click() // closes the select's list
    } else {
      await dialog.locator('input[data-test=limit-labels], [data-test=limit-labels] input').fill('rack=r1') // el-input puts data-test on its input
    }
    await summary.getByText(words.summary1).waitFor()
    await dialog.locator('[data-test=start-locked]').waitFor({ state: 'detached' })
    await dialog.locator('[data-test=check-mode]').click()
    await summary.getByText(words.tag).waitFor()
    await page.waitForTimeout(300) // the switch's animation
    await page.locator('.el-dialog:visible').screenshot({ path: `${shots}/start-dialog-${short}.png` })

    step(`${locale}: start; the run page says it is a dry run and the script step was not run`)
    await dialog.locator('[data-test=confirm-run]').click()
    await page.waitForURL(/#\/runs\/\d+$/)
    await page.locator('[data-test=run-check-mode]').waitFor()
    await page.locator('.run-header').getByText(/check mode \(dry run\): no step found a failure/).waitFor({ timeout: 60000 })
    await page.getByText(/not run in check mode: a script cannot be dry-run/).first().waitFor()
    const options = await page.locator('[data-test=run-start-options]').innerText()
    if (locale === 'en-US' && !options.includes('rack=r1')) throw new Error(`the run page does not show the limit: ${options}`)
    await page.screenshot({ path: `${shots}/run-check-mode-${short}.png`, fullPage: true })
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`)
    await context.close()
  }
} finally {
  await browser.close()
}
console.log('start options walk passed')
