// End-to-end walk through the inventory changes and the admin pages in the system Chromium:
// as admin, create a tenant and a pool, import 3 nodes through the import dialog (a bad line is
// shown first), bulk-lock two and unlock them, create a VIEWER user and an API token, create an SSH
// credential, add a node by hand with it, test its connection, edit it, delete it, import only the
// valid lines of a CSV and update a node by IP; then, as
// that VIEWER, no edit button is shown and a direct API write is refused with 403.
// Usage: node e2e/admin.mjs BASE_URL USERNAME PASSWORD SCREENSHOT_DIR
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { generateKeyPairSync } from 'node:crypto'

const [base, username, password, shots] = process.argv.slice(2)
const CHROMIUM = '/usr/bin/chromium'
const VIEWER = 'e2e_viewer'
const VIEWER_PASSWORD = `viewer-${Date.now()}-secret`
const BECOME_PASSWORD = `become-${Date.now()}-secret`
const { privateKey: SSH_KEY } = generateKeyPairSync('rsa', { modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } })
mkdirSync(shots, { recursive: true })

const step = (name) => console.log(`--> ${name}`)
function expect(condition, message) {
  if (!condition) throw new Error(message)
}

async function signIn(page, user, secret) {
  await page.goto(`${base}/#/login`)
  await page.fill('input[name=username]', user)
  await page.fill('input[name=password]', secret)
  await page.keyboard.press('Enter')
  // Signing in without a deep link opens the home page (the overview).
  await page.waitForURL(/#\/$/)
  await page.locator('[data-test=fleet-states]').waitFor()
}

async function signOut(page) {
  await page.locator('[data-test=user-menu]').click()
  await page.locator('[data-test=sign-out]').click()
  await page.waitForURL(/#\/login/)
}

/** Opens a page from the side menu and waits for its heading. */
async function open(page, menu, heading = menu) {
  await page.getByRole('menuitem', { name: menu, exact: true }).click()
  await page.getByRole('heading', { name: heading, exact: true }).waitFor()
  await page.locator('.el-menu-item.is-active', { hasText: menu }).waitFor()
}

/** A screenshot once Element Plus's colour transitions (0.3 s) have settled. */
async function shot(page, file) {
  await page.waitForTimeout(400)
  await page.screenshot({ path: `${shots}/${file}` })
}

/** An el-input's own input or textarea: Element Plus puts data-test on it, not on the wrapper. */
const field = (scope, test) => scope.locator(`input[data-test=${test}], textarea[data-test=${test}], [data-test=${test}] input, [data-test=${test}] textarea`).first()

async function selectOption(page, trigger, option) {
  await trigger.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

/** Ticks the row checkboxes of the given IPs in the nodes table. */
async function selectNodes(page, ips) {
  for (const ip of ips) {
    await page.locator('[data-test=nodes-table] .el-table__row', { hasText: ip }).locator('.el-checkbox').click()
  }
}

async function bulk(page, button, fill) {
  await page.locator(`[data-test=${button}]`).click()
  const box = page.locator('.el-dialog:visible')
  if (fill) await fill(box)
  await box.locator('[data-test=bulk-apply]').click()
  await box.locator('[data-test=bulk-outcomes]').waitFor()
  return box
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
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(String(e)))

  step('sign in as admin; the admin menu is there')
  await signIn(page, username, password)
  await page.getByRole('menuitem', { name: 'Users and roles' }).waitFor()

  step('create a tenant and a node pool for it from the console')
  await open(page, 'Tenants')
  await page.locator('[data-test=tenant-create]').click()
  await page.fill('input[name=tenant-name]', 'e2e_admin_tenant')
  await page.locator('[data-test=tenant-save]').click()
  await page.locator('[data-test=tenants-table]').getByText('e2e_admin_tenant').waitFor()
  await open(page, 'Node pools')
  await page.locator('[data-test=pool-create]').click()
  await page.fill('input[name=pool-name]', 'e2e_admin_pool')
  await selectOption(page, page.locator('[data-test=pool-dialog]').getByRole('combobox', { name: 'Tenant' }), 'e2e_admin_tenant')
  await page.locator('[data-test=pool-save]').click()
  await page.locator('[data-test=pools-table]').getByText('e2e_admin_pool', { exact: true }).waitFor()
  await page.locator('[data-test=pool-create]').click()
  await page.fill('input[name=pool-name]', 'e2e_admin_pool_b')
  await page.locator('[data-test=pool-save]').click()
  await page.locator('[data-test=pool-error]').getByText('Choose the tenant').waitFor()
  await selectOption(page, page.locator('[data-test=pool-dialog]').getByRole('combobox', { name: 'Tenant' }), 'e2e_admin_tenant')
  await page.locator('[data-test=pool-save]').click()
  await page.locator('[data-test=pools-table]').getByText('e2e_admin_pool_b').waitFor()

  step('deleting a tenant that still owns a pool shows the server\'s reason')
  await open(page, 'Tenants')
  const tenantRow = page.locator('[data-test=tenants-table] .el-table__row', { hasText: 'e2e_admin_tenant' })
  await tenantRow.locator('[data-test^=tenant-delete-]').click()
  await page.locator('.el-message-box').getByRole('button', { name: 'Confirm' }).click()
  await page.locator('[data-test=tenant-failure]').getByText(/still owns 2 node pool/).waitFor()

  step('import: a bad line is shown on its line and blocks the import')
  await open(page, 'Nodes')
  await page.locator('[data-test=import-open]').click()
  const text = field(page, 'import-text')
  await text.fill('ip,hostname,gpuType,nodePool,labels\n127.0.2.1,e2e-a,H100,e2e_admin_pool,rack=r9\n127.0.2.300,e2e-b,H100,e2e_admin_pool,\n127.0.2.3,e2e-c,H100,e2e_admin_pool,rack=r9')
  await page.locator('[data-test=import-preview] [data-line="3"]').getByText("'127.0.2.300' is not an IP address").waitFor()
  expect(await page.locator('[data-test=import-submit]').isDisabled(), 'the import button is enabled with a bad line')
  await shot(page, 'import-preview-en.png')

  step('import: the server\'s per-line answer lands on the line (unknown pool), then the fixed paste imports 3 nodes')
  await text.fill('ip,hostname,gpuType,nodePool,labels\n127.0.2.1,e2e-a,H100,e2e_admin_pool,rack=r9\n127.0.2.2,e2e-b,H100,no_such_pool,\n127.0.2.3,e2e-c,H100,e2e_admin_pool,rack=r9')
  await page.locator('[data-test=import-submit]').click()
  await page.locator('[data-test=import-server-error]').getByText(/Nothing was imported/).waitFor()
  await page.locator('[data-test=import-preview] [data-line="3"]').getByText(/no_such_pool/).waitFor()
  await text.fill('ip,hostname,gpuType,nodePool,labels\n127.0.2.1,e2e-a,H100,e2e_admin_pool,rack=r9\n127.0.2.2,e2e-b,H100,e2e_admin_pool,\n127.0.2.3,e2e-c,H100,e2e_admin_pool,rack=r9')
  await page.locator('[data-test=import-submit]').click()
  await page.getByText('3 node(s) imported').waitFor()

  step('bulk-lock two nodes with a reason; each node shows its result')
  await page.getByRole('textbox', { name: 'IP or hostname' }).fill('127.0.2.')
  await page.keyboard.press('Enter')
  const table = page.locator('[data-test=nodes-table]')
  await table.getByText('127.0.2.3').waitFor()
  await selectNodes(page, ['127.0.2.1', '127.0.2.2'])
  await page.getByText('2 selected').waitFor()
  let box = await bulk(page, 'bulk-lock', async (b) => {
    await b.locator('[data-test=bulk-apply]').click() // no reason yet: refused in the form
    await b.getByText('Say why the nodes are locked').waitFor()
    await field(b, 'bulk-reason').fill('e2e rack maintenance')
  })
  await box.getByText('2 done, 0 skipped, 0 failed').waitFor()
  await shot(page, 'bulk-lock-en.png')
  await box.locator('[data-test=bulk-close]').click()
  await table.locator('[data-test=lock]').nth(1).waitFor()
  expect(await table.locator('[data-test=lock]').count() === 2, 'two nodes should be locked')

  step('bulk-unlock all three: two unlocked, the third skipped as not locked')
  await selectNodes(page, ['127.0.2.1', '127.0.2.2', '127.0.2.3'])
  box = await bulk(page, 'bulk-unlock')
  await box.getByText('2 done, 1 skipped, 0 failed').waitFor()
  await box.locator('[data-test=bulk-outcomes]').getByText('Not locked').waitFor()
  await box.locator('[data-test=bulk-close]').click()
  await table.locator('[data-test=lock]').first().waitFor({ state: 'detached' })

  step('bulk-add a label to two nodes, move the third to another pool')
  await selectNodes(page, ['127.0.2.1', '127.0.2.2'])
  box = await bulk(page, 'bulk-add-label', (b) => field(b, 'bulk-label').fill('stage=burnin'))
  await box.getByText('2 done, 0 skipped, 0 failed').waitFor()
  await box.locator('[data-test=bulk-close]').click()
  await table.getByText('stage=burnin').nth(1).waitFor()
  expect(await table.getByText('rack=r9').count() === 2, 'adding a label lost the other labels')
  await selectNodes(page, ['127.0.2.3'])
  box = await bulk(page, 'bulk-move', (b) => selectOption(page, b.locator('[data-test=bulk-pool]'), 'e2e_admin_pool_b'))
  await box.getByText('1 done, 0 skipped, 0 failed').waitFor()
  await box.locator('[data-test=bulk-close]').click()
  await table.locator('.el-table__row', { hasText: '127.0.2.3' }).getByText('e2e_admin_pool_b').waitFor()
  await shot(page, 'nodes-admin-en.png')

  step('node detail: the move is in the pool history; a label is removed from its tag')
  await table.getByRole('link', { name: '127.0.2.3' }).click()
  await page.getByRole('cell', { name: 'e2e_admin_pool_b' }).first().waitFor()
  await page.locator('[data-test=label-editor] .el-tag__close').first().click()
  await page.locator('[data-test=label-editor]').getByText('rack=r9').waitFor({ state: 'detached' })
  await page.screenshot({ path: `${shots}/node-detail-en.png`, fullPage: true })

  step('create a VIEWER user')
  await open(page, 'Users and roles')
  await page.locator('[data-test=user-create]').click()
  await page.fill('input[name=new-username]', VIEWER)
  await page.fill('input[name=new-password]', 'short')
  await selectOption(page, page.locator('[data-test=user-role]'), 'Viewer')
  await page.locator('[data-test=user-save]').click()
  await page.locator('[data-test=user-error]').getByText(/password/).waitFor() // the server's policy, next to the form
  await page.fill('input[name=new-password]', VIEWER_PASSWORD)
  await page.locator('[data-test=user-save]').click()
  await page.locator('[data-test=users-table]').getByText(VIEWER).waitFor()
  await shot(page, 'users-en.png')

  step('create an API token: shown once with a copy button')
  await open(page, 'API tokens')
  await page.locator('[data-test=token-create]').click()
  await page.fill('input[name=token-name]', 'e2e-ci')
  await page.locator('[data-test=token-save]').click()
  const secret = await field(page, 'secret-value').inputValue()
  expect(secret.length >= 20, `the new token is missing: '${secret}'`)
  await page.locator('[data-test=secret-copy]').click()
  await shot(page, 'api-token-en.png')
  await page.locator('[data-test=token-done]').click()
  await page.locator('[data-test=tokens-table]').getByText('e2e-ci').waitFor()
  expect(!(await page.locator('body').innerText()).includes(secret), 'the token is still on the page after closing')
  const tokenStatus = await page.evaluate(async (token) => (await fetch('/api/v1/auth/me', { headers: { Authorization: `Bearer ${token}` }, credentials: 'omit' })).status, secret)
  expect(tokenStatus === 200, `the new API token does not work: ${tokenStatus}`)

  step('enrolment tokens and the audit log')
  await open(page, 'Agent enrolment tokens')
  await page.locator('[data-test=enrolment-create]').click()
  await page.locator('[data-test=enrolment-save]').click()
  await page.locator('[data-test=secret-value]').waitFor()
  await shot(page, 'enrolment-token-en.png')
  await page.keyboard.press('Escape')
  await open(page, 'Audit log')
  const audit = page.locator('[data-test=audit-table]')
  await audit.getByText('node.locked').first().waitFor()
  await audit.locator('.el-table__row', { hasText: 'node.unlocked' }).first().locator('.el-table__expand-icon').click()
  await page.getByText(/Changed: .*locked/).first().waitFor()
  await shot(page, 'audit-en.png')

  step('settings: where the credentials\' master key comes from, and that it works (never the key)')
  await open(page, 'Settings')
  const masterKey = page.locator('[data-test=master-key]')
  await masterKey.waitFor()
  expect(await masterKey.getAttribute('data-origin') === 'ENVIRONMENT', 'the master key is not read from DEVOPS_SECRET_KEY')
  expect(await masterKey.getAttribute('data-usable') === 'true', 'the master key is said not to work')
  await page.getByText('From DEVOPS_SECRET_KEY').waitFor()
  await shot(page, 'settings-en.png')

  step('notifications: a WeCom channel with its key in the address shows it masked; a global rule; a test message is a visible try')
  await open(page, 'Notifications')
  await page.locator('[data-test=channel-create]').click()
  const channelDialog = page.locator('[data-test=channel-dialog]')
  await channelDialog.locator('input[name=channel-name]').fill('e2e_wecom')
  // A select that shows a value: its wrapper takes the click (the shown value covers the input).
  await selectOption(page, channelDialog.locator('.el-select__wrapper').first(), 'WeCom')
  await channelDialog.locator('input[name=channel-url]').fill('http://127.0.0.1:1/cgi-bin/webhook/send?key=e2e-wecom-key')
  await page.locator('[data-test=channel-save]').click()
  const channelRow = page.locator('[data-test=channels-table] .el-table__row', { hasText: 'e2e_wecom' })
  await channelRow.getByText('http://127.0.0.1:1/***').waitFor()
  expect(!(await page.content()).includes('e2e-wecom-key'), 'the WeCom key is shown')
  await page.locator('[data-test=rule-create]').click()
  await selectOption(page, page.locator('[data-test=rule-dialog] .el-select__wrapper').first(), 'e2e_wecom')
  await page.locator('[data-test=rule-save]').click()
  await page.locator('[data-test=rules-table] .el-table__row', { hasText: 'e2e_wecom' }).getByText('Every job').waitFor()
  await channelRow.locator('[data-test=channel-test]').click()
  await page.getByText('A test message to e2e_wecom is on its way').waitFor()
  await page.waitForTimeout(1500)
  await channelRow.locator('[data-test=channel-deliveries]').click()
  await page.locator('[data-test=deliveries-table]').getByText('connection refused').first().waitFor()
  await shot(page, 'notifications-en.png')
  await page.keyboard.press('Escape')
  step('SSH credentials: create one (its secrets never come back), unused so far')
  await open(page, 'SSH credentials')
  expect(await page.locator('[data-test=master-key-banner]').count() === 0, 'the master key works, yet the page says it does not')
  await page.locator('[data-test=credential-create]').click()
  await page.fill('input[name=credential-name]', 'e2e_key')
  await page.fill('input[name=credential-user]', 'root')
  await field(page, 'credential-key').fill(SSH_KEY)
  await page.fill('input[name=credential-become]', BECOME_PASSWORD)
  await page.locator('[data-test=credential-save]').click()
  const credentialUsage = page.locator('[data-test=credential-usage-e2e_key]')
  await credentialUsage.getByText('Not used').waitFor()
  await page.locator('[data-test=credentials-table]').getByText('Become password', { exact: true }).waitFor()
  await page.locator('[data-test=credential-edit-e2e_key]').click()
  expect(await page.locator('input[name=credential-become]').inputValue() === '', 'the stored become password is shown again')
  await page.locator('[data-test=credential-save]').click() // empty secret fields keep the stored secrets
  await page.locator('[data-test=credential-dialog]').waitFor({ state: 'hidden' })
  await page.locator('[data-test=credentials-table]').getByText('Become password', { exact: true }).waitFor()
  expect(!(await page.content()).includes(BECOME_PASSWORD), 'the become password is on the page')
  await page.locator('[data-test=credentials-table] .el-table__row').getByText('e2e_key', { exact: true }).waitFor()
  await shot(page, 'credentials-en.png')

  step('add a node by hand with that credential; test its connection (nobody listens: the answer says so)')
  await open(page, 'Nodes')
  await page.locator('[data-test=node-add]').click()
  const nodeForm = page.locator('[data-test=node-dialog]')
  await page.fill('input[name=node-ip]', '127.0.2.50')
  await page.fill('input[name=node-hostname]', 'e2e-hand')
  await page.fill('input[name=node-ssh-port]', '1')
  await page.fill('input[name=node-gpu-type]', 'H100')
  await page.fill('input[name=node-gpu-count]', '8')
  await selectOption(page, nodeForm.locator('[data-test=node-pool]'), 'e2e_admin_pool_b')
  await selectOption(page, nodeForm.locator('[data-test=credential-select]'), 'e2e_key')
  await page.fill('input[name=node-labels]', 'rack=r7')
  await shot(page, 'node-add-en.png')
  await page.locator('[data-test=node-save]').click()
  await page.getByText('Node 127.0.2.50').waitFor()
  await page.locator('[data-test=node-test-connection]').click()
  const connection = page.locator('[data-test=connection-result]')
  await connection.waitFor({ timeout: 60000 })
  expect(await connection.getAttribute('data-reachable') === 'false', 'a node on a closed port was reached')
  await connection.getByText(/Could not reach the node over SSH/).waitFor()
  await connection.getByText(/Cannot sign in to 127\.0\.2\.50:1/).waitFor()

  step('the credential itself tried on that node from the credentials page (its answer, not the node\'s own check)')
  const handNodeUrl = page.url()
  await open(page, 'SSH credentials')
  await page.locator('[data-test=credential-test-e2e_key]').click()
  const testNode = page.locator('[data-test=credential-test-node]')
  await testNode.click()
  await testNode.locator('input').fill('127.0.2.50')
  await page.locator('.el-select-dropdown__item:visible', { hasText: '127.0.2.50' }).first().click()
  await page.locator('[data-test=credential-test-run]').click()
  const credentialCheck = page.locator('[data-test=credential-test-result]')
  await credentialCheck.waitFor({ timeout: 60000 })
  expect(await credentialCheck.getAttribute('data-reachable') === 'false', 'a node on a closed port was reached with the credential')
  await credentialCheck.getByText(/Cannot sign in to 127\.0\.2\.50:1/).waitFor()
  await shot(page, 'credential-test-en.png')
  await page.goto(handNodeUrl)
  await page.getByText('Node 127.0.2.50').waitFor()

  step('edit the node; the credential now counts it and cannot be deleted; delete the node')
  await page.locator('[data-test=node-edit]').click()
  await page.fill('input[name=node-hostname]', 'e2e-hand-2')
  await page.locator('[data-test=node-save]').click()
  await page.getByRole('cell', { name: 'e2e-hand-2' }).waitFor()
  await page.screenshot({ path: `${shots}/node-connection-en.png`, fullPage: true })
  const nodeUrl = page.url()
  await open(page, 'SSH credentials')
  await credentialUsage.getByText('1 node(s)').waitFor()
  await page.locator('[data-test=credential-delete-e2e_key]').click()
  await page.locator('.el-message-box').getByRole('button', { name: 'Confirm' }).click()
  await page.locator('[data-test=credential-failure]').getByText(/is used by 1 node/).waitFor()
  await page.goto(nodeUrl)
  await page.locator('[data-test=node-delete]').click()
  await page.locator('.el-message-box').getByRole('button', { name: 'Confirm' }).click()
  await page.waitForURL(/#\/nodes$/)
  await open(page, 'SSH credentials')
  await credentialUsage.getByText('Not used').waitFor()

  step('import: two bad lines skipped with "only the valid lines", the problems in view; then an update by IP')
  await open(page, 'Nodes')
  await page.locator('[data-test=import-open]').click()
  const wide = 'ip,hostname,sshPort,sshUser,nodeType,gpuType,gpuCount,nodePool,labels'
  await field(page, 'import-text').fill([wide, '127.0.2.60,e2e-v1,22,root,gpu,H100,8,e2e_admin_pool,rack=r5',
    '127.0.2.999,e2e-bad1,22,root,gpu,H100,8,e2e_admin_pool,rack=r5', '127.0.2.61,e2e-v2,22,root,gpu,H100,8,e2e_admin_pool,rack=r5',
    '127.0.2.62,e2e-bad2,22,root,gpu,H100,8,e2e_admin_pool,rack'].join('\n'))
  const importButton = page.locator('[data-test=import-submit]')
  await importButton.getByText('Import 4 node(s)').waitFor()
  expect(await importButton.isDisabled(), 'the import button is enabled with two bad lines')
  const badLine = page.locator('[data-test=import-preview] [data-line="5"]')
  await badLine.getByText(/labels/).waitFor()
  const dialogBox = await page.locator('[data-test=import-dialog]').boundingBox()
  const badBox = await badLine.boundingBox()
  expect(badBox && dialogBox && badBox.x + badBox.width <= dialogBox.x + dialogBox.width, 'the problems column needs scrolling')
  await page.locator('[data-test=import-valid-only]').click()
  await importButton.getByText('Import 2 node(s)').waitFor()
  await shot(page, 'import-valid-only-en.png')
  await importButton.click()
  await page.getByText('2 node(s) imported, 0 existing node(s) updated, 2 line(s) with problems skipped').waitFor()
  await page.locator('[data-test=import-open]').click()
  await page.locator('[data-test=import-update-existing]').click()
  await field(page, 'import-text').fill('ip,hostname\n127.0.2.60,e2e-v1-renamed')
  await importButton.click()
  await page.getByText('0 node(s) imported, 1 existing node(s) updated, 0 line(s) with problems skipped').waitFor()
  await page.getByRole('textbox', { name: 'IP or hostname' }).fill('127.0.2.6')
  await page.keyboard.press('Enter')
  await page.locator('[data-test=nodes-table]').getByText('e2e-v1-renamed').waitFor()

  step('runs history filters live in the URL')
  await page.goto(`${base}/#/runs?status=FAILED`)
  await page.locator('[data-test=runs-table]').waitFor()
  await page.locator('[data-test=runs-status]').getByText('Failed').waitFor()

  step('the same pages in Chinese')
  await open(page, 'Nodes')
  await page.locator('[data-test=language]').click()
  await page.getByRole('option', { name: '简体中文' }).click()
  await page.getByRole('heading', { name: '节点', exact: true }).waitFor()
  await page.locator('[data-test=import-open]').getByText('导入节点').waitFor()
  await shot(page, 'nodes-admin-zh-CN.png')
  for (const [menu, file] of [['节点池', 'pools'], ['租户', 'tenants'], ['用户与角色', 'users'], ['API 令牌', 'api-tokens'], ['Agent 注册令牌', 'enrolment-tokens'], ['审计日志', 'audit'], ['系统设置', 'settings'], ['SSH 凭据', 'credentials'], ['执行记录', 'runs']]) {
    await open(page, menu)
    const body = await page.locator('body').innerText()
    expect(!body.includes('任务'), `the ${file} page shows 任务`)
    await shot(page, `${file}-zh-CN.png`)
  }
  await open(page, '节点')
  await page.locator('[data-test=node-add]').click()
  await page.locator('[data-test=node-dialog]').getByText('添加节点', { exact: true }).waitFor()
  await shot(page, 'node-add-zh-CN.png')
  await page.keyboard.press('Escape')
  await page.locator('[data-test=node-dialog]').waitFor({ state: 'hidden' })
  await page.locator('[data-test=language]').click()
  await page.getByRole('option', { name: 'English' }).click()
  await page.getByRole('menuitem', { name: 'Nodes', exact: true }).waitFor()
  await signOut(page)

  step('as the VIEWER: no admin menu and no edit buttons anywhere')
  await signIn(page, VIEWER, VIEWER_PASSWORD)
  await open(page, 'Nodes')
  await page.locator('[data-test=nodes-table]').getByText('127.0.2.1').waitFor()
  expect(await page.getByRole('menuitem', { name: 'Users and roles' }).count() === 0, 'a VIEWER sees the admin menu')
  for (const test of ['bulk-bar', 'import-open']) expect(await page.locator(`[data-test=${test}]`).count() === 0, `a VIEWER sees ${test}`)
  expect(await page.locator('[data-test=nodes-table] .el-checkbox').count() === 0, 'a VIEWER can select nodes for bulk actions')
  await shot(page, 'nodes-viewer-en.png')
  await page.locator('[data-test=nodes-table]').getByRole('link', { name: '127.0.2.1' }).click()
  await page.getByText('Node pool history').waitFor()
  expect(await page.locator('[data-test=node-actions]').count() === 0, 'a VIEWER sees node actions')
  expect(await page.locator('[data-test=label-input]').count() === 0, 'a VIEWER can edit labels')
  await open(page, 'Node pools')
  await page.locator('[data-test=pools-table]').getByText('e2e_admin_pool', { exact: true }).waitFor()
  expect(await page.locator('[data-test=pool-create], [data-test^=pool-edit-], [data-test^=pool-delete-], [data-test^=pool-lock-]').count() === 0, 'a VIEWER sees pool edit buttons')
  await open(page, 'Tenants')
  await page.locator('[data-test=tenants-table]').getByText('e2e_admin_tenant').waitFor()
  expect(await page.locator('[data-test=tenant-create], [data-test^=tenant-edit-], [data-test^=tenant-delete-]').count() === 0, 'a VIEWER sees tenant edit buttons')
  await open(page, 'Jobs')
  expect(await page.locator('[data-test^=run-job-]').count() === 0, 'a VIEWER sees Run buttons')
  await page.goto(`${base}/#/admin/users`)
  await page.waitForURL(/#\/nodes/)

  step('as the VIEWER: a direct API write with the session and its XSRF header is refused with 403')
  const write = await page.evaluate(async () => {
    const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='))
    const token = cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : ''
    const response = await fetch('/api/v1/tenants', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token },
      body: JSON.stringify({ name: 'viewer_was_here' }),
    })
    return { hasToken: token !== '', status: response.status }
  })
  expect(write.hasToken, 'no XSRF-TOKEN cookie: the 403 would prove nothing')
  expect(write.status === 403, `a VIEWER's write answered ${write.status}, not 403`)
  await signOut(page)

  expect(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`)
  console.log('web admin: all steps passed')
} catch (e) {
  const pages = browser.contexts().flatMap((c) => c.pages())
  if (pages[0]) await pages[0].screenshot({ path: `${shots}/failure.png`, fullPage: true }).catch(() => {})
  throw e
} finally {
  await browser.close()
}
