// The embed configurator (configurator.html): the form, the snippet and the preview are all made
// from the widgets' manifest at run time, so a new element, attribute or --oz-* property appears
// here without editing this page. The preview is a same-origin frame (configurator-preview.html)
// that loads oz.js itself; the chosen tags are put into it as DOM nodes and the chosen colours as
// an adopted style sheet, which the pages' Content-Security-Policy allows (a <style> block would not).
import {
  ATTRIBUTE_LABELS, CSS_PROPERTY_LABELS, ELEMENT_HINTS, ELEMENT_TITLES, PAGE_WIDE_ATTRIBUTES, RUN_TIME_ATTRIBUTES, VALUE_LABELS,
  cssPropertiesOf, describedDefault, firstSentence, fullHex, h, isColourProperty, literalChoices, loadElements, withCode,
} from './manifest.js';
import { wireCopyButton } from './copy-code.js';

const $ = (id) => document.getElementById(id);

const state = {
  /** Custom-element declarations of the manifest. */
  elements: [],
  /** The chosen tags; the snippet keeps the manifest's order. */
  chosen: new Set(['oz-register']),
  /** tag → attribute → value ('' = not set). */
  attributes: new Map(),
  lang: 'ru',
  api: location.origin,
  /** --oz-* property → value, only those changed from their default. */
  looks: new Map(),
  /** The centers of GET /api/v1/centers, for a `center` attribute whose type lists no values. */
  centers: [],
};

const chosenElements = () => state.elements.filter((element) => state.chosen.has(element.tagName));
const titleOf = (element) => ELEMENT_TITLES[element.tagName] ?? element.tagName;
const settableAttributes = (element) =>
  (element.attributes ?? []).filter((attribute) => !PAGE_WIDE_ATTRIBUTES.has(attribute.name) && !RUN_TIME_ATTRIBUTES.has(attribute.name));
const attributeValues = (tag) => state.attributes.get(tag) ?? state.attributes.set(tag, new Map()).get(tag);

/** Quotes in an attribute value and markup characters written so the snippet stays valid HTML. */
const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
/** A value for the <style> block: nothing that could close the rule or the block. */
const cleanCssValue = (value) => value.replace(/[;{}<>\\]/g, '').trim();

/** The tags as the snippet writes them: [tag, [[name, value]…], text inside]. */
function chosenTags() {
  return chosenElements().map((element) => {
    const attributes = [...attributeValues(element.tagName)].filter(([, value]) => value !== '');
    if (state.lang !== 'ru') attributes.push(['lang', state.lang]);
    // The text shows until the element's code arrives; the bell in a header shows nothing instead.
    const inside = element.tagName === 'oz-notifications' ? '' : state.lang === 'en' ? 'Loading…' : 'Загружаем…';
    return { tag: element.tagName, attributes, inside };
  });
}

function styleRule() {
  const tags = chosenElements().map((element) => element.tagName);
  const known = new Set(cssPropertiesOf(chosenElements()).map((property) => property.name));
  const declarations = [...state.looks].filter(([name, value]) => known.has(name) && value);
  if (!tags.length || !declarations.length) return '';
  return `${tags.join(', ')} {\n${declarations.map(([name, value]) => `  ${name}: ${value};`).join('\n')}\n}`;
}

/** The snippet, in the README's form: the script tag, the tags, and a <style> block when colours changed. */
function snippetText() {
  const api = state.api.replace(/\/+$/, '');
  const lines = [`<script type="module" src="${escapeAttribute(api)}/widgets/oz.js" data-api="${escapeAttribute(api)}"></script>`];
  const tags = chosenTags();
  if (tags.length) lines.push('');
  for (const { tag, attributes, inside } of tags) {
    const written = attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
    lines.push(`<${tag}${written}>${inside}</${tag}>`);
  }
  const rule = styleRule();
  if (rule) lines.push('', '<style>', rule, '</style>');
  return lines.join('\n');
}

// ---- the form ----------------------------------------------------------------------------

