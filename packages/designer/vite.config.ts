import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

/** The monaco workers the designer uses: the editor's own and the JSON language's. */
const MONACO_WORKERS = ['editor', 'json'];

/**
 * Fails the build when a monaco worker the designer does not use is bundled (importing
 * `monaco-editor`'s main entry adds the TypeScript, CSS and HTML workers, ~8.5 MB): see
 * src/monaco/setupMonaco.ts for the cut-down monaco.
 */
function onlyUsedMonacoWorkers(): Plugin {
  return {
    name: 'ruleloom:only-used-monaco-workers',
    apply: 'build',
    generateBundle(_options, bundle) {
      const unused = Object.keys(bundle).filter((file) => {
        const worker = /([\w-]+)\.worker-[\w-]+\.js$/.exec(file)?.[1];
        return worker !== undefined && !MONACO_WORKERS.includes(worker);
      });
      if (unused.length > 0) {
        this.error(
          `monaco workers the designer does not use are in the bundle: ${unused.join(', ')}. ` +
            'Import monaco only through src/monaco/setupMonaco.ts.',
        );
      }
    },
  };
}

// The designer bundles everything it needs (monaco included: no CDN) and reads the
// workspace packages from their TypeScript sources (the `source` export condition).
export default defineConfig({
  plugins: [react(), onlyUsedMonacoWorkers()],
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
