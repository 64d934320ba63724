// Prepares text for campaign matching: traditional -> simplified, no quotes, spaces or date marks.
// Keeps a map back to the original offsets; which names count as campaigns is match.ts's business.

/**
 * Traditional (and Taiwan/Hong Kong variant) characters that occur in campaign names or in the
 * words around them that matching looks at. Not a general converter: one character each way.
 */
const TRADITIONAL_TO_SIMPLIFIED: Readonly<Record<string, string>> = {
  // campaign names
  萬: '万',
  與: '与',
  業: '业',
  豐: '丰',
  鄉: '乡',
  書: '书',
  產: '产',
  眾: '众',
  傳: '传',
  養: '养',
  農: '农',
  減: '减',
  創: '创',
  動: '动',
  衛: '卫',
  衞: '卫',
  雙: '双',
  國: '国',
  圖: '图',
  場: '场',
  學: '学',
  權: '权',
  樣: '样',
  殘: '残',
  氣: '气',
  災: '灾',
  煙: '烟',
  菸: '烟',
  愛: '爱',
  環: '环',
  絡: '络',
  網: '网',
  節: '节',
  營: '营',
  講: '讲',
  識: '识',
  讀: '读',
  賽: '赛',
  輕: '轻',
  際: '际',
  險: '险',
  風: '风',
  館: '馆',
  無: '无',
  週: '周',
  // words before and after a name (see match.ts)
  開: '开',
  舉: '举',
  辦: '办',
  組: '组',
  織: '织',
  圍: '围',
  繞: '绕',
  結: '结',
  藉: '借',
  託: '托',
  緊: '紧',
  為: '为',
  過: '过',
  參: '参',
  劃: '划',
  續: '续',
  廣: '广',
  啟: '启',
  啓: '启',
  進: '进',
  實: '实',
  聯: '联',
  紀: '纪',
  慶: '庆',
  報: '报',
  記: '记',
  誌: '志',
  曆: '历',
  歷: '历',
  漸: '渐',
  趨: '趋',
  邊: '边',
  轉: '转',
  約: '约',
  點: '点',
  歲: '岁',
  餅: '饼',
  屆: '届',
  個: '个',
  號: '号',
  區: '区',
  縣: '县',
  於: '于',
  當: '当',
  後: '后',
};

const OPENING_QUOTES = new Set(['“', '‘', '「', '『', '〝', '"', "'", '＂', '＇']);
const CLOSING_QUOTES = new Set(['”', '’', '」', '』', '〞']);

/**
 * A month·day label right before a name (`5·12`, `5.12`, `5•12`, `“4·22”`). Only in front of a
 * Chinese character, so list numbers like `3.` and decimals inside numbers stay.
 */
const DATE_MARK = /(?<![0-9])(?:1[0-2]|0?[1-9])[·•・．.‧･∙](?:3[01]|[12][0-9]|0?[1-9])(?![0-9])(?=[\s“”‘’「」『』〝〞"'＂＇]*\p{Script=Han})/gu;

export interface NormalisedText {
  text: string;
  /** Offset in the original text of each character of `text`. */
  sourceIndex: number[];
  /** True where a quote or a date mark was dropped right before that character: the writer marked a name. */
  markedBefore: boolean[];
}

function foldCharacter(character: string): string {
  const code = character.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 0x30); // full-width digits
  return TRADITIONAL_TO_SIMPLIFIED[character] ?? character;
}

export function normaliseCampaignTextWithOffsets(original: string): NormalisedText {
  // Folding is one code unit for one, so offsets in `folded` are offsets in `original`.
  const folded = Array.from(original, (unit) => (unit.length === 1 ? foldCharacter(unit) : unit)).join('');
  const dropped = new Uint8Array(folded.length);
  for (const match of folded.matchAll(DATE_MARK)) dropped.fill(1, match.index, match.index + match[0].length);

  const result: NormalisedText = { text: '', sourceIndex: [], markedBefore: [] };
  const kept: string[] = [];
  let marked = false;
  for (let index = 0; index < folded.length; index += 1) {
    const character = folded[index] as string;
    if (dropped[index] === 1 || OPENING_QUOTES.has(character)) {
      marked = true;
    } else if (!CLOSING_QUOTES.has(character) && !/\s/.test(character)) {
      kept.push(character);
      result.sourceIndex.push(index);
      result.markedBefore.push(marked);
      marked = false;
    }
    // Spaces (line breaks in PDF text) are dropped without marking: they often split a word.
  }
  result.text = kept.join('');
  return result;
}

/**
 * Text as the matcher sees it: simplified characters, half-width digits, no quotes, no whitespace,
 * no date marks before names. `全国“安全生产月”` -> `全国安全生产月`, `5·12防灾减灾日` -> `防灾减灾日`.
 * For matching only, not for display.
 */
export function normaliseCampaignText(text: string): string {
  return normaliseCampaignTextWithOffsets(text).text;
}
