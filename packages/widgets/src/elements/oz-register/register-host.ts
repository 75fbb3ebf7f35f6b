import type { AuthResponse, FieldError } from '@oz/contracts';
import type { TemplateResult } from 'lit';
import type { Translation } from '../../i18n/ru.ts';
import type { ContractChecks } from '../../internal/contracts.ts';
import type { CheckableSchema } from '../../internal/precheck.ts';
import type { ViewHost } from '../../internal/view-host.ts';
import type { AccountFields } from './account-fields.ts';
import type { Mode } from './oz-register.ts';

export type { Mode } from './oz-register.ts';

/** Words of the element's status line, kept as a function so they follow a change of language. */
export type StatusWords = (t: Translation) => string;

/** Pre-checks `input` with the contract schema `schema` picks; no errors when the schemas cannot be loaded now. */
export type ContractCheck = (schema: (checks: ContractChecks) => CheckableSchema, input: unknown) => Promise<FieldError[]>;

/** What <oz-register> lends its two parts (register-signed-out.ts, register-signed-in.ts). */
export interface RegisterHost extends ViewHost {
  readonly mode: () => Mode;
  setMode(mode: Mode): void;
  /**
   * The contract's pre-checks, for both parts' forms. The element owns them: modules that both
   * part chunks imported would go into the shared chunk that every element loads.
   */
  readonly checks: ContractCheck;
  /** The fields and buttons both parts draw, with the element's memory of which passwords are shown. */
  readonly fields: AccountFields;
  /** «Выйти»: on the signed-in view and on the steps a sign-in still has to finish. */
  signOutButton(): TemplateResult;
  /** A confirmation in the element's `status` line, until the next one or another user; undefined clears it. */
  say(words: StatusWords | undefined): void;
  /** A sign-in, registration or reset went through: the page's session starts, the page hears `oz-signed-in`. */
  signedIn(auth: AuthResponse): Promise<void>;
  /** The API deleted the account and ended its sessions: forget it here too, and tell the page. */
  accountErased(): void;
  /** After a view swaps, the focused control is gone: focus goes to the new view's heading. */
  focusNewView(): Promise<void>;
}
