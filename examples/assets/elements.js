// The element reference (elements.html), drawn from the widgets' manifest at run time: every
// element with its summary, attributes, properties, methods, events, parts, --oz-* properties and
// slots, and a live example of its tag (signed out, as a visitor first sees it).
import { ELEMENT_HINTS, ELEMENT_TITLES, h, loadElements, withCode } from './manifest.js';

const $ = (id) => document.getElementById(id);
const titleOf = (element) => ELEMENT_TITLES[element.tagName] ?? element.tagName;
const unquote = (text) => text.replace(/^'(.*)'$/, '$1');

/** Manifest descriptions are English prose with `code` in backticks and blank lines between paragraphs. */
function prose(text = '') {
  return text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim()).map((paragraph) =>
    h('p', { lang: 'en' }, ...withCode(paragraph.replace(/\s+/g, ' ').trim())));
}

/** One item of an API list: the name, its facts in Russian, the manifest's description. */
function entry(name, facts, description) {
  return h('li', {},
    h('code', {}, name),
    ...facts.filter((fact) => fact && fact[1]).flatMap(([label, value]) => [h('span', { className: 'what' }, ` · ${label}: `), h('code', {}, value)]),
    ...prose(description));
}

function listSection(headingId, heading, items, empty) {
  return [
    h('h3', { id: headingId }, heading),
    items.length ? h('ul', { className: 'api-list', 'aria-labelledby': headingId }, ...items) : h('p', {}, empty),
  ];
}

/** Long lists (an element has dozens of parts) fold away so the page stays short on a phone. */
function foldedSection(heading, items, empty) {
  if (!items.length) return [h('h3', {}, heading), h('p', {}, empty)];
  return [h('details', {}, h('summary', {}, `${heading} (${items.length})`), h('ul', { className: 'api-list' }, ...items))];
}

function renderElement(element) {
  const tag = element.tagName;
  const id = (suffix) => `${tag}-${suffix}`;
  const attributes = (element.attributes ?? []).map((attribute) =>
    entry(attribute.name, [['тип', attribute.type?.text], attribute.default && ['по умолчанию', unquote(attribute.default)], attribute.fieldName && ['свойство', attribute.fieldName]], attribute.description));
  const members = element.members ?? [];
  const properties = members.filter((member) => member.kind === 'field' && !member.static).map((member) =>
    entry(member.name, [['тип', member.type?.text], member.default && ['по умолчанию', member.default], member.attribute && ['атрибут', member.attribute], member.readonly && ['только чтение', 'да']], member.description));
  const methods = members.filter((member) => member.kind === 'method' && !member.static).map((member) =>
    entry(`${member.name}()`, [], member.description));
  const events = (element.events ?? []).map((event) => entry(event.name, [['тип', event.type?.text ?? 'CustomEvent']], event.description));
  const parts = (element.cssParts ?? []).map((part) => entry(part.name, [], part.description));
  const cssProperties = (element.cssProperties ?? []).map((property) => entry(property.name, [], property.description));
  const slots = (element.slots ?? []).map((slot) => entry(slot.name || '(без имени)', [], slot.description));
  const example = document.createElement(tag);
  example.textContent = tag === 'oz-notifications' ? '' : 'Загружаем…';
  return h('section', { className: 'element-ref', id: tag, 'aria-labelledby': id('heading') },
    h('h2', { id: id('heading') }, `${titleOf(element)} `, h('code', {}, `<${tag}>`)),
    ELEMENT_HINTS[tag] && h('p', { className: 'lead' }, ELEMENT_HINTS[tag]),
    ...prose(element.summary ?? element.description),
    h('h3', {}, 'Код'),
    h('pre', { className: 'snippet' }, h('code', {}, `<${tag}>${example.textContent}</${tag}>`)),
    h('h3', {}, 'Живой пример'),
    h('div', { className: 'live-example' }, h('p', {}, 'Так блок видит посетитель, который ещё не вошёл:'), example),
    ...listSection(id('attributes'), 'Атрибуты', attributes, 'Нет атрибутов.'),
    ...listSection(id('properties'), 'Свойства (JavaScript)', properties, 'Нет свойств.'),
    ...(methods.length ? listSection(id('methods'), 'Методы', methods, '') : []),
    ...listSection(id('events'), 'События', events, 'Событий нет.'),
    ...foldedSection('Части для оформления (::part)', parts, 'Частей нет.'),
    ...foldedSection('Свойства CSS --oz-*', cssProperties, 'Нет свойств CSS.'),
    ...listSection(id('slots'), 'Слоты', slots, 'Слотов нет: содержимое тега показывается, только пока загружается код блока.'),
  );
}

async function start() {
  let elements;
  try {
    elements = await loadElements();
  } catch {
    $('manifest-error').hidden = false;
    $('toc').replaceChildren(h('li', {}, 'Список блоков не загрузился.'));
    return;
  }
  $('toc').replaceChildren(...elements.map((element) =>
    h('li', {}, h('a', { href: `#${element.tagName}` }, titleOf(element)), ' ', h('code', {}, `<${element.tagName}>`))));
  $('reference').replaceChildren(...elements.map(renderElement));
  // Arriving with #oz-apply in the address: the section exists only now.
  if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
}

start();
