// End-to-end walk through the catalog in the system Chromium (never a downloaded browser): roles,
// the catalog as code (the console's export, imported back as an all-UNCHANGED plan that cannot be applied;
// a Git source registered, synced and its commit applied),
// an operator's version diff, a new script, a template built in the step editor (drag and drop and
// keyboard) and previewed, a job targeting a node pool made with the form; screenshots in en and zh-CN.
// Needs a server whose built-in catalog is loaded; makes its own node pool when there is none, and a
// Git repository in a temporary folder (the git command; the server reads it as a file:// Git source).
// Usage: node e2e/catalog.mjs BASE_URL USERNAME PASSWORD SCREENSHOT_DIR
// E2E_POOL names the node pool to target; E2E_OPERATOR the operator to put in the template (default
// "ins_driver_cuda 550"); with E2E_RUN=1 the job is then run from its page and followed to the end:
// the matrix turns green, the log streams (its event stream is dropped and then refused once: the page
// reconnects and still shows every line once), a report opens (needs reachable nodes in that pool).
import { chromium, request } from 'playwright-core'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const [base, username, password, shots] = process.argv.slice(2)
const CHROMIUM = '/usr/bin/chromium'
const suffix = Date.now().toString(36)
const scriptName = `e2e_hello_${suffix}`
const templateName = `e2e_catalog_${suffix}`
const jobName = `e2e_catalog_job_${suffix}`
const gitScriptName = `e2e_git_${suffix}`
const operatorName = process.env.E2E_OPERATOR ?? 'ins_driver_cuda 550'
const runIt = process.env.E2E_RUN === '1'
const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
mkdirSync(shots, { recursive: true })

const step = (name) => console.log(`--> ${name}`)
function expect(condition, message) {
  if (!condition) throw new Error(message)
}

/** A node pool with at least one node: the first one there is, or a new one with a node. */
async function poolWithNodes() {
  const api = await request.newContext({ baseURL: base, httpCredentials: { username, password, send: 'always' } })
  try {
    const pools = await (await api.get('/api/v1/node-pools?size=200')).json()
    const used = pools.items.find((p) => (process.env.E2E_POOL ? p.name === process.env.E2E_POOL : p.nodeCount > 0))
    if (used) return used
    const tenant = await (await api.post('/api/v1/tenants', { data: { name: `e2e_catalog_${suffix}` } })).json()
    const pool = await (await api.post('/api/v1/node-pools', { data: { name: `e2e_catalog_pool_${suffix}`, tenantId: tenant.id } })).json()
    const node = await api.post('/api/v1/nodes', { data: { ip: '127.0.0.9', hostname: 'catalog-a', sshPort: 1, nodePoolId: pool.id } })
    expect(node.ok(), `could not add a node: ${await node.text()}`)
    return { ...pool, nodeCount: 1 }
  } finally {
    await api.dispose()
  }
}

/** A Git repository in a temporary folder with one commit: a script under catalog/; answers its file:// URL and commit. */
function gitRepository() {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-catalog-git-'))
  const git = (...args) => execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', ...args],
    { cwd: dir, encoding: 'utf8' }).trim()
  git('init', '-q', '-b', 'main')
  mkdirSync(join(dir, 'catalog/scripts'), { recursive: true })
  writeFileSync(join(dir, `catalog/scripts/${gitScriptName}.yaml`),
    `kind: script\nname: ${gitScriptName}\ndispatch: ansible\ncommand: echo from git\n`)
  git('add', '.')
  git('commit', '-q', '-m', 'a script')
  return { url: `file://${dir}`, commit: git('rev-parse', 'HEAD') }
}

