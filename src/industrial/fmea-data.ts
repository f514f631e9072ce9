/**
 * ind-fmea knowledge: failure modes of shop-floor equipment with their causes, detection methods and
 * countermeasures (terms after JIS Z 8115), and for each a list of plausible but wrong options for
 * the same question. Written by jpeval's engineers; each wrong option is wrong *for that mode*.
 */
export interface FailureMode {
  equipment: string;
  mode: string;
  causes: string[];
  wrongCauses: string[];
  detection: string[];
  wrongDetection: string[];
  countermeasures: string[];
  wrongCountermeasures: string[];
}

export const FAILURE_MODES: FailureMode[] = [
  {
    equipment: '遠心ポンプ', mode: 'キャビテーション',
    causes: ['吸込み側の圧力が低すぎる', '液温が高く飽和蒸気圧に近い', '吸込み配管のストレーナが詰まっている'],
    wrongCauses: ['吐出し側の弁を少し絞っている', 'モータの絶縁抵抗が高い', '羽根車の材質が硬すぎる'],
    detection: ['ポンプ内部からの砂利を流すような異音', '吸込み圧力計の指示が低い'],
    wrongDetection: ['モータ端子の電圧が定格どおり', '吐出し側配管の塗装色の変化'],
    countermeasures: ['吸込み揚程を小さくする', '吸込み配管を太く短くする'],
    wrongCountermeasures: ['回転速度を上げて吐出し量を増やす', '吸込み側の弁を絞って運転する'],
  },
  {
    equipment: '遠心ポンプ', mode: 'メカニカルシールからの漏れ',
    causes: ['しゅう動面の摩耗や傷', '空運転による摺動面の焼損', 'Oリングの劣化'],
    wrongCauses: ['吐出し圧力計の指示誤差', '電源周波数が50 Hzである', 'ポンプの塗装のはがれ'],
    detection: ['軸封部からの液の滴下の目視点検', 'ドレンパンにたまる液量の増加'],
    wrongDetection: ['モータの回転方向の確認', '銘板に記載の定格流量の確認'],
    countermeasures: ['空運転を防ぐ液位インタロックを設ける', 'シール部品を定期的に交換する'],
    wrongCountermeasures: ['吐出し弁を全閉にして運転を続ける', 'グランドを強く締めて漏れを止める'],
  },
  {
    equipment: '遠心ポンプ', mode: '軸受の異常発熱',
    causes: ['潤滑油の不足や劣化', 'ポンプとモータの芯ずれ', 'グリースの過充填'],
    wrongCauses: ['吸込み水槽の水位が高い', '圧力計の取付け位置が低い', '配管の保温材が厚い'],
    detection: ['軸受ハウジングの温度測定', '振動計による振動値の上昇'],
    wrongDetection: ['吐出し側の流量計の積算値', '配電盤の表示灯の色'],
    countermeasures: ['給油周期と油量を管理する', '据付け時に芯出しを確実に行う'],
    wrongCountermeasures: ['軸受にグリースを空間いっぱいに詰める', '温度計を外して監視をやめる'],
  },
  {
    equipment: '遠心ポンプ', mode: '吐出し量の低下',
    causes: ['羽根車の摩耗', '吸込み側からの空気の吸込み', '逆回転での運転'],
    wrongCauses: ['モータの塗装の退色', '銘板の文字のかすれ', '基礎ボルトの塗装のはがれ'],
    detection: ['流量計の指示の低下', '吐出し圧力の低下'],
    wrongDetection: ['モータ外枠の塗装の点検', '据付け年月日の確認'],
    countermeasures: ['羽根車を点検し必要なら交換する', '吸込み配管の継手の気密を点検する'],
    wrongCountermeasures: ['吐出し弁をさらに絞る', '吸込み側の弁を半開にする'],
  },
  {
    equipment: '歯車減速機', mode: '歯面のピッチング',
    causes: ['歯面に繰り返し加わる接触応力', '潤滑油の粘度不足', '設計を超える負荷での運転'],
    wrongCauses: ['ケーシングの塗装の劣化', '銘板の取付けねじの緩み', '周囲の照明が暗い'],
    detection: ['振動のかみ合い周波数成分の増加', '分解点検での歯面の小穴の確認'],
    wrongDetection: ['入力軸の回転方向の確認', '減速機の外形寸法の測定'],
    countermeasures: ['負荷を定格以内に抑える', '適正な粘度の潤滑油を使う'],
    wrongCountermeasures: ['潤滑油の量を減らして運転する', '粘度の低い油に変更する'],
  },
  {
    equipment: '歯車減速機', mode: 'オイルシールからの油漏れ',
    causes: ['シールリップの摩耗や硬化', '軸表面の傷や摩耗', 'ケース内圧の上昇'],
    wrongCauses: ['歯車の歯数が多い', '出力軸の回転が遅い', '床面の清掃が十分'],
    detection: ['シール周辺の油のにじみの目視点検', '油面計の油面の低下'],
    wrongDetection: ['入力電流の確認', '歯車の歯数の確認'],
    countermeasures: ['オイルシールを定期的に交換する', 'エアブリーザの詰まりを点検する'],
    wrongCountermeasures: ['油を規定より多めに入れておく', 'エアブリーザを密栓する'],
  },
  {
    equipment: '歯車減速機', mode: '潤滑油の劣化',
    causes: ['長期間の無交換', '高温での連続運転', '水分や摩耗粉の混入'],
    wrongCauses: ['減速比が大きい', '出力軸のキーが長い', '据付け台の高さ'],
    detection: ['油の色や透明度の変化の確認', '油分析での全酸価や摩耗粉の増加'],
    wrongDetection: ['ケーシングの外形寸法の測定', '銘板の型式の確認'],
    countermeasures: ['油の交換周期を決めて守る', '給油口やブリーザからの異物侵入を防ぐ'],
    wrongCountermeasures: ['異なる銘柄の油を継ぎ足して使う', '交換を延ばして油を使い切る'],
  },
  {
    equipment: '歯車減速機', mode: '歯の折損',
    causes: ['急激な衝撃荷重', '歯元の疲労き裂の進展', '異物のかみ込み'],
    wrongCauses: ['ケーシングの色', '周囲の湿度が低い', '油面計のガラスの曇り'],
    detection: ['運転中の打撃音や異音', '振動の急激な増加'],
    wrongDetection: ['油面計の位置の確認', '銘板の製造番号の確認'],
    countermeasures: ['起動・停止時の衝撃を緩和する', '定期点検で歯元のき裂を探傷する'],
    wrongCountermeasures: ['衝撃荷重を受けたまま運転を続ける', '潤滑油の量を減らす'],
  },
  {
    equipment: 'サーボモータ', mode: '位置偏差の過大',
    causes: ['負荷慣性がモータの許容値を超えている', 'ゲイン調整が不適切', 'カップリングの締結の緩み'],
    wrongCauses: ['制御盤の扉の色', 'モータ銘板の汚れ', '周囲の照度が高い'],
    detection: ['位置偏差のモニタ値の増加', '偏差過大アラームの発生'],
    wrongDetection: ['モータの外形寸法の測定', 'ケーブルの被覆の色の確認'],
    countermeasures: ['負荷慣性に合ったモータ容量を選ぶ', 'カップリングの締付けを点検する'],
    wrongCountermeasures: ['加減速時間をさらに短くする', 'アラームを無効にして運転する'],
  },
  {
    equipment: 'サーボモータ', mode: 'エンコーダ異常',
    causes: ['エンコーダケーブルの断線や接触不良', 'ノイズの混入', '結露や油の侵入'],
    wrongCauses: ['負荷が軽すぎる', 'モータの塗装の色', '減速機の減速比が大きい'],
    detection: ['エンコーダ異常アラームの発生', 'ケーブルの導通とシールドの点検'],
    wrongDetection: ['モータ軸の長さの測定', '制御盤の外観の清掃'],
    countermeasures: ['シールド線を正しく接地する', '動力線と信号線を分けて配線する'],
    wrongCountermeasures: ['動力線と信号線を同じダクトに束ねる', 'シールドを両端とも外す'],
  },
  {
    equipment: 'サーボモータ', mode: '過負荷アラーム',
    causes: ['機械の摺動抵抗の増加', 'ブレーキが開放されないまま運転', '加減速が急すぎる'],
    wrongCauses: ['エンコーダの分解能が高い', 'モータの色', '周囲が静か'],
    detection: ['負荷率（実効トルク）のモニタ値の上昇', 'モータ表面温度の上昇'],
    wrongDetection: ['制御盤の銘板の確認', 'ケーブル長さの確認'],
    countermeasures: ['摺動部の給油と清掃を行う', '加減速時間を適正に延ばす'],
    wrongCountermeasures: ['過負荷検出の設定値を上限まで上げる', 'ブレーキを掛けたまま運転する'],
  },
  {
    equipment: 'サーボモータ', mode: '保持ブレーキの制動不良',
    causes: ['ブレーキライニングの摩耗', 'ブレーキへの油の付着', 'ブレーキ電源電圧の異常'],
    wrongCauses: ['エンコーダの分解能', '位置決めの目標値が大きい', 'サーボアンプの表示の明るさ'],
    detection: ['停止時の垂直軸の落下量の測定', 'ブレーキ保持トルクの定期確認'],
    wrongDetection: ['モータ回転数の最大値の確認', 'アンプの冷却ファンの音'],
    countermeasures: ['垂直軸に落下防止の機械的ストッパを設ける', 'ブレーキを定期点検し交換する'],
    wrongCountermeasures: ['ブレーキ部に潤滑油を塗る', 'ブレーキの点検周期を延ばす'],
  },
  {
    equipment: '機械プレス', mode: 'クラッチ・ブレーキの滑り',
    causes: ['摩擦板の摩耗', '摩擦面への油の付着', '作動空気圧の低下'],
    wrongCauses: ['金型の表面の光沢', 'ボルスタの塗装の色', '製品の材料が薄い'],
    detection: ['停止性能（急停止時間）の測定', 'スライドの停止位置のずれ'],
    wrongDetection: ['金型の重さの確認', '製品の表面粗さの確認'],
    countermeasures: ['摩擦板の摩耗量を定期的に測定する', '作動空気圧を監視し下限で停止させる'],
    wrongCountermeasures: ['停止時間の測定を省略する', '摩擦面に潤滑油を塗る'],
  },
  {
    equipment: '機械プレス', mode: '二度落ち（意図しない連続行程）',
    causes: ['ブレーキの効きの低下', '操作スイッチの接点の溶着', '制御回路の電磁弁の戻り不良'],
    wrongCauses: ['金型のクリアランスが大きい', '材料の板厚が薄い', '製品の検査基準が厳しい'],
    detection: ['一行程停止機能の始業点検', '電磁弁の作動状態の確認'],
    wrongDetection: ['製品の外観検査の強化', '金型の重量測定'],
    countermeasures: ['複式の電磁弁を採用する', '始業前に一行程一停止を確認する'],
    wrongCountermeasures: ['安全装置を外して作業効率を上げる', '点検を月1回にまとめる'],
  },
  {
    equipment: '機械プレス', mode: 'スライドの平行度不良',
    causes: ['ギブの摩耗や調整不良', '偏心荷重をかけ続けた', 'コネクチングロッドの軸受の摩耗'],
    wrongCauses: ['電源電圧がわずかに高い', '作業場の照明が明るい', '製品の出荷量が多い'],
    detection: ['ダイヤルゲージによる下死点での平行度の測定', '製品の板厚や寸法のばらつきの増加'],
    wrongDetection: ['モータの回転方向の確認', '操作盤の表示灯の点検'],
    countermeasures: ['金型をボルスタ中央に据えて偏心荷重を避ける', 'ギブのすきまを定期的に調整する'],
    wrongCountermeasures: ['偏った位置に金型を置いて使い続ける', 'ギブのすきまを大きく広げる'],
  },
  {
    equipment: '機械プレス', mode: '光線式安全装置の機能喪失',
    causes: ['投光器・受光器の光軸ずれ', 'レンズ面の汚れ', '制御回路の配線の断線'],
    wrongCauses: ['金型の材質', 'スライドの速度が遅い', '製品の形が単純'],
    detection: ['テストピースによる遮光試験', '始業前の作動確認'],
    wrongDetection: ['製品の寸法測定', 'クラッチの摩擦板の厚さ測定'],
    countermeasures: ['光軸を定期的に調整し清掃する', '自己診断機能付きの装置を使う'],
    wrongCountermeasures: ['作業しやすいよう光軸を外側へずらす', '安全装置を無効にする切替えを常用する'],
  },
];

/** Risk ratings for the RPN templates: severity, occurrence and detection, each on a 1–10 scale. */
export const RATING_WORDS = { S: '影響度', O: '発生度', D: '検出度' } as const;
