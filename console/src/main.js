import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { i18n } from './i18n.js'
import { router } from './router.js'
import { onUnauthorized } from './api.js'
import { session } from './session.js'

onUnauthorized(() => {
  session.me = null
  if (router.currentRoute.value.meta.public) return
  router.push({ path: '/sign-in', query: { next: router.currentRoute.value.fullPath } })
})

createApp(App).use(i18n).use(router).use(ElementPlus).mount('#app')
