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
      { path: '', redirect: { name: 'nodes' } },
      { path: 'nodes', name: 'nodes', component: () => import('../views/NodesView.vue') },
      { path: 'nodes/:id', name: 'node', component: () => import('../views/NodeDetailView.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: 'pools', name: 'pools', component: () => import('../views/PoolsView.vue') },
      { path: 'tenants', name: 'tenants', component: () => import('../views/TenantsView.vue') },
      { path: 'jobs', name: 'jobs', component: () => import('../views/JobsView.vue') },
      { path: 'runs', name: 'runs', component: () => import('../views/RunsView.vue') },
      { path: 'runs/:id', name: 'run', component: () => import('../views/RunView.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: 'admin/users', name: 'admin-users', component: () => import('../views/admin/UsersView.vue'), beforeEnter: adminOnly },
      { path: 'admin/api-tokens', name: 'admin-api-tokens', component: () => import('../views/admin/ApiTokensView.vue'), beforeEnter: adminOnly },
      { path: 'admin/enrolment-tokens', name: 'admin-enrolment-tokens', component: () => import('../views/admin/EnrollmentTokensView.vue'), beforeEnter: adminOnly },
      { path: 'admin/audit', name: 'admin-audit', component: () => import('../views/admin/AuditView.vue'), beforeEnter: adminOnly },
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
