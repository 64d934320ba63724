// Keyword search with a clear button, and the recent searches (kept on this
// device, clearable) while the field has focus.
import { Button, Input, Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { asButton, labelled } from '@/utils/a11y';
import { clearRecentSearches, readRecentSearches, rememberSearch } from '@/utils/recentSearches';

const PLACEHOLDER = '搜索活动或场馆';
/** A tap on a recent search blurs the field first: wait before hiding them so the tap lands. */
const BLUR_DELAY_MS = 200;

export default function SearchBar({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [keyword, setKeyword] = useState(value);
  const [focused, setFocused] = useState(false);
  const [recent, setRecent] = useState<string[]>(() => readRecentSearches());
  const blurTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => setKeyword(value), [value]);
  useEffect(() => () => void (blurTimer.current && clearTimeout(blurTimer.current)), []);

  const search = (word: string) => {
    const q = word.trim();
    setKeyword(q);
    if (q) setRecent(rememberSearch(q));
    setFocused(false);
    onSearch(q);
  };

  const clear = () => {
    setKeyword('');
    if (value) onSearch('');
  };

  return (
    <View className="search-box">
      <View className="search">
        <View className="input search__field">
          <Input
            className="search__input"
            type="text"
            confirmType="search"
            placeholder={PLACEHOLDER}
            {...labelled(PLACEHOLDER)}
            value={keyword}
            maxlength={50}
            onInput={(e) => setKeyword(e.detail.value)}
            onConfirm={() => search(keyword)}
            onFocus={() => {
              if (blurTimer.current) clearTimeout(blurTimer.current);
              setFocused(true);
            }}
            onBlur={() => {
              blurTimer.current = setTimeout(() => setFocused(false), BLUR_DELAY_MS);
            }}
          />
          {keyword ? (
            <View className="search__clear" aria-label="清除搜索内容" {...asButton(clear)}>
              ×
            </View>
          ) : null}
        </View>
        <Button className="btn search__btn" onClick={() => search(keyword)}>
          搜索
        </Button>
      </View>
      {focused && recent.length ? (
        <View className="recent">
          <View className="recent__head">
            <Text className="muted">最近搜索</Text>
            <View
              className="chip recent__clear"
              {...asButton(() => {
                clearRecentSearches();
                setRecent([]);
              })}
            >
              清除记录
            </View>
          </View>
          <View className="chip-wrap">
            {recent.map((word) => (
              <View key={word} className="chip" {...asButton(() => search(word))}>
                {word}
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  );
}
