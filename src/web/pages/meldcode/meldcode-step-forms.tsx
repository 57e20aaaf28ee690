import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONSULTATION_KINDS,
  type ConsultationKind,
  type MeldcodeDetail,
  meldcodeApi,
  PROFESSIONAL_ASKER_ROLES,
  type ProfessionalAskerRole,
  VIOLENCE_DURATIONS,
  type ViolenceDuration,
} from '../../api/meldcode-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { RadioGroup } from '../../components/choice-group.tsx';
import { DataList } from '../../components/data-list.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextareaField, TextField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { StatusText } from '../../components/query-state.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { formatCalendarDate, formatDateTime, todayInAmsterdam } from '../../lib/format.ts';
import { useFormErrors, useStepMutation, YES_NO, type YesNo } from './meldcode-form-support.ts';

/** Step 1: the signals, with the kindcheck prompt when the client is an adult who may care for minors. */
export function SignalsStep({ record }: { record: MeldcodeDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [signals, setSignals] = useState(record.signals?.text ?? '');
  const [note, setNote] = useState(record.signals?.kindcheckNote ?? '');
  const [clientSummary, setClientSummary] = useState<SummaryItem[]>([]);
  const save = useStepMutation((input: { signals: string; kindcheckNote?: string }) =>
    meldcodeApi.recordSignals(record.id, input),
  );
  const ids = { signals: 'meldcode-signals', note: 'meldcode-kindcheck-note' };
  const { errors, summary } = useFormErrors(save.error, clientSummary, (path) => {
    if (path.startsWith('signals')) return { id: ids.signals, label: t('meldcode.signals.text') };
    if (path.startsWith('kindcheckNote')) return { id: ids.note, label: t('meldcode.kindcheck.note') };
    return null;
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const found: SummaryItem[] = [];
    if (!signals.trim()) found.push({ fieldId: ids.signals, message: t('meldcode.signals.errors.text') });
    if (record.kindcheck.required && !note.trim())
      found.push({ fieldId: ids.note, message: t('meldcode.signals.errors.kindcheckNote') });
    setClientSummary(found);
    if (found.length > 0) return;
    save.mutate({ signals: signals.trim(), ...(note.trim() ? { kindcheckNote: note.trim() } : {}) });
  }

  return (
    <>
      {record.kindcheck.required ? (
        <Alert type="warning">
          <Heading level={3}>{t('meldcode.kindcheck.title')}</Heading>
          <Paragraph>{t('meldcode.kindcheck.prompt')}</Paragraph>
          <ul className="utrecht-unordered-list">
            {record.kindcheck.reasons.map((reason) => (
              <li key={reason} className="utrecht-unordered-list__item">
                {t(`meldcode.kindcheck.reasons.${reason}`, { defaultValue: reason })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        <Paragraph>
          {t('meldcode.kindcheck.notRequired', {
            why: t(`meldcode.kindcheck.why.${record.kindcheck.why ?? 'no_minor_in_care'}`),
          })}
        </Paragraph>
      )}
      {record.signals ? (
        <DataList
          items={[
            {
              key: 'signals',
              label: t('meldcode.signals.text'),
              value: record.signals.text,
              multiline: true,
            },
            ...(record.signals.kindcheckNote
              ? [{ key: 'note', label: t('meldcode.kindcheck.note'), value: record.signals.kindcheckNote }]
              : []),
          ]}
        />
      ) : null}
      {record.signals ? (
        <Paragraph>
          {t('meldcode.record.recordedAt', { date: formatDateTime(record.signals.recordedAt, language) })}
        </Paragraph>
      ) : null}
      {record.canWrite ? (
        <>
          <ErrorSummary items={summary} />
          <form noValidate onSubmit={submit} className="kring-form">
            <TextareaField
              id={ids.signals}
              label={t('meldcode.signals.text')}
              description={t('meldcode.signals.help')}
              error={errors[ids.signals]}
              rows={5}
              maxLength={10_000}
              value={signals}
              onChange={(event) => setSignals(event.target.value)}
            />
            {record.kindcheck.required ? (
              <TextareaField
                id={ids.note}
                label={t('meldcode.kindcheck.note')}
                error={errors[ids.note]}
                rows={3}
                maxLength={5000}
                value={note}
                onChange={(event) => setNote(event.target.value)}
              />
            ) : null}
            <ButtonGroup>
              <Button type="submit" busy={save.isPending}>
                {t('meldcode.signals.submit')}
              </Button>
            </ButtonGroup>
            {save.isSuccess ? <StatusText>{t('meldcode.record.saved')}</StatusText> : null}
          </form>
        </>
      ) : null}
    </>
  );
}

interface ConsultDraft {
  kind: ConsultationKind | null;
  who: string;
  consultedOn: string;
  outcome: string;
  question: string;
  duration: ViolenceDuration | '';
  sector: ProfessionalAskerRole | '';
  func: string;
}
const emptyConsult = (): ConsultDraft => ({
  kind: null,
  who: '',
  consultedOn: '',
  outcome: '',
  question: '',
  duration: '',
  sector: '',
  func: '',
});

/** Step 2: consultations; consulting Veilig Thuis sends an advice request too. */
export function ConsultStep({ record }: { record: MeldcodeDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<ConsultDraft>(emptyConsult);
  const [clientSummary, setClientSummary] = useState<SummaryItem[]>([]);
  const save = useStepMutation(
    (input: Parameters<typeof meldcodeApi.addConsultation>[1]) =>
      meldcodeApi.addConsultation(record.id, input),
    () => setDraft(emptyConsult()),
  );
  const ids = {
    kind: 'meldcode-consult-kind',
    who: 'meldcode-consult-who',
    on: 'meldcode-consult-date',
    outcome: 'meldcode-consult-outcome',
    question: 'meldcode-advice-question',
    duration: 'meldcode-advice-duration',
    sector: 'meldcode-advice-sector',
    func: 'meldcode-advice-function',
  };
  const kindFirstId = `${ids.kind}-${CONSULTATION_KINDS[0]}`;
  const { errors, summary } = useFormErrors(save.error, clientSummary, (path) => {
    if (path.startsWith('kind')) return { id: kindFirstId, label: t('meldcode.consult.kind') };
    if (path.startsWith('who')) return { id: ids.who, label: t('meldcode.consult.who') };
    if (path.startsWith('consultedOn')) return { id: ids.on, label: t('meldcode.consult.consultedOn') };
    if (path.startsWith('outcome')) return { id: ids.outcome, label: t('meldcode.consult.outcome') };
    if (path.startsWith('advice.violenceDuration'))
      return { id: ids.duration, label: t('meldcode.consult.duration') };
    if (path.startsWith('advice.askerRole')) return { id: ids.sector, label: t('meldcode.consult.sector') };
    if (path.startsWith('advice')) return { id: ids.question, label: t('meldcode.consult.question') };
    return null;
  });
  const update = (patch: Partial<ConsultDraft>) => setDraft((d) => ({ ...d, ...patch }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const found: SummaryItem[] = [];
    const add = (fieldId: string, key: string) =>
      found.push({ fieldId, message: t(`meldcode.consult.errors.${key}`) });
    if (!draft.kind) add(kindFirstId, 'kind');
    if (!draft.who.trim()) add(ids.who, 'who');
    if (!draft.consultedOn) add(ids.on, 'consultedOn');
    if (!draft.outcome.trim()) add(ids.outcome, 'outcome');
    if (draft.kind === 'veilig_thuis') {
      if (!draft.question.trim()) add(ids.question, 'question');
      if (!draft.duration) add(ids.duration, 'duration');
      if (!draft.sector) add(ids.sector, 'sector');
    }
    setClientSummary(found);
    if (found.length > 0 || !draft.kind) return;
    save.mutate({
      kind: draft.kind,
      who: draft.who.trim(),
      consultedOn: draft.consultedOn,
      outcome: draft.outcome.trim(),
      ...(draft.kind === 'veilig_thuis' && draft.duration && draft.sector
        ? {
            advice: {
              question: draft.question.trim(),
              violenceDuration: draft.duration,
              askerRole: draft.sector,
              ...(draft.func.trim() ? { askerFunction: draft.func.trim() } : {}),
            },
          }
        : {}),
    });
  }

  return (
    <>
      {record.consultations.length === 0 ? (
        <Paragraph>{t('meldcode.consult.none')}</Paragraph>
      ) : (
        <Table caption={t('meldcode.consult.caption')}>
          <TableHead
            columns={[
              t('meldcode.consult.kind'),
              t('meldcode.consult.who'),
              t('meldcode.consult.consultedOn'),
              t('meldcode.consult.outcome'),
            ]}
          />
          <TableBody>
            {record.consultations.map((c) => (
              <Row key={c.id}>
                <RowHeader>
                  {t(`meldcode.consult.kinds.${c.kind}`, { defaultValue: c.kind })}
                  {c.adviceRequestId ? ` (${t('meldcode.consult.adviceSent')})` : ''}
                </RowHeader>
                <Cell>{c.who}</Cell>
                <Cell>{formatCalendarDate(c.consultedOn, language)}</Cell>
                <Cell>{c.outcome}</Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      )}
      {record.canWrite ? (
        <>
          <ErrorSummary items={summary} />
          <form noValidate onSubmit={submit} className="kring-form">
            <RadioGroup
              id={ids.kind}
              legend={t('meldcode.consult.kind')}
              error={errors[kindFirstId]}
              choices={CONSULTATION_KINDS.map((k) => ({ value: k, label: t(`meldcode.consult.kinds.${k}`) }))}
              value={draft.kind}
              onChange={(kind) => update({ kind })}
            />
            <TextField
              id={ids.who}
              label={t('meldcode.consult.who')}
              error={errors[ids.who]}
              type="text"
              maxLength={200}
              value={draft.who}
              onChange={(event) => update({ who: event.target.value })}
            />
            <TextField
              id={ids.on}
              label={t('meldcode.consult.consultedOn')}
              error={errors[ids.on]}
              type="date"
              max={todayInAmsterdam()}
              value={draft.consultedOn}
              onChange={(event) => update({ consultedOn: event.target.value })}
              className="kring-input-date"
            />
            {draft.kind === 'veilig_thuis' ? (
              <section className="kring-section">
                <Heading level={3}>{t('meldcode.consult.adviceTitle')}</Heading>
                <Paragraph>{t('meldcode.consult.adviceIntro')}</Paragraph>
                <TextareaField
                  id={ids.question}
                  label={t('meldcode.consult.question')}
                  error={errors[ids.question]}
                  rows={4}
                  maxLength={5000}
                  value={draft.question}
                  onChange={(event) => update({ question: event.target.value })}
                />
                <SelectField
                  id={ids.duration}
                  label={t('meldcode.consult.duration')}
                  placeholder={t('meldcode.consult.durationPlaceholder')}
                  error={errors[ids.duration]}
                  value={draft.duration}
                  onChange={(event) => update({ duration: event.target.value as ViolenceDuration | '' })}
                  options={VIOLENCE_DURATIONS.map((d) => ({
                    value: d,
                    label: t(`meldcode.consult.durations.${d}`),
                  }))}
                />
                <SelectField
                  id={ids.sector}
                  label={t('meldcode.consult.sector')}
                  placeholder={t('meldcode.consult.sectorPlaceholder')}
                  error={errors[ids.sector]}
                  value={draft.sector}
                  onChange={(event) => update({ sector: event.target.value as ProfessionalAskerRole | '' })}
                  options={PROFESSIONAL_ASKER_ROLES.map((r) => ({
                    value: r,
                    label: t(`meldcode.consult.sectors.${r}`),
                  }))}
                />
                <TextField
                  id={ids.func}
                  label={t('meldcode.consult.function')}
                  required={false}
                  type="text"
                  maxLength={200}
                  value={draft.func}
                  onChange={(event) => update({ func: event.target.value })}
                />
              </section>
            ) : null}
            <TextareaField
              id={ids.outcome}
              label={t('meldcode.consult.outcome')}
              error={errors[ids.outcome]}
              rows={3}
              maxLength={5000}
              value={draft.outcome}
              onChange={(event) => update({ outcome: event.target.value })}
            />
            <ButtonGroup>
              <Button type="submit" busy={save.isPending}>
                {t('meldcode.consult.submit')}
              </Button>
            </ButtonGroup>
            {save.isSuccess ? <StatusText>{t('meldcode.record.saved')}</StatusText> : null}
          </form>
        </>
      ) : null}
    </>
  );
}

/** Step 3: the talk with the client, or the reason it was left out. */
export function TalkStep({ record }: { record: MeldcodeDetail }) {
  const { t } = useTranslation();
  const [held, setHeld] = useState<YesNo | null>(record.talk ? (record.talk.held ? 'yes' : 'no') : null);
  const [summaryText, setSummaryText] = useState(record.talk?.summary ?? '');
  const [reason, setReason] = useState(record.talk?.skippedReason ?? '');
  const [clientSummary, setClientSummary] = useState<SummaryItem[]>([]);
  const save = useStepMutation((input: Parameters<typeof meldcodeApi.recordTalk>[1]) =>
    meldcodeApi.recordTalk(record.id, input),
  );
  const ids = {
    held: 'meldcode-talk-held',
    summary: 'meldcode-talk-summary',
    reason: 'meldcode-talk-reason',
  };
  const heldFirstId = `${ids.held}-yes`;
  const { errors, summary } = useFormErrors(save.error, clientSummary, (path) => {
    if (path.startsWith('summary')) return { id: ids.summary, label: t('meldcode.talk.summary') };
    if (path.startsWith('skippedReason')) return { id: ids.reason, label: t('meldcode.talk.skippedReason') };
    if (path.startsWith('held')) return { id: heldFirstId, label: t('meldcode.talk.held') };
    return null;
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const found: SummaryItem[] = [];
    if (held === null) found.push({ fieldId: heldFirstId, message: t('meldcode.talk.errors.held') });
    if (held === 'yes' && !summaryText.trim())
      found.push({ fieldId: ids.summary, message: t('meldcode.talk.errors.summary') });
    if (held === 'no' && !reason.trim())
      found.push({ fieldId: ids.reason, message: t('meldcode.talk.errors.skippedReason') });
    setClientSummary(found);
    if (found.length > 0) return;
    save.mutate(
      held === 'yes'
        ? { held: true, summary: summaryText.trim() }
        : { held: false, skippedReason: reason.trim() },
    );
  }

  return (
    <>
      {record.talk ? (
        <DataList
          items={[
            {
              key: 'held',
              label: t('meldcode.talk.held'),
              value: record.talk.held ? t('meldcode.talk.heldYes') : t('meldcode.talk.heldNo'),
            },
            {
              key: 'text',
              label: record.talk.held ? t('meldcode.talk.summary') : t('meldcode.talk.skippedReason'),
              value: (record.talk.held ? record.talk.summary : record.talk.skippedReason) ?? '',
              multiline: true,
            },
          ]}
        />
      ) : null}
      {record.canWrite ? (
        <>
          <ErrorSummary items={summary} />
          <form noValidate onSubmit={submit} className="kring-form">
            <RadioGroup
              id={ids.held}
              legend={t('meldcode.talk.held')}
              error={errors[heldFirstId]}
              choices={YES_NO.map((value) => ({ value, label: t(`common.${value}`) }))}
              value={held}
              onChange={setHeld}
            />
            {held === 'yes' ? (
              <TextareaField
                id={ids.summary}
                label={t('meldcode.talk.summary')}
                error={errors[ids.summary]}
                rows={4}
                maxLength={10_000}
                value={summaryText}
                onChange={(event) => setSummaryText(event.target.value)}
              />
            ) : null}
            {held === 'no' ? (
              <TextareaField
                id={ids.reason}
                label={t('meldcode.talk.skippedReason')}
                description={t('meldcode.talk.skippedHelp')}
                error={errors[ids.reason]}
                rows={3}
                maxLength={5000}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            ) : null}
            <ButtonGroup>
              <Button type="submit" busy={save.isPending}>
                {t('meldcode.talk.submit')}
              </Button>
            </ButtonGroup>
            {save.isSuccess ? <StatusText>{t('meldcode.record.saved')}</StatusText> : null}
          </form>
        </>
      ) : null}
    </>
  );
}
