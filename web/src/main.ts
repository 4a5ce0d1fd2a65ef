import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n } from './i18n'
import { router, backToSignIn } from './router'
import { setUnauthorizedHandler } from './api/http'
import { useAuthStore } from './stores/auth'
import { focusFirstFieldOfDialogs } from './lib/dialogFocus'
import 'element-plus/theme-chalk/base.css'
import './styles.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(i18n).use(router)

setUnauthorizedHandler(() => {
  useAuthStore(pinia).sessionEnded()
  backToSignIn()
})

focusFirstFieldOfDialogs()
app.mount('#app')
