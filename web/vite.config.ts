import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The server serves the built files from its jar; in development the API is proxied to it.
export default defineConfig({
  plugins: [vue()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:8080' } },
})
