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

/**
 * The first screen's libraries in a few vendor chunks. Without them the antd and rc-*
 * modules the lazy simulator also uses are cut into ~20 small shared chunks, each one more
 * request on the first screen. `$initial` keeps each group to what the first screen loads
 * statically: monaco, the engine and the lazy editors stay in their own chunks.
 */
const FIRST_SCREEN_CHUNKS = [
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
  {
    name: 'vendor-antd',
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@ctrl|@emotion|dayjs|classnames|stylis)[\\/]/,
    priority: 2,
  },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
].map((group) => ({ ...group, tags: ['$initial' as const] }));

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
    rolldownOptions: {
      output: {
        // Vite 8 bundles with rolldown: `codeSplitting` groups replace Rollup's manualChunks.
        codeSplitting: { groups: FIRST_SCREEN_CHUNKS },
      },
    },
  },
  worker: {
    format: 'es',
  },
});
