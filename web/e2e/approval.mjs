// A run that waits for a second person, in the system Chromium: the ADMIN who started it (in Chinese)
// sees why it waits and that someone else must decide; an OPERATOR (in English) approves it with a
// comment and the run leaves PENDING_APPROVAL; the job page states its approval rule.
// Usage: node e2e/approval.mjs BASE_URL STARTER STARTER_PASSWORD APPROVER APPROVER_PASSWORD RUN_ID JOB_ID SCREENSHOT_DIR
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'

const [base, starter, starterPassword, approver, approverPassword, runId, jobId, shots] = process.argv.slice(2)
mkdirSync(shots, { recursive: true })
const step = (name) => console.log(`--> ${name}`)

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
})

async function signedIn(locale, username, password) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale })
  const page = await context.newPage()
  page.setDefaultTimeout(15000)
  await page.goto(`${base}/#/login`)
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', password)
  await page.keyboard.press('Enter')
  await page.waitForURL((url) => !url.hash.startsWith('#/login'))
  return page
}

try {
  step('the starter, in Chinese, sees the run wait with its reason and cannot approve it')
  const own = await signedIn('zh-CN', starter, starterPassword)
  await own.goto(`${base}/#/runs/${runId}`)
  await own.locator('[data-test=run-status]').getByText('待审批').waitFor()
  await own.locator('[data-test=approval-reasons]').getByText(/DELIVERED/).waitFor()
  await own.locator('[data-test=approval-own]').getByText('须由其他人审批', { exact: false }).waitFor()
  if (await own.locator('[data-test=approve-run]').count()) throw new Error('the starter was offered the approve button')
  await own.screenshot({ path: `${shots}/approval-waiting-zh-CN.png`, fullPage: true })

  step('the job page states its approval rule')
  await own.goto(`${base}/#/jobs/${jobId}`)
  await own.locator('[data-test=approval-rule]').getByText('已交付给租户的节点', { exact: false }).waitFor()

  step('a second person, in English, approves it with a comment; the run is queued and goes on')
  const second = await signedIn('en-US', approver, approverPassword)
  await second.goto(`${base}/#/runs/${runId}`)
  await second.locator('[data-test=run-status]').getByText('Awaiting approval').waitFor()
  await second.getByText('nothing runs until then', { exact: false }).waitFor()
  await second.screenshot({ path: `${shots}/approval-waiting-en.png`, fullPage: true })
  await second.locator('[data-test=approval-comment-input]').fill('maintenance window agreed with the tenant')
  await second.locator('[data-test=approve-run]').click()
  await second.locator('[data-test=approval]').getByText(`Approved by ${approver}`, { exact: false }).waitFor()
  await second.locator('[data-test=approval-comment]').getByText('maintenance window agreed with the tenant', { exact: false }).waitFor()
  await second.locator('[data-test=run-status]').getByText('Awaiting approval').waitFor({ state: 'detached' })
  await second.screenshot({ path: `${shots}/approval-approved-en.png`, fullPage: true })
  console.log('approval walk passed')
} finally {
  await browser.close()
}
