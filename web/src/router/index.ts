import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { useAuthStore } from '../stores/auth'

/** Admin pages: anyone else lands on the nodes page (the server refuses their calls anyway). */
const adminOnly = () => (useAuthStore().user?.role === 'ADMIN' ? true : { name: 'nodes' })

// Hash history: the server serves index.html at / only, so deep links must not reach it as paths.
const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('../views/SignInView.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('../layouts/AppLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('../views/HomeView.vue') },
      { path: 'nodes', name: 'nodes', component: () => import('../views/NodesView.vue') },
      { path: 'nodes/:id', name: 'node', component: () => import('../views/NodeDetailView.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: 'pools', name: 'pools', component: () => import('../views/PoolsView.vue') },
      { path: 'pools/:id', name: 'pool', component: () => import('../views/PoolView.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: 'health', name: 'health', component: () => import('../views/HealthView.vue') },
      { path: 'tenants', name: 'tenants', component: () => import('../views/TenantsView.vue') },
      { path: 'jobs', name: 'jobs', component: () => import('../views/JobsView.vue') },
      { path: 'baselines', name: 'baselines', component: () => import('../views/BaselinesView.vue') },
      { path: 'runs', name: 'runs', component: () => import('../views/RunsView.vue') },
      { path: 'runs/:id/compare', name: 'run-compare', component: () => import('../views/RunCompareView.vue'),
        props: (r) => ({ id: Number(r.params.id), a: r.query.a ? Number(r.query.a) : undefined }) },
      { path: 'runs/:id', name: 'run', component: () => import('../views/RunView.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: 'roles', name: 'roles', component: () => import('../views/catalog/RolesView.vue') },
      { path: 'roles/:id', name: 'role', component: () => import('../views/catalog/RoleDetailView.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: 'collections', name: 'collections', component: () => import('../views/catalog/CollectionsView.vue') },
      { path: 'operators', name: 'operators', component: () => import('../views/catalog/OperatorsView.vue') },
      { path: 'operators/new', name: 'operator-new', component: () => import('../views/catalog/OperatorEditView.vue') },
      { path: 'operators/:id', name: 'operator', component: () => import('../views/catalog/OperatorDetailView.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: 'operators/:id/edit', name: 'operator-edit', component: () => import('../views/catalog/OperatorEditView.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: 'scripts', name: 'scripts', component: () => import('../views/catalog/ScriptsView.vue') },
      { path: 'scripts/new', name: 'script-new', component: () => import('../views/catalog/ScriptEditView.vue') },
      { path: 'scripts/:id', name: 'script', component: () => import('../views/catalog/ScriptDetailView.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: 'scripts/:id/edit', name: 'script-edit', component: () => import('../views/catalog/ScriptEditView.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: 'health-policies', name: 'health-policies', component: () => import('../views/catalog/HealthPoliciesView.vue') },
      { path: 'git-sources', name: 'git-sources', component: () => import('../views/catalog/GitSourcesView.vue') },
      { path: 'templates', name: 'templates', component: () => import('../views/catalog/TemplatesView.vue') },
      { path: 'templates/new', name: 'template-new', component: () => import('../views/catalog/TemplateEditView.vue') },
      { path: 'templates/:id', name: 'template', component: () => import('../views/catalog/TemplateDetailView.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: 'templates/:id/edit', name: 'template-edit', component: () => import('../views/catalog/TemplateEditView.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: 'jobs/new', name: 'job-new', component: () => import('../views/jobs/JobEditView.vue') },
      { path: 'jobs/:id', name: 'job', component: () => import('../views/jobs/JobDetailView.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: 'jobs/:id/edit', name: 'job-edit', component: () => import('../views/jobs/JobEditView.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: 'admin/users', name: 'admin-users', component: () => import('../views/admin/UsersView.vue'), beforeEnter: adminOnly },
      { path: 'admin/api-tokens', name: 'admin-api-tokens', component: () => import('../views/admin/ApiTokensView.vue'), beforeEnter: adminOnly },
      { path: 'admin/pending-enrolments', name: 'admin-pending-enrolments', component: () => import('../views/admin/PendingEnrollmentsView.vue'), beforeEnter: adminOnly },
      { path: 'admin/enrolment-tokens', name: 'admin-enrolment-tokens', component: () => import('../views/admin/EnrollmentTokensView.vue'), beforeEnter: adminOnly },
      { path: 'admin/audit', name: 'admin-audit', component: () => import('../views/admin/AuditView.vue'), beforeEnter: adminOnly },
      { path: 'admin/notifications', name: 'admin-notifications', component: () => import('../views/admin/NotificationsView.vue'), beforeEnter: adminOnly },
      { path: 'admin/credentials', name: 'admin-credentials', component: () => import('../views/admin/CredentialsView.vue'), beforeEnter: adminOnly },
      { path: 'admin/settings', name: 'admin-settings', component: () => import('../views/admin/SettingsView.vue'), beforeEnter: adminOnly },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('../views/NotFoundView.vue') },
    ],
  },
]

export const router = createRouter({ history: createWebHashHistory(), routes })

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const auth = useAuthStore()
  if (!auth.loaded || !auth.user) await auth.load()
  if (!auth.user) return { name: 'login', query: { redirect: to.fullPath } }
  return true
})

/** Sends the user to sign in, remembering the page they were on. */
export function backToSignIn(): void {
  const current = router.currentRoute.value
  if (current.meta.public) return
  void router.push({ name: 'login', query: { redirect: current.fullPath } })
}
