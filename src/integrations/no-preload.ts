/**
 * A Vite plugin that keeps Vite's preload helper out of the pages. Vite wraps every dynamic
 * `import()` in `__vitePreload`, a helper of about 700 bytes (gzip) that preloads the imported
 * chunk's dependencies and CSS. This course asks for no module preloading (`build.modulePreload:
 * false`, which Astro's build config replaces with its own value, so it is set again here), and its
 * dynamic imports (the embed messages, Preact signals) load no CSS: the helper can be a plain call.
 * Should a dynamic import ever need CSS, the build fails instead of shipping a page without it.
 */
import type { Plugin } from 'vite';

const HELPER_ID = '\0vite/preload-helper.js';

export default function noPreload(): Plugin {
  return {
    name: 'leading-together:no-preload',
    enforce: 'pre',
    configEnvironment(name, options) {
      if (name === 'client') options.build = { ...options.build, modulePreload: false };
    },
    load: {
      filter: { id: /^\0vite\/preload-helper\.js$/ },
      handler(id) {
        if (id !== HELPER_ID) return null;
        return 'export const __vitePreload = (load) => load();';
      },
    },
    writeBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.code.includes('__vite__mapDeps')) {
          this.error(`${file.fileName}: a dynamic import needs its CSS preloaded, which the plain preload helper of src/integrations/no-preload.ts does not do.`);
        }
      }
    },
  };
}
