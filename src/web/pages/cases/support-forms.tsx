import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CaseSupportItem,
  caseSupportApi,
  caseSupportKeys,
  DEFAULT_SUPPORT_CATEGORY,
  PERPETRATOR_ROLES,
  type RecordSupportInput,
  SUPPORT_KINDS,
  SUPPORT_OUTCOMES,
  type SupportKind,
  type SupportOutcome,
  type SupportOutcomeInput,
} from '../../api/case-support-api.ts';
import type { CaseDetail } from '../../api/cases-api.ts';
import { INFORMATION_CATEGORIES, type InformationCategory } from '../../api/codes.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { firstChoiceId, RadioGroup } from '../../components/choice-group.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextareaField, TextField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { codeLabel } from '../../i18n/labels.ts';
import { amsterdamLocalToIso } from '../../lib/amsterdam-time.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';
import { isoToAmsterdamLocal } from './measure-time.ts';

const texts = (t: (key: string) => string) => ({
  fieldInvalid: t('common.fieldInvalid'),
  unknownError: t('common.unknownError'),
});

const ID = {
  kind: 'support-kind',
  member: 'support-member',
  provider: 'support-provider',
  offeredAt: 'support-offered-at',
  category: 'support-category',
  note: 'support-note',
} as const;

const nowLocal = () => isoToAmsterdamLocal(new Date().toISOString());

