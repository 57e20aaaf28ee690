import type { TFunction } from 'i18next';

/**
 * Labels for codes the server sends (roles, kinds of violence, categories …). An unknown code, for
 * example from a newer server, is shown as it is rather than hidden.
 */
export type CodeList =
  | 'role'
  | 'violenceKind'
  | 'personRole'
  | 'category'
  | 'organisationType'
  | 'purpose'
  | 'status'
  | 'access'
  | 'verdict'
  | 'outcome'
  | 'route'
  | 'classification'
  | 'matchedOn'
  | 'certainty';

export function codeLabel(t: TFunction, list: CodeList, code: string): string {
  return t(`codes.${list}.${code}`, { defaultValue: code });
}
