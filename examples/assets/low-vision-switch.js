// A stand-in for the bvi plugin («Версия для слабовидящих»): it sets the plugin's marks on <body>
// and remembers the choice, as bvi does. The widgets follow the marks by themselves.
const body = document.body;
const KEY = 'low-vision-sample';

function apply(choice) {
  const marks = choice.theme
    ? { theme: choice.theme, fontsize: choice.fontsize || '24', images: choice.images || 'true', lineheight: 'normal', letterspacing: 'normal', fontfamily: choice.fontfamily || 'arial' }
    : {};
  body.classList.toggle('bvi-body', Boolean(choice.theme));
  for (const name of ['theme', 'fontsize', 'images', 'lineheight', 'letterspacing', 'fontfamily']) {
    if (marks[name]) body.setAttribute('data-bvi-' + name, marks[name]);
    else body.removeAttribute('data-bvi-' + name);
  }
  for (const button of document.querySelectorAll('.bvi-panel button')) {
    const [name, value] = Object.entries(button.dataset)[0];
    button.setAttribute('aria-pressed', String((marks[name] || '') === value));
  }
  localStorage.setItem(KEY, JSON.stringify(choice));
}

let choice = {};
try {
  choice = JSON.parse(localStorage.getItem(KEY) || '{}');
} catch {}
// ?theme=black&fontsize=32&images=false opens the page so (handy for screenshots).
for (const [name, value] of new URLSearchParams(location.search)) choice[name] = value;
apply(choice);

document.querySelector('.bvi-panel').addEventListener('click', (event) => {
  const button = event.target.closest('button');
  if (!button) return;
  const [name, value] = Object.entries(button.dataset)[0];
  choice = { ...choice, [name]: value };
  if (name !== 'theme' && !choice.theme) choice.theme = 'white';
  apply(choice);
});
