import type { ConflictReason, ErrorBody, ErrorCode, FieldError } from '@oz/contracts';

/** An error answer of the API (`{error: {code, message, details?}}`), with its HTTP status. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: ErrorCode;
  /** Per-field problems (`details.fields`), e.g. for 422 validation_failed or 409 phone_taken. */
  readonly fields: FieldError[];
  /** For 429: how long to wait, from `details.retryAfterSeconds` or the Retry-After header. */
  readonly retryAfterSeconds: number | undefined;
  /** Everything else the API said (e.g. `missingKinds`, `opensAt`, `reason`); shape depends on the code. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(status: number, body: ErrorBody['error'], retryAfterSeconds?: number) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.fields = body.details?.fields ?? [];
    this.retryAfterSeconds = body.details?.retryAfterSeconds ?? retryAfterSeconds;
    this.details = body.details ?? {};
  }

  /** Which conflict a 409 `conflict` is (`details.reason`); undefined for every other code. */
  get reason(): ConflictReason | undefined {
    if (this.code !== 'conflict') return undefined;
    return this.details['reason'] as ConflictReason | undefined;
  }
}

/** The request never got an answer (offline, DNS, CORS refused, server down): say so, not "error 0". */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(options?: { cause?: unknown }) {
    super('The API could not be reached', options);
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
