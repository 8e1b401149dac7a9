import { reactive } from 'vue'
import { api } from './api.js'

// Who is signed in: { username, role, apiKey } or null.
export const session = reactive({ me: null, checked: false })

export async function loadSession() {
  try {
    session.me = await api.get('/admin/api/session')
  } catch {
    session.me = null
  }
  session.checked = true
  return session.me
}

export function isAdmin() {
  return session.me?.role === 'admin'
}
