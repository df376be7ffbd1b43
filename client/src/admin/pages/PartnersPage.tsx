import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  AdminCreatePartnerDocument,
  AdminIssuePartnerKeyDocument,
  AdminRegisterPartnerManifestDocument,
  AdminRevokePartnerKeyDocument,
  PartnersDocument,
  type PartnersQuery,
} from '../../graphql/generated';
import { dateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { QueryView, ResultError } from '../../shared/ui';
import { ReadOnlyNote } from '../ReadOnlyNote';
import { useMayDo } from '../staff-duty';

const refetchQueries = ['Partners'];

export function PartnersPage() {
  const { t } = useI18n();
  const mayDo = useMayDo();
  const { data, error } = useQuery(PartnersDocument);
  const [name, setName] = useState('');
  const [limit, setLimit] = useState(600);
  const [create, created] = useMutation(AdminCreatePartnerDocument, { refetchQueries });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create({ variables: { input: { name, rateLimitPerMinute: limit } } });
  };
  const result = created.data?.createPartner;
  return (
    <>
      <h1>{t('admin.partners')}</h1>
      <ReadOnlyNote duty="staff" />
      <QueryView
        result={{ data, error }}
        isEmpty={(found) => found.partners.length === 0}
        empty={t('admin.noPartners')}
      >
        {(found) =>
          found.partners.map((partner) => <PartnerCard key={partner.id} partner={partner} />)
        }
      </QueryView>
      {mayDo('staff') ? (
        <form onSubmit={submit}>
          <fieldset>
            <legend>{t('admin.newPartner')}</legend>
            <label htmlFor="partner-name">{t('admin.partnerName')}</label>
            <input
              id="partner-name"
              required
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
            <label htmlFor="partner-limit">{t('admin.rateLimit')}</label>
            <input
              id="partner-limit"
              type="number"
              min={1}
              value={limit}
              onChange={(event) => setLimit(Number(event.target.value))}
            />
            {result && result.__typename !== 'Partner' ? <ResultError result={result} /> : null}
            <p>
              <button type="submit" className="primary">
                {t('admin.create')}
              </button>
            </p>
          </fieldset>
        </form>
      ) : null}
    </>
  );
}

function PartnerCard({ partner }: { partner: PartnersQuery['partners'][number] }) {
  const { t, locale } = useI18n();
  const mayEdit = useMayDo()('staff');
  const [manifest, setManifest] = useState('');
  const [issue, issued] = useMutation(AdminIssuePartnerKeyDocument, { refetchQueries });
  const [revoke] = useMutation(AdminRevokePartnerKeyDocument, { refetchQueries });
  const [register, registered] = useMutation(AdminRegisterPartnerManifestDocument, {
    refetchQueries,
  });
  const newKey = issued.data?.issuePartnerKey;
  const registration = registered.data?.registerPartnerManifest;
  return (
    <section className="card" aria-label={partner.name}>
      <h2>
        {partner.name}{' '}
        <span className="muted">{t('admin.perMinute', { count: partner.rateLimitPerMinute })}</span>
      </h2>
      <ul>
        {partner.keys.map((key) => (
          <li key={key.id} className="row">
            <code>{key.prefix}…</code> {key.label} · {key.scopes.join(', ')} ·{' '}
            {dateTime(key.createdAt, locale)}
            {key.revokedAt ? (
              <span className="status">{t('admin.revoked')}</span>
            ) : mayEdit ? (
              <button type="button" onClick={() => void revoke({ variables: { id: key.id } })}>
                {t('admin.revoke')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {mayEdit ? (
        <>
          <button
            type="button"
            onClick={() =>
              void issue({
                variables: {
                  input: { partnerId: partner.id, label: 'production', scopes: ['CATALOG_READ'] },
                },
              })
            }
          >
            {t('admin.issueKey')}
          </button>
          {newKey?.__typename === 'IssuedPartnerKey' ? (
            <p role="status">
              {t('admin.keyOnce')} <code>{newKey.key}</code>
            </p>
          ) : null}
        </>
      ) : null}
      <p className="muted">{t('admin.operations', { count: partner.operations.length })}</p>
      {mayEdit ? (
        <>
          <label htmlFor={`manifest-${partner.id}`}>{t('admin.manifest')}</label>
          <textarea
            id={`manifest-${partner.id}`}
            rows={4}
            style={{ width: '100%' }}
            value={manifest}
            onChange={(event) => setManifest(event.target.value)}
          />
          <button
            type="button"
            onClick={() => void register({ variables: { partnerId: partner.id, manifest } })}
          >
            {t('admin.registerManifest')}
          </button>
          {registration && registration.__typename !== 'Partner' ? (
            <ResultError result={registration} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
