import type { DocumentKind } from '@oz/contracts';
import type { AddressOf, FormEndpoint, InputArgs, InputOf, MethodOf, ResponseOf } from '@oz/contracts/endpoints';
import type { ApiClient } from './client.ts';
import { ApiError, NetworkError } from './errors.ts';
import { readApiError } from './read-error.ts';

/** How much of the request body has gone out; `total` includes the multipart envelope. */
/** Whole percent of a file sent, 0–100. */
export function uploadPercent(progress: UploadProgress | undefined): number {
  const { loaded = 0, total = 0 } = progress ?? {};
  return total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadDocumentInput {
  kind: DocumentKind;
  file: File;
}

export interface UploadDocumentOptions {
  /** Called as the file goes out (several times a second on a slow line), and once at 100%. */
  onProgress?: (progress: UploadProgress) => void;
  /** Aborting stops the transfer; the promise then rejects with an AbortError DOMException. */
  signal?: AbortSignal | undefined;
}

export interface SendMultipartOptions extends UploadDocumentOptions {
  /** The size to report as `total` when the browser cannot compute the body's length. */
  sizeHint: number;
  /** Turns an error answer into the error to reject with; default: the client's own reading. */
  readError?: (response: Response) => Promise<ApiError>;
}

/**
 * `POST /documents` with XMLHttpRequest, because fetch cannot report upload progress and rural
 * connections make a 10 MB scan take minutes. Failures become the same ApiError / NetworkError
 * the ApiClient throws, so describeError words them the same way.
 */
export function uploadDocument(
  client: ApiClient,
  { kind, file }: UploadDocumentInput,
  { onProgress, signal }: UploadDocumentOptions = {},
) {
  return sendMultipart(client, 'POST /documents', { form: { kind, file } }, { onProgress, signal, sizeHint: file.size });
}

/** Every endpoint that takes a multipart form is a POST. */
const FORM_METHOD: MethodOf<FormEndpoint> = 'POST';

/**
 * POSTs the endpoint's multipart `form` (a File is sent under its own name) with the session's
 * bearer token and upload progress, for every upload of the widgets (documents, the referral
 * table). Resolves with the parsed JSON answer.
 */
export function sendMultipart<E extends FormEndpoint>(
  client: ApiClient,
  endpoint: E,
  input: InputOf<E>,
  { onProgress, signal, sizeHint, readError = readApiError }: SendMultipartOptions,
): Promise<ResponseOf<E>> {
  type Answer = ResponseOf<E>;
  const url = client.url(endpoint, ...([input] as InputArgs<AddressOf<E>>));
  const form = new FormData();
  for (const [name, value] of Object.entries(input.form as Readonly<Record<string, string | Blob>>)) form.set(name, value);
  return new Promise<Answer>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const token = client.currentToken();
    const xhr = new XMLHttpRequest();
    xhr.open(FORM_METHOD, url);
    // The token travels in a header; cookies of the API origin are never needed.
    xhr.withCredentials = false;
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);

    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => signal?.removeEventListener('abort', onAbort);

    xhr.upload.addEventListener('progress', (event) => {
      onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : sizeHint });
    });
    xhr.addEventListener('load', () => {
      settle();
      if (xhr.status >= 200 && xhr.status < 300) {
        const body = parseJson(xhr.responseText) as Answer | undefined;
        if (body) resolve(body);
        else reject(new ApiError(xhr.status, { code: 'internal', message: 'The API answered with something unreadable' }));
        return;
      }
      void readError(toResponse(xhr)).then((error) => {
        client.reportUnauthenticated(error, token);
        reject(error);
      });
    });
    // The server may close the connection mid-transfer (e.g. a body over its limit); say "no connection".
    xhr.addEventListener('error', () => {
      settle();
      reject(new NetworkError());
    });
    xhr.addEventListener('timeout', () => {
      settle();
      reject(new NetworkError());
    });
    xhr.addEventListener('abort', () => {
      settle();
      reject(abortError());
    });

    xhr.send(form);
  });
}

function abortError(): DOMException {
  return new DOMException('The upload was aborted', 'AbortError');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The XHR answer as a Response, so error bodies are read by the one readApiError the client uses. */
function toResponse(xhr: XMLHttpRequest): Response {
  const headers = new Headers();
  const retryAfter = xhr.getResponseHeader('Retry-After');
  if (retryAfter) headers.set('Retry-After', retryAfter);
  return new Response(xhr.responseText || null, { status: xhr.status, statusText: xhr.statusText, headers });
}
