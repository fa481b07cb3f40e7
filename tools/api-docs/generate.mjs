#!/usr/bin/env node
// API reference of every library (issue #11): TypeDoc + typedoc-plugin-markdown, one Markdown folder per package
// under docs/api/<folder>/, generated from the TSDoc of each public entry point (the `@nasdaq-pipeline/source`
// targets of the package's `exports`, except `./test-support`).
//
//   node tools/api-docs/generate.mjs           regenerate docs/api (npm run docs:api)
//   node tools/api-docs/generate.mjs --check   fail when docs/api differs from a fresh generation (npm run docs:api:check)
//
// Deterministic on purpose: no source links (`disableSources`), no git revision, no generator line or date, so the
// output only changes when a public API or its documentation does.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve, sep } from 'node:path';
import { Application } from 'typedoc';

const here = import.meta.dirname;
const workspace = resolve(here, '../..');
const target = join(workspace, 'docs', 'api');
const check = process.argv.includes('--check');
const SOURCE_CONDITION = '@nasdaq-pipeline/source';
/** Subpaths that exist for tests, not for users. */
const UNDOCUMENTED_SUBPATHS = new Set(['./package.json', './test-support']);

/** Public entry points: `{ file, module }` per documented subpath of every non-private package. */
function entryPoints() {
  const result = [];
  for (const folder of readdirSync(join(workspace, 'packages')).sort()) {
    const manifestPath = join(workspace, 'packages', folder, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.private) continue;
    for (const [subpath, entry] of Object.entries(manifest.exports ?? {})) {
      if (UNDOCUMENTED_SUBPATHS.has(subpath) || typeof entry !== 'object' || !entry[SOURCE_CONDITION])
        continue;
      const file = join(workspace, 'packages', folder, entry[SOURCE_CONDITION]);
      if (!existsSync(file)) continue;
      const module = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
      result.push({
        file,
        module,
        packageName: manifest.name,
        packagePath: posix.normalize(entry[SOURCE_CONDITION]),
      });
    }
  }
  return result;
}

async function generate(out) {
  const entries = entryPoints();
  const moduleByKey = new Map(entries.map((e) => [`${e.packageName}:${e.packagePath}`, e.module]));
  const app = await Application.bootstrapWithPlugins({
    entryPoints: entries.map((e) => e.file),
    entryPointStrategy: 'resolve',
    tsconfig: join(here, 'tsconfig.json'),
    plugin: ['typedoc-plugin-markdown'],
    out,
    name: 'nasdaq-pipeline API reference',
    readme: 'none',
    disableSources: true,
    disableGit: true,
    sourceLinkTemplate: undefined,
    hideGenerator: true,
    excludePrivate: true,
    excludeInternal: true,
    excludeExternals: true,
    sort: ['kind', 'alphabetical'],
    treatWarningsAsErrors: false,
    validation: { notExported: false, invalidLink: true, rewrittenLink: true },
    // TSDoc text such as `dim_date` [date_key]: reads as a Markdown link reference; those warnings are noise.
    logLevel: 'Error',
    // typedoc-plugin-markdown
    entryFileName: 'README.md',
    hidePageHeader: true,
    hideBreadcrumbs: false,
    useCodeBlocks: true,
    parametersFormat: 'table',
    interfacePropertiesFormat: 'table',
    typeDeclarationFormat: 'table',
    enumMembersFormat: 'table',
  });
  const project = await app.convert();
  if (!project)
    throw new Error('api-docs: TypeDoc could not convert the entry points (see the errors above)');
  // Name each module after the package (and subpath) it documents instead of its file path ("aws/src").
  for (const child of project.children ?? []) {
    const id = project.getSymbolIdFromReflection(child);
    const named = id && moduleByKey.get(`${id.packageName}:${id.packagePath}`);
    if (!named) throw new Error(`api-docs: cannot tell which entry point module "${child.name}" comes from`);
    child.name = named;
  }
  await app.generateOutputs(project);
  if (app.logger.hasErrors()) throw new Error('api-docs: TypeDoc reported errors');
  return entries;
}

