import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoginForm } from '../../shared/LoginForm';
import { useI18n } from '../../shared/i18n';
import { signUp as signUpRequest, useSessionRequest } from '../../shared/session-api';
import { ErrorNotice, ResultError } from '../../shared/ui';
import { usePageMeta } from '../page-meta';
import { useShopText } from '../shop-texts';

/** Where a new session goes: back to the page that asked for it. */
function useSignedIn() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return () => void navigate(params.get('next') ?? '/');
}

export function LoginPage() {
  const { t } = useI18n();
  const text = useShopText();
  const signedIn = useSignedIn();
  usePageMeta(t('auth.login'), text('meta.login'));
  return (
    <div className="auth-page">
      <LoginForm title={t('auth.login')} onSignedIn={signedIn}>
        <Link to="/signup">{t('auth.noAccount')}</Link>
      </LoginForm>
    </div>
  );
}

export function SignUpPage() {
  const { t } = useI18n();
  const text = useShopText();
  const signedIn = useSignedIn();
  usePageMeta(t('auth.signUp'), text('meta.signUp'));
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [signUp, attempt] = useSessionRequest(signUpRequest);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await signUp(form);
    if (result?.__typename === 'AuthSession') signedIn();
  };
  const result = attempt.result;
  const field = (name: keyof typeof form, type: string, autoComplete: string) => (
    <>
      <label htmlFor={name}>{t(`auth.${name}`)}</label>
      <input
        id={name}
        type={type}
        autoComplete={autoComplete}
        required
        value={form[name]}
        onChange={(event) => setForm({ ...form, [name]: event.target.value })}
      />
    </>
  );
  return (
    <form onSubmit={(event) => void submit(event)} className="auth-page">
      <h1>{t('auth.signUp')}</h1>
      {field('name', 'text', 'name')}
      {field('email', 'email', 'email')}
      {field('password', 'password', 'new-password')}
      <p className="muted">{t('auth.passwordRule')}</p>
      {result && result.__typename !== 'AuthSession' ? <ResultError result={result} /> : null}
      {attempt.error ? <ErrorNotice error={attempt.error} /> : null}
      <p>
        <button type="submit" className="primary" disabled={attempt.loading}>
          {t('auth.signUp')}
        </button>
      </p>
      <Link to="/login">{t('auth.haveAccount')}</Link>
    </form>
  );
}
