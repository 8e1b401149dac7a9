import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The console is served by the MiniAuth jar at /admin/; `vite build` writes it where the
// Maven build packages it (META-INF/resources/admin/ in the console jar).
export default defineConfig({
  base: '/admin/',
  plugins: [vue()],
  build: {
    outDir: 'target/classes/META-INF/resources/admin',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500
  },
  server: {
    // `npm run dev` next to a running server: the API calls go to it
    proxy: { '/admin/api': 'http://localhost:8080' }
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.js']
  }
})
