// Which of my organizations I am acting for (most organizers have one).
import { Picker, Text, View } from '@tarojs/components';
import type { UserView } from '@kepu/shared';

interface Props {
  organizations: UserView['organizations'];
  value: string;
  onChange: (id: string) => void;
}

export default function OrganizationPicker({ organizations, value, onChange }: Props) {
  if (organizations.length <= 1) return <Text className="section block muted">{organizations[0]?.name ?? ''}</Text>;
  const names = organizations.map((o) => o.name);
  const index = Math.max(
    0,
    organizations.findIndex((o) => o.id === value),
  );
  return (
    <View className="section">
      <Picker mode="selector" range={names} value={index} onChange={(e) => onChange(organizations[Number(e.detail.value)]?.id ?? value)}>
        <View className="picker-box">{names[index]} ▾</View>
      </Picker>
    </View>
  );
}
