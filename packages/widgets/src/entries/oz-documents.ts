/** `@oz/widgets/oz-documents`: defines <oz-documents> at once (the package's loader would load it when the tag appears). */
import { OzDocuments } from '../elements/oz-documents/oz-documents.ts';
import { startPage } from '../page-api.ts';

export type * from '../events/index.ts';
export { OzDocuments };

startPage(import.meta.url);
OzDocuments.define('oz-documents');
