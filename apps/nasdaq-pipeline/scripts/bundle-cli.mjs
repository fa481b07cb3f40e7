// Bundles the compiled CLI (dist/bin.js and everything it imports from this app) into dist/cli/ as ES module
// chunks: one file to parse for start-up instead of ~60, while every command body stays a lazily loaded chunk.
// Packages (the @nasdaq-pipeline libraries, DuckDB, the AWS SDK, …) stay external and load from node_modules, so
// their files, WebAssembly and module state exist once. Run after `tsc -b tsconfig.lib.json` (the build target).
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(await readFile(`${root}package.json`, 'utf8'));
const inline = new Set(
  (process.env['CLI_BUNDLE_INLINE'] ?? 'commander,@nasdaq-pipeline/market-calendar')
    .split(',')
    .filter(Boolean),
);

/** dist/version.js reads ../package.json at run time; the bundle lives one folder deeper, so inline the value. */
const inlineVersion = {
  name: 'inline-version',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]version\.js$/ }, () => ({
      contents: `export const version = ${JSON.stringify(version)};`,
      loader: 'js',
    }));
  },
};

/** Bare imports stay external except the small start-up dependencies named in `inline`. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith('@')
        ? args.path.split('/').slice(0, 2).join('/')
        : args.path.split('/')[0];
      if (args.path.startsWith('node:') || !inline.has(name)) return { path: args.path, external: true };
      return undefined;
    });
  },
};

/**
 * commander requires node:child_process (and with it net and dgram) at load time for executable subcommands,
 * which this CLI does not use: load it on first spawn instead. The build fails if commander changes that line.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const eager = "const childProcess = require('node:child_process');";
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(eager))
        throw new Error(`${args.path}: expected \`${eager}\` (update scripts/bundle-cli.mjs)`);
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

await rm(`${root}dist/cli`, { recursive: true, force: true });
await build({
  entryPoints: [`${root}dist/bin.js`],
  outdir: `${root}dist/cli`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  // commander is CommonJS: give its require() calls of node built-ins a real require.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  plugins: [inlineVersion, externalPackages, lazyChildProcess],
  logLevel: 'warning',
});
