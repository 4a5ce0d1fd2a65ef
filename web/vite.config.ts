/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The server serves the built files from its jar; in development the API is proxied to it.
// Element Plus components are imported on demand (with their styles) by the resolver.
export default defineConfig({
  plugins: [
    vue(),
    Components({ resolvers: [ElementPlusResolver()], dts: 'src/components.d.ts' }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      output: {
        manualChunks(id) {
          // Element Plus is left to Rollup: each component lands in the chunk of the pages that use it, so the
          // first page carries only what sign-in and the layout need (one element-plus chunk was 250 kB gzipped).
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) return undefined
          if (id.includes('node_modules/marked') || id.includes('node_modules/dompurify')) return 'markdown'
          // loaded only by the run page's chart (lazily), never with the first page
          if (id.includes('node_modules/echarts')) return 'echarts'
          // ECharts' renderer, fetched with it: two chunks under Vite's 500 kB warning instead of one over it
          if (id.includes('node_modules/zrender')) return 'zrender'
          if (id.includes('node_modules/')) return 'vendor'
          return undefined
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
  // element-plus is inlined so that component tests can load the styles its components import
  test: { environment: 'jsdom', include: ['src/**/*.test.ts'], server: { deps: { inline: ['element-plus'] } } },
})
