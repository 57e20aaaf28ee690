import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { SignedInSession } from '../api/types.ts';
import { navItemsFor } from '../navigation.ts';

export function MainNav({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  return (
    <nav className="utrecht-nav-bar kring-nav" aria-label={t('header.mainNav')}>
      <div className="utrecht-nav-bar__content kring-container">
        <ul className="utrecht-nav-list kring-nav__list">
          {navItemsFor(session).map((item) => (
            <li key={item.path} className="utrecht-nav-list__item">
              <NavLink to={item.path} end className="utrecht-nav-list__link kring-nav__link">
                {t(`nav.${item.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
