import { afterEach, describe, expect, it, vi } from 'vitest';
import { chaosPoint } from './chaos-point.js';

describe('chaosPoint', () => {
  afterEach(() => vi.restoreAllMocks());

  it('does nothing when NASDAQ_PIPELINE_CHAOS_KILL_AT is unset or names another step', () => {
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    chaosPoint('staged', {});
    chaosPoint('staged', { NASDAQ_PIPELINE_CHAOS_KILL_AT: 'published' });
    expect(kill).not.toHaveBeenCalled();
  });

  it('SIGKILLs the process the k-th time it reaches the named step', () => {
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    const env = { NASDAQ_PIPELINE_CHAOS_KILL_AT: 'unit-step#3' };
    chaosPoint('unit-step', env);
    chaosPoint('unit-step', env);
    expect(kill).not.toHaveBeenCalled();
    chaosPoint('unit-step', env);
    expect(kill).toHaveBeenCalledWith(process.pid, 'SIGKILL');
    chaosPoint('unit-step', env);
    expect(kill).toHaveBeenCalledTimes(1);
  });
});
