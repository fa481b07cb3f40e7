#!/usr/bin/env node
// Consumer test (issue #11): uses the libraries the way another repository would.
//
// 1. `npm pack` every library under packages/ (and the CLI under apps/) and inspect each tarball: only dist/, types, README, LICENSE (and
//    what `files` adds on purpose); every `exports` target present; no `workspace:`/`file:` specifiers; every bare
//    import of the published JS and .d.ts files declared in `dependencies`/`peerDependencies`.
// 2. Install all tarballs with ONE `npm install` into a fresh project under os.tmpdir() (outside the workspace), so
//    the `^0.1.0` sibling ranges resolve to the local tarballs (the registry has no such packages).
// 3. `tsc --noEmit` the typed consumers (fixture/*.mts) with plain `nodenext` resolution (no custom conditions),
//    then run the plain Node ESM consumers (fixture/*.mjs), every package README's example as published, and the
//    installed `nasdaq-pipeline` bin.
//
// Usage: node tools/consumer-test/run.mjs [--keep] [--strict] [--only=<part>,…]
//   Build first: npx nx run-many -t build
//   --keep    keep the temporary project (its path is printed; it is kept on failure too)
//   --strict  a part whose package API is not there yet fails instead of being skipped (also CONSUMER_TEST_STRICT=1)
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const here = import.meta.dirname;
const workspace = resolve(here, '../..');
const fixture = join(here, 'fixture');
const args = new Set(process.argv.slice(2));
const keep = args.has('--keep');
const strict = args.has('--strict') || process.env.CONSUMER_TEST_STRICT === '1';
const only = [...args]
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const SOURCE_CONDITION = '@nasdaq-pipeline/source';

/**
 * What each consumer part uses. A part runs when every listed value export exists in the installed package;
 * otherwise it is skipped with a message naming what is missing (a package whose issue has not landed yet).
 */
const PARTS = [
  {
    name: 'calendar',
    needs: {
      '@nasdaq-pipeline/market-calendar': [
        'nasdaqCalendar',
        'createNasdaqCalendar',
        'lastCompletedSession',
        'CalendarError',
      ],
    },
  },
  {
    name: 'fmp',
    needs: {
      '@nasdaq-pipeline/fmp-client': ['createFmpClient', 'FmpError', 'FmpAuthError'],
      '@nasdaq-pipeline/fmp-sim': ['startSimServer'],
    },
  },
  {
    name: 'iceberg',
    needs: {
      '@nasdaq-pipeline/iceberg': ['FilesystemCatalog', 'LocalFileIO', 'Table', 'readRows', 'toFileUri'],
    },
  },
  {
    name: 'validation',
    needs: {
      '@nasdaq-pipeline/validation': ['compileExpectation', 'builtInSuites', 'validatePipelineConfig'],
    },
  },
  {
    name: 'star-schema',
    needs: {
      '@nasdaq-pipeline/star-schema': ['renderModel', 'modelNames', 'tableDefinitions', 'toIcebergSchema'],
    },
  },
  {
    name: 'aws',
    needs: { '@nasdaq-pipeline/aws': ['S3FileIO', 'parseS3Uri', 'formatS3Uri', 'AwsTargetError'] },
  },
];

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const log = (message) => console.log(`consumer-test: ${message}`);
const problems = [];
const warnings = [];
const fail = (message) => problems.push(message);

/** Environment for child npm/node: drop the npm_* variables a parent `npm test` sets, keep cache/registry/proxy. */
function childEnv() {
  const keepNpm =
    /^npm_config_(cache|registry|userconfig|globalconfig|proxy|https_proxy|noproxy|strict_ssl|cafile)$/i;
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) && !keepNpm.test(k)) continue;
    if (k.startsWith('NX_') || k === 'INIT_CWD') continue;
    env[k] = v;
  }
  return { ...env, NO_UPDATE_NOTIFIER: '1', npm_config_fund: 'false', npm_config_audit: 'false' };
}

