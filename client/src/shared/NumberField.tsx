/** A labelled whole-number input: the label, the field, and the number it holds. */
export function NumberField(props: {
  id: string;
  label: string;
  value: number;
  onChange(value: number): void;
  min?: number;
  max?: number;
  step?: number;
  required?: boolean;
}) {
  const { id, label, onChange, ...field } = props;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        {...field}
        onChange={(event) => onChange(Number(event.target.value))}
      />
    </>
  );
}
