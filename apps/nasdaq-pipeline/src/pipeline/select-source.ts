import type { ResolvedConfig } from '../config/types.js';
import { ConfigError } from '../errors.js';

/** Which source a run uses and what to tell the user about it. */
export interface SourceChoice {
  source: 'fmp' | 'sample';
  /** One-line notice when the choice was made for the user. */
  notice: string | null;
}

/**
 * Resolves `--source` / config `source`: `auto` means FMP when `FMP_API_KEY` is set, else the
 * built-in simulated market (with a notice). `fmp` without a key is a config error.
 */
export function selectSource(config: ResolvedConfig, flag: 'fmp' | 'sample' | undefined): SourceChoice {
  const wanted = flag ?? config.source;
  if (wanted === 'sample') return { source: 'sample', notice: null };
  if (wanted === 'fmp') {
    if (!config.fmp.apiKey)
      throw new ConfigError(
        'source fmp needs FMP_API_KEY; export it, or use --source sample for the simulated market',
      );
    return { source: 'fmp', notice: null };
  }
  return config.fmp.apiKey
    ? { source: 'fmp', notice: null }
    : {
        source: 'sample',
        notice:
          'FMP_API_KEY is not set: using the built-in simulated market (--source sample); set the key for real prices',
      };
}
