import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SignUpDocument, type SessionFieldsFragment } from '../../graphql/generated';
import { LoginForm } from '../../shared/LoginForm';
import { useI18n } from '../../shared/i18n';
import { session } from '../../shared/session';
import { ErrorNotice, ResultError } from '../../shared/ui';

function useSignedIn() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (signedIn: SessionFieldsFragment) => {
    session.set(signedIn);
    navigate(params.get('next') ?? '/');
  };
}

export function LoginPage() {
  const { t } = useI18n();
  const signedIn = useSignedIn();
  return (
    <LoginForm title={t('auth.login')} onSignedIn={signedIn}>
      <Link to="/signup">{t('auth.noAccount')}</Link>
    </LoginForm>
  );
}

export function SignUpPage() {
  const { t } = useI18n();
  const signedIn = useSignedIn();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [signUp, attempt] = useMutation(SignUpDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data } = await signUp({ variables: { input: form } });
    if (data?.signUp.__typename === 'AuthSession') signedIn(data.signUp);
  };
  const result = attempt.data?.signUp;
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
    <form onSubmit={(event) => void submit(event)} style={{ maxWidth: 360 }}>
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