/** Opens an Element Plus select, types to search, and picks the option whose text matches. */
async function choose(page, selectLocator, search, option) {
  await selectLocator.click()
  if (search) await page.keyboard.type(search)
  await page.getByRole('option', { name: option }).first().click()
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
})
try {
  const pool = await poolWithNodes()
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
  const page = await context.newPage()
  page.setDefaultTimeout(15000)
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(String(e)))
  // The console must work under its own Content-Security-Policy: any violation is an error here.
  const policyViolations = (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) pageErrors.push(message.text())
  }
  page.on('console', policyViolations)
  const noTask = async (what) => expect(!/\btasks?\b/i.test(await page.locator('#main').innerText()), `${what} shows "task"`)

  step('sign in as admin')
  await page.goto(`${base}/#/roles`)
  await page.waitForURL(/#\/login/)
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', password)
  await page.keyboard.press('Enter')
  await page.waitForURL(/#\/roles$/)

  step('roles: the built-in driver role with its typed variables and files')
  const roles = page.locator('[data-test=roles-table]')
  await roles.getByRole('link', { name: 'ins_driver_cuda' }).waitFor()
  await page.screenshot({ path: `${shots}/roles-en.png` })
  await roles.getByRole('link', { name: 'ins_driver_cuda' }).click()
  await page.locator('[data-test=role-variables]').getByText('local_nvidia_driver_path').waitFor()
  await page.locator('[data-test=role-files]').getByText('main.yml').first().waitFor()
  await page.screenshot({ path: `${shots}/role-en.png`, fullPage: true })

  step('catalog as code: the console downloads the export, and that tree imports as all UNCHANGED with Apply off')
  // Jobs are left out: their targets are inventory, which the other walks change and delete.
  await page.getByRole('menuitem', { name: 'Roles', exact: true }).click()
  await page.locator('[data-test=roles-table]').waitFor()
  await page.locator('[data-test=catalog-export]').click()
  await page.locator('[data-test=catalog-export-kind-jobs]').click()
  await page.locator('[data-test=catalog-export-kind-health-policies]').click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=catalog-export-download]').click()])
  expect(download.suggestedFilename() === 'catalog.tar.gz', `the export downloads as ${download.suggestedFilename()}`)
  const downloaded = readFileSync(await download.path())
  const exporter = await request.newContext({ baseURL: base, httpCredentials: { username, password, send: 'always' } })
  const exported = await exporter.get('/api/v1/catalog/export?include=roles,operators,scripts,templates')
  expect(exported.ok(), `the API export failed: ${exported.status()}`)
  const tree = await exported.body()
  await exporter.dispose()
  expect(downloaded.equals(tree), 'the console downloads another archive than the API exports for the same kinds')
  await page.locator('[data-test=catalog-import]').click()
  await page.locator('[data-test=catalog-import-file]').setInputFiles({ name: 'catalog.tar.gz', mimeType: 'application/gzip', buffer: tree })
  await page.locator('[data-test=catalog-plan-counts]').waitFor()
  const planned = {}
  for (const action of ['CREATE', 'NEW_VERSION', 'UNCHANGED', 'CONFLICT']) {
    planned[action] = Number(await page.locator(`[data-test=catalog-plan-count-${action}]`).getAttribute('data-count'))
  }
  expect(planned.UNCHANGED > 0 && planned.CREATE + planned.NEW_VERSION + planned.CONFLICT === 0,
    `the plan of an unchanged tree is not all UNCHANGED: ${JSON.stringify(planned)}`)
  await page.locator('[data-test=catalog-plan-why-not]').getByText('nothing would change').waitFor()
  expect(await page.locator('[data-test=catalog-import-apply]').isDisabled(), 'Apply is enabled for a plan that changes nothing')
  await page.locator('[data-test=catalog-plan-only-changes]').click()
  await page.locator('[data-test=catalog-plan-table] [data-action=UNCHANGED]').first().waitFor()
  await page.screenshot({ path: `${shots}/catalog-import-en.png` })
  await page.locator('[data-test=catalog-import-close]').click()
  await page.locator('[data-test=catalog-plan-table]').waitFor({ state: 'hidden' })

  step('Git sources: register a file:// repository, sync it, see its plan, apply its commit; the version shows the commit')
  const repo = gitRepository()
  await page.locator('[data-test=nav-git-sources]').click()
  await page.locator('[data-test=git-sources-table]').waitFor()
  await page.locator('[data-test=git-source-new]').click()
  await page.locator('[data-test=git-source-form-url]').fill(repo.url)
  await page.locator('[data-test=git-source-form-path]').fill('catalog')
  await page.locator('[data-test=git-source-form-save]').click()
  const sourceRow = page.locator('[data-test=git-sources-table] tr', { hasText: repo.url })
  await sourceRow.waitFor()
  await sourceRow.locator('[data-test=git-source-sync]').click()
  await page.locator(`[data-test=git-source-plan-dialog] [data-test=catalog-plan-name]:text-is("${gitScriptName}")`).waitFor()
  expect(await page.locator('[data-test=git-source-plan-dialog] [data-test=catalog-plan-count-CREATE]').getAttribute('data-count') === '1',
    'the plan of the repository does not create its one script')
  await page.locator('[data-test=git-source-plan-commit]').getByText(repo.commit.slice(0, 10)).waitFor()
  await page.screenshot({ path: `${shots}/catalog-git-plan-en.png` })
  await page.locator('[data-test=git-source-plan-apply]').click()
  await page.locator('[data-test=git-source-plan-applied]').waitFor()
  await page.locator('[data-test=git-source-plan-close]').click()
  await sourceRow.locator('[data-test=git-source-last-commit]').getByText(repo.commit.slice(0, 10)).waitFor()
  await page.getByRole('menuitem', { name: 'Scripts' }).click()
  await page.locator('[data-test=scripts-table]').waitFor()
  await page.getByRole('search').getByPlaceholder('Name').fill(gitScriptName)
  await page.keyboard.press('Enter')
  await page.locator('[data-test=scripts-table]').getByRole('link', { name: gitScriptName, exact: true }).click()
  await page.locator(`[data-test=script-versions] [data-test=version-commit][data-commit="${repo.commit}"]`).waitFor()

  step('operators: version 2 of the 550 operator leaves the driver out, as the diff shows')
  await page.getByRole('menuitem', { name: 'Operators' }).click()
  await page.locator('[data-test=operators-table]').getByRole('link', { name: 'ins_driver_cuda 550', exact: true }).click()
  await page.locator('[data-test=operator-values]').waitFor()
  await page.getByRole('tab', { name: 'Version history' }).click()
  const diff = page.locator('[data-test=value-diff]')
  await diff.getByText('1 removed').waitFor()
  await diff.getByRole('row', { name: /local_nvidia_driver_path/ }).getByText('Removed').waitFor()
  await page.screenshot({ path: `${shots}/operator-diff-en.png`, fullPage: true })

  step('scripts: a new script; its undeclared <placeholder> is flagged and declared in one click')
  await page.getByRole('menuitem', { name: 'Scripts' }).click()
  await page.locator('[data-test=new-script]').click()
  await page.locator('[data-test=script-name]').fill(scriptName)
  await page.locator('[data-test=script-command-input]').fill('echo hello <customer>')
  await page.getByText('Not declared as parameters: <customer>').waitFor()
  await page.getByRole('button', { name: 'Declare customer' }).click()
  await page.getByRole('textbox', { name: 'Pattern of parameter 1' }).fill('[a-z]+')
  await page.locator('[data-test=save-script]').click()
  await page.locator('[data-test=script-command]').getByText('echo hello <customer>').waitFor()
  await page.screenshot({ path: `${shots}/script-en.png`, fullPage: true })

  step('step editor: add an operator and the script, reorder by drag and drop and by keyboard')
  await page.getByRole('menuitem', { name: 'Templates' }).click()
  await page.locator('[data-test=new-template]').click()
  await page.locator('[data-test=template-name]').fill(templateName)
  await choose(page, page.locator('[data-test=pick-operator]'), operatorName, new RegExp(escapeRe(operatorName)))
  await choose(page, page.locator('[data-test=pick-script]'), scriptName, new RegExp(scriptName))
  const names = () => page.locator('[data-test=step-name]').allInnerTexts()
  await page.locator('[data-test=step]').nth(1).waitFor()
  expect((await names())[1] === scriptName, `the script is not the second step: ${await names()}`)
  await page.locator('[data-test=drag-handle]').nth(1).dragTo(page.locator('[data-test=step]').nth(0))
  expect((await names())[0] === scriptName, `drag and drop did not move the script first: ${await names()}`)
  await page.getByRole('button', { name: `Move ${operatorName} up` }).focus()
  await page.keyboard.press('Enter')
  await page.waitForFunction((name) => document.querySelectorAll('[data-test=step-name]')[1]?.textContent === name, scriptName)
  const dispatch = page.getByRole('combobox', { name: `Where ${scriptName} runs` })
  expect(await dispatch.count() === 1, 'the script step has no dispatch choice')

  step('a parameter value that breaks the pattern is shown next to the field and blocks saving')
  const customer = page.locator('[data-test=param-customer]').locator('xpath=self::input|.//input').first()
  await customer.fill('Bad Value!')
  await page.getByText('Must match the pattern [a-z]+').waitFor()
  await page.locator('[data-test=save-template]').click()
  await page.getByText('Fix the marked fields first').waitFor()
  await customer.fill('acme')
  await page.screenshot({ path: `${shots}/step-editor-en.png`, fullPage: true })
  await page.locator('[data-test=save-template]').click()
  await page.waitForURL(/#\/templates\/\d+$/)
  await page.locator('[data-test=template-steps]').getByText(scriptName).waitFor()

  step('preview: the compiled plan as steps, with the generated playbook and the exact command')
  await page.getByRole('tab', { name: 'Preview' }).click()
  const preview = page.locator('[data-test=plan-preview]')
  await preview.getByText('Generated playbook').waitFor()
  await preview.getByText(operatorName.split(' ')[0], { exact: false }).first().waitFor()
  await preview.getByText(/echo hello .*acme/).waitFor()
  await noTask('the template preview')
  await page.screenshot({ path: `${shots}/template-preview-en.png`, fullPage: true })

  step(`jobs: a new job for the template on node pool ${pool.name}, with a live node count`)
  await page.getByRole('menuitem', { name: 'Jobs' }).click()
  await page.locator('[data-test=new-job]').click()
  await page.locator('[data-test=job-name]').fill(jobName)
  await choose(page, page.locator('[data-test=item-template]'), templateName, new RegExp(templateName))
  await choose(page, page.locator('[data-test=item-pools]'), pool.name, new RegExp(`^${pool.name} \\(`))
  await page.getByRole('heading', { name: 'New job' }).click() // closes the pool list
  await page.locator('[data-test=item-count]').getByText(`This item affects ${pool.nodeCount} node(s)`).waitFor()
  await page.getByRole('button', { name: 'Find nodes…' }).click()
  await page.locator('[data-test=match-count]').getByText(/\d+ node\(s\) match/).waitFor()
  await page.getByText('Continue with the healthy nodes').click()
  await page.screenshot({ path: `${shots}/job-edit-en.png`, fullPage: true })
  await page.locator('[data-test=save-job]').click()
  await page.waitForURL(/#\/jobs\/\d+$/)
  await page.locator('[data-test=job-items]').getByText(templateName).waitFor()
  await page.locator('[data-test=job-items]').getByText(`Node pool ${pool.name}`).waitFor()
  await page.screenshot({ path: `${shots}/job-en.png`, fullPage: true })

  if (runIt) {
    step('run the job from its page: the matrix turns green, the log streams (through a dropped and a refused event stream) and is searchable, a report opens')
    await page.locator('[data-test=run-job]').click()
    // The dialog resolves the pool's nodes on the server before it lets the run start.
    await page.locator('[data-test=start-summary]').getByText(`Runs on ${pool.nodeCount} node(s)`).waitFor()
    // The first event stream opens and drops at once, the second is refused by a "proxy"; the third gets through.
    const eventStreams = /\/api\/v1\/runs\/\d+\/events/
    let cut = 0
    await page.route(eventStreams, async (route) => {
      cut++
      if (cut === 1) {
        await route.fulfill({ status: 200, contentType: 'text/event-stream', body: ': opened\n\n' })
      } else if (cut === 2) {
        await route.fulfill({ status: 502, contentType: 'text/plain', body: 'bad gateway' })
        await page.unroute(eventStreams)
      } else {
        await route.continue()
      }
    })
    await page.locator('[data-test=confirm-run]').click()
    await page.waitForURL(/#\/runs\/\d+$/)
    const runId = Number(page.url().match(/runs\/(\d+)$/)[1])
    await page.locator('[data-test=log-stream]').getByText('Reconnecting…').waitFor()
    await page.locator('[data-test=log]').getByText('[platform]').first().waitFor()
    await page.locator('[data-test=run-status]').getByText('Succeeded').waitFor({ timeout: 180000 })
    await page.locator('[data-test=log][data-stream=ended]').waitFor({ timeout: 60000 })
    expect(cut >= 2, `the event stream was cut ${cut} time(s), not twice`)
    // Every line once: the page's log has as many task lines as the whole log from the server.
    const plain = (await (await page.request.get(`${base}/api/v1/runs/${runId}/log`)).text()).replace(/\u001b\[[0-9;]*m/g, '')
    const tasks = plain.split('\n').filter((line) => line.toLowerCase().includes('task [')).length
    expect(tasks > 0, 'the run\'s log has no task line')
    const logSearch = page.locator('[data-test=log-search]').locator('xpath=self::input|.//input').first()
    await logSearch.fill('TASK [')
    await logSearch.press('Enter')
    await page.locator('[data-test=log-matches]').getByText(`${tasks} of ${tasks}`, { exact: true }).waitFor()
    const cells = await page.locator('[data-test=matrix] button[data-status]').evaluateAll((els) => els.map((e) => e.dataset.status))
    expect(cells.length >= 2 * pool.nodeCount && cells.every((status) => status === 'SUCCEEDED'), `the matrix is not all green: ${cells}`)
    const search = page.locator('[data-test=log-search]').locator('xpath=self::input|.//input').first()
    await search.fill('PLAY RECAP')
    await search.press('Enter')
    await page.locator('[data-test=log-matches]').getByText(/^1 of \d+$|^\d+ of \d+$/).waitFor()
    await page.locator('[data-test=matrix] button[data-status]').first().click()
    await page.locator('[data-test=node-output]').waitFor()
    await page.keyboard.press('Escape')
    await page.getByText('net_driver_info.md').first().click()
    await page.locator('[data-test=report]').first().waitFor()
    expect((await page.locator('[data-test=report]').first().innerText()).trim().length > 20, 'the report is empty')
    await page.screenshot({ path: `${shots}/run-en.png`, fullPage: true })
    await page.goBack()
  }

  step('the catalog pages in Chinese')
  await page.locator('[data-test=language]').click()
  await page.getByRole('option', { name: '简体中文' }).click()
  await page.getByRole('menuitem', { name: '模板' }).waitFor()
  const noRenwu = async (what) => expect(!(await page.locator('body').innerText()).includes('任务'), `${what} shows 任务`)
  for (const [menu, shot] of [['角色', 'roles'], ['操作项', 'operators'], ['脚本', 'scripts'], ['模板', 'templates']]) {
    await page.getByRole('menuitem', { name: menu, exact: true }).click()
    await page.getByRole('heading', { name: menu }).waitFor()
    await page.locator('.el-table__row').first().waitFor()
    await noRenwu(menu)
    await page.screenshot({ path: `${shots}/${shot}-zh-CN.png` })
  }
  await page.locator('[data-test=templates-table]').getByRole('link', { name: templateName }).click()
  await page.getByRole('tab', { name: '预览' }).click()
  await page.locator('[data-test=plan-preview]').getByText('生成的 playbook').waitFor()
  await noRenwu('the preview')
  await page.screenshot({ path: `${shots}/template-preview-zh-CN.png`, fullPage: true })
  await page.locator('[data-test=edit-template]').click()
  await page.locator('[data-test=step]').nth(1).waitFor()
  await page.getByText('按住步骤左侧的拖动手柄调整顺序').waitFor()
  await page.screenshot({ path: `${shots}/step-editor-zh-CN.png`, fullPage: true })
  await page.getByRole('menuitem', { name: '操作项', exact: true }).click()
  await page.locator('[data-test=operators-table]').getByRole('link', { name: 'ins_driver_cuda 550', exact: true }).click()
  await page.getByRole('tab', { name: '版本历史' }).click()
  await page.locator('[data-test=value-diff]').getByText('删除 1 个').waitFor()
  await page.screenshot({ path: `${shots}/operator-diff-zh-CN.png`, fullPage: true })
  await page.getByRole('menuitem', { name: '作业' }).click()
  await page.locator('[data-test=jobs-table]').getByRole('link', { name: jobName }).click()
  await page.locator('[data-test=job-items]').waitFor()
  await page.screenshot({ path: `${shots}/job-zh-CN.png`, fullPage: true })
  await page.locator('[data-test=edit-job]').click()
  await page.locator('[data-test=item-count]').getByText(`此作业项涉及 ${pool.nodeCount} 个节点`).waitFor()
  await noRenwu('the job form')
  await page.screenshot({ path: `${shots}/job-edit-zh-CN.png`, fullPage: true })

  step('a VIEWER sees the catalog and the job but no button that changes them')
  const viewer = { username: `e2e_viewer_${suffix}`, password: `viewer-${suffix}-password` }
  const admin = await request.newContext({ baseURL: base, httpCredentials: { username, password, send: 'always' } })
  const created = await admin.post('/api/v1/users', { data: { ...viewer, displayName: 'Viewer', role: 'VIEWER' } })
  expect(created.ok(), `could not create a viewer: ${await created.text()}`)
  await admin.dispose()
  const viewing = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })).newPage()
  viewing.setDefaultTimeout(15000)
  viewing.on('pageerror', (e) => pageErrors.push(String(e)))
  viewing.on('console', policyViolations)
  await viewing.goto(`${base}/#/templates`)
  await viewing.fill('input[name=username]', viewer.username)
  await viewing.fill('input[name=password]', viewer.password)
  await viewing.keyboard.press('Enter')
  await viewing.locator('[data-test=templates-table]').getByRole('link', { name: templateName }).click()
  await viewing.locator('[data-test=template-steps]').getByText(scriptName).waitFor()
  await viewing.goto(`${base}/#/roles`)
  await viewing.locator('[data-test=roles-table]').getByRole('link', { name: 'ins_driver_cuda' }).click()
  await viewing.locator('[data-test=role-variables]').getByText('local_nvidia_driver_path').waitFor()
  expect(await viewing.getByRole('button', { name: /Edit variable|Remove variable|Add variable|Upload/ }).count() === 0, 'a viewer sees role edit buttons')
  await viewing.goto(`${base}/#/jobs`)
  await viewing.locator('[data-test=jobs-table]').getByRole('link', { name: jobName }).click()
  await viewing.locator('[data-test=job-items]').getByText(templateName).waitFor()
  for (const path of ['/templates', '/operators', '/scripts', '/roles', '/jobs']) {
    await viewing.goto(`${base}/#${path}`)
    await viewing.locator('.el-table__row').first().waitFor()
    expect(await viewing.locator('[data-test^=new-], [data-test^=edit-], [data-test^=run-job], [data-test=catalog-import]').count() === 0, `a viewer sees an edit button on ${path}`)
  }

  expect(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`)
  console.log('catalog: all steps passed')
} catch (e) {
  const pages = browser.contexts().flatMap((c) => c.pages())
  if (pages[0]) await pages[0].screenshot({ path: `${shots}/catalog-failure.png`, fullPage: true }).catch(() => {})
  throw e
} finally {
  await browser.close()
}
