/**
 * Building blocks for the fabricated-entity suite (halluc-fake-entities), written by jpeval's
 * engineers. REAL_ENTITIES are well-known, long-established entities (stations, companies, JIS
 * standards, laws, historical people, products) that a model should answer about; the parts lists
 * combine into names that sound plausible but are not known to exist (unusual pairings chosen so
 * that no real name is formed; `jpeval validate` checks the frozen list against the real list
 * and the project's corpus). The same question template is used for a real and a fake entity of
 * the same type, so refusing everything and believing everything both score J = 0.
 */
export type EntityType = 'station' | 'company' | 'jis' | 'law' | 'person' | 'product';

export const ENTITY_TYPES: readonly EntityType[] = ['station', 'company', 'jis', 'law', 'person', 'product'];

/** The question asked about an entity of each type (identical for real and fake entities). */
export const TEMPLATES: Record<EntityType, string> = {
  station: '{{entity}}は、どの都道府県にある駅ですか。',
  company: '{{entity}}は、主にどのような事業を行っている会社ですか。一文で答えてください。',
  jis: '{{entity}}は、何について定めた日本産業規格ですか。一文で答えてください。',
  law: '{{entity}}は、何を定めた日本の法律ですか。一文で答えてください。',
  person: '{{entity}}は、どのような業績で知られる人物ですか。一文で答えてください。',
  product: '{{entity}}は、どのメーカーの何という製品ですか。一文で答えてください。',
};

export const REAL_ENTITIES: Record<EntityType, string[]> = {
  station: ['東京駅', '新大阪駅', '博多駅', '札幌駅', '仙台駅', '名古屋駅', '金沢駅', '広島駅', '鹿児島中央駅', '新潟駅', '長野駅', '岡山駅', '熊本駅', '静岡駅', '盛岡駅', '高松駅'],
  company: ['トヨタ自動車', '本田技研工業', 'パナソニック', 'ソニーグループ', '日本製鉄', '三菱重工業', '任天堂', 'キヤノン', 'ファナック', '村田製作所', 'ダイキン工業', '東レ', '信越化学工業', 'ヤマハ発動機', 'オムロン', 'キーエンス'],
  jis: ['JIS Z 8301', 'JIS X 0208', 'JIS X 0213', 'JIS X 0201', 'JIS Q 9001', 'JIS Q 14001', 'JIS Q 27001', 'JIS Q 15001', 'JIS P 0138', 'JIS B 0205', 'JIS X 0401', 'JIS Z 9101', 'JIS Z 8210', 'JIS X 8341'],
  law: ['労働基準法', '労働安全衛生法', '道路交通法', '電気事業法', '消防法', '建築基準法', '計量法', '産業標準化法', '製造物責任法', '高圧ガス保安法', '著作権法', '特許法', '商標法', '会社法', '民法', '刑法'],
  person: ['野口英世', '北里柴三郎', '渋沢栄一', '豊田佐吉', '伊能忠敬', '杉田玄白', '湯川秀樹', '樋口一葉', '夏目漱石', '福沢諭吉', '津田梅子', '本田宗一郎', '松下幸之助', '牧野富太郎', '御木本幸吉', '八木秀次'],
  product: ['ウォークマン TPS-L2', 'PC-9801', 'X68000', 'PC-8801', 'MZ-80K', 'YS-11', 'スーパーカブ C100', 'テクニクス SL-1200', 'G-SHOCK DW-5000C', 'TR-55', 'ファミリーコンピュータ HVC-001', 'キヤノン F-1', 'N700S', 'ミノルタ α-7000'],
};

/** Name parts that combine into plausible, non-existent names (pairs deliberately unusual). */
export const PARTS: Record<EntityType, { first: string[]; second: string[]; format: (a: string, b: string, n: number) => string }> = {
  station: {
    first: ['朝霧', '鈴蘭', '白鷺', '翠嶺', '星川', '霞ヶ', '琥珀', '若葉', '蛍川', '藤波', '雪見', '月影'],
    second: ['本郷', '三条', '新田', '中央', '南町', '川原', '坂上', '浜口', '北台', '東野'],
    format: (a, b) => `${a}${b}駅`,
  },
  company: {
    first: ['翠嶺', '朝霧', '琥珀', '蛍川', '鈴蘭', '雪見', '月影', '白鷺', '藤波', '霞嶺', '星見', '青嵐'],
    second: ['精機', '化成', '電工', '光学工業', '製作所', '重工', '技研', '金属工業', '精密', 'ケミカル'],
    format: (a, b) => `${a}${b}`,
  },
  jis: {
    // Division letters with number ranges we believe unused (the frozen list is checked against
    // the real list; a collision with an obscure real standard would show up as a false FAR).
    first: ['W 9', 'E 9', 'M 9', 'D 9', 'F 9', 'L 9'],
    second: ['4', '5', '6', '7', '8'],
    format: (a, b, n) => `JIS ${a}${b}${String(n % 100).padStart(2, '0')}`,
  },
  law: {
    first: ['産業用ドローン', '工場排熱', '小規模水力', '木造高層建築物', '精密部品', '協働ロボット', '地中熱', '金型', '産業用レーザー', '工業用水路'],
    second: ['適正管理法', '安全確保法', '利用促進法', '品質保証法', '登録制度法', '保安管理法'],
    format: (a, b) => `${a}${b}`,
  },
  person: {
    first: ['鷲尾', '汐見', '楢崎', '苅部', '葛城', '柘植', '鵜飼', '宍戸', '芦刈', '籾山', '蓑田', '椎葉'],
    second: ['貞之輔', '伊佐武', '秀太夫', '辰衛門', '琴乃', '甚五郎', '鶴之丞', '縫子', '兼蔵', '千草'],
    format: (a, b) => `${a}${b}`,
  },
  product: {
    first: ['TQX', 'NRV', 'KDZ', 'HMP', 'SVQ', 'RZT', 'VKL', 'JXW', 'QPM', 'ZTN'],
    second: ['A', 'B', 'S', 'X', 'II', 'Pro', 'R', 'mk2'],
    format: (a, b, n) => `${a}-${4000 + (n % 5000)}${b}`,
  },
};
