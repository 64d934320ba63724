import fc from 'fast-check';
import { foldChar, isIndexable, textGrams, wordGrams } from './grams';

describe('search grams', () => {
  it('store a character as the one LIKE matches it with: case, full width, accents, radicals', () => {
    expect(['A', 'a', 'Ａ', 'ａ', 'é', 'É'].map(foldChar)).toEqual(['a', 'a', 'a', 'a', 'e', 'e']);
    expect(['１', '①', '1'].map(foldChar)).toEqual(['1', '1', '1']);
    expect(foldChar('⺜')).toBe('日');
    expect(['急', '（', ' '].map(foldChar)).toEqual(['急', '（', ' ']);
  });

  it('index every pair of adjacent characters within each text, not across texts', () => {
    expect(textGrams(['防震减灾', '科普'])).toEqual(['防震', '震减', '减灾', '科普']);
    expect(textGrams(['AI课', 'x'])).toEqual(['ai', 'i课']);
  });

  it("take a word's grams from Han characters, ASCII letters and digits only", () => {
    expect(wordGrams('科普日')).toEqual(['科普', '普日']);
    expect(wordGrams('AI 2024')).toEqual(['ai', '20', '02', '24']);
    expect(wordGrams('Ａi')).toEqual([]);
    expect(wordGrams('急')).toEqual([]);
    expect(wordGrams('急救!')).toEqual(['急救']);
    expect(isIndexable('𠀀')).toBe(false);
  });

  it("when a text contains the word, up to ASCII case or an equivalent character, then it holds all of the word's grams", () => {
    const alphabet = [...'急救科普日防震减灾aAbB1１é e⺜（%_!'];
    const char = fc.constantFrom(...alphabet);
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 12 }),
        fc.array(char, { minLength: 1, maxLength: 4 }),
        fc.array(char, { maxLength: 6 }),
        (before, word, after) => {
          // The text holds an equivalent of the word: each character replaced by one that folds the same.
          const variant = word.map((c) => alphabet.find((other) => foldChar(other) === foldChar(c) && other !== c) ?? c);
          const grams = new Set(textGrams([[...before, ...variant, ...after].join('')]));
          for (const gram of wordGrams(word.join(''))) expect(grams).toContain(gram);
        },
      ),
    );
  });
});