function run(command, argv, options = {}) {
  const result = spawnSync(command, argv, {
    encoding: 'utf8',
    env: childEnv(),
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  if (result.error) throw result.error;
  return result;
}

// ---------------------------------------------------------------------------------------------- 1. pack and inspect

/** Publishable projects: every library under packages/ and the CLI under apps/ (non-private package.json). */
const libraries = ['packages', 'apps']
  .flatMap((group) =>
    readdirSync(join(workspace, group), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(workspace, group, d.name, 'package.json')))
      .map((d) => {
        const dir = join(workspace, group, d.name);
        return { dir, folder: d.name, app: group === 'apps', manifest: readJson(join(dir, 'package.json')) };
      }),
  )
  .filter((lib) => !lib.manifest.private)
  .sort((a, b) => Number(a.app) - Number(b.app) || a.folder.localeCompare(b.folder));

const unbuilt = libraries.filter((lib) => !existsSync(join(lib.dir, 'dist', 'index.js')));
if (unbuilt.length > 0) {
  console.error(
    `consumer-test: not built: ${unbuilt.map((l) => l.manifest.name).join(', ')}\n` +
      '  build first: npx nx run-many -t build',
  );
  process.exit(2);
}

const temp = mkdtempSync(join(tmpdir(), 'nasdaq-pipeline-consumer-'));
const tarballDir = join(temp, 'tarballs');
const unpackDir = join(temp, 'unpacked');
const project = join(temp, 'project');
mkdirSync(tarballDir);
mkdirSync(unpackDir);
mkdirSync(project);
log(`temporary project: ${temp}`);

const siblingNames = new Set(libraries.map((l) => l.manifest.name));
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const tarballs = [];
const readmeExamples = [];

/** Bare package name of an import specifier (`@scope/name/sub` → `@scope/name`), or null for relative/builtin. */
function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  if (builtins.has(specifier) || builtins.has(specifier.split('/')[0])) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function listFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
  );
}

/** Export targets of one `exports` entry, with the condition path that leads to them. */
function exportTargets(value, path = []) {
  if (typeof value === 'string') return [{ path, target: value }];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => exportTargets(v, [...path, k]));
}

