import { expect } from '@open-wc/testing';
import { ApiError } from '../../api/errors.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { describeUploadError } from './upload-parts.ts';

const refusal = (status: number, code: 'unsupported_media_type' | 'payload_too_large', details: Record<string, unknown>) =>
  new ApiError(status, { code, message: 'refused', details });

describe('describeUploadError: what a person can fix about a refused upload', () => {
  it('names the file inside a ZIP that is not a DICOM image', () => {
    const error = refusal(415, 'unsupported_media_type', { reason: 'zip_not_dicom', entry: 'Viewer/viewer.exe' });
    expect(describeUploadError(ru, error)).to.equal(ru.documents.zipNotDicom('Viewer/viewer.exe'));
    expect(describeUploadError(en, error)).to.contain('Viewer/viewer.exe');
  });

  it('tells apart a locked archive, an archive of too many images, and a plain refusal', () => {
    expect(describeUploadError(ru, refusal(415, 'unsupported_media_type', { reason: 'zip_encrypted', entry: 'IM1' }))).to.equal(ru.documents.zipEncrypted);
    expect(describeUploadError(ru, refusal(413, 'payload_too_large', { reason: 'zip_too_many_files', limit: 5000 }))).to.equal(ru.documents.zipTooBig);
    expect(describeUploadError(ru, refusal(413, 'payload_too_large', { maxBytes: 1 }))).to.equal(ru.documents.tooLarge);
    expect(describeUploadError(ru, refusal(415, 'unsupported_media_type', { detected: 'text/html' }))).to.equal(ru.documents.unsupportedType);
    expect(ru.documents.unsupportedType).to.contain('ZIP');
  });
});
