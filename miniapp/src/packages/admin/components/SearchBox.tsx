// The console's search row: a labelled field and its button; Enter and the button both search.
import { Button, Input, Text, View } from '@tarojs/components';
import { labelled } from '@/utils/a11y';

interface Props {
  label: string;
  /** What a screen reader announces for the field. */
  spokenLabel: string;
  placeholder: string;
  maxlength: number;
  buttonText: string;
  value: string;
  onChange: (value: string) => void;
  onSearch: () => void;
}

export default function SearchBox({ label, spokenLabel, placeholder, maxlength, buttonText, value, onChange, onSearch }: Props) {
  return (
    <View className="admin-search">
      <View className="field">
        <Text className="field__label">{label}</Text>
        <Input
          className="input"
          value={value}
          maxlength={maxlength}
          placeholder={placeholder}
          confirmType="search"
          {...labelled(spokenLabel)}
          onInput={(e) => onChange(e.detail.value)}
          onConfirm={onSearch}
        />
      </View>
      <Button className="btn" onClick={onSearch}>
        {buttonText}
      </Button>
    </View>
  );
}