/** Records help offered to a perpetrator, or an experience expert taking part. */
export function RecordSupportForm({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<SupportKind>('perpetrator_help');
  const [memberId, setMemberId] = useState('');
  const [provider, setProvider] = useState('');
  const [offeredAt, setOfferedAt] = useState(nowLocal);
  const [category, setCategory] = useState<InformationCategory>(DEFAULT_SUPPORT_CATEGORY.perpetrator_help);
  const [note, setNote] = useState('');
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  const save = useMutation({
    mutationFn: (input: RecordSupportInput) => caseSupportApi.record(kase.id, input),
    onSuccess: async () => {
      setMemberId('');
      setProvider('');
      setNote('');
      await queryClient.invalidateQueries({ queryKey: caseSupportKeys.list(kase.id) });
    },
  });
  const perpetrators = kase.members.filter((m) => PERPETRATOR_ROLES.includes(m.role));
  const members = kind === 'perpetrator_help' ? perpetrators : kase.members;
  const kindChoices = SUPPORT_KINDS.map((k) => ({ value: k, label: t(`caseSupport.kinds.${k}`) }));

  function chooseKind(next: SupportKind) {
    setKind(next);
    setCategory(DEFAULT_SUPPORT_CATEGORY[next]);
    if (next === 'perpetrator_help' && !perpetrators.some((m) => m.id === memberId)) setMemberId('');
  }

  const fieldRef = (path: string): FieldRef | null => {
    const field = path.split('.')[0];
    if (field === 'kind')
      return { id: firstChoiceId(ID.kind, kindChoices), label: t('caseSupport.record.kind') };
    if (field === 'memberId') return { id: ID.member, label: t('caseSupport.record.member') };
    if (field === 'provider') return { id: ID.provider, label: t('caseSupport.record.provider') };
    if (field === 'offeredAt') return { id: ID.offeredAt, label: t('caseSupport.record.offeredAt') };
    if (field === 'category') return { id: ID.category, label: t('caseSupport.record.category') };
    if (field === 'note') return { id: ID.note, label: t('caseSupport.record.note') };
    return null;
  };
  const server = serverErrors(save.error, language, fieldRef, texts(t));
  const summary = clientErrors.length > 0 ? clientErrors : server.summary;
  const fieldError = (id: string) => clientErrors.find((e) => e.fieldId === id)?.message ?? server.fields[id];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const iso = amsterdamLocalToIso(offeredAt);
    const problems: SummaryItem[] = [];
    if (kind === 'perpetrator_help' && !memberId)
      problems.push({ fieldId: ID.member, message: t('caseSupport.record.errors.member') });
    if (!provider.trim())
      problems.push({ fieldId: ID.provider, message: t('caseSupport.record.errors.provider') });
    if (!iso) problems.push({ fieldId: ID.offeredAt, message: t('caseSupport.record.errors.offeredAt') });
    setClientErrors(problems);
    if (problems.length > 0 || !iso) return;
    save.mutate({
      kind,
      ...(memberId ? { memberId } : {}),
      provider: provider.trim(),
      category,
      offeredAt: iso,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  }

  return (
    <div className="kring-panel">
      <Heading level={3} id="support-form-title">
        {t('caseSupport.record.title')}
      </Heading>
      {save.isSuccess ? (
        <Alert type="ok" live="status">
          <Paragraph>{t('caseSupport.record.saved')}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form" aria-labelledby="support-form-title">
        <RadioGroup
          id={ID.kind}
          legend={t('caseSupport.record.kind')}
          error={fieldError(firstChoiceId(ID.kind, kindChoices))}
          choices={kindChoices}
          value={kind}
          onChange={chooseKind}
        />
        <SelectField
          id={ID.member}
          label={t('caseSupport.record.member')}
          description={
            kind === 'perpetrator_help'
              ? t('caseSupport.record.memberHelpPerpetrator')
              : t('caseSupport.record.memberHelpExpert')
          }
          required={kind === 'perpetrator_help'}
          error={fieldError(ID.member)}
          value={memberId}
          onChange={(event) => setMemberId(event.target.value)}
          placeholder={
            kind === 'perpetrator_help'
              ? t('caseSupport.record.choosePerpetrator')
              : t('caseSupport.record.household')
          }
          options={members.map((m) => ({
            value: m.id,
            label: `${m.fullName} (${codeLabel(t, 'personRole', m.role)})`,
          }))}
        />
        {kind === 'perpetrator_help' && perpetrators.length === 0 ? (
          <Paragraph>{t('caseSupport.record.noPerpetrator')}</Paragraph>
        ) : null}
        <TextField
          id={ID.provider}
          label={t('caseSupport.record.provider')}
          description={t(`caseSupport.record.providerHelp.${kind}`)}
          maxLength={200}
          error={fieldError(ID.provider)}
          value={provider}
          onChange={(event) => setProvider(event.target.value)}
        />
        <TextField
          id={ID.offeredAt}
          type="datetime-local"
          label={t('caseSupport.record.offeredAt')}
          error={fieldError(ID.offeredAt)}
          value={offeredAt}
          onChange={(event) => setOfferedAt(event.target.value)}
        />
        <SelectField
          id={ID.category}
          label={t('caseSupport.record.category')}
          description={t(`caseSupport.record.categoryHelp.${kind}`)}
          error={fieldError(ID.category)}
          value={category}
          onChange={(event) => setCategory(event.target.value as InformationCategory)}
          options={INFORMATION_CATEGORIES.map((c) => ({ value: c, label: codeLabel(t, 'category', c) }))}
        />
        <TextareaField
          id={ID.note}
          label={t('caseSupport.record.note')}
          required={false}
          rows={3}
          maxLength={2000}
          error={fieldError(ID.note)}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <ButtonGroup>
          <Button type="submit" busy={save.isPending}>
            {t('caseSupport.record.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

/** Records once whether the help started / the expert took part, or the offer was declined. */
export function SupportOutcomeForm({ caseId, item }: { caseId: string; item: CaseSupportItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const ids = {
    outcome: `support-${item.id}-outcome`,
    at: `support-${item.id}-outcome-at`,
    note: `support-${item.id}-outcome-note`,
    title: `support-${item.id}-outcome-title`,
  };
  const choices = SUPPORT_OUTCOMES.map((o) => ({
    value: o,
    label: t(`caseSupport.outcomes.${item.kind}.${o}`),
  }));
  const [outcome, setOutcome] = useState<SupportOutcome | null>(null);
  const [at, setAt] = useState(nowLocal);
  const [note, setNote] = useState('');
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  const save = useMutation({
    mutationFn: (input: SupportOutcomeInput) => caseSupportApi.recordOutcome(caseId, item.id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseSupportKeys.list(caseId) }),
  });
  const outcomeFieldId = firstChoiceId(ids.outcome, choices);
  const fieldRef = (path: string): FieldRef | null => {
    if (path.startsWith('outcomeAt')) return { id: ids.at, label: t('caseSupport.outcome.at') };
    if (path.startsWith('outcome')) return { id: outcomeFieldId, label: t('caseSupport.outcome.outcome') };
    if (path.startsWith('note')) return { id: ids.note, label: t('caseSupport.outcome.note') };
    return null;
  };
  const server = serverErrors(save.error, language, fieldRef, texts(t));
  const summary = clientErrors.length > 0 ? clientErrors : server.summary;
  const fieldError = (id: string) => clientErrors.find((e) => e.fieldId === id)?.message ?? server.fields[id];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const iso = amsterdamLocalToIso(at);
    const problems: SummaryItem[] = [];
    if (!outcome)
      problems.push({ fieldId: outcomeFieldId, message: t('caseSupport.outcome.errors.outcome') });
    if (!iso) problems.push({ fieldId: ids.at, message: t('caseSupport.outcome.errors.at') });
    setClientErrors(problems);
    if (problems.length > 0 || !iso || !outcome) return;
    save.mutate({ outcome, outcomeAt: iso, ...(note.trim() ? { note: note.trim() } : {}) });
  }

  return (
    <div className="kring-panel">
      <Heading level={4} id={ids.title}>
        {t('caseSupport.outcome.title', {
          kind: t(`caseSupport.kinds.${item.kind}`),
          provider: item.provider,
        })}
      </Heading>
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form" aria-labelledby={ids.title}>
        <RadioGroup
          id={ids.outcome}
          legend={t('caseSupport.outcome.outcome')}
          error={fieldError(outcomeFieldId)}
          choices={choices}
          value={outcome}
          onChange={setOutcome}
        />
        <TextField
          id={ids.at}
          type="datetime-local"
          label={t('caseSupport.outcome.at')}
          error={fieldError(ids.at)}
          value={at}
          onChange={(event) => setAt(event.target.value)}
        />
        <TextareaField
          id={ids.note}
          label={t('caseSupport.outcome.note')}
          required={false}
          rows={2}
          maxLength={2000}
          error={fieldError(ids.note)}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <ButtonGroup>
          <Button type="submit" busy={save.isPending}>
            {t('caseSupport.outcome.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
