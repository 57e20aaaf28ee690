import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { oldestFirst, useAdviceList } from '../../api/advice-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/heading.tsx';
import { Loading, QueryFailure, StatusText } from '../../components/query-state.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { codeLabel } from '../../i18n/labels.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useCurrentSession } from '../../session/current-session.tsx';
import { askerText } from './advice-details.tsx';
import { AnswerAdvice } from './answer-form.tsx';
import { ContactForm } from './contact-form.tsx';
import { adviceLabel } from './labels.ts';

/** "Adviesvragen Veilig Thuis": open requests of the municipalities served, oldest first, to answer. */
export function VeiligThuisAdvicePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useCurrentSession();
  usePageTitle(t('advice.vt.title'));
  const list = useAdviceList(true);
  const [answered, setAnswered] = useState<string | null>(null);
  const open = oldestFirst(list.data ?? []);
  return (
    <>
      <PageHeading>{t('advice.vt.title')}</PageHeading>
      <Paragraph>{t('advice.vt.intro', { organisation: session.organisation?.name ?? '' })}</Paragraph>
      {answered ? (
        <Alert type="ok" live="status">
          <Paragraph>{t('advice.vt.answered', { reference: answered })}</Paragraph>
        </Alert>
      ) : null}

      <section className="kring-section">
        <Heading level={2} id="advice-open-title">
          {t('advice.vt.openTitle')}
        </Heading>
        {list.isPending ? <Loading /> : null}
        {list.isError ? <QueryFailure error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data ? (
          <div className="kring-toolbar">
            <StatusText>{t('advice.vt.count', { count: open.length })}</StatusText>
            <Button
              type="button"
              appearance="secondary"
              busy={list.isFetching}
              onClick={() => void list.refetch()}
            >
              {t('advice.vt.refresh')}
            </Button>
          </div>
        ) : null}
        {list.data && open.length === 0 ? <Paragraph>{t('advice.vt.empty')}</Paragraph> : null}
        {open.length > 0 ? (
          <Table caption={t('advice.vt.caption')}>
            <TableHead
              columns={[
                t('advice.list.reference'),
                t('advice.list.receivedAt'),
                t('advice.list.channel'),
                t('advice.list.municipality'),
                t('advice.list.asker'),
                t('advice.list.kinds'),
                t('advice.list.duration'),
              ]}
            />
            <TableBody>
              {open.map((request) => (
                <Row key={request.id}>
                  <RowHeader>
                    <a className="utrecht-link utrecht-link--html-a" href={`#advice-${request.id}`}>
                      {request.reference}
                    </a>
                  </RowHeader>
                  <Cell>{formatDateTime(request.receivedAt, language)}</Cell>
                  <Cell>{adviceLabel(t, 'channel', request.channel)}</Cell>
                  <Cell>{request.municipalityName}</Cell>
                  <Cell>{askerText(t, request)}</Cell>
                  <Cell>
                    {request.violenceKinds.map((kind) => codeLabel(t, 'violenceKind', kind)).join(', ')}
                  </Cell>
                  <Cell>{adviceLabel(t, 'duration', request.violenceDuration)}</Cell>
                </Row>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </section>

      {open.length > 0 ? (
        <section className="kring-section" aria-labelledby="advice-answer-title">
          <Heading level={2} id="advice-answer-title">
            {t('advice.vt.answerTitle')}
          </Heading>
          {open.map((request) => (
            <AnswerAdvice
              key={request.id}
              request={request}
              onAnswered={(reference) => {
                setAnswered(reference);
                document.getElementById('page-heading')?.focus();
              }}
            />
          ))}
        </section>
      ) : null}

      <ContactForm />
    </>
  );
}
