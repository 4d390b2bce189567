import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * pdf.js needs its CMaps (Chinese PDFs with predefined encodings), standard fonts, wasm decoders and
 * ICC profiles beside the app: copied from pdfjs-dist into dist/pdfjs/ (the worker is bundled by vite).
 */
function pdfjsAssets(): Plugin {
  return {
    name: 'juesuan-pdfjs-assets',
    apply: 'build',
    closeBundle() {
      const from = join(import.meta.dirname, '..', 'node_modules', 'pdfjs-dist');
      for (const dir of ['cmaps', 'standard_fonts', 'wasm', 'iccs']) {
        const src = join(from, dir);
        if (existsSync(src)) cpSync(src, join(import.meta.dirname, 'dist', 'pdfjs', dir), { recursive: true });
      }
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), pdfjsAssets()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
