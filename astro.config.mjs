// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import offline from './src/integrations/offline.ts';
import noPreload from './src/integrations/no-preload.ts';

/**
 * `LT_PACKAGE=1` builds the course for a SCORM package (see src/tools/package.ts): every internal
 * address starts with a marker the packager turns into a relative path, there is no service
 * worker, and pages look for the package's LMS connection before they use localStorage.
 */
const lmsPackage = process.env.LT_PACKAGE === '1';
export const PACKAGE_BASE = '/__lt-package__/';

// Static output only: the course must run from any web server, a SCORM package or a file share.
export default defineConfig({
  output: 'static',
  ...(lmsPackage ? { base: PACKAGE_BASE, outDir: process.env.LT_PACKAGE_OUT ?? './node_modules/.cache/leading-together/package' } : {}),
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx(), preact(), ...(lmsPackage ? [] : [offline()])],
  devToolbar: { enabled: false },
  vite: {
    define: { 'import.meta.env.PUBLIC_LT_PACKAGE': JSON.stringify(lmsPackage ? '1' : '') },
    // No preload helper (src/integrations/no-preload.ts): the dynamic imports (the embed messages;
    // Preact signals, which this course never uses) load no CSS, and fetching their imports one step
    // later is cheaper than the helper on every page.
    plugins: [noPreload()],
    build: {
      modulePreload: false,
      rolldownOptions: {
        output: {
          // A few shared chunks instead of a dozen small files: fewer requests, and gzip compresses
          // each chunk as a whole. "course" (stores and pure logic) is on every page, "ui" (Preact)
          // on pages with islands, "lesson" on pages with knowledge checks. Priorities decide which
          // group takes a module first, since a group also takes the modules its modules import.
          codeSplitting: {
            groups: [
              { name: 'ui', priority: 20, test: /node_modules[\\/](preact[\\/](dist|jsx-runtime)|@astrojs[\\/]preact)[\\/]|src[\\/]islands[\\/]parts[\\/]WithProgress/ },
              { name: 'course', priority: 30, test: /node_modules[\\/]nanostores[\\/](atom|lifecycle)[\\/]|src[\\/](stores[\\/](progress|engine|course)|lib[\\/]progress[\\/](codec|migrations|reducers|status|types)|lib[\\/]questions[\\/]completion|scripts[\\/]site|islands[\\/]parts[\\/]reveal)/ },
              { name: 'lesson', priority: 10, test: /src[\\/](islands[\\/](KnowledgeCheck|ReflectionNote|parts[\\/](QuestionFields|kept))|lib[\\/]questions[\\/]grade)/ },
            ],
          },
        },
      },
    },
  },
  server: { port: 4321, host: 'localhost' },
});
