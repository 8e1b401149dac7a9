import { createRouter, createWebHashHistory } from 'vue-router'
import { session, loadSession } from './session.js'

const routes = [
  { path: '/sign-in', component: () => import('./views/SignIn.vue'), meta: { public: true } },
  { path: '/setup', component: () => import('./views/Setup.vue'), meta: { public: true } },
  { path: '/', redirect: '/dashboard' },
  { path: '/dashboard', component: () => import('./views/Dashboard.vue') },
  { path: '/users', component: () => import('./views/Users.vue') },
  { path: '/users/:id', component: () => import('./views/UserDetail.vue'), props: true },
  { path: '/events', component: () => import('./views/Events.vue') },
  { path: '/audit', component: () => import('./views/Audit.vue') },
  { path: '/operators', component: () => import('./views/Operators.vue'), meta: { admin: true } },
  { path: '/health', component: () => import('./views/Health.vue') }
]

// The fragment carries the route (/admin/#/users), so the server has one page to serve.
export const router = createRouter({ history: createWebHashHistory(), routes })

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  if (!session.checked || !session.me) await loadSession()
  if (!session.me) return { path: '/sign-in', query: { next: to.fullPath } }
  if (to.meta.admin && session.me.role !== 'admin') return '/dashboard'
  return true
})
