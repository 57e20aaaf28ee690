import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  authoritiesFor,
  caseMeasureKeys,
  caseMeasuresApi,
  DEFAULT_MEASURE_CATEGORY,
  type ImposeMeasureInput,
  type MeasureAuthority,
  type MeasureKind,
  type MeasurePart,
} from '../../api/case-measures-api.ts';
import type { CaseDetail } from '../../api/cases-api.ts';
import { INFORMATION_CATEGORIES, type InformationCategory } from '../../api/codes.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextareaField, TextField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { codeLabel } from '../../i18n/labels.ts';
import { amsterdamLocalToIso } from '../../lib/amsterdam-time.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { isoToAmsterdamLocal } from './measure-time.ts';

const ID = {
  kind: 'measure-kind',
  imposedAt: 'measure-imposed-at',
  decidedBy: 'measure-decided-by',
  category: 'measure-category',
  reference: 'measure-reference',
  note: 'measure-note',
} as const;
const memberId = (index: number) => `measure-member-${index}`;

type PartChoice = MeasurePart | 'none';

/** Records a measure decided elsewhere; the server computes its end and maximum. */
export function ImposeMeasureForm({
  kase,
  recordableKinds,
}: {
  kase: CaseDetail;
  recordableKinds: MeasureKind[];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const firstKind = recordableKinds[0] ?? 'intensive_case_management';
  const [kind, setKind] = useState<MeasureKind>(firstKind);
  const [parts, setParts] = useState<PartChoice[]>(kase.members.map(() => 'none'));
  const [imposedAt, setImposedAt] = useState(() => isoToAmsterdamLocal(new Date().toISOString()));
  const [decidedBy, setDecidedBy] = useState<MeasureAuthority>(
    authoritiesFor(firstKind, 'impose')[0] ?? 'other',
  );
  const [category, setCategory] = useState<InformationCategory>(DEFAULT_MEASURE_CATEGORY[firstKind]);
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  const impose = useMutation({
    mutationFn: (input: ImposeMeasureInput) => caseMeasuresApi.impose(kase.id, input),
    onSuccess: async () => {
      setParts(kase.members.map(() => 'none'));
      setReference('');
      setNote('');
      await queryClient.invalidateQueries({ queryKey: caseMeasureKeys.list(kase.id) });
    },
  });

  function chooseKind(next: MeasureKind) {
    setKind(next);
    setDecidedBy(authoritiesFor(next, 'impose')[0] ?? 'other');
    setCategory(DEFAULT_MEASURE_CATEGORY[next]);
  }

  const fieldRef = (path: string): FieldRef | null => {
    const [field, index] = path.split('.');
    if (field === 'kind') return { id: ID.kind, label: t('caseMeasures.impose.kind') };
    if (field === 'members') {
      const sent = impose.variables?.members[Number(index ?? 0)];
      const position = Math.max(
        0,
        kase.members.findIndex((m) => m.id === sent?.memberId),
      );
      return { id: memberId(position), label: t('caseMeasures.impose.members') };
    }
    if (field === 'imposedAt') return { id: ID.imposedAt, label: t('caseMeasures.impose.imposedAt') };
    if (field === 'decidedBy') return { id: ID.decidedBy, label: t('caseMeasures.impose.decidedBy') };
    if (field === 'category') return { id: ID.category, label: t('caseMeasures.impose.category') };
    if (field === 'decisionReference')
      return { id: ID.reference, label: t('caseMeasures.impose.decisionReference') };
    if (field === 'note') return { id: ID.note, label: t('caseMeasures.impose.note') };
    return null;
  };
  const server = serverErrors(impose.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const summary = clientErrors.length > 0 ? clientErrors : server.summary;
  const fieldError = (id: string) => clientErrors.find((e) => e.fieldId === id)?.message ?? server.fields[id];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (impose.isPending) return;
    const members = kase.members.flatMap((m, i) => {
      const part = parts[i] ?? 'none';
      return part === 'none' ? [] : [{ memberId: m.id, part }];
    });
    const iso = amsterdamLocalToIso(imposedAt);
    const problems: SummaryItem[] = [];
    if (!members.some((m) => m.part === 'subject'))
      problems.push({ fieldId: memberId(0), message: t('caseMeasures.impose.errors.members') });
    if (!iso) problems.push({ fieldId: ID.imposedAt, message: t('caseMeasures.impose.errors.imposedAt') });
    setClientErrors(problems);
    if (problems.length > 0 || !iso) return;
    impose.mutate({
      kind,
      members,
      imposedAt: iso,
      decidedBy,
      category,
      ...(reference.trim() ? { decisionReference: reference.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  }

  return (
    <div className="kring-panel">
      <Heading level={3} id="measure-form-title">
        {t('caseMeasures.impose.title')}
      </Heading>
      {impose.isSuccess ? (
        <Alert type="ok" live="status">
          <Paragraph>
            {t('caseMeasures.impose.saved', { end: formatDateTime(impose.data.end, language) })}
          </Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form" aria-labelledby="measure-form-title">
        <SelectField
          id={ID.kind}
          label={t('caseMeasures.impose.kind')}
          error={fieldError(ID.kind)}
          value={kind}
          onChange={(event) => chooseKind(event.target.value as MeasureKind)}
          options={recordableKinds.map((k) => ({ value: k, label: t(`caseMeasures.kinds.${k}`) }))}
        />
        <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset kring-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend kring-legend">
            {t('caseMeasures.impose.members')}
          </legend>
          <Paragraph>{t('caseMeasures.impose.membersHelp')}</Paragraph>
          {kase.members.map((m, i) => (
            <SelectField
              key={m.id}
              id={memberId(i)}
              label={m.fullName}
              error={fieldError(memberId(i))}
              value={parts[i] ?? 'none'}
              onChange={(event) =>
                setParts((list) => list.map((p, j) => (j === i ? (event.target.value as PartChoice) : p)))
              }
              options={(['none', 'subject', 'protected'] as const).map((p) => ({
                value: p,
                label: t(`caseMeasures.parts.${p}`),
              }))}
            />
          ))}
        </fieldset>
        <TextField
          id={ID.imposedAt}
          type="datetime-local"
          label={t('caseMeasures.impose.imposedAt')}
          description={t('caseMeasures.impose.imposedAtHelp')}
          error={fieldError(ID.imposedAt)}
          value={imposedAt}
          onChange={(event) => setImposedAt(event.target.value)}
        />
        <SelectField
          id={ID.decidedBy}
          label={t('caseMeasures.impose.decidedBy')}
          error={fieldError(ID.decidedBy)}
          value={decidedBy}
          onChange={(event) => setDecidedBy(event.target.value as MeasureAuthority)}
          options={authoritiesFor(kind, 'impose').map((a) => ({
            value: a,
            label: t(`caseMeasures.authorities.${a}`),
          }))}
        />
        <SelectField
          id={ID.category}
          label={t('caseMeasures.impose.category')}
          description={t('caseMeasures.impose.categoryHelp')}
          error={fieldError(ID.category)}
          value={category}
          onChange={(event) => setCategory(event.target.value as InformationCategory)}
          options={INFORMATION_CATEGORIES.map((c) => ({ value: c, label: codeLabel(t, 'category', c) }))}
        />
        <TextField
          id={ID.reference}
          label={t('caseMeasures.impose.decisionReference')}
          required={false}
          maxLength={100}
          error={fieldError(ID.reference)}
          value={reference}
          onChange={(event) => setReference(event.target.value)}
        />
        <TextareaField
          id={ID.note}
          label={t('caseMeasures.impose.note')}
          required={false}
          rows={3}
          maxLength={2000}
          error={fieldError(ID.note)}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <ButtonGroup>
          <Button type="submit" busy={impose.isPending}>
            {t('caseMeasures.impose.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
