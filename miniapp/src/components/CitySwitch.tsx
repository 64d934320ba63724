// The city switch of a tab that filters by city: a chip naming the city, which
// opens the city chooser in a bottom sheet (large rows, readable in 大字模式).
import { View } from '@tarojs/components';
import { useState } from 'react';
import CityChooser from '@/components/CityChooser';
import Sheet from '@/components/Sheet';
import { asButton } from '@/utils/a11y';

export default function CitySwitch({ city, onChoose }: { city: string; onChoose: (city: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <View className="chip city-chip" {...asButton(() => setOpen(true), { expanded: open })}>
        城市：{city} ▾
      </View>
      {open ? (
        <Sheet title="选择城市" onClose={() => setOpen(false)}>
          <CityChooser
            current={city}
            onChoose={(chosen) => {
              setOpen(false);
              onChoose(chosen);
            }}
          />
        </Sheet>
      ) : null}
    </>
  );
}
