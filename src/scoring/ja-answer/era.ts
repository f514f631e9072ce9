/**
 * Japanese era years (和暦) → Gregorian years (西暦), so 「令和5年」 ≡ 「2023年」 and 「平成元年」 ≡
 * 「1989年」. Runs after numeral normalisation (so 令和五年 already reads 令和5年). Only the five
 * modern eras; a year beyond an era's last year (平成40年) is left as written, because it names
 * no real year and should not silently match one.
 */
const ERAS: Record<string, { offset: number; lastYear: number }> = {
  明治: { offset: 1867, lastYear: 45 },
  大正: { offset: 1911, lastYear: 15 },
  昭和: { offset: 1925, lastYear: 64 },
  平成: { offset: 1988, lastYear: 31 },
  令和: { offset: 2018, lastYear: 99 },
};

const ERA_YEAR = /(明治|大正|昭和|平成|令和)\s*(元|\d+)\s*年/g;

export function eraToGregorian(text: string): string {
  return text.replace(ERA_YEAR, (whole, era: string, year: string) => {
    const spec = ERAS[era]!;
    const n = year === '元' ? 1 : Number(year);
    if (n < 1 || n > spec.lastYear) return whole;
    return `${spec.offset + n}年`;
  });
}
