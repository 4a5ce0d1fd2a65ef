// End-to-end walk in the system Chromium: a role archive with meta/argument_specs.yml is uploaded
// from the role's page, its proposed variables reviewed and declared; then, in the operator editor,
// a list value with an error is marked, fixed and saved, and the secret shows as set.
// Usage: node e2e/role-interface.mjs BASE_URL USERNAME PASSWORD SCREENSHOT_DIR
import { chromium, request } from 'playwright-core'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const [base, username, password, shots] = process.argv.slice(2)
const suffix = Date.now().toString(36)
const roleName = `e2e_web_${suffix}`
mkdirSync(shots, { recursive: true })

const step = (name) => console.log(`--> ${name}`)
function expect(condition, message) {
  if (!condition) throw new Error(message)
}

/** A small role of the walk's own, packed as the .tar.gz a user would upload. */
function roleArchive() {
  const dir = mkdtempSync(join(tmpdir(), 'role-'))
  mkdirSync(join(dir, 'tasks'))
  mkdirSync(join(dir, 'meta'))
  writeFileSync(join(dir, 'tasks/main.yml'), '- ansible.builtin.debug: {msg: "{{ web_vhosts | length }} sites"}\n')
  writeFileSync(join(dir, 'meta/argument_specs.yml'), `argument_specs:
  main:
    options:
      web_vhosts:
        type: list
        elements: dict
        required: true
        description: The sites to serve.
        options:
          name: {type: str, required: true}
          port: {type: int}
      web_password:
        type: str
        no_log: true
        description: The admin password.
`)
  const file = join(dir, `${roleName}.tar.gz`)
  execFileSync('tar', ['czf', file, '-C', dir, 'tasks', 'meta'])
  return file
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
})
try {
  const api = await request.newContext({ baseURL: base, httpCredentials: { username, password, send: 'always' } })
  const role = await (await api.post('/api/v1/roles', { data: { name: roleName } })).json()
  await api.dispose()
  expect(role.id, `could not create the role: ${JSON.stringify(role)}`)

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })).newPage()
  page.setDefaultTimeout(15000)
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(String(e)))

  step('sign in as admin')
  await page.goto(`${base}/#/roles/${role.id}`)
  await page.waitForURL(/#\/login/)
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', password)
  await page.keyboard.press('Enter')
  await page.waitForURL(new RegExp(`#/roles/${role.id}$`))

  step('upload an archive with meta/argument_specs.yml: the proposal is shown for review, nothing saved yet')
  await page.locator('[data-test=role-archive]').setInputFiles(roleArchive())
  const review = page.locator('[data-test=review-proposed]')
  await review.getByText('web_vhosts').waitFor()
  await review.getByText('The admin password.').waitFor()
  expect((await page.locator('[data-test=role-variables]').innerText()).indexOf('web_vhosts') < 0, 'declared before the review')
  await page.screenshot({ path: `${shots}/role-upload-review-en.png` })

  step('declare: the variables appear on the role')
  await page.locator('[data-test=review-confirm]').click()
  await page.locator('[data-test=role-variables]').getByText('web_password').waitFor()
  await page.locator('[data-test=role-files]').getByText('argument_specs.yml').waitFor()

  step('operator editor: a list value with an error is marked, fixed and saved')
  await page.goto(`${base}/#/operators/new?roleId=${role.id}`)
  await page.locator('input[data-test=operator-pkg]').fill('1')
  const list = page.locator('textarea[data-test=value-web_vhosts]')
  await list.fill('[{"port": 8080}]')
  await page.locator('input[data-test=value-web_password]').fill(`pw-${suffix}`)
  await page.locator('[data-test=save-operator]').click()
  await page.getByText('web_vhosts[0].name', { exact: false }).first().waitFor()
  expect(await list.getAttribute('aria-invalid') === 'true', 'the list value is not marked as wrong')
  await page.screenshot({ path: `${shots}/operator-list-error-en.png` })
  await list.fill('[{"name": "shop", "port": 8080}]')
  await page.locator('[data-test=save-operator]').click()
  await page.waitForURL(/#\/operators\/\d+$/)
  const operatorId = page.url().match(/operators\/(\d+)$/)[1]

  step('the secret shows as set, never its value')
  await page.goto(`${base}/#/operators/${operatorId}/edit`)
  await page.locator('[data-test=secret-state-web_password]').getByText('set').waitFor()
  expect((await page.locator('[data-test=secret-state-web_password]').innerText()).trim() === 'set', 'the secret is not shown as set')
  expect(await page.locator('input[data-test=value-web_password]').inputValue() === '', 'the secret value is shown')
  expect((await page.locator('textarea[data-test=value-web_vhosts]').inputValue()).includes('shop'), 'the list value was not kept')

  expect(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`)
  console.log('role-interface: all steps passed')
} catch (e) {
  const pages = browser.contexts().flatMap((c) => c.pages())
  if (pages[0]) await pages[0].screenshot({ path: `${shots}/role-interface-failure.png`, fullPage: true }).catch(() => {})
  throw e
} finally {
  await browser.close()
}
