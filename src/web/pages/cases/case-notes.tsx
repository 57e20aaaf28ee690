import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseDetail, caseKeys, casesApi } from '../../api/cases-api.ts';
import { INFORMATION_CATEGORIES, type InformationCategory } from '../../api/codes.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextareaField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { codeLabel } from '../../i18n/labels.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';
import { formatDateTime } from '../../lib/format.ts';

const ID = { category: 'case-note-category', body: 'case-note-body' } as const;

/** Notes on the case; each reader sees the categories their organisation may read. */
export function CaseNotes({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [category, setCategory] = useState<InformationCategory>('team');
  const [body, setBody] = useState('');
  const [clientError, setClientError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (input: { category: InformationCategory; body: string }) => casesApi.addNote(kase.id, input),
    onSuccess: async () => {
      setBody('');
      await queryClient.invalidateQueries({ queryKey: caseKeys.detail(kase.id) });
    },
  });
  const fieldRef = (path: string): FieldRef | null => {
    if (path.startsWith('category')) return { id: ID.category, label: t('newReport.noteCategory') };
    if (path.startsWith('body')) return { id: ID.body, label: t('reportDetail.noteBody') };
    return null;
  };
  const server = serverErrors(add.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const summary: SummaryItem[] = clientError ? [{ fieldId: ID.body, message: clientError }] : server.summary;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (add.isPending) return;
    if (!body.trim()) {
      setClientError(t('reportDetail.errors.noteBody'));
      return;
    }
    setClientError(null);
    add.mutate({ category, body: body.trim() });
  }

  return (
    <section className="kring-section" aria-labelledby="case-notes-title">
      <Heading level={2} id="case-notes-title">
        {t('cases.notes.title')}
      </Heading>
      {kase.notes.length === 0 ? <Paragraph>{t('cases.notes.none')}</Paragraph> : null}
      {kase.notesWithheld > 0 ? (
        <Paragraph>{t('cases.notes.withheld', { number: kase.notesWithheld })}</Paragraph>
      ) : null}
      <ul className="kring-notes">
        {kase.notes.map((note) => (
          <li key={note.id} className="kring-note">
            <p className="utrecht-paragraph kring-note__meta">
              <StatusBadge variant="neutral">{codeLabel(t, 'category', note.category)}</StatusBadge>{' '}
              <span>
                {note.author} · {note.organisation} · {formatDateTime(note.createdAt, language)}
              </span>
            </p>
            <p className="utrecht-paragraph kring-prewrap">{note.body}</p>
          </li>
        ))}
      </ul>
      <div className="kring-panel">
        <Heading level={3} id="case-note-form-title">
          {t('cases.notes.addTitle')}
        </Heading>
        {add.isSuccess ? (
          <Alert type="ok" live="status">
            <Paragraph>{t('reportDetail.noteAdded')}</Paragraph>
          </Alert>
        ) : null}
        <ErrorSummary items={summary} />
        <form noValidate onSubmit={submit} className="kring-form" aria-labelledby="case-note-form-title">
          <SelectField
            id={ID.category}
            label={t('newReport.noteCategory')}
            description={t('newReport.noteCategoryHelp')}
            error={server.fields[ID.category]}
            value={category}
            onChange={(event) => setCategory(event.target.value as InformationCategory)}
            options={INFORMATION_CATEGORIES.map((c) => ({ value: c, label: codeLabel(t, 'category', c) }))}
          />
          <TextareaField
            id={ID.body}
            label={t('reportDetail.noteBody')}
            error={clientError ?? server.fields[ID.body]}
            rows={4}
            maxLength={10_000}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
          <ButtonGroup>
            <Button type="submit" busy={add.isPending}>
              {t('reportDetail.addNote')}
            </Button>
          </ButtonGroup>
        </form>
      </div>
    </section>
  );
}
