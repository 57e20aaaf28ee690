import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AdviceRequest } from '../../api/advice-api.ts';
import { DataList, type DataListItem } from '../../components/data-list.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { codeLabel } from '../../i18n/labels.ts';
import { formatDateTime } from '../../lib/format.ts';
import { adviceLabel } from './labels.ts';

export function AdviceStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <StatusBadge variant={status === 'answered' ? 'success' : 'warning'}>
      {adviceLabel(t, 'status', status)}
    </StatusBadge>
  );
}

/** Who asked: role, function and organisation, as far as known. */
export function askerText(t: TFunction, request: AdviceRequest): string {
  return [adviceLabel(t, 'askerRole', request.askerRole), request.askerFunction, request.askerOrganisation]
    .filter(Boolean)
    .join(' · ');
}

/** The facts of one advice request; `withAsker` adds who asked and how to reach them (Veilig Thuis). */
export function AdviceDetails({ request, withAsker }: { request: AdviceRequest; withAsker: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const items: DataListItem[] = [
    { key: 'reference', label: t('advice.list.reference'), value: request.reference },
    { key: 'status', label: t('advice.list.status'), value: <AdviceStatusBadge status={request.status} /> },
    {
      key: 'received',
      label: t('advice.list.receivedAt'),
      value: formatDateTime(request.receivedAt, language),
    },
    { key: 'channel', label: t('advice.list.channel'), value: adviceLabel(t, 'channel', request.channel) },
    { key: 'municipality', label: t('advice.list.municipality'), value: request.municipalityName },
    {
      key: 'kinds',
      label: t('advice.list.kinds'),
      value: request.violenceKinds.map((kind) => codeLabel(t, 'violenceKind', kind)).join(', '),
    },
    {
      key: 'duration',
      label: t('advice.list.duration'),
      value: adviceLabel(t, 'duration', request.violenceDuration),
    },
  ];
  if (withAsker) {
    items.push({ key: 'asker', label: t('advice.list.asker'), value: askerText(t, request) });
    items.push({
      key: 'contact',
      label: t('advice.list.contact'),
      value: request.anonymous ? t('advice.list.anonymous') : (request.contact ?? t('common.none')),
    });
  }
  items.push({
    key: 'question',
    label: t('advice.list.question'),
    value: <span className="kring-prewrap">{request.question}</span>,
    multiline: true,
  });
  if (request.status === 'answered' || request.answer) {
    items.push({
      key: 'answer',
      label: t('advice.list.answer'),
      value: <span className="kring-prewrap">{request.answer ?? t('common.none')}</span>,
      multiline: true,
    });
    if (request.answeredAt)
      items.push({
        key: 'answeredAt',
        label: t('advice.list.answeredAt'),
        value: formatDateTime(request.answeredAt, language),
      });
  }
  return <DataList items={items} />;
}
