import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiError, api } from '../api/client.ts';
import { queryKeys, SIGNED_OUT, useMeta, useSession } from '../api/queries.ts';
import type { Meta } from '../api/types.ts';
import { Alert } from '../components/alert.tsx';
import { Button, ButtonGroup } from '../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../components/error-summary.tsx';
import { TextField } from '../components/form-field.tsx';
import { Heading, PageHeading, Paragraph } from '../components/heading.tsx';
import { Loading } from '../components/query-state.tsx';
import { useLanguage } from '../i18n/i18n.ts';
import { codeLabel } from '../i18n/labels.ts';
import { usePageTitle } from '../lib/use-page-title.ts';
import { paths } from '../paths.ts';
import {
  type LoginNotice,
  peekLoginNotice,
  readLoginState,
  setLoginNotice,
} from '../session/login-notice.ts';

const FIELD = { username: 'login-username', password: 'login-password', code: 'login-code' } as const;

function NoticeAlert({ notice }: { notice: LoginNotice }) {
  const { t } = useTranslation();
  const text =
    notice.kind === 'signedOutEverywhere'
      ? t('login.notice.signedOutEverywhere', { count: notice.sessions })
      : t(`login.notice.${notice.kind}`);
  return (
    <Alert type={notice.kind === 'sessionExpired' ? 'warning' : 'info'} live="status">
      <Paragraph>{text}</Paragraph>
    </Alert>
  );
}

