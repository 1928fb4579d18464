// The console is served by the api at /console (apps/api/src/console-static.ts) from dist/;
// `npm run console:dev` serves it here with the api proxied (CONSOLE_API_URL, default :3000).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const api = process.env.CONSOLE_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: here,
  base: '/console/',
  resolve: {
    // The realtime event map and version filter are the server's own (libs/contracts), not copies.
    alias: { '@app/contracts': path.resolve(here, '../../libs/contracts/src') },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Mantine marks its modules "use client" (for React Server Components); meaningless in this SPA.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: Number(process.env.CONSOLE_DEV_PORT ?? 5173),
    proxy: {
      '/api': { target: api, changeOrigin: true },
      '/socket.io': { target: api, ws: true, changeOrigin: true },
    },
  },
});