/**
 * TypeDoc nests a module named `@scope/name` under `@scope/`; move every package up to `docs/api/<name>/` and
 * rewrite the relative Markdown links that crossed the scope folder.
 */
function flattenScope(out, scope) {
  const scopeDir = join(out, scope);
  if (!existsSync(scopeDir)) return;
  const newPath = (file) => (file.startsWith(`${scope}/`) ? file.slice(scope.length + 1) : file);
  for (const file of listFiles(out).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(join(out, file), 'utf8');
    const rewritten = text.replace(/\]\(([^)\s#]*?\.md)(#[^)\s]*)?\)/g, (match, link, anchor = '') => {
      if (/^[a-z]+:/i.test(link)) return match;
      const resolved = posix.normalize(posix.join(posix.dirname(file), link));
      const fromDir = posix.dirname(newPath(file));
      const to = posix.relative(fromDir, newPath(resolved)) || posix.basename(resolved);
      return `](${to}${anchor})`;
    });
    if (rewritten !== text) writeFileSync(join(out, file), rewritten);
  }
  for (const name of readdirSync(scopeDir)) renameSync(join(scopeDir, name), join(out, name));
  rmSync(scopeDir, { recursive: true });
}

/** Links from packages/<folder>/README.md into docs/api that a fresh generation does not produce. */
function brokenReadmeLinks(generated) {
  const broken = [];
  for (const folder of readdirSync(join(workspace, 'packages')).sort()) {
    const readme = join(workspace, 'packages', folder, 'README.md');
    if (!existsSync(readme)) continue;
    for (const match of readFileSync(readme, 'utf8').matchAll(/\]\((\.\.\/\.\.\/docs\/api\/[^)#\s]+)/g)) {
      const page = posix.normalize(posix.join(`packages/${folder}`, match[1])).replace(/^docs\/api\//, '');
      if (!generated.has(page)) broken.push(`packages/${folder}/README.md → docs/api/${page}`);
    }
  }
  return broken;
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

const started = Date.now();
const scratch = mkdtempSync(join(tmpdir(), 'nasdaq-pipeline-api-docs-'));
try {
  const fresh = join(scratch, 'api');
  const entries = await generate(fresh);
  flattenScope(fresh, '@nasdaq-pipeline');
  const freshFiles = listFiles(fresh);
  const broken = brokenReadmeLinks(new Set(freshFiles));
  if (broken.length > 0) {
    console.error(
      `api-docs: package READMEs link to API pages that do not exist:\n${broken.map((b) => `  ${b}`).join('\n')}`,
    );
    process.exitCode = 1;
  }
  if (check) {
    const currentFiles = listFiles(target);
    const differing = [
      ...freshFiles.filter((f) => !currentFiles.includes(f)).map((f) => `missing  docs/api/${f}`),
      ...currentFiles.filter((f) => !freshFiles.includes(f)).map((f) => `stale    docs/api/${f}`),
      ...freshFiles
        .filter((f) => currentFiles.includes(f))
        .filter((f) => !readFileSync(join(fresh, f)).equals(readFileSync(join(target, f))))
        .map((f) => `changed  docs/api/${f}`),
    ];
    if (differing.length > 0) {
      console.error(
        `api-docs: docs/api is out of date (${differing.length} file(s)); run \`npm run docs:api\` and commit:\n` +
          differing
            .slice(0, 40)
            .map((d) => `  ${d}`)
            .join('\n') +
          (differing.length > 40 ? `\n  … and ${differing.length - 40} more` : ''),
      );
      process.exitCode = 1;
    } else {
      console.log(
        `api-docs: docs/api is up to date (${freshFiles.length} files, ${Date.now() - started} ms)`,
      );
    }
  } else {
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    cpSync(fresh, target, { recursive: true });
    console.log(
      `api-docs: wrote ${freshFiles.length} files for ${entries.length} entry points to docs/api (${Date.now() - started} ms)`,
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
