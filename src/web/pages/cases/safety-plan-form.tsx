import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AGREEMENT_STATUSES,
  type AgreementStatus,
  type CaseDetail,
  caseKeys,
  casesApi,
  type SafetyPlanInput,
} from '../../api/cases-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextareaField, TextField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';

const SLOTS = [0, 1, 2] as const;
const ID = { ifItGoesWrong: 'plan-if-wrong', agreed: 'plan-agreed', changeNote: 'plan-change-note' } as const;
const conditionId = (i: number) => `plan-condition-${i}`;
const agreementId = (i: number, field: string) => `plan-agreement-${i}-${field}`;

type AgreementDraft = { description: string; ownerUserId: string; dueOn: string; status: AgreementStatus };

/** A new version of the safety plan, starting from the current one. */
export function SafetyPlanForm({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const plan = kase.safetyPlan;
  const [conditions, setConditions] = useState<string[]>(SLOTS.map((i) => plan?.conditions[i] ?? ''));
  const [agreements, setAgreements] = useState<AgreementDraft[]>(
    SLOTS.map((i) => {
      const a = plan?.agreements[i];
      return a
        ? { description: a.description, ownerUserId: a.ownerUserId, dueOn: a.dueOn, status: a.status }
        : { description: '', ownerUserId: '', dueOn: '', status: 'open' };
    }),
  );
  const [ifItGoesWrong, setIfItGoesWrong] = useState(plan?.ifItGoesWrong ?? '');
  const [agreed, setAgreed] = useState(false);
  const [changeNote, setChangeNote] = useState('');
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  const [sent, setSent] = useState<{ conditions: number[]; agreements: number[] }>({
    conditions: [],
    agreements: [],
  });
  const save = useMutation({
    mutationFn: (input: SafetyPlanInput) => casesApi.saveSafetyPlan(kase.id, input),
    onSuccess: async () => {
      setAgreed(false);
      setChangeNote('');
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
  const fieldRef = (path: string): FieldRef | null => {
    const [list, index, field] = path.split('.');
    const i = Number(index);
    if (list === 'conditions') {
      const slot = sent.conditions[i] ?? 0;
      return { id: conditionId(slot), label: t('cases.plan.condition', { number: slot + 1 }) };
    }
    if (list === 'agreements' && field) {
      const slot = sent.agreements[i];
      if (slot === undefined) return null;
      const key = field === 'ownerUserId' ? 'owner' : field;
      return {
        id: agreementId(slot, key),
        label: t('cases.plan.agreementNumber', { number: slot + 1 }),
      };
    }
    if (list === 'ifItGoesWrong') return { id: ID.ifItGoesWrong, label: t('cases.plan.ifItGoesWrong') };
    if (list === 'changeNote') return { id: ID.changeNote, label: t('cases.plan.changeNote') };
    return null;
  };
  const server = serverErrors(save.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const summary = clientErrors.length > 0 ? clientErrors : server.summary;
  const fieldError = (fieldId: string) =>
    clientErrors.find((e) => e.fieldId === fieldId)?.message ?? server.fields[fieldId];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const conditionSlots = SLOTS.filter((i) => (conditions[i] ?? '').trim() !== '');
    const agreementSlots = SLOTS.filter((i) => {
      const a = agreements[i];
      return a && (a.description.trim() !== '' || a.ownerUserId !== '' || a.dueOn !== '');
    });
    const problems: SummaryItem[] = [];
    if (conditionSlots.length === 0)
      problems.push({ fieldId: conditionId(0), message: t('cases.plan.errors.condition') });
    for (const i of agreementSlots) {
      const a = agreements[i];
      if (!a?.description.trim() || !a.ownerUserId || !a.dueOn)
        problems.push({
          fieldId: agreementId(i, 'description'),
          message: `${t('cases.plan.agreementNumber', { number: i + 1 })}: ${t('cases.plan.errors.agreement')}`,
        });
    }
    if (!ifItGoesWrong.trim())
      problems.push({ fieldId: ID.ifItGoesWrong, message: t('cases.plan.errors.ifItGoesWrong') });
    setClientErrors(problems);
    if (problems.length > 0) return;
    setSent({ conditions: conditionSlots, agreements: agreementSlots });
    save.mutate({
      conditions: conditionSlots.map((i) => (conditions[i] ?? '').trim()),
      agreements: agreementSlots.map((i) => {
        const a = agreements[i] ?? { description: '', ownerUserId: '', dueOn: '', status: 'open' as const };
        return { ...a, description: a.description.trim() };
      }),
      ifItGoesWrong: ifItGoesWrong.trim(),
      agreed,
      ...(changeNote.trim() ? { changeNote: changeNote.trim() } : {}),
    });
  }

  const setAgreement = (i: number, field: keyof AgreementDraft, value: string) =>
    setAgreements((list) => list.map((a, j) => (j === i ? { ...a, [field]: value } : a)));

  return (
    <div className="kring-panel">
      <Heading level={3} id="plan-form-title">
        {plan ? t('cases.plan.formTitleNew') : t('cases.plan.formTitle')}
      </Heading>
      {save.isSuccess ? (
        <Alert type="ok" live="status">
          <Paragraph>
            {t('cases.plan.saved', {
              version: save.data.version,
              status: t(`cases.plan.statuses.${save.data.status}`),
            })}
          </Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form" aria-labelledby="plan-form-title">
        <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset kring-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend kring-legend">
            {t('cases.plan.conditions')}
          </legend>
          {SLOTS.map((i) => (
            <TextField
              key={i}
              id={conditionId(i)}
              label={t('cases.plan.condition', { number: i + 1 })}
              required={i === 0}
              maxLength={1000}
              error={fieldError(conditionId(i))}
              value={conditions[i] ?? ''}
              onChange={(event) =>
                setConditions((list) => list.map((c, j) => (j === i ? event.target.value : c)))
              }
            />
          ))}
        </fieldset>
        {SLOTS.map((i) => (
          <fieldset
            key={i}
            className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset kring-fieldset"
          >
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend kring-legend">
              {t('cases.plan.agreementNumber', { number: i + 1 })}
            </legend>
            <TextField
              id={agreementId(i, 'description')}
              label={t('cases.plan.agreement')}
              required={false}
              maxLength={1000}
              error={fieldError(agreementId(i, 'description'))}
              value={agreements[i]?.description ?? ''}
              onChange={(event) => setAgreement(i, 'description', event.target.value)}
            />
            <SelectField
              id={agreementId(i, 'owner')}
              label={t('cases.assessment.owner')}
              required={false}
              placeholder={t('cases.assessment.chooseOwner')}
              error={fieldError(agreementId(i, 'owner'))}
              value={agreements[i]?.ownerUserId ?? ''}
              onChange={(event) => setAgreement(i, 'ownerUserId', event.target.value)}
              options={kase.team.map((m) => ({ value: m.userId, label: `${m.name} (${m.organisation})` }))}
            />
            <TextField
              id={agreementId(i, 'dueOn')}
              label={t('cases.assessment.dueOn')}
              required={false}
              type="date"
              error={fieldError(agreementId(i, 'dueOn'))}
              value={agreements[i]?.dueOn ?? ''}
              onChange={(event) => setAgreement(i, 'dueOn', event.target.value)}
            />
            <SelectField
              id={agreementId(i, 'status')}
              label={t('cases.plan.status')}
              error={fieldError(agreementId(i, 'status'))}
              value={agreements[i]?.status ?? 'open'}
              onChange={(event) => setAgreement(i, 'status', event.target.value)}
              options={AGREEMENT_STATUSES.map((s) => ({
                value: s,
                label: t(`cases.plan.agreementStatuses.${s}`),
              }))}
            />
          </fieldset>
        ))}
        <TextareaField
          id={ID.ifItGoesWrong}
          label={t('cases.plan.ifItGoesWrong')}
          error={fieldError(ID.ifItGoesWrong)}
          rows={3}
          maxLength={2000}
          value={ifItGoesWrong}
          onChange={(event) => setIfItGoesWrong(event.target.value)}
        />
        <TextField
          id={ID.changeNote}
          label={t('cases.plan.changeNote')}
          required={false}
          maxLength={1000}
          error={fieldError(ID.changeNote)}
          value={changeNote}
          onChange={(event) => setChangeNote(event.target.value)}
        />
        <div className="utrecht-form-field utrecht-form-field--checkbox kring-field">
          <div className="utrecht-form-field__input">
            <input
              id={ID.agreed}
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input"
              checked={agreed}
              onChange={(event) => setAgreed(event.target.checked)}
            />
          </div>
          <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={ID.agreed}>
              {t('cases.plan.agreed')}
            </label>
          </div>
        </div>
        <ButtonGroup>
          <Button type="submit" busy={save.isPending}>
            {t('cases.plan.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
