import type { ShippingAddressInput } from '../graphql/generated';
import { useI18n } from '../shared/i18n';
import type { MessageKey } from '../shared/messages';

export const emptyAddress: ShippingAddressInput = {
  recipient: '',
  phone: '',
  postalCode: '',
  line1: '',
  line2: '',
};

const fields: {
  name: keyof ShippingAddressInput;
  label: MessageKey;
  autoComplete: string;
  required: boolean;
}[] = [
  { name: 'recipient', label: 'address.recipient', autoComplete: 'name', required: true },
  { name: 'phone', label: 'address.phone', autoComplete: 'tel', required: true },
  { name: 'postalCode', label: 'address.postalCode', autoComplete: 'postal-code', required: true },
  { name: 'line1', label: 'address.line1', autoComplete: 'address-line1', required: true },
  { name: 'line2', label: 'address.line2', autoComplete: 'address-line2', required: false },
];

export function AddressFields(props: {
  value: ShippingAddressInput;
  onChange(value: ShippingAddressInput): void;
}) {
  const { t } = useI18n();
  return (
    <>
      {fields.map((field) => (
        <div key={field.name}>
          <label htmlFor={`address-${field.name}`}>{t(field.label)}</label>
          <input
            id={`address-${field.name}`}
            autoComplete={field.autoComplete}
            required={field.required}
            value={props.value[field.name] ?? ''}
            onChange={(event) =>
              props.onChange({ ...props.value, [field.name]: event.target.value })
            }
          />
        </div>
      ))}
    </>
  );
}
