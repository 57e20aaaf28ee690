import type { TFunction } from 'i18next';

export type AdviceCodeList = 'askerRole' | 'duration' | 'channel' | 'status' | 'reporterKind';

/** Labels for the advice code lists; an unknown code (a newer server) is shown as it is. */
export function adviceLabel(t: TFunction, list: AdviceCodeList, code: string): string {
  return t(`advice.codes.${list}.${code}`, { defaultValue: code });
}
