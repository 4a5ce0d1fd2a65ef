import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { auth, type User } from '../api'

/** Who is signed in; `loaded` becomes true once the server has been asked. */
export const useAuthStore = defineStore('auth', () => {
  const user = ref<User | null>(null)
  const loaded = ref(false)
  const expired = ref(false)

  /** The operations team's OPERATOR or ADMIN: inventory, catalog and everything else. */
  const canOperate = computed(() => user.value?.role === 'ADMIN' || user.value?.role === 'OPERATOR')
  /** Jobs and runs: also a tenant user who operates some tenant (the server checks which). */
  const canRunJobs = computed(() => canOperate.value || (user.value?.tenantRoles ?? []).some((m) => m.role === 'OPERATOR'))

  async function load(): Promise<User | null> {
    try {
      user.value = await auth.me()
    } catch {
      user.value = null
    }
    loaded.value = true
    return user.value
  }

  async function signIn(username: string, password: string): Promise<void> {
    user.value = await auth.login(username, password)
    loaded.value = true
    expired.value = false
  }

  async function signOut(): Promise<void> {
    try {
      await auth.logout()
    } finally {
      user.value = null
    }
  }

  /** The server answered 401 to a signed-in page: the session is gone. */
  function sessionEnded(): void {
    if (user.value) expired.value = true
    user.value = null
  }

  return { user, loaded, expired, canOperate, canRunJobs, load, signIn, signOut, sessionEnded }
})