function renderElementChoices() {
  const fieldset = $('elements');
  const choices = state.elements.map((element) => {
    const id = `element-${element.tagName}`;
    return h('div', { className: 'choice' },
      h('input', { type: 'checkbox', id, name: 'element', value: element.tagName, checked: state.chosen.has(element.tagName), 'aria-describedby': `${id}-hint` }),
      h('label', { for: id, className: 'choice-title' }, `${titleOf(element)} `, h('code', {}, `<${element.tagName}>`)),
      ELEMENT_HINTS[element.tagName]
        ? h('p', { className: 'choice-hint', id: `${id}-hint` }, ELEMENT_HINTS[element.tagName])
        : h('p', { className: 'choice-hint', id: `${id}-hint`, lang: 'en' }, ...withCode(shortSummary(element.summary))));
  });
  fieldset.replaceChildren(h('legend', {}, 'Какие блоки показать'), ...choices);
}

function shortSummary(summary = '') {
  const sentence = firstSentence(summary);
  return sentence.length <= 140 ? sentence : `${sentence.slice(0, sentence.lastIndexOf(' ', 130))}…`;
}

/** One fieldset per chosen element that has attributes of its own (a center, a page size…). */
function renderElementSettings() {
  const groups = chosenElements()
    .filter((element) => settableAttributes(element).length)
    .map((element) => h('fieldset', {},
      h('legend', {}, `Настройки: ${titleOf(element)}`),
      ...settableAttributes(element).map((attribute) => attributeField(element, attribute))));
  $('element-settings').replaceChildren(...groups);
}

function attributeField(element, attribute) {
  const id = `attr-${element.tagName}-${attribute.name}`;
  const value = attributeValues(element.tagName).get(attribute.name) ?? '';
  const label = ATTRIBUTE_LABELS[attribute.name];
  const typeText = attribute.type?.text ?? '';
  const hint = h('p', { className: 'hint', id: `${id}-hint` },
    label ? '' : h('span', { lang: 'en' }, ...withCode(attribute.description ?? '')),
    label ? '' : ' ',
    'Атрибут ', h('code', {}, attribute.name),
    attribute.default ? `, по умолчанию ${attribute.default.replace(/^'(.*)'$/, '$1')}` : '', '.');
  const common = { id, name: id, 'data-tag': element.tagName, 'data-attribute': attribute.name, 'aria-describedby': `${id}-hint` };
  let control;
  const choices = literalChoices(typeText);
  const centers = attribute.name === 'center' && !choices.length ? state.centers : [];
  if (choices.length || centers.length) {
    const options = choices.length ? choices.map((choice) => [choice, VALUE_LABELS[choice] ? `${VALUE_LABELS[choice]} (${choice})` : choice]) : centers.map((center) => [center.id, center.shortName ?? center.name]);
    control = h('select', common,
      h('option', { value: '' }, attribute.name === 'center' ? 'Житель выбирает сам' : defaultChoiceText(attribute.default)),
      ...options.map(([optionValue, text]) => h('option', { value: optionValue, selected: optionValue === value }, text)));
  } else if (/^number\b/.test(typeText)) {
    control = h('input', { ...common, type: 'number', inputmode: 'numeric', min: '1', value });
  } else {
    control = h('input', { ...common, type: 'text', autocomplete: 'off', spellcheck: 'false', value });
  }
  return h('div', { className: 'field' }, h('label', { for: id }, label ?? attribute.name), control, hint);
}

/** The empty choice of a list: the element's own default, named when the manifest names it. */
function defaultChoiceText(written) {
  const value = written?.replace(/^'(.*)'$/, '$1');
  return value ? `По умолчанию: ${VALUE_LABELS[value] ?? value}` : 'По умолчанию';
}

