// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';

// Static output only: the course must run from any web server, a SCORM package or a file share.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx(), preact()],
  devToolbar: { enabled: false },
  server: { port: 4321, host: 'localhost' },
});
