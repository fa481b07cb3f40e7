/** What an SDK v3 service exception looks like, structurally (no import of the SDK's error classes). */
interface ServiceErrorShape {
  readonly name?: string;
  readonly Code?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/** HTTP status of an SDK error, when it has one. */
export function getHttpStatus(error: unknown): number | undefined {
  return (error as ServiceErrorShape | null)?.$metadata?.httpStatusCode;
}

/** The object (or bucket) does not exist: `NoSuchKey`, `NotFound` (HEAD has no body) or a bare 404. */
export function isNotFound(error: unknown): boolean {
  const name = (error as ServiceErrorShape | null)?.name;
  return name === 'NoSuchKey' || name === 'NotFound' || getHttpStatus(error) === 404;
}

/**
 * A conditional write lost: 412 `PreconditionFailed` (the object exists / its ETag changed) or 409
 * `ConditionalRequestConflict` (a concurrent conditional write to the same key was in flight).
 */
export function isConditionFailed(error: unknown): boolean {
  const status = getHttpStatus(error);
  const name = (error as ServiceErrorShape | null)?.name;
  return (
    status === 412 || status === 409 || name === 'PreconditionFailed' || name === 'ConditionalRequestConflict'
  );
}
