import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repo = path.dirname(fileURLToPath(import.meta.url));

// The server serves dist/web under a strict CSP (script-src 'self'; style-src 'self'): the build
// must contain no inline script or style, so the module-preload polyfill (an inline script) is off
// and assets are files, never inlined data.
export default defineConfig({
  root: path.join(repo, 'src/web'),
  plugins: [react()],
  build: {
    outDir: path.join(repo, 'dist/web'),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000' } },
  },
});
