import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The designer bundles everything it needs (monaco included: no CDN) and reads the
// workspace packages from their TypeScript sources (the `source` export condition).
export default defineConfig({
  plugins: [react()],
  base: './',
  resolve: {
    conditions: ['source', ...defaultClientConditions],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
    reportCompressedSize: true,
  },
  worker: {
    format: 'es',
  },
});
