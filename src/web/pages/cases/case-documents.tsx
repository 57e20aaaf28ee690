import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CaseDocument,
  caseDocumentKeys,
  caseDocumentsApi,
  DOCUMENT_ACCEPT,
  MAX_DOCUMENT_BYTES,
} from '../../api/case-documents-api.ts';
import type { CaseDetail } from '../../api/cases-api.ts';
import type { Language } from '../../api/client.ts';
import { INFORMATION_CATEGORIES, type InformationCategory } from '../../api/codes.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { FileField, SelectField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { ServerLink } from '../../components/link.tsx';
import { Loading, QueryFailure, useErrorMessage } from '../../components/query-state.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { codeLabel } from '../../i18n/labels.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';

const ID = { file: 'case-document-file', category: 'case-document-category' } as const;

/** Documents on the case: the ones the reader's organisation may read, download links, and an upload form. */
export function CaseDocuments({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<InformationCategory | ''>('');
  const list = useQuery({
    queryKey: caseDocumentKeys.list(kase.id, category),
    queryFn: () => caseDocumentsApi.list(kase.id, category || undefined),
  });
  return (
    <section className="kring-section" aria-labelledby="case-documents-title">
      <Heading level={2} id="case-documents-title">
        {t('caseDocuments.title')}
      </Heading>
      <Paragraph>{t('caseDocuments.intro')}</Paragraph>
      <SelectField
        id="case-documents-filter"
        label={t('caseDocuments.filter.label')}
        required={false}
        value={category}
        onChange={(event) => setCategory(event.target.value as InformationCategory | '')}
        placeholder={t('caseDocuments.filter.all')}
        options={INFORMATION_CATEGORIES.map((c) => ({ value: c, label: codeLabel(t, 'category', c) }))}
      />
      {list.isPending ? <Loading /> : null}
      {list.isError ? <QueryFailure error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <DocumentTable caseId={kase.id} documents={list.data.documents} withheld={list.data.withheld} />
      ) : null}
      <UploadForm caseId={kase.id} />
    </section>
  );
}

function formatSize(bytes: number, language: Language, t: TFunction) {
  if (bytes < 1024) return t('caseDocuments.size.bytes', { value: formatNumber(bytes, language) });
  if (bytes < 1024 * 1024)
    return t('caseDocuments.size.kib', { value: formatNumber(Math.ceil(bytes / 1024), language) });
  return t('caseDocuments.size.mib', {
    value: formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, language),
  });
}