const IMPORT_RE =
  /(?:^|[\s;])(?:import|export)\s[^'"`]*?\sfrom\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

for (const lib of libraries) {
  const { name, version } = lib.manifest;
  const packed = run('npm', ['pack', '--json', '--pack-destination', tarballDir], { cwd: lib.dir });
  if (packed.status !== 0) {
    fail(`${name}: npm pack failed:\n${packed.stderr}`);
    continue;
  }
  const info = JSON.parse(packed.stdout)[0];
  const tarball = join(tarballDir, info.filename);
  tarballs.push(tarball);
  const files = info.files.map((f) => f.path);
  log(`packed ${name}@${version}: ${files.length} files, ${(info.size / 1024).toFixed(0)} kB`);

  // Only what a consumer needs: no sources, tests, build info or nested node_modules; no source maps either, since
  // they point at src/, which is not published (bundlers such as Vite warn about every one of them).
  const unneeded = files.filter(
    (file) =>
      /^(src|out-tsc|node_modules|coverage)\//.test(file) ||
      /\.test\.|\.tsbuildinfo$|\.map$|(^|\/)vitest\.config\./.test(file) ||
      /^tsconfig.*\.json$/.test(file),
  );
  if (unneeded.length > 0) {
    const message = `${name}: tarball contains ${unneeded.length} file(s) a consumer does not need: ${unneeded.slice(0, 3).join(', ')}${unneeded.length > 3 ? ', …' : ''} (exclude them in "files", e.g. "!dist/**/*.map")`;
    // The CLI's package.json belongs to its engineer: a warning there, a failure for the libraries.
    if (lib.app) warnings.push(message);
    else fail(message);
  }
  for (const required of ['package.json', 'README.md', 'LICENSE']) {
    if (!files.includes(required)) fail(`${name}: tarball lacks ${required}`);
  }

  const unpacked = join(unpackDir, lib.folder);
  mkdirSync(unpacked);
  execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
  const root = join(unpacked, 'package');
  const manifest = readJson(join(root, 'package.json'));

  // The README example as published: first ```js block of the "## Install and API reference" section.
  const readme = existsSync(join(root, 'README.md')) ? readFileSync(join(root, 'README.md'), 'utf8') : '';
  const section = readme.split(/^## Install and API reference\s*$/m)[1]?.split(/^## /m)[0];
  const example = section && /^```js\n([\s\S]*?)^```/m.exec(section)?.[1];
  if (lib.app) {
    // The CLI's README documents commands, not an import; the "cli" part runs the installed bin instead.
  } else if (example) readmeExamples.push({ name: `readme-${lib.folder}`, package: name, code: example });
  else fail(`${name}: README.md has no \`## Install and API reference\` section with a \`\`\`js example`);

  // exports: "." has types + import; every non-source target exists; source targets are absent (inert outside the repo).
  const dot = manifest.exports?.['.'];
  if (!dot || typeof dot !== 'object' || !dot.types || !dot.import)
    fail(`${name}: exports["."] needs "types" and "import"`);
  for (const [subpath, entry] of Object.entries(manifest.exports ?? {})) {
    for (const { path, target } of exportTargets(entry)) {
      const present = existsSync(join(root, target));
      if (path.includes(SOURCE_CONDITION)) {
        if (present)
          fail(`${name}: exports["${subpath}"] source condition target ${target} is in the tarball`);
      } else if (!present) {
        fail(
          `${name}: exports["${subpath}"].${path.join('.') || '(string)'} → ${target} is not in the tarball`,
        );
      }
    }
  }
  for (const field of ['main', 'types']) {
    if (manifest[field] && !existsSync(join(root, manifest[field])))
      fail(`${name}: "${field}": ${manifest[field]} is not in the tarball`);
  }
  if (!manifest.engines?.node) fail(`${name}: no engines.node`);
  if (!manifest.license) fail(`${name}: no license`);

  // Dependencies: publishable specifiers, siblings by a semver range.
  const declared = {
    ...manifest.dependencies,
    ...manifest.peerDependencies,
    ...manifest.optionalDependencies,
  };
  for (const [dep, spec] of Object.entries(declared)) {
    if (/^(workspace:|file:|link:|portal:|\.|\/)/.test(spec))
      fail(`${name}: dependency ${dep}@${spec} cannot be installed once published`);
    if (siblingNames.has(dep) && !/^[\^~]?\d+\.\d+\.\d+/.test(spec))
      fail(`${name}: sibling ${dep}@${spec} should be a semver range`);
  }

  // Every bare import of the published code (JS and declarations) is a declared dependency.
  const used = new Map();
  for (const file of listFiles(root).filter((f) => /\.(m?js|d\.m?ts)$/.test(f))) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const match of text.matchAll(IMPORT_RE)) {
      const pkg = packageOf(match[1] ?? match[2] ?? match[3]);
      if (pkg && pkg !== name && !used.has(pkg)) used.set(pkg, file);
    }
  }
  for (const [pkg, file] of used) {
    if (!(pkg in declared))
      fail(`${name}: ${file} imports ${pkg}, which is not in dependencies/peerDependencies`);
  }
}

if (problems.length > 0) finish();

// -------------------------------------------------------------------------------------------- 2. install in a fresh project

const wsVersion = (pkg) => readJson(join(workspace, 'node_modules', pkg, 'package.json')).version;
const rangeIn = (pkgName, dep) =>
  libraries.find((l) => l.manifest.name === pkgName)?.manifest.dependencies?.[dep];
