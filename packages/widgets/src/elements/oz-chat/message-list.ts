import type { ChatMessage } from '@oz/contracts';
import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Lang, Translation } from '../../i18n/index.ts';
import { groupMessages, localDay, type MessageGroup } from './message-groups.ts';

export interface MessageListProps {
  t: Translation;
  locale: Lang;
  messages: readonly ChatMessage[];
  /** The reader's user id: their own messages say «Вы». */
  ownId: string | undefined;
  now: number;
}

/**
 * The conversation, grouped by day and by author. Texts go in as Lit text bindings, so markup
 * someone typed is shown as the characters they typed and never parsed as HTML.
 */
export function renderMessageList(props: MessageListProps): TemplateResult {
  const groups = groupMessages(props.messages, props.ownId);
  return html`
    <ol class="messages" part="messages">
      ${repeat(
        groups,
        (group) => group.key,
        (group) => html`
          ${group.startsDay ? html`<li class="day" part="day">${dayLabel(props, group.day)}</li>` : ''}
          ${renderGroup(props, group)}
        `,
      )}
    </ol>
  `;
}

/** Own messages are marked by the word «Вы» and by their side, not by colour alone. */
function renderGroup(props: MessageListProps, group: MessageGroup): TemplateResult {
  const { t } = props;
  return html`
    <li class="group ${group.own ? 'own' : 'theirs'}" part="group ${group.own ? 'own' : 'theirs'}">
      <p class="author" part="author">${authorLabel(t, group)}</p>
      ${group.messages.map(
        (message) => html`
          <div class="message" part="message" data-message-id=${message.id}>
            <p class="text" part="text">${message.text}</p>
            <time class="time" part="time" datetime=${message.createdAt}>${t.chat.sentAt(formatTime(props.locale, message.createdAt))}</time>
          </div>
        `,
      )}
    </li>
  `;
}

export function authorLabel(t: Translation, author: Pick<MessageGroup, 'own' | 'authorName' | 'authorRole'>): string {
  return author.own ? t.chat.you : t.chat.author(author.authorName, t.chat.roles[author.authorRole]);
}

function dayLabel({ t, locale, now }: MessageListProps, day: string): string {
  if (day === localDay(now)) return t.chat.today;
  const yesterday = new Date(now);
  yesterday.setDate(yesterday.getDate() - 1);
  if (day === localDay(yesterday.getTime())) return t.chat.yesterday;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(year, month - 1, date),
  );
}

function formatTime(locale: Lang, iso: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(Date.parse(iso));
}
