import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listItems, scoreChecklist } from '../../../domain/casework/risk-checklist.ts';
import {
  CHECKLIST_ANSWERS,
  type ChecklistAnswer,
  type ChecklistDefinitionView,
  type ChecklistResultInput,
  caseChecklistKeys,
  caseChecklistsApi,
  RISK_BANDS,
  type RiskBand,
  toDefinition,
} from '../../api/case-checklists-api.ts';
import { INFORMATION_CATEGORIES, type InformationCategory } from '../../api/codes.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { firstChoiceId, RadioGroup } from '../../components/choice-group.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextareaField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { StatusText } from '../../components/query-state.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { codeLabel } from '../../i18n/labels.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';

const ID = {
  category: 'case-checklist-category',
  conclusion: 'case-checklist-conclusion',
  reason: 'case-checklist-reason',
  item: (itemId: string) => `case-checklist-item-${itemId}`,
} as const;

interface ClientErrors {
  answers?: string;
  firstMissing?: string;
  conclusion?: string;
  reason?: string;
}

/**
 * Filling in one checklist. The score and advice are previewed with the same pure rule the server
 * applies (the server scores again and its result is what is stored); the professional's conclusion
 * is asked separately, and a reason appears as required as soon as it differs from the advice.
 */
export function CaseChecklistForm({
  caseId,
  definition,
}: {
  caseId: string;
  definition: ChecklistDefinitionView;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, ChecklistAnswer>>({});
  const [category, setCategory] = useState<InformationCategory>('team');
  const [conclusion, setConclusion] = useState<RiskBand | null>(null);
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<ClientErrors>({});

  const rule = useMemo(() => toDefinition(definition), [definition]);
  const items = useMemo(() => listItems(rule), [rule]);
  const scored = scoreChecklist(rule, answers);
  const answered = items.filter((i) => answers[i.id] !== undefined).length;
  const advisedBand = scored.ok ? scored.advisedBand : null;
  const differs = advisedBand !== null && conclusion !== null && conclusion !== advisedBand;

  const record = useMutation({
    mutationFn: (input: ChecklistResultInput) => caseChecklistsApi.record(caseId, input),
    onSuccess: async () => {
      setAnswers({});
      setConclusion(null);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: caseChecklistKeys.allResults(caseId) });
    },
  });

  const itemText = new Map(items.map((i) => [i.id, i.text[language]]));
  const fieldRef = (path: string): FieldRef | null => {
    const answer = /^answers\.([a-z0-9_]+)/.exec(path);
    if (answer?.[1])
      return {
        id: firstChoiceId(
          ID.item(answer[1]),
          CHECKLIST_ANSWERS.map((value) => ({ value })),
        ),
        label: itemText.get(answer[1]) ?? answer[1],
      };
    if (path.startsWith('overrideReason')) return { id: ID.reason, label: t('caseChecklists.form.reason') };
    if (path.startsWith('conclusion'))
      return { id: `${ID.conclusion}-low`, label: t('caseChecklists.form.conclusion') };
    if (path.startsWith('category')) return { id: ID.category, label: t('caseChecklists.form.category') };
    return null;
  };
  const server = serverErrors(record.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const summary: SummaryItem[] = [
    ...(clientErrors.answers
      ? [{ fieldId: clientErrors.firstMissing ?? null, message: clientErrors.answers }]
      : []),
    ...(clientErrors.conclusion
      ? [{ fieldId: `${ID.conclusion}-low`, message: clientErrors.conclusion }]
      : []),
    ...(clientErrors.reason ? [{ fieldId: ID.reason, message: clientErrors.reason }] : []),
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (record.isPending) return;
    const missing = items.find((i) => answers[i.id] === undefined);
    const errors: ClientErrors = {};
    if (missing) {
      errors.answers = t('caseChecklists.errors.answers', { count: items.length - answered });
      errors.firstMissing = `${ID.item(missing.id)}-yes`;
    }
    if (!conclusion) errors.conclusion = t('caseChecklists.errors.conclusion');
    if (differs && !reason.trim()) errors.reason = t('caseChecklists.errors.reason');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0 || !conclusion) return;
    record.mutate({
      checklistId: definition.id,
      version: definition.version,
      category,
      answers,
      conclusion,
      ...(differs && reason.trim() ? { overrideReason: reason.trim() } : {}),
    });
  }

  const titleId = `case-checklist-form-${definition.id}`;
  return (
    <div className="kring-panel">
      <Heading level={3} id={titleId}>
        {t('caseChecklists.form.title', { title: definition.title[language] })}
      </Heading>
      <Paragraph>{definition.description[language]}</Paragraph>
      <Paragraph className="kring-muted">
        {t('caseChecklists.form.inspiration')} {definition.inspiration[language]}
      </Paragraph>
      {record.isSuccess ? (
        <Alert type="ok" live="status">
          <Paragraph>
            {t('caseChecklists.form.saved', {
              score: record.data.score,
              band: t(`caseChecklists.bands.${record.data.advisedBand}`),
            })}
          </Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary items={summary.length > 0 ? summary : server.summary} />
      <form noValidate onSubmit={submit} className="kring-form" aria-labelledby={titleId}>
        {definition.sections.map((section) => (
          <div key={section.id}>
            <Heading level={4}>{section.title[language]}</Heading>
            {section.items.map((item) => (
              <RadioGroup<ChecklistAnswer>
                key={item.id}
                id={ID.item(item.id)}
                legend={item.text[language]}
                description={
                  item.minimumBand
                    ? t('caseChecklists.form.weightWithFloor', {
                        count: item.weight,
                        band: t(`caseChecklists.bands.${item.minimumBand}`),
                      })
                    : t('caseChecklists.form.weight', { count: item.weight })
                }
                error={
                  clientErrors.answers && answers[item.id] === undefined
                    ? t('caseChecklists.errors.answer')
                    : server.fields[
                        firstChoiceId(
                          ID.item(item.id),
                          CHECKLIST_ANSWERS.map((value) => ({ value })),
                        )
                      ]
                }
                choices={CHECKLIST_ANSWERS.map((value) => ({
                  value,
                  label: t(`caseChecklists.answers.${value}`),
                }))}
                value={answers[item.id] ?? null}
                onChange={(value) => setAnswers((current) => ({ ...current, [item.id]: value }))}
              />
            ))}
          </div>
        ))}

        <div className="kring-panel">
          <Heading level={4}>{t('caseChecklists.form.adviceTitle')}</Heading>
          <Paragraph>
            <strong>{t('caseChecklists.adviceNotVerdict')}</strong>
          </Paragraph>
          <StatusText>
            {scored.ok
              ? t('caseChecklists.form.advice', {
                  score: scored.score,
                  max: scored.maxScore,
                  band: t(`caseChecklists.bands.${scored.advisedBand}`),
                })
              : t('caseChecklists.form.progress', { answered, total: items.length })}
          </StatusText>
          {scored.ok && scored.raisedBy.length > 0 ? (
            <Paragraph>
              {t('caseChecklists.form.raisedBy', {
                items: scored.raisedBy.map((id) => itemText.get(id) ?? id).join('; '),
              })}
            </Paragraph>
          ) : null}
          {scored.ok && scored.bandIfUnknownsYes !== scored.advisedBand ? (
            <Paragraph>
              {t('caseChecklists.form.unknownsCould', {
                count: scored.unknownCount,
                band: t(`caseChecklists.bands.${scored.bandIfUnknownsYes}`),
              })}
            </Paragraph>
          ) : null}
        </div>

        <SelectField
          id={ID.category}
          label={t('caseChecklists.form.category')}
          description={t('caseChecklists.form.categoryHelp')}
          error={server.fields[ID.category]}
          value={category}
          onChange={(event) => setCategory(event.target.value as InformationCategory)}
          options={INFORMATION_CATEGORIES.map((c) => ({ value: c, label: codeLabel(t, 'category', c) }))}
        />
        <RadioGroup<RiskBand>
          id={ID.conclusion}
          legend={t('caseChecklists.form.conclusion')}
          description={t('caseChecklists.form.conclusionHelp')}
          error={clientErrors.conclusion ?? server.fields[`${ID.conclusion}-low`]}
          choices={RISK_BANDS.map((value) => ({ value, label: t(`caseChecklists.bands.${value}`) }))}
          value={conclusion}
          onChange={setConclusion}
        />
        {differs ? (
          <TextareaField
            id={ID.reason}
            label={t('caseChecklists.form.reason')}
            description={t('caseChecklists.form.reasonHelp', {
              advice: advisedBand ? t(`caseChecklists.bands.${advisedBand}`) : '',
              conclusion: conclusion ? t(`caseChecklists.bands.${conclusion}`) : '',
            })}
            error={clientErrors.reason ?? server.fields[ID.reason]}
            rows={4}
            maxLength={2_000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        ) : null}
        <ButtonGroup>
          <Button type="submit" busy={record.isPending}>
            {t('caseChecklists.form.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