function renderLooks() {
  const properties = cssPropertiesOf(chosenElements().length ? chosenElements() : state.elements);
  const fields = properties.map((property) => {
    const id = `css-${property.name.slice(2)}`;
    const fallback = describedDefault(property.description);
    const label = h('label', { for: id }, `${CSS_PROPERTY_LABELS[property.name] ?? property.description ?? property.name} `, h('code', {}, property.name));
    const common = { id, 'data-property': property.name, 'aria-describedby': `${id}-hint` };
    if (isColourProperty(property)) {
      const value = state.looks.get(property.name) ?? fullHex(fallback ?? '#000000');
      return h('div', { className: 'colour-field' },
        h('input', { ...common, type: 'color', value, 'data-default': fullHex(fallback ?? '') }),
        label,
        h('p', { className: 'hint', id: `${id}-hint` }, fallback ? `По умолчанию ${fallback}` : ''));
    }
    return h('div', { className: 'field' }, label,
      h('input', { ...common, type: 'text', autocomplete: 'off', spellcheck: 'false', value: state.looks.get(property.name) ?? '' }),
      h('p', { className: 'hint', id: `${id}-hint` }, fallback ? `По умолчанию ${fallback}` : property.name === '--oz-font-family' ? 'Например: "PT Sans", Arial, sans-serif' : ''));
  });
  $('css-properties').replaceChildren(...fields);
}

// ---- the snippet and the preview -------------------------------------------------------

let previewKey;
let previewSheet;

function update() {
  $('snippet').textContent = snippetText();
  updatePreview();
}

function updatePreview() {
  const frame = $('preview');
  const doc = frame.contentDocument;
  const slot = doc?.getElementById('oz-preview');
  if (!slot) return; // not loaded yet: its load event calls again
  const tags = chosenTags();
  const key = JSON.stringify(tags);
  if (key !== previewKey) {
    previewKey = key;
    const made = tags.map(({ tag, attributes, inside }) => {
      const element = doc.createElement(tag);
      for (const [name, value] of attributes) element.setAttribute(name, value);
      element.textContent = inside;
      return element;
    });
    slot.replaceChildren(...(made.length ? made : [Object.assign(doc.createElement('p'), { textContent: 'Отметьте блоки в конструкторе, и они появятся здесь.' })]));
  }
  // The frame's own constructor: a sheet can be adopted only by the document it was made for.
  if (!previewSheet) {
    previewSheet = new frame.contentWindow.CSSStyleSheet();
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, previewSheet];
  }
  previewSheet.replaceSync(styleRule());
}

// ---- events ------------------------------------------------------------------------------

function listen() {
  const form = $('choices');
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', (event) => {
    const target = event.target;
    if (target.name === 'element') {
      if (target.checked) state.chosen.add(target.value);
      else state.chosen.delete(target.value);
      renderElementSettings();
      renderLooks();
    } else if (target.name === 'lang') {
      state.lang = target.value;
    }
    update();
  });
  form.addEventListener('input', (event) => {
    const target = event.target;
    if (target.dataset.attribute) {
      attributeValues(target.dataset.tag).set(target.dataset.attribute, target.value.trim());
    } else if (target.dataset.property) {
      const value = target.type === 'color' ? target.value : cleanCssValue(target.value);
      if (!value || value === target.dataset.default) state.looks.delete(target.dataset.property);
      else state.looks.set(target.dataset.property, value);
    } else if (target.id === 'api') {
      const valid = /^https?:\/\/[^\s/"<>]+/i.test(target.value.trim());
      $('api-error').hidden = valid;
      target.setAttribute('aria-invalid', String(!valid));
      target.setAttribute('aria-describedby', valid ? 'api-hint' : 'api-hint api-error');
      if (valid) state.api = target.value.trim();
    } else {
      return;
    }
    update();
  });
  $('reset-looks').addEventListener('click', () => {
    state.looks.clear();
    renderLooks();
    update();
  });
  $('preview').addEventListener('load', () => {
    previewKey = undefined;
    previewSheet = undefined;
    updatePreview();
  });
  wireCopyButton($('copy'), $('snippet'), $('copy-status'));
}

async function loadCenters() {
  try {
    const response = await fetch('/api/v1/centers');
    if (response.ok) state.centers = (await response.json()).items ?? [];
  } catch {
    // Without the catalog the center is typed as text.
  }
}

async function start() {
  $('api').value = state.api;
  listen();
  update();
  try {
    const [elements] = await Promise.all([loadElements(), loadCenters()]);
    state.elements = elements;
  } catch {
    $('manifest-error').hidden = false;
    $('elements-loading').textContent = 'Список блоков не загрузился.';
    return;
  }
  renderElementChoices();
  renderElementSettings();
  renderLooks();
  update();
}

start();
