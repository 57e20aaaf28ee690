import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/cases-api.ts';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { CaseAssessmentForm } from './case-assessment-form.tsx';
import { SafetyChart } from './safety-chart.tsx';

/** Safety assessments of the case: the trajectory, the latest TOP-3 and the form for a new one. */
export function CaseAssessments({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const latest = kase.assessments.at(-1);
  return (
    <section className="kring-section" aria-labelledby="case-assessments-title">
      <Heading level={2} id="case-assessments-title">
        {t('cases.assessment.title')}
      </Heading>
      {latest ? (
        <>
          <SafetyChart assessments={kase.assessments} />
          <Heading level={3} id="latest-assessment-title">
            {t('cases.assessment.latest', { date: formatDateTime(latest.assessedAt, language) })}
          </Heading>
          <Paragraph>
            {t('cases.assessment.latestScores', { lowest: latest.minScore, median: latest.medianScore })}
          </Paragraph>
          <ul className="utrecht-unordered-list">
            {latest.scores.map((s) => (
              <li key={s.participantLabel} className="utrecht-unordered-list__item">
                {s.participantLabel} ({t(`cases.participantTypes.${s.participantType}`)}): {s.score}
              </li>
            ))}
          </ul>
          <Heading level={4}>{t('cases.assessment.concerns')}</Heading>
          <ol className="utrecht-ordered-list">
            {latest.concerns.map((c) => (
              <li key={c} className="utrecht-ordered-list__item">
                {c}
              </li>
            ))}
          </ol>
          <Heading level={4}>{t('cases.assessment.actions')}</Heading>
          {latest.actions.length === 0 ? <Paragraph>{t('cases.assessment.noActions')}</Paragraph> : null}
          <ul className="utrecht-unordered-list">
            {latest.actions.map((a) => (
              <li key={a.id} className="utrecht-unordered-list__item">
                {t('cases.assessment.actionLine', {
                  description: a.description,
                  owner: a.owner,
                  date: formatCalendarDate(a.dueOn, language),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Paragraph>{t('cases.assessment.none')}</Paragraph>
      )}
      <CaseAssessmentForm kase={kase} />
    </section>
  );
}