function DemoHint({ demo }: { demo: NonNullable<Meta['demoAccounts']> }) {
  const { t } = useTranslation();
  return (
    <section className="kring-panel kring-demo-hint">
      <Heading level={2} id="demo-hint-title">
        {t('login.demo.title')}
      </Heading>
      <Paragraph>
        {t('login.demo.password')} <code className="utrecht-code">{demo.password}</code>
      </Paragraph>
      <Paragraph>
        {t('login.demo.code')}{' '}
        <code className="utrecht-code">npm run kring -- demo-code &lt;gebruiker&gt;</code>
      </Paragraph>
      <Heading level={3}>{t('login.demo.users')}</Heading>
      <ul className="utrecht-unordered-list kring-demo-hint__users">
        {demo.users.map((user) => (
          <li key={user.username} className="utrecht-unordered-list__item">
            <code className="utrecht-code">{user.username}</code> – {codeLabel(t, 'role', user.role)} (
            {user.organisation})
          </li>
        ))}
      </ul>
    </section>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const location = useLocation();
  const queryClient = useQueryClient();
  const session = useSession();
  const meta = useMeta();
  const state = readLoginState(location.state);

  const [step, setStep] = useState<'password' | 'code'>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof typeof FIELD, string>>>({});
  const codeInput = useRef<HTMLInputElement>(null);

  const pendingSecondFactor = session.data?.signedIn === true && !session.data.mfaPassed;
  const onCodeStep = step === 'code' || pendingSecondFactor;
  usePageTitle(t('login.title'));

  useEffect(() => {
    if (step === 'code') codeInput.current?.focus();
  }, [step]);

  const messageOf = (error: unknown) =>
    error instanceof ApiError ? error.messageIn(language) : t('common.unknownError');

  const signIn = useMutation({
    mutationFn: api.login,
    onSuccess: async (result) => {
      setLoginNotice(null);
      setPassword('');
      if (result.mfaRequired) {
        setStep('code');
        return;
      }
      await queryClient.fetchQuery({ queryKey: queryKeys.session, queryFn: api.session, staleTime: 0 });
    },
    onError: (error) => {
      setProblems([{ fieldId: null, message: messageOf(error) }]);
    },
  });

  const confirm = useMutation({
    mutationFn: api.completeMfa,
    onSuccess: async () => {
      setLoginNotice(null);
      await queryClient.fetchQuery({ queryKey: queryKeys.session, queryFn: api.session, staleTime: 0 });
    },
    onError: (error) => {
      const message = messageOf(error);
      if (error instanceof ApiError && error.code === 'invalid_mfa_code') {
        setFieldErrors({ code: message });
        setProblems([{ fieldId: FIELD.code, message }]);
        return;
      }
      // An expired or locked pending session cannot take another code: start again.
      if (
        error instanceof ApiError &&
        (error.code === 'session_expired' || error.code === 'account_locked')
      ) {
        queryClient.setQueryData(queryKeys.session, SIGNED_OUT);
        setStep('password');
        setCode('');
      }
      setProblems([{ fieldId: null, message }]);
    },
  });

  const restart = useMutation({
    mutationFn: api.logout,
    onSettled: () => {
      queryClient.setQueryData(queryKeys.session, SIGNED_OUT);
      setStep('password');
      setCode('');
      setProblems([]);
      setFieldErrors({});
    },
  });

  if (session.isPending) return <Loading />;
  if (session.data?.signedIn && session.data.mfaPassed) {
    return <Navigate to={state.from ?? paths.start} replace />;
  }

  const notice = peekLoginNotice() ?? (state.notice ? { kind: state.notice } : null);

  function submitPassword(event: FormEvent) {
    event.preventDefault();
    if (signIn.isPending) return;
    const errors: typeof fieldErrors = {};
    if (!username.trim()) errors.username = t('login.errors.usernameRequired');
    if (!password) errors.password = t('login.errors.passwordRequired');
    setFieldErrors(errors);
    const items: SummaryItem[] = [];
    if (errors.username) items.push({ fieldId: FIELD.username, message: errors.username });
    if (errors.password) items.push({ fieldId: FIELD.password, message: errors.password });
    setProblems(items);
    if (items.length === 0) signIn.mutate({ username: username.trim(), password });
  }

  function submitCode(event: FormEvent) {
    event.preventDefault();
    if (confirm.isPending) return;
    const cleaned = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(cleaned)) {
      const message = t('login.errors.codeFormat');
      setFieldErrors({ code: message });
      setProblems([{ fieldId: FIELD.code, message }]);
      return;
    }
    setFieldErrors({});
    setProblems([]);
    confirm.mutate(cleaned);
  }

  return (
    <div className="kring-narrow">
      <PageHeading>{t('login.title')}</PageHeading>
      {notice && !onCodeStep ? <NoticeAlert notice={notice} /> : null}
      <ErrorSummary items={problems} />
      {onCodeStep ? (
        <form noValidate onSubmit={submitCode} className="kring-form">
          <Heading level={2} id="login-step-code">
            {t('login.codeStep')}
          </Heading>
          <Paragraph>{t('login.codeIntro')}</Paragraph>
          <TextField
            ref={codeInput}
            id={FIELD.code}
            label={t('login.code')}
            description={t('login.codeDescription')}
            error={fieldErrors.code}
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            className="kring-input-code"
          />
          <ButtonGroup>
            <Button type="submit" busy={confirm.isPending}>
              {t('login.confirm')}
            </Button>
            <Button type="button" appearance="secondary" onClick={() => restart.mutate()}>
              {t('login.restart')}
            </Button>
          </ButtonGroup>
        </form>
      ) : (
        <form noValidate onSubmit={submitPassword} className="kring-form">
          <Heading level={2} id="login-step-password">
            {t('login.passwordStep')}
          </Heading>
          <TextField
            id={FIELD.username}
            label={t('login.username')}
            error={fieldErrors.username}
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
          <TextField
            id={FIELD.password}
            label={t('login.password')}
            error={fieldErrors.password}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <ButtonGroup>
            <Button type="submit" busy={signIn.isPending}>
              {t('login.submit')}
            </Button>
          </ButtonGroup>
        </form>
      )}
      {meta.data?.demoAccounts ? <DemoHint demo={meta.data.demoAccounts} /> : null}
    </div>
  );
}
