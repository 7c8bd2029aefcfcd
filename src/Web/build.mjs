// Builds the front end into the Silo's static files (src/Silo/wwwroot/app):
//   pages.js                  the server-rendered pages' enhancements (GOV.UK Frontend's initAll)
//   app.css                   the styles every page shares (GOV.UK Frontend's Sass)
//   explorer.js / explorer.css the GraphQL explorer (GraphiQL), kept apart so the pages stay small
//   assets/images             GOV.UK Frontend's images, copied from the package
// Run by the Silo's MSBuild target; quiet unless something fails.
import { build } from 'esbuild';
import * as sass from 'sass';
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const target = process.argv[2] ?? join(here, '..', 'Silo', 'wwwroot', 'app');
const govuk = join(here, 'node_modules', 'govuk-frontend', 'dist', 'govuk');

const common = {
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  format: 'esm',
  target: ['es2022'],
  logLevel: 'warning',
  legalComments: 'linked',
};

// Build in dist/ (ignored, same disk) and move the result into place, so a build running
// at the same time, or a Silo serving the files, never sees a half-written folder.
const staging = join(here, 'dist', `building-${process.pid}`);
await rm(staging, { recursive: true, force: true });
await mkdir(staging, { recursive: true });
try {
  await Promise.all([
    build({ ...common, entryPoints: { pages: join(here, 'src', 'pages', 'main.js') }, outdir: staging }),
    build({
      ...common,
      // GraphiQL's source maps are megabytes; nobody debugs the explorer here.
      sourcemap: false,
      entryPoints: { explorer: join(here, 'src', 'explorer', 'main.jsx') },
      outdir: staging,
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
    }),
    (async () => {
      // Sass rather than the precompiled CSS so the assets path points at /app/assets and
      // the font is Arial: GDS Transport is licensed for GOV.UK services only.
      const result = await sass.compileAsync(join(here, 'src', 'styles', 'app.scss'), {
        loadPaths: [join(here, 'node_modules')],
        style: 'compressed',
        quietDeps: true,
        silenceDeprecations: ['import'],
      });
      await writeFile(join(staging, 'app.css'), result.css);
    })(),
    cp(join(govuk, 'assets', 'images'), join(staging, 'assets', 'images'), { recursive: true }),
  ]);

  await rm(target, { recursive: true, force: true });
  // On a fresh clone wwwroot/ does not exist yet, and rename does not create parents.
  await mkdir(dirname(target), { recursive: true });
  try {
    await rename(staging, target);
  } catch (e) {
    // Another build put the same output there between the two steps: keep theirs.
    if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') throw e;
  }
} finally {
  await rm(staging, { recursive: true, force: true });
}
