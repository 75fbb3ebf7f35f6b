import { expect } from '@open-wc/testing';
import { newPatientAuth, testApi } from '../../test/api.ts';
import { SAMPLE_BYTES, listDocuments, pdfFile, pdfOfSize, sampleFile } from '../../test/documents.ts';
import { ApiClient } from './client.ts';
import { ApiError, NetworkError } from './errors.ts';
import { uploadDocument, type UploadProgress } from './upload.ts';

describe('uploadDocument against the real API', () => {
  const clientFor = (token: string | null) => new ApiClient({ origin: testApi, token: () => token });

  it('sends kind and file as multipart with the bearer token, reports progress up to 100%, answers the stored document', async () => {
    const auth = await newPatientAuth();
    const progress: UploadProgress[] = [];
    const size = 2 * 1024 * 1024;
    const document = await uploadDocument(
      clientFor(auth.token),
      { kind: 'ecg', file: sampleFile(pdfOfSize(size), 'ЭКГ 12.03.pdf') },
      { onProgress: (p) => progress.push(p) },
    );

    expect(document.kind).to.equal('ecg');
    expect(document.fileName).to.equal('ЭКГ 12.03.pdf');
    expect(document.mediaType).to.equal('application/pdf');
    expect(document.sizeBytes).to.equal(size);
    expect(document.inUse).to.equal(false);
    expect(progress.length, 'progress was reported').to.be.greaterThan(0);
    const last = progress.at(-1)!;
    expect(last.loaded).to.equal(last.total);
    expect(last.total).to.be.at.least(size);
    expect((await listDocuments(auth.token)).map((d) => d.id)).to.deep.equal([document.id]);
  });

  it('turns 415 for content that is not a document into ApiError unsupported_media_type', async () => {
    const auth = await newPatientAuth();
    const error = await uploadDocument(clientFor(auth.token), {
      kind: 'ecg',
      file: sampleFile(SAMPLE_BYTES.html(), 'scan.pdf'),
    }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect([(error as ApiError).status, (error as ApiError).code]).to.deep.equal([415, 'unsupported_media_type']);
    expect(await listDocuments(auth.token)).to.deep.equal([]);
  });

  it('turns a file over the limit (OZ_MAX_UPLOAD_MB, 20 by default) into ApiError payload_too_large', async () => {
    const auth = await newPatientAuth();
    const error = await uploadDocument(clientFor(auth.token), {
      kind: 'mri',
      file: sampleFile(pdfOfSize(20 * 1024 * 1024 + 1), 'mri.pdf'),
    }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect([(error as ApiError).status, (error as ApiError).code]).to.deep.equal([413, 'payload_too_large']);
  });

  it('answers 401 without a token, and tells the client so a revoked session signs out', async () => {
    const ended: string[] = [];
    const client = new ApiClient({ origin: testApi, token: () => 'revoked-token', onUnauthenticated: (t) => ended.push(t) });
    const error = await uploadDocument(client, { kind: 'ecg', file: pdfFile() }).catch((e: unknown) => e);
    expect((error as ApiError).code).to.equal('unauthenticated');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ended).to.deep.equal(['revoked-token']);
  });

  it('is abortable: rejects with AbortError and stores nothing', async () => {
    const auth = await newPatientAuth();
    const controller = new AbortController();
    const pending = uploadDocument(
      clientFor(auth.token),
      { kind: 'ct', file: sampleFile(pdfOfSize(15 * 1024 * 1024), 'ct.pdf') },
      { signal: controller.signal },
    );
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect((error as Error).name).to.equal('AbortError');

    const already = await uploadDocument(clientFor(auth.token), { kind: 'ct', file: pdfFile() }, { signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    expect((already as Error).name, 'an already aborted signal sends nothing').to.equal('AbortError');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await listDocuments(auth.token)).to.deep.equal([]);
  });

  it('turns an unreachable API into a NetworkError', async () => {
    const client = new ApiClient({ origin: 'http://127.0.0.1:9', token: () => 'x' });
    const error = await uploadDocument(client, { kind: 'ecg', file: pdfFile() }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NetworkError);
  });
});
