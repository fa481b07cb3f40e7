import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets.js';

describe('redactSecrets', () => {
  it('replaces every occurrence of each secret', () => {
    expect(redactSecrets('key s3cr3t and s3cr3t again', ['s3cr3t'])).toBe('key *** and *** again');
  });

  it('replaces the URL-encoded form', () => {
    expect(redactSecrets('u?k=a%2Bb%2Fc', ['a+b/c'])).toBe('u?k=***');
  });

  it('redacts any apikey query parameter even without knowing the key', () => {
    expect(redactSecrets('https://h/stable/quote?symbol=AAPL&apikey=abc123&x=1', [])).toBe(
      'https://h/stable/quote?symbol=AAPL&apikey=***&x=1',
    );
  });

  it('replaces a longer secret whole before a shorter one it contains', () => {
    expect(redactSecrets('abcdef', ['abc', 'abcdef'])).toBe('***');
  });

  it('ignores empty and missing secrets', () => {
    expect(redactSecrets('plain text', ['', undefined, null])).toBe('plain text');
  });
});
