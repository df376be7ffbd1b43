import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Two apps, one build: the storefront at `/`, the admin dashboard at `/admin/`. */
export default defineConfig({
  plugins: [react()],
  build: {
    rollupOptions: { input: { storefront: page('index.html'), admin: page('admin/index.html') } },
  },
});