function DocumentTable({
  caseId,
  documents,
  withheld,
}: {
  caseId: string;
  documents: CaseDocument[];
  withheld: number;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const messageOf = useErrorMessage();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (documentId: string) => caseDocumentsApi.remove(caseId, documentId),
    onSuccess: async () => {
      setConfirming(null);
      await queryClient.invalidateQueries({ queryKey: caseDocumentKeys.all(caseId) });
    },
  });
  return (
    <>
      {documents.length === 0 ? <Paragraph>{t('caseDocuments.none')}</Paragraph> : null}
      {withheld > 0 ? <Paragraph>{t('caseDocuments.withheld', { count: withheld })}</Paragraph> : null}
      {remove.isSuccess ? (
        <Alert type="ok" live="status">
          <Paragraph>{t('caseDocuments.removed')}</Paragraph>
        </Alert>
      ) : null}
      {remove.isError ? (
        <Alert type="error" live="alert">
          <Paragraph>{messageOf(remove.error)}</Paragraph>
        </Alert>
      ) : null}
      {documents.length > 0 ? (
        <Table caption={t('caseDocuments.caption')}>
          <TableHead
            columns={[
              t('caseDocuments.columns.name'),
              t('caseDocuments.columns.category'),
              t('caseDocuments.columns.kind'),
              t('caseDocuments.columns.size'),
              t('caseDocuments.columns.uploadedBy'),
              t('caseDocuments.columns.uploadedAt'),
              t('caseDocuments.columns.actions'),
            ]}
          />
          <TableBody>
            {documents.map((d) => (
              <Row key={d.id}>
                <RowHeader>
                  <ServerLink href={caseDocumentsApi.contentUrl(caseId, d.id)} download={d.fileName}>
                    {d.fileName}
                  </ServerLink>
                </RowHeader>
                <Cell>{codeLabel(t, 'category', d.category)}</Cell>
                <Cell>{t(`caseDocuments.kinds.${d.kind}`)}</Cell>
                <Cell>{formatSize(d.size, language, t)}</Cell>
                <Cell>
                  {d.uploadedBy} · {d.organisation}
                </Cell>
                <Cell>{formatDateTime(d.uploadedAt, language)}</Cell>
                <Cell>
                  {d.canRemove && confirming !== d.id ? (
                    <Button
                      type="button"
                      appearance="subtle"
                      aria-label={t('caseDocuments.removeNamed', { name: d.fileName })}
                      onClick={() => setConfirming(d.id)}
                    >
                      {t('caseDocuments.remove')}
                    </Button>
                  ) : null}
                  {d.canRemove && confirming === d.id ? (
                    <ButtonGroup>
                      <Button
                        type="button"
                        appearance="secondary"
                        busy={remove.isPending}
                        aria-label={t('caseDocuments.confirmRemoveNamed', { name: d.fileName })}
                        onClick={() => {
                          if (!remove.isPending) remove.mutate(d.id);
                        }}
                      >
                        {t('caseDocuments.confirmRemove')}
                      </Button>
                      <Button type="button" appearance="subtle" onClick={() => setConfirming(null)}>
                        {t('caseDocuments.cancel')}
                      </Button>
                    </ButtonGroup>
                  ) : null}
                </Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </>
  );
}

function UploadForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [category, setCategory] = useState<InformationCategory>('team');
  const [file, setFile] = useState<File | null>(null);
  const [clientError, setClientError] = useState<string | null>(null);
  // A new key after an upload gives a fresh, empty file input.
  const [inputKey, setInputKey] = useState(0);
  const upload = useMutation({
    mutationFn: (input: { category: InformationCategory; file: File }) =>
      caseDocumentsApi.upload(caseId, input, language),
    onSuccess: async () => {
      setFile(null);
      setInputKey((k) => k + 1);
      await queryClient.invalidateQueries({ queryKey: caseDocumentKeys.all(caseId) });
    },
  });
  const fieldRef = (path: string): FieldRef | null => {
    if (path.startsWith('file')) return { id: ID.file, label: t('caseDocuments.upload.file') };
    if (path.startsWith('category')) return { id: ID.category, label: t('caseDocuments.upload.category') };
    return null;
  };
  const server = serverErrors(upload.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const summary: SummaryItem[] = clientError ? [{ fieldId: ID.file, message: clientError }] : server.summary;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (upload.isPending) return;
    if (!file) {
      setClientError(t('caseDocuments.errors.file'));
      return;
    }
    if (file.size > MAX_DOCUMENT_BYTES) {
      setClientError(t('caseDocuments.errors.tooLarge'));
      return;
    }
    setClientError(null);
    upload.mutate({ category, file });
  }

  return (
    <div className="kring-panel">
      <Heading level={3} id="case-document-form-title">
        {t('caseDocuments.upload.title')}
      </Heading>
      {upload.isSuccess ? (
        <Alert type="ok" live="status">
          <Paragraph>{t('caseDocuments.upload.done', { name: upload.data.fileName })}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form" aria-labelledby="case-document-form-title">
        <FileField
          key={inputKey}
          id={ID.file}
          label={t('caseDocuments.upload.file')}
          description={t('caseDocuments.upload.fileHelp')}
          error={clientError ?? server.fields[ID.file]}
          accept={DOCUMENT_ACCEPT}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <SelectField
          id={ID.category}
          label={t('caseDocuments.upload.category')}
          description={t('caseDocuments.upload.categoryHelp')}
          error={server.fields[ID.category]}
          value={category}
          onChange={(event) => setCategory(event.target.value as InformationCategory)}
          options={INFORMATION_CATEGORIES.map((c) => ({ value: c, label: codeLabel(t, 'category', c) }))}
        />
        <ButtonGroup>
          <Button type="submit" busy={upload.isPending}>
            {t('caseDocuments.upload.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
