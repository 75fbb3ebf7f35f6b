// The start page (index.html): the snippet names this server, and the copy button.
import { wireCopyButton } from './copy-code.js';

const snippet = document.getElementById('snippet');
// The page is served by the program's server itself: its address is the one to paste.
snippet.textContent = snippet.textContent.replaceAll('https://oz.example.ru', location.origin);
wireCopyButton(document.getElementById('copy'), snippet, document.getElementById('copy-status'));

