import type { Token } from '../tokenizer.js';
import type { Clause } from './clauses.js';

/**
 * The lexicon of the abstention detector. Why each list exists:
 *  - KNOWING: predicates whose negation says "I do not know / cannot answer" (わからない, 存じません,
 *    お答えできません, 確認できません, 見当たりません, 把握しておりません …);
 *  - HOLDING: nouns whose absence says the same (情報がありません, 記録はない, 心当たりがない …);
 *  - EXISTENCE: 存在/実在 negated — a refusal when it denies the asked thing (その〜, 〜という〜,
 *    or no subject), an answer when it is a claim about somewhere (「日本には砂漠は存在しません」);
 *  - HEDGES: uncertainty around an answer (おそらく, 〜と思います, 自信はありませんが …);
 *  - FILLER: apologies, redirections and pleasantries that carry no answer.
 */
export const KNOWING = new Set([
  'わかる', '分かる', '判る', '解る', '知る', '存じる', '存じ上げる', '存ずる', '答える', '応える', '見つかる',
  '見つける', '見当たる', '思い出す', '思い出せる', '覚える', '判別', '思い当たる', '心得る', '言える', '申し上げる', '持ち合わせる', '把握', '確認', '特定', '判断',
  '断定', '回答', 'お答え', '提供', '判明', '認識', '答え', '調べる', '突き止める', '教える', 'お伝え', '伝える',
]);
export const HOLDING = new Set(['記憶', '情報', 'データ', '記録', '資料', '記載', '知識', '心当たり', '覚え', '手がかり', '該当', '情報源', '見当', '答え', '根拠', 'ヒット', '結果']);
export const EXISTENCE = new Set(['存在', '実在']);
/** What a denied existence can be about (「存在しない駅」 denies; 「存在しない理由」 does not). */
const ENTITY_NOUNS = new Set(['駅', '駅名', '会社', '企業', '社名', '規格', '法律', '法令', '人物', '人', '製品', '型番', '名称', '名前', 'もの', '番号', '団体', '組織', '施設', '地名', '商品', '可能性', '可能', '見込み', '恐れ']);
const EXPERIENCE = new Set(['聞く', '見る', '目にする', '耳にする']);

/** A refusal that the tokens above do not cover, written as surface patterns. */
export const ABSTAIN_PHRASES = /不明(です|でございます)?$|^不明|定かではありません$|見当(が|も)つきません|わかりかね|分かりかね|判りかね|お答えしかね|回答(は|を)?(差し)?控え|お答えを(差し)?控え|申し上げられません|架空の(もの|名称|名前|駅|会社|企業|人物|規格|法律|製品)(の|である|と思われ|かと|だと|のよう|の可能性)|実在しない(もの|名称|名前)|該当するものは(ありません|見つかりません)|お力になれません|ノーコメント|答えがありません|差し控え|控えさせ|架空の[^。、]{0,8}?(のよう|の可能性|と思われ|かもしれ|だと思|かと思|では)/u;

/** Markers of uncertainty; a hedged clause with an answer in it is still an attempt. */
export const HEDGE = /おそらく|恐らく|たぶん|多分|かもしれ|と思い|と思われ|と思う|気がし|自信(は|が)(あり|な)|確か(では|じゃ)|定か(では|で)|記憶では|記憶が(正し|確か)|うろ覚え|推測|可能性|はずです|と考えられ|のではないか|確信(は|が)|断言(は|で)|正確では|間違って(いる|いた)ら|確実では|知る限り|だったような|ではないでしょうか|かと存じ/u;

