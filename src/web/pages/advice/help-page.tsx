import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Heading, PageHeading, Paragraph } from '../../components/heading.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { advicePaths } from './paths.ts';
import { EmergencyNotice, PublicPage } from './public-help.tsx';

/** "/hulp": where residents start, without signing in. */
export function HelpPage() {
  const { t } = useTranslation();
  usePageTitle(t('advice.help.title'));
  const actions = [
    { to: advicePaths.helpAdvice, label: t('advice.help.adviceLink'), text: t('advice.help.adviceText') },
    { to: advicePaths.helpReport, label: t('advice.help.reportLink'), text: t('advice.help.reportText') },
  ];
  return (
    <PublicPage>
      <EmergencyNotice />
      <PageHeading>{t('advice.help.title')}</PageHeading>
      <Paragraph className="kring-help-lead">{t('advice.help.intro')}</Paragraph>
      <ul className="kring-help-actions">
        {actions.map((action) => (
          <li key={action.to}>
            <Link
              to={action.to}
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action kring-help-action"
            >
              {action.label}
            </Link>
            <span className="utrecht-paragraph kring-help-action__text">{action.text}</span>
          </li>
        ))}
      </ul>
      <section className="kring-section" aria-labelledby="help-about-title">
        <Heading level={2} id="help-about-title">
          {t('advice.help.aboutTitle')}
        </Heading>
        <Paragraph>{t('advice.help.about1')}</Paragraph>
        <Paragraph>{t('advice.help.about2')}</Paragraph>
      </section>
    </PublicPage>
  );
}
