import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from './i18n';
import { signIn, useSessionRequest } from './session-api';
import { ErrorNotice, ResultError } from './ui';

/** Email and password → a session; both apps sign in with it. */
export function LoginForm(props: { title: string; onSignedIn?(): void; children?: ReactNode }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [logIn, attempt] = useSessionRequest(signIn);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await logIn({ email, password });
    if (result?.__typename === 'AuthSession') props.onSignedIn?.();
  };
  const result = attempt.result;
  return (
    <form onSubmit={(event) => void submit(event)} style={{ maxWidth: 360 }}>
      <h1>{props.title}</h1>
      <label htmlFor="email">{t('auth.email')}</label>
      <input
        id="email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <label htmlFor="password">{t('auth.password')}</label>
      <input
        id="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {result && result.__typename !== 'AuthSession' ? <ResultError result={result} /> : null}
      {attempt.error ? <ErrorNotice error={attempt.error} /> : null}
      <p>
        <button type="submit" className="primary" disabled={attempt.loading}>
          {t('auth.login')}
        </button>
      </p>
      {props.children}
    </form>
  );
}