/** Clauses that are only politeness, apology or redirection. */
export const FILLER = /間違っていたら|(大変)?恐縮|お調べ(しました|したところ|いたしました)|お力になれ|調べて(み)?(ました|た)(が|ところ)|[^、。]*について(の)?(ご質問|お尋ね)(です(ね)?)?|[^、。]*について(です|でしょう)?ね|申し訳|すみません|すいません|ごめんなさい|恐れ入り|残念(ながら|です)?|ご質問|お尋ね|ありがとうございます|ご確認|確認してください|お問い合わせ|問い合わせて|参照して|調べてください|お調べください|ご了承|お役に立て|お手伝い|公式(サイト|ホームページ|の情報)|最新の情報|AI|言語モデル|アシスタント|専門家に|ご自身で|他に何か|ほかに何か|いかがでしょうか|お勧め|おすすめ|について(です|でしょう)?ね|ですね$|失礼/u;

const REDIRECT_END = /(ください|下さい|お勧めします|おすすめします|をお勧めいたします)$/u;

const NEGATORS = new Set(['ない', 'ん', 'ぬ', 'ず']);
const NEGATION_STOP = new Set(['が', 'けど', 'けれど', 'けれども', 'ので', 'から', 'ば']);

function isNegator(t: Token): boolean {
  return (t.pos === '助動詞' && NEGATORS.has(t.basicForm)) || (t.pos === '形容詞' && t.basicForm === 'ない') || t.basicForm === 'かねる';
}

/** Index of the negation governing tokens[from], if it follows within the same predicate. */
function negationAfter(tokens: Token[], from: number, window = 7): number {
  for (let i = from + 1; i < Math.min(tokens.length, from + 1 + window); i++) {
    const t = tokens[i]!;
    if (isNegator(t)) return i;
    if (t.pos === '記号' || (t.pos === '助詞' && t.posDetail === '接続助詞' && NEGATION_STOP.has(t.surface))) return -1;
    // A new content noun starts another phrase (「情報処理の試験がない」 is not about 情報).
    if (i > from + 1 && t.pos === '名詞' && !['非自立', 'サ変接続', '接尾'].includes(t.posDetail) && tokens[i - 1]?.pos !== '接頭詞') return -1;
  }
  return -1;
}

/**
 * True when the negation at `neg` is not a plain refusal: cancelled by a second negation
 * (「わからないわけではありません」, 「答えられないことはない」), conditional
 * (「わからない場合は」) or modifying a noun (「誰も知らない名所」).
 */
function negationDefused(tokens: Token[], from: number, neg: number): boolean {
  let next = neg + 1;
  while (tokens[next] && tokens[next]!.pos === '助動詞' && !['だ', 'です'].includes(tokens[next]!.basicForm)) next++;
  const t = tokens[next];
  if (!t) return false;
  if (['わけ', 'はず'].includes(t.basicForm) && t.posDetail === '非自立') {
    for (let i = next + 1; i < Math.min(tokens.length, next + 6); i++) if (isNegator(tokens[i]!)) return true;
    return false;
  }
  // 「わからないことが多い」: nominalised, a statement about something else.
  if (['こと', 'もの'].includes(t.basicForm) && t.posDetail === '非自立') return !nominalRefusal(tokens, next);
  if (['場合', 'とき', '時', 'なら', 'ば', '限り'].includes(t.basicForm)) return true;
  // 「…存在しません、という噂」 reports what someone says.
  if (t.surface === 'という' || (t.surface === '、' && tokens[next + 1]?.surface === 'という')) return true;
  // 「誰も知らない秘境」 modifies a noun; 「存在しない駅」 still denies the thing itself, but
  // 「存在しない理由は…」 is about something else.
  if (t.pos === '名詞' && t.posDetail !== '非自立' && t.posDetail !== '接尾' && /[\p{L}\p{N}]/u.test(t.surface)) return !(EXISTENCE.has(tokens[from]!.basicForm) && ENTITY_NOUNS.has(t.basicForm));
  return false;
}

/** 「答えられないことはありません」 is handled by the double negation; 「〜ないことです」 is a refusal only after a knowing verb at the end. */
function nominalRefusal(tokens: Token[], at: number): boolean {
  const rest = tokens.slice(at + 1).map((t) => t.basicForm);
  return rest.length === 0;
}

