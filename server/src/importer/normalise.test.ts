import { normalisePlanText } from './normalise';

describe('normalisePlanText', () => {
  it('when a heading uses half-width brackets, then they become the full-width form the document uses elsewhere', () => {
    expect(normalisePlanText('(一)实施青少年科学素质提升行动')).toBe('（一）实施青少年科学素质提升行动');
    expect(normalisePlanText('(四）实施基层科普能力提升工程')).toBe('（四）实施基层科普能力提升工程');
  });

  it('when brackets, commas and semicolons sit inside Chinese text, then they become full-width', () => {
    expect(normalisePlanText('以文明实践中心(所、站)为阵地,常态化开展活动;推进共建。')).toBe('以文明实践中心（所、站）为阵地，常态化开展活动；推进共建。');
  });

  it('when numbers use commas or decimal points, then they are left alone', () => {
    expect(normalisePlanText('培训1,000人次，覆盖率达1.5%。')).toBe('培训1,000人次，覆盖率达1.5%。');
  });

  it('when digits are full-width, then they become ASCII', () => {
    expect(normalisePlanText('２０２４年某某市全民科学素质行动工作要点')).toBe('2024年某某市全民科学素质行动工作要点');
  });

  it('when a word-processor bookmark precedes a task, then it is dropped', () => {
    expect(normalisePlanText('[bookmark: _GoBack]45.完善监测评估体系。')).toBe('45.完善监测评估体系。');
  });

  it('when lines carry leading and trailing spaces, then they are trimmed', () => {
    expect(normalisePlanText('  一、总体要求 \n\u30001.加强领导。\t')).toBe('一、总体要求\n1.加强领导。');
  });

  it('when blank lines run together, then one blank line stays between paragraphs', () => {
    expect(normalisePlanText('\n\n某某市科协\n\n\n\n2024年1月5日\n\n')).toBe('某某市科协\n\n2024年1月5日');
  });

  it('when a page break cuts a task mid-sentence, then the two halves join with nothing between', () => {
    const raw = '2.推动科学素质工作主动融入党和政府\n\n发展大局。\n\n3.大力弘扬科学家精神。';
    expect(normalisePlanText(raw)).toBe('2.推动科学素质工作主动融入党和政府发展大局。\n\n3.大力弘扬科学家精神。');
  });

  it('when a page break cuts a word inside a task, then the word is rejoined', () => {
    const raw = '19.完善科技馆体系。坚持量力而行，稳步推进县\n\n区科技馆建设。';
    expect(normalisePlanText(raw)).toBe('19.完善科技馆体系。坚持量力而行，稳步推进县区科技馆建设。');
  });

  it('when a heading without a final 。 is followed by a task, then they stay separate lines', () => {
    const raw = '一、深入学习贯彻新思想，将科学素质建设融入发展大局\n\n1.全面学习贯彻会议精神。';
    expect(normalisePlanText(raw)).toBe('一、深入学习贯彻新思想，将科学素质建设融入发展大局\n\n1.全面学习贯彻会议精神。');
  });

  it('when a heading without a final 。 is followed by a preamble paragraph, then they stay separate lines', () => {
    const raw = '一、总体要求\n以新思想为指导，全面提升公民科学素质。';
    expect(normalisePlanText(raw)).toBe('一、总体要求\n以新思想为指导，全面提升公民科学素质。');
  });

  it('when a heading ends with 。, then it stays a heading line of its own', () => {
    const raw = '（四）实施老年人科学素质提升行动。\n12.加强老年人健康科普服务。';
    expect(normalisePlanText(raw)).toBe(raw);
  });

  it('when a page break cuts a （1） item or an 一是… enumeration, then the halves join', () => {
    expect(normalisePlanText('（1）开展科普活动，推动\n\n工作落实。')).toBe('（1）开展科普活动，推动工作落实。');
    expect(normalisePlanText('一是加强组织领导，各地要\n\n高度重视。')).toBe('一是加强组织领导，各地要高度重视。');
  });

  it('when a title quoted in 《》 is broken over two lines, then the lines join', () => {
    const raw = ' 关于印发《2024年某某市全民科学素质\n行动工作要点》的通知\n\n各成员单位：';
    expect(normalisePlanText(raw)).toBe('关于印发《2024年某某市全民科学素质行动工作要点》的通知\n\n各成员单位：');
  });

  it('when short standalone lines follow each other (letterhead, number, issuer, date, title), then none of them join', () => {
    const raw = '某某市科学技术协会文件\n\n某科协字〔2024〕3号\n\n某某市科学技术协会\n\n2024年2月1日\n\n2024年某某市全民科学素质行动工作要点';
    expect(normalisePlanText(raw)).toBe(raw);
  });

  it('when the next line starts with a comma, then it continues the line before whatever that line ends with', () => {
    expect(normalisePlanText('贯彻落实《科普法》\n，推动科普工作。')).toBe('贯彻落实《科普法》，推动科普工作。');
  });

  it('when two Latin words meet at a break, then they keep a space', () => {
    expect(normalisePlanText('18.打造科学传播网络平台，推进science\nand technology传播。')).toBe('18.打造科学传播网络平台，推进science and technology传播。');
  });

  it('when the text is already normalised, then normalising again changes nothing', () => {
    const once = normalisePlanText('(一)加强领导\n\n1.推动工作融入\n\n大局,形成合力。\n[bookmark: x]2.完善机制。');
    expect(normalisePlanText(once)).toBe(once);
  });
});
