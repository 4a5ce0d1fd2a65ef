// End-to-end walk through the console in the system Chromium (never a downloaded browser):
// sign in, the home page's fleet counts, the Health page and a node's health timeline, the nodes table, switch to Chinese, the runs list and a run's page,
// whose "re-run failed" (asked first) moves the page to the new run, which is then compared with the run
// before it, and a job's schedule dialog with its live preview.
// Usage: node e2e/console.mjs BASE_URL USERNAME PASSWORD SCREENSHOT_DIR
import { chromium, request } from 'playwright-core'
import { mkdirSync } from 'node:fs'

const [base, username, password, shots] = process.argv.slice(2)
const CHROMIUM = '/usr/bin/chromium'
mkdirSync(shots, { recursive: true })

const step = (name) => console.log(`--> ${name}`)
function expect(condition, message) {
  if (!condition) throw new Error(message)
}

/**
 * A finished run's page never contradicts itself: no cell is open, every cell that did not succeed
 * says why on its face (the failing task's message, or why it did not run), the opened cell shows
 * the message itself, and the summary is in the page's language.
 */
async function checkFinishedRunPage(page, { summary, noMessage }) {
  await page.locator('[data-test=matrix] button[data-status]').first().waitFor()
  const cells = await page.locator('[data-test=matrix] button[data-status]').evaluateAll((els) => els.map((e) => ({
    status: e.dataset.status, detail: e.querySelector('[data-test=cell-detail]')?.textContent?.trim() ?? '' })))
  expect(cells.every((c) => !['PENDING', 'QUEUED', 'RUNNING'].includes(c.status)), `a finished run shows an open cell: ${JSON.stringify(cells)}`)
  const failed = cells.filter((c) => ['FAILED', 'UNREACHABLE'].includes(c.status))
  expect(failed.length > 0, `the fixture's run has no failed cell: ${JSON.stringify(cells)}`)
  expect(failed.every((c) => c.detail && c.detail !== noMessage), `a failed cell shows no message: ${JSON.stringify(failed)}`)
  expect(cells.filter((c) => c.status === 'NOT_RUN').every((c) => c.detail), `a not-run cell does not say why: ${JSON.stringify(cells)}`)
  await page.locator('[data-test=run-summary]').getByText(summary).waitFor()
  await page.locator('[data-test=matrix] button[data-status=UNREACHABLE], [data-test=matrix] button[data-status=FAILED]').first().click()
  const message = page.locator('[data-test=cell-message]')
  await message.waitFor()
  const text = (await message.innerText()).trim()
  expect(text !== '—' && text.includes(failed[0].detail), `the opened cell's message is "${text}", its face "${failed[0].detail}"`)
  await page.keyboard.press('Escape')
  await message.waitFor({ state: 'hidden' })
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
})
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
  const page = await context.newPage()
  page.setDefaultTimeout(15000)
  const consoleErrors = []
  page.on('pageerror', (e) => consoleErrors.push(String(e)))

  step('a deep link while signed out goes to sign-in and remembers where it was')
  await page.goto(`${base}/#/runs`)
  await page.waitForURL(/#\/login\?redirect=/)

  step('a wrong password shows the server\'s message')
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', 'wrong-password')
  await page.keyboard.press('Enter')
  await page.getByRole('alert').waitFor()

  step('sign in with the keyboard, back to the runs page')
  await page.fill('input[name=password]', password)
  await page.keyboard.press('Enter')
  await page.waitForURL(/#\/runs$/)
  await page.locator('[data-test=runs-table]').waitFor()

  step('a finished run page in English: no pending cell, a failed cell shows its message, the summary in English')
  await page.locator('[data-test=runs-table]').getByRole('link').first().click()
  await page.waitForURL(/#\/runs\/\d+$/)
  await checkFinishedRunPage(page, { summary: /^\d+ nodes?: .*unreachable/, noMessage: 'no message: see the output' })

  step('the home page counts the fleet by lifecycle state, per pool and tenant, and lists the failed run')
  await page.getByRole('menuitem', { name: 'Overview' }).click()
  await page.waitForURL(/#\/$/)
  const fleet = page.locator('[data-test=fleet-states]')
  await fleet.locator('[data-state=DELIVERED]').getByText('Delivered · 1').waitFor()
  await fleet.locator('[data-state=MAINTENANCE]').getByText('Maintenance · 1').waitFor()
  const byPool = page.locator('[data-test=fleet-pools] .el-table__row', { hasText: 'e2e_pool' })
  await byPool.locator('[data-state=MAINTENANCE]').waitFor()
  await page.locator('[data-test=fleet-tenants] .el-table__row', { hasText: 'e2e_tenant' }).locator('[data-state=DELIVERED]').waitFor()
  await page.locator('[data-test=failed-runs]').getByRole('link', { name: /^#\d+$/ }).first().waitFor()
  await page.getByText('No run in progress').waitFor()
  await page.getByText('No failed check').waitFor()
  await page.waitForTimeout(400)
  await page.screenshot({ path: `${shots}/home-en.png`, fullPage: true })

  step('the pool page counts its nodes per state and shows its spec')
  await byPool.getByRole('link', { name: 'e2e_pool' }).click()
  await page.waitForURL(/#\/pools\/\d+$/)
  await page.locator('[data-test=pool-states] [data-state=MAINTENANCE]').getByText('Maintenance · 1').waitFor()
  await page.locator('[data-test=pool-failing-checks]').getByText('No node of this pool fails a check').waitFor()
  // The identifier playbooks use, derived from the name, stands beside it.
  await page.locator('[data-test=pool-group]').getByText('pool_e2e_pool', { exact: true }).waitFor()
  await page.locator('[data-test=spec-edit]').click()
  await page.locator('input[name=spec-gpuModel]').fill('H100')
  await page.locator('input[name=spec-gpuCount]').fill('8x')
  await page.getByText('A whole number').waitFor()
  await page.locator('input[name=spec-gpuCount]').fill('8')
  await page.locator('input[name=spec-driverVersion]').fill('550.54.15')
  // The burn-in tier delivery needs, and how long it stays good.
  await page.locator('[data-test=spec-deliveryTier]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: 'Standard (under 30 min)' }).first().click()
  await page.locator('input[name=spec-tierValidForDays]').fill('7')
  await page.locator('[data-test=spec-save]').click()
  await page.locator('[data-test=spec-saved]').waitFor()
  await page.locator('[data-test=spec-value-gpuCount]').getByText('8').waitFor()
  await page.locator('[data-test=spec-value-deliveryTier]').getByText('Standard (under 30 min)').waitFor()
  await page.locator('[data-test=spec-value-tierValidForDays]').getByText('7').waitFor()

  step('the pool page sets the pool variables: JSON values and a write-only secret')
  const vars = page.locator('[data-test=inventory-vars]')
  await vars.locator('[data-test=vars-json]').fill('{"driver_version": "550.54.15", "nccl": {"hca": ["mlx5_0"]}}')
  await vars.locator('[data-test=new-secret-name]').fill('registry_token')
  await vars.locator('[data-test=add-secret]').click()
  await vars.locator('[data-test=secret-input-registry_token]').fill('e2e-secret-text')
  await vars.locator('[data-test=save-vars]').click()
  await vars.getByText('Variables saved').waitFor()
  await vars.locator('[data-test=secret-registry_token]').getByText('set', { exact: true }).waitFor()
  expect(await vars.locator('[data-test=secret-input-registry_token]').inputValue() === '', 'a saved secret is shown again')
  await page.screenshot({ path: `${shots}/pool-en.png`, fullPage: true })

  step('the home page counts the open conditions; its link opens the Health page filtered, with the evidence and the policy\'s decision')
  await page.getByRole('menuitem', { name: 'Overview' }).click()
  const glance = page.locator('[data-test=health-glance]')
  await glance.locator('[data-test=glance-repair]').getByText('0').waitFor()
  await glance.getByText('Critical · 1').click()
  await page.waitForURL(/#\/health\?.*severity=CRITICAL/)
  const healthRow = page.locator('[data-test=health-table] .el-table__row', { hasText: 'xid 79' })
  await healthRow.getByText('127.0.0.9').waitFor()
  await healthRow.getByText('open', { exact: true }).waitFor()
  // The built-in policy decided it: a NEW node of the spare pool is not in service, so nothing to drain.
  await healthRow.getByText('NOT_APPLICABLE', { exact: true }).waitFor()
  expect(await healthRow.getByText('—').count() === 0, 'the policy version or the decision is missing')
  await healthRow.locator('.el-table__expand-icon').click()
  await page.locator('[data-test=health-evidence]').getByText('NVRM: Xid (PCI:0000:18:00): 79, pid=1').waitFor()
  await page.screenshot({ path: `${shots}/health-en.png`, fullPage: true })

  step('the node\'s health timeline lists the condition beside its lifecycle')
  await healthRow.getByRole('link', { name: '127.0.0.9' }).click()
  await page.waitForURL(/#\/nodes\/\d+$/)
  const timeline = page.locator('[data-test=node-health]')
  await timeline.locator('[data-kind=event]').getByText('xid 79', { exact: true }).waitFor()

  step('the nodes table shows the node with its lock')
  await page.getByRole('menuitem', { name: 'Nodes' }).click()
  const table = page.locator('[data-test=nodes-table]')
  await table.getByText('127.0.0.2').waitFor()
  expect(await table.getByText('127.0.0.3').count() === 1, 'the second node is missing')
  await table.locator('.el-table__row', { hasText: '127.0.0.3' }).locator('[data-state=MAINTENANCE]').waitFor()
  await table.locator('.el-table__row', { hasText: '127.0.0.2' }).locator('[data-state=DELIVERED]').waitFor()
  await table.locator('[data-test=lock]').first().hover()
  await page.getByText('Reason: e2e maintenance').waitFor()
  await page.screenshot({ path: `${shots}/nodes-en.png` })

  step('filtering by free text asks the server')
  await page.getByRole('textbox', { name: 'IP or hostname' }).fill('127.0.0.3')
  await page.keyboard.press('Enter')
  await table.getByText('127.0.0.2').waitFor({ state: 'detached' })
  await table.getByText('127.0.0.3').waitFor()

  step('node detail with its pool history')
  await table.getByRole('link', { name: '127.0.0.3' }).click()
  await page.getByText('Node pool history').waitFor()
  await page.getByRole('cell', { name: 'e2e_pool' }).first().waitFor()

  step('switch to Chinese: navigation, table headers and Element Plus texts')
  await page.getByRole('menuitem', { name: 'Nodes' }).click()
  await page.locator('[data-test=language]').click()
  await page.getByRole('option', { name: '简体中文' }).click()
  await page.getByRole('menuitem', { name: '节点池' }).waitFor()
  await page.getByRole('heading', { name: '节点' }).waitFor()
  await page.locator('[data-test=nodes-table]').getByText('主机名').waitFor()
  await page.getByText(/共 \d+ 条/).waitFor() // el-pagination's own text, from Element Plus's zh-CN locale
  const body = await page.locator('body').innerText()
  expect(!body.includes('任务'), 'the Chinese page shows 任务')
  await page.screenshot({ path: `${shots}/nodes-zh-CN.png` })

  step('the home page in Chinese')
  await page.getByRole('menuitem', { name: '概览' }).click()
  await page.locator('[data-test=fleet-states] [data-state=MAINTENANCE]').getByText('维护中 · 1').waitFor()
  await page.getByRole('heading', { name: '概览' }).waitFor()
  await page.waitForTimeout(400) // Element Plus's tag transitions settle before the screenshot
  await page.screenshot({ path: `${shots}/home-zh-CN.png`, fullPage: true })

  step('runs list and a run page in Chinese: header, matrix and log')
  await page.getByRole('menuitem', { name: '执行记录' }).click()
  const runs = page.locator('[data-test=runs-table]')
  await runs.getByRole('link').first().click()
  await page.waitForURL(/#\/runs\/\d+$/)
  await page.locator('[data-test=matrix] [data-status]').first().waitFor()
  await page.locator('[data-test=log]').getByText('[platform]').first().waitFor()
  await page.getByText('节点与步骤').waitFor()
  await checkFinishedRunPage(page, { summary: /^共 \d+ 个节点：.*不可达/, noMessage: '无信息：请查看输出' })
  // This run never reached an acceptance check: no verdict matrix (it shows only when the run has verdicts).
  expect(await page.locator('[data-test=verdict-matrix]').count() === 0, 'a run without verdicts shows a verdict matrix')
  expect(!(await page.locator('body').innerText()).toLowerCase().includes('任务'), 'the run page shows 任务')
  await page.screenshot({ path: `${shots}/run-zh-CN.png`, fullPage: true })

  step('re-run failed: the page moves to the new run and shows its header and log')
  const api = await request.newContext({ baseURL: base, httpCredentials: { username, password, send: 'always' } })
  // A locked node is not run again: the fixture's locked node is unlocked for the re-run and locked again after.
  const nodes = (await (await api.get('/api/v1/nodes?size=200')).json()).items
  const locked = nodes.filter((n) => n.locked)
  for (const n of locked) expect((await api.post(`/api/v1/nodes/${n.id}/unlock`, { data: {} })).ok(), `could not unlock node ${n.id}`)
  const firstId = Number(page.url().match(/runs\/(\d+)$/)[1])
  await page.getByRole('button', { name: '重跑失败节点' }).click()
  // The dialog says what it will do (which nodes, which version) before it does it.
  await page.locator('[data-test=rerun-nodes]').getByText('127.0.0.2').waitFor()
  await page.locator('[data-test=confirm-rerun]').click()
  await page.waitForURL((url) => /#\/runs\/\d+$/.test(url.href) && !url.href.endsWith(`/runs/${firstId}`))
  const rerunId = Number(page.url().match(/runs\/(\d+)$/)[1])
  expect(rerunId > firstId, `the re-run opened run ${rerunId} after run ${firstId}`)
  await page.getByRole('heading', { name: `执行记录 ${rerunId} ·` }).waitFor()
  await page.locator('[data-test=run-chain]').getByText(`重跑自执行记录 ${firstId}`).waitFor()
  await page.locator('[data-test=log]').getByText('[platform]').first().waitFor()
  await page.locator('[data-test=run-status]').getByText('失败').waitFor({ timeout: 60000 })
  await page.locator('[data-test=log][data-stream=ended]').waitFor()
  for (const n of locked) {
    expect((await api.post(`/api/v1/nodes/${n.id}/lock`, { data: { reason: n.lockReason ?? 'e2e maintenance' } })).ok(), `could not lock node ${n.id} again`)
  }
  await api.dispose()

  step('compare: the re-run against the run before it, node by node')
  await page.locator('[data-test=run-compare]').click()
  await page.waitForURL(new RegExp(`#/runs/${rerunId}/compare`))
  await page.locator('[data-test=compare-summary]').getByText('共 2 个节点').waitFor()
  expect((await page.locator('[data-test=compare-run-a]').innerText()).includes(`#${firstId}`), 'run A is not the run before')
  await page.locator('[data-test=compare-changed-only]').click()
  await page.locator('[data-test=compare-nodes]').getByText('127.0.0.2').waitFor()
  await page.screenshot({ path: `${shots}/compare-zh-CN.png`, fullPage: true })

  step('jobs list: the Run button says how many nodes it will run on and names the locked one before starting')
  await page.getByRole('menuitem', { name: '作业' }).click()
  await page.locator('[data-test^=run-job-]').first().click()
  await page.locator('[data-test=start-summary]').getByText('将在 2 个节点上执行').waitFor()
  const lockedList = page.locator('[data-test=start-locked]')
  await lockedList.getByText('有 1 个节点已锁定').waitFor()
  await lockedList.getByText('127.0.0.3').waitFor()
  expect(await page.locator('[data-test=confirm-run]').isDisabled(), 'the run could start on a locked node')
  await page.locator('[data-test=skip-locked]').click()
  await page.locator('[data-test=start-summary]').getByText('将在 1 个节点上执行').waitFor()
  await page.getByRole('button', { name: '取消' }).click()

  step('a job\'s schedule dialog previews the next five starts of a cron expression as it is typed')
  await page.getByRole('link', { name: 'e2e_job' }).first().click()
  await page.locator('[data-test=add-schedule]').click()
  await page.locator('[data-test=schedule-cron]').fill('30 2 * * *')
  await page.locator('[data-test=schedule-zone]').click()
  await page.keyboard.type('Europe/Berlin')
  await page.getByRole('option', { name: 'Europe/Berlin', exact: true }).click()
  await page.locator('[data-test=schedule-preview]').getByText('本地时间').waitFor()
  await page.locator('[data-test=schedule-preview] [data-test=preview-start]', { hasText: ' 02:30 ' }).nth(4).waitFor()
  const starts = await page.locator('[data-test=schedule-preview] [data-test=preview-start]').allTextContents()
  expect(starts.length === 5 && starts.every((s) => / 02:30 /.test(s)), `preview: ${starts.join(', ')}`)
  await page.locator('[data-test=schedule-cron]').fill('0 3 * *')
  // The server's refusal, in the console's language (Accept-Language): "“0 3 * *”有 4 个字段；请使用 5 个字段…"
  await page.locator('[data-test=schedule-preview-problem]').getByText('有 4 个字段').waitFor()
  await page.locator('[data-test=schedule-cron]').fill('30 2 * * *')
  await page.locator('[data-test=schedule-preview] [data-test=preview-start]', { hasText: ' 02:30 ' }).nth(4).waitFor()
  await page.screenshot({ path: `${shots}/schedule-dialog.png` })
  await page.locator('[data-test=save-schedule]').click()
  await page.locator('[data-test=job-schedules]').getByText('30 2 * * * (Europe/Berlin)').waitFor()

  step('the session ends on the server: the next page goes to sign-in and back')
  await context.clearCookies()
  await page.getByRole('menuitem', { name: '租户' }).click()
  await page.waitForURL(/#\/login\?redirect=(%2F|\/)tenants/)
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', password)
  await page.keyboard.press('Enter')
  await page.waitForURL(/#\/tenants$/)
  await page.getByText('e2e_tenant').waitFor()

  step('sign out from the user menu')
  await page.locator('[data-test=user-menu]').click()
  await page.locator('[data-test=sign-out]').click()
  await page.waitForURL(/#\/login/)

  expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join('; ')}`)
  console.log('web console: all steps passed')
} catch (e) {
  const pages = browser.contexts().flatMap((c) => c.pages())
  if (pages[0]) await pages[0].screenshot({ path: `${shots}/failure.png`, fullPage: true }).catch(() => {})
  throw e
} finally {
  await browser.close()
}
