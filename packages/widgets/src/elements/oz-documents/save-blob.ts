/**
 * Hands a fetched file to the browser as a download. The content route needs the bearer token,
 * so a plain link cannot work, and a token must never travel in an address: the file is fetched
 * with the token in a header and offered through an object URL instead.
 */
export function saveBlob(blob: Blob, fileName: string, container: ParentNode): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  // Some browsers only follow a link that is in a document.
  container.append(link);
  link.click();
  link.remove();
  // Revoking at once can cut the download short; a minute is plenty for the browser to take it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