// Packages the consumers import directly besides ours, at the ranges our packages use (so npm dedupes them).
const extras = [
  `typescript@${wsVersion('typescript')}`,
  `@types/node@${wsVersion('@types/node')}`,
  ['apache-arrow', rangeIn('@nasdaq-pipeline/iceberg', 'apache-arrow')],
  ['@aws-sdk/client-s3', rangeIn('@nasdaq-pipeline/aws', '@aws-sdk/client-s3')],
]
  .map((e) => (Array.isArray(e) ? (e[1] ? `${e[0]}@${e[1]}` : null) : e))
  .filter(Boolean);

writeFileSync(
  join(project, 'package.json'),
  `${JSON.stringify({ name: 'nasdaq-pipeline-consumer', version: '0.0.0', private: true, type: 'module' }, null, 2)}\n`,
);
log(`npm install ${tarballs.length} tarballs + ${extras.join(' ')}`);
const started = Date.now();
const install = run(
  'npm',
  ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs, ...extras],
  {
    cwd: project,
  },
);
if (install.status !== 0) {
  fail(`npm install failed (exit ${install.status}):\n${install.stderr}${install.stdout}`);
  finish();
}
log(`installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// Which parts can run: value exports present at runtime in the installed packages. Every exports subpath is imported
// too (e.g. star-schema/duckdb loads DuckDB's native binding, installed through our declared dependencies).
const specifiers = libraries.flatMap((lib) =>
  Object.keys(lib.manifest.exports ?? { '.': null })
    .filter((subpath) => !subpath.endsWith('.json'))
    .map((subpath) => (subpath === '.' ? lib.manifest.name : `${lib.manifest.name}/${subpath.slice(2)}`)),
);
const probe = run(
  process.execPath,
  [
    '--input-type=module',
    '-e',
    `const out = {};
     for (const name of ${JSON.stringify(specifiers)}) {
       try { out[name] = Object.keys(await import(name)); } catch (e) { out[name] = { error: String(e?.message ?? e) }; }
     }
     console.log(JSON.stringify(out));`,
  ],
  { cwd: project },
);
if (probe.status !== 0) {
  fail(`importing the installed packages failed:\n${probe.stderr}`);
  finish();
}
const exportsOf = JSON.parse(probe.stdout);
for (const [pkg, keys] of Object.entries(exportsOf)) {
  if (!Array.isArray(keys)) fail(`import('${pkg}') failed in the consumer project: ${keys.error}`);
}
log(`imported ${specifiers.length} entry points: ${specifiers.join(', ')}`);

const runnable = [];
const skipped = [];
let readmeRan = 0;
let cliRan = false;
for (const part of PARTS) {
  if (only && !only.includes(part.name)) continue;
  const missing = Object.entries(part.needs).flatMap(([pkg, names]) =>
    names
      .filter((n) => !Array.isArray(exportsOf[pkg]) || !exportsOf[pkg].includes(n))
      .map((n) => `${pkg}.${n}`),
  );
  if (missing.length === 0) runnable.push(part);
  else skipped.push({ part, missing });
}
for (const { part, missing } of skipped) {
  const message = `part "${part.name}" ${strict ? 'FAILS' : 'SKIPPED'}: the installed packages do not export ${missing.join(', ')} yet`;
  if (strict) fail(message);
  else log(message);
}

// ------------------------------------------------------------------------------------- 3. type-check and run consumers

for (const part of runnable) {
  for (const ext of ['mts', 'mjs'])
    cpSync(join(fixture, `${part.name}.${ext}`), join(project, `${part.name}.${ext}`));
}
// Every published entry point's declarations, so tsc checks all of them whatever parts run.
writeFileSync(
  join(project, 'entry-points.mts'),
  specifiers.map((specifier, i) => `export type * as entry${i} from '${specifier}';\n`).join(''),
);
writeFileSync(
  join(project, 'tsconfig.json'),
  `${JSON.stringify(
    {
      // What a strict ESM consumer would use; no customConditions, so the @nasdaq-pipeline/source condition is inert.
      compilerOptions: {
        target: 'es2022',
        lib: ['es2023'],
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        noEmit: true,
        types: ['node'],
        skipLibCheck: false,
        verbatimModuleSyntax: true,
      },
      files: ['entry-points.mts', ...runnable.map((p) => `${p.name}.mts`)],
    },
    null,
    2,
  )}\n`,
);

{
  // skipLibCheck is off so our published .d.ts files are checked too; errors inside third-party declarations are
  // not ours to fix and are ignored (none today).
  const t0 = Date.now();
  const tsc = run(
    process.execPath,
    [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
    { cwd: project },
  );
  const errors = `${tsc.stdout}${tsc.stderr}`.split('\n').filter((line) => /error TS\d+/.test(line));
  const ours = errors.filter(
    (line) => !line.startsWith('node_modules/') || line.startsWith('node_modules/@nasdaq-pipeline/'),
  );
  if (ours.length > 0 || (tsc.status !== 0 && errors.length === 0)) {
    fail(
      `tsc --noEmit failed on ${runnable.map((p) => `${p.name}.mts`).join(', ')}:\n${tsc.stdout}${tsc.stderr}`,
    );
  } else {
    const ignored =
      errors.length > 0 ? `; ${errors.length} error(s) in third-party declarations ignored` : '';
    log(
      `tsc --noEmit: ${runnable.length} typed consumer(s) and the declarations of every entry point ok (${Date.now() - t0} ms${ignored})`,
    );
  }
}

for (const part of runnable) {
  const t0 = Date.now();
  const result = run(process.execPath, [`${part.name}.mjs`], { cwd: project, timeout: 120_000 });
  if (result.status !== 0) {
    fail(
      `node ${part.name}.mjs failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`,
    );
  } else {
    log(`node ${part.name}.mjs ok (${Date.now() - t0} ms): ${result.stdout.trim().split('\n').at(-1)}`);
  }
}

// README examples, copied as written into the consumer project.
for (const example of readmeExamples) {
  if (only && !only.includes('readme') && !only.includes(example.name)) continue;
  writeFileSync(join(project, `${example.name}.mjs`), example.code);
  const t0 = Date.now();
  const result = run(process.execPath, [`${example.name}.mjs`], { cwd: project, timeout: 120_000 });
  if (result.status !== 0) {
    fail(
      `the README example of ${example.package} (${example.name}.mjs) failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`,
    );
  } else {
    readmeRan += 1;
    log(`node ${example.name}.mjs ok (${Date.now() - t0} ms): README example of ${example.package}`);
  }
}

// The CLI as installed from its tarball: the bin runs outside the workspace (no source condition, no workspace files).
const cli = libraries.find((lib) => lib.app && lib.manifest.bin);
if (cli && (!only || only.includes('cli'))) {
  const [binName] = Object.keys(cli.manifest.bin);
  const argv = ['calendar', '--from', '2025-12-22', '--to', '2026-01-02'];
  const t0 = Date.now();
  const result = run(join(project, 'node_modules', '.bin', binName), argv, {
    cwd: project,
    timeout: 120_000,
  });
  if (result.status !== 0 || !result.stdout.includes('2025-12-24')) {
    fail(
      `${binName} ${argv.join(' ')} failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`,
    );
  } else {
    cliRan = true;
    log(`${binName} ${argv.join(' ')} ok (${Date.now() - t0} ms)`);
  }
}

finish();

function finish() {
  for (const warning of warnings) console.warn(`consumer-test: warning: ${warning}`);
  if (problems.length > 0) {
    console.error(
      `\nconsumer-test: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    console.error(`consumer-test: kept ${temp} for inspection`);
    process.exit(1);
  }
  const summary = `${runnable.length} part(s) and ${readmeRan} README example(s) passed${cliRan ? ', the CLI ran' : ''}${skipped.length ? `, ${skipped.length} skipped (${skipped.map((s) => s.part.name).join(', ')})` : ''}`;
  if (keep) log(`kept ${temp}`);
  else rmSync(temp, { recursive: true, force: true });
  log(`ok — ${libraries.length} tarballs inspected and installed outside the workspace; ${summary}`);
  process.exit(0);
}
