import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { CommandContext } from '../program.js';
import { UsageError } from '../errors.js';

/** The commented config template shipped with the CLI (same text as config/pipeline.example.yaml). */
export const configTemplatePath = fileURLToPath(new URL('../../templates/pipeline.yaml', import.meta.url));

/** `nasdaq-pipeline init`: writes a commented config file listing every option and its default. */
export function registerInit(program: Command, ctx: CommandContext): void {
  program
    .command('init')
    .description('write a commented config file (every option with its default)')
    .option('-o, --output <file>', 'where to write it', 'nasdaq-pipeline.yaml')
    .option('-f, --force', 'overwrite an existing file')
    .action(async (opts: { output: string; force?: boolean }) => {
      const { access, copyFile } = await import('node:fs/promises');
      const target = path.resolve(ctx.deps.cwd, opts.output);
      const exists = await access(target).then(
        () => true,
        () => false,
      );
      if (exists && !opts.force) {
        throw new UsageError(
          `${target} already exists; pass --force to overwrite it or --output to choose another file`,
        );
      }
      await copyFile(configTemplatePath, target);
      if (ctx.globals().json) ctx.printJson({ ok: true, written: target });
      ctx.say(
        `wrote ${target}\nedit it, then run \`nasdaq-pipeline doctor\` to check it (it is read automatically from this folder)`,
      );
    });
}
