import { useProductText } from './product-texts';

export interface OptionGroupDraft {
  name: string;
  /** As typed: comma-separated. */
  values: string;
}

const groupsOffered = 2;

/** Up to two option groups (e.g. 색상: 블랙, 화이트 and 사이즈: S, M, L); empty ones are left out. */
export function OptionGroupsField(props: {
  groups: OptionGroupDraft[];
  onChange(groups: OptionGroupDraft[]): void;
}) {
  const text = useProductText();
  const rows = Array.from(
    { length: groupsOffered },
    (_, index) => props.groups[index] ?? { name: '', values: '' },
  );
  const change = (index: number, group: OptionGroupDraft) =>
    props.onChange(rows.map((row, other) => (other === index ? group : row)));
  return (
    <fieldset>
      <legend>{text('new.options')}</legend>
      {rows.map((group, index) => (
        <div key={index} className="row">
          <span>
            <label htmlFor={`option-name-${index}`}>
              {text('new.optionName', { index: index + 1 })}
            </label>
            <input
              id={`option-name-${index}`}
              maxLength={30}
              value={group.name}
              onChange={(event) => change(index, { ...group, name: event.target.value })}
            />
          </span>
          <span>
            <label htmlFor={`option-values-${index}`}>
              {text('new.optionValues', { index: index + 1 })}
            </label>
            <input
              id={`option-values-${index}`}
              value={group.values}
              onChange={(event) => change(index, { ...group, values: event.target.value })}
            />
          </span>
        </div>
      ))}
    </fieldset>
  );
}