const DENIAL_REFERENT = /その|そのような|そういった|そういう|そんな|ご質問の|お尋ねの|該当する|という|といった|名前の|名称の|ご指摘の/u;
const LOCATIVE = /[^そ]には|の中に|において|において[はも]|で[はも](?=.*存在)/u;

export type ClauseKind = 'abstain' | 'hedge' | 'filler' | 'content' | 'empty';

/** Whether a clause refuses, hedges, fills or says something. */
export function classifyClause(clause: Clause): { kind: ClauseKind; cue?: string } {
  const { tokens, text } = clause;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const base = t.basicForm;
    let trigger = KNOWING.has(base) || HOLDING.has(base) || EXISTENCE.has(base);
    if (!trigger && EXPERIENCE.has(base) && tokens[i + 1]?.basicForm === 'た' && tokens[i + 2]?.basicForm === 'こと') trigger = true;
    if (!trigger) continue;
    const neg = negationAfter(tokens, i);
    if (neg === -1 || negationDefused(tokens, i, neg)) continue;
    if (EXISTENCE.has(base) && !DENIAL_REFERENT.test(text) && LOCATIVE.test(text.slice(0, text.indexOf(t.surface)))) {
      return { kind: 'content', cue: 'existence_claim' };
    }
    return { kind: 'abstain', cue: `${base}+${tokens[neg]!.surface}` };
  }
  if (ABSTAIN_PHRASES.test(text)) return { kind: 'abstain', cue: ABSTAIN_PHRASES.exec(text)![0] };
  // Words inside politeness or hedge phrases (「間違っていたらすみません」) are not an answer.
  const ignored = spansOf(text, FILLER);
  const hedges = spansOf(text, HEDGE);
  // A redirection (「詳しくは専門家にお問い合わせください」) is advice, not an answer.
  if (ignored.length && REDIRECT_END.test(text)) return { kind: 'filler' };
  if (hasContent(tokensOutside(tokens, [...ignored, ...hedges]))) return { kind: 'content' };
  if (ignored.length) return { kind: 'filler' };
  return hedges.length ? { kind: 'hedge' } : { kind: 'empty' };
}

function spansOf(text: string, re: RegExp): [number, number][] {
  const global = new RegExp(re.source, 'gu');
  return [...text.matchAll(global)].filter((m) => m[0] !== '').map((m) => [m.index!, m.index! + m[0].length]);
}

function tokensOutside(tokens: Token[], spans: [number, number][]): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const t of tokens) {
    const end = at + t.surface.length;
    if (!spans.some(([s, e]) => at < e && end > s)) out.push(t);
    at = end;
  }
  return out;
}

const LIGHT_VERBS = new Set(['ある', 'する', 'なる', 'いる', 'おる', 'できる', '思う', '考える', '言う', '存じる', 'いう', 'れる', 'られる', 'ござる']);
const HEDGE_NOUNS = new Set(['自信', '確か', '定か', '記憶', '推測', '可能性', '気', '限り', '私', 'わたし', '正確', '確実', '確信', '断言', 'はず', '感じ', 'よう', 'そう', '確証', '想像', '正直']);
const ANSWER_INTERJECTIONS = new Set(['はい', 'いいえ', 'いや', 'ええ']);

/** Whether a clause carries anything that can be an answer (a noun, a number, a full verb, yes/no). */
export function hasContent(tokens: Token[]): boolean {
  return tokens.some((t) => {
    if (!/[\p{L}\p{N}]/u.test(t.surface)) return false;
    if (t.pos === '名詞') return !['非自立', '代名詞', '接尾'].includes(t.posDetail) && !HEDGE_NOUNS.has(t.basicForm);
    if (t.pos === '動詞') return t.posDetail === '自立' && !LIGHT_VERBS.has(t.basicForm);
    if (t.pos === '形容詞') return t.basicForm !== 'ない' && t.basicForm !== 'よい' && t.basicForm !== 'いい';
    if (t.pos === '感動詞') return ANSWER_INTERJECTIONS.has(t.basicForm);
    return false;
  });
}
