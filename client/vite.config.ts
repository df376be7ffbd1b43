import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type EnvironmentOptions, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * `.vite/<app>-modules.json`: the source modules in each chunk, beside Vite's manifest of the
 * chunks, so a check can tell what a page's first load holds (tools/lighthouse).
 */
function chunkModules(app: string): Plugin {
  return {
    name: 'shop:chunk-modules',
    generateBundle(_options, bundle) {
      const modules = Object.fromEntries(
        Object.values(bundle).flatMap((output) =>
          output.type === 'chunk'
            ? [[output.fileName, output.moduleIds.map((id) => relative(root, id))]]
            : [],
        ),
      );
      this.emitFile({
        type: 'asset',
        fileName: `.vite/${app}-modules.json`,
        source: JSON.stringify(modules, null, 2),
      });
    },
  };
}

/**
 * One app's build. React and React Router change seldom and together, so they are a chunk of
 * their own that a browser keeps across releases of the app; the rest of node_modules (Apollo
 * Client and what it needs) is another.
 */
function app(name: string, html: string, emptyOutDir: boolean): EnvironmentOptions {
  return {
    consumer: 'client',
    build: {
      emptyOutDir,
      manifest: `.vite/${name}-manifest.json`,
      rolldownOptions: {
        input: { [name]: page(html) },
        plugins: [chunkModules(name)],
        output: {
          codeSplitting: {
            groups: [
              {
                name: 'react',
                test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              },
              { name: 'vendor', test: /node_modules[\\/]/ },
            ],
          },
        },
      },
    },
  };
}

/**
 * Two apps, built one after the other so that neither page loads the other's code (each build
 * keeps only the generated operations and shared modules its app uses): the storefront at `/`,
 * the admin dashboard at `/admin/`. The storefront's build empties dist/; the admin's adds to it.
 * The build script sets NODE_ENV=production: a build that a test run (NODE_ENV=test) asks for
 * would otherwise bundle React's development build.
 */
export default defineConfig({
  plugins: [react()],
  environments: {
    client: app('storefront', 'index.html', true),
    admin: app('admin', 'admin/index.html', false),
  },
  builder: {
    async buildApp(builder) {
      await builder.build(builder.environments.client!);
      await builder.build(builder.environments.admin!);
    },
  },
});
