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
    wrongCauses: ['吐出し側の弁を少し絞っている', '吐出し配管の逆止弁の弁座の摩耗', 'カップリングのゴムの劣化'],
    detection: ['ポンプ内部からの砂利を流すような異音', '吸込み圧力計の指示が低い'],
    wrongDetection: ['モータ巻線の絶縁抵抗の測定', '吐出し側の逆止弁の作動確認'],
    countermeasures: ['吸込み揚程を小さくする', '吸込み配管を太く短くする'],
    wrongCountermeasures: ['回転速度を上げて吐出し量を増やす', '吸込み側の弁を絞って運転する'],
  },
  {
    equipment: '遠心ポンプ', mode: 'メカニカルシールからの漏れ',
    causes: ['しゅう動面の摩耗や傷', '空運転による摺動面の焼損', 'Oリングの劣化'],
    wrongCauses: ['吐出し弁を少し絞った運転', '羽根車の外径の摩耗', 'モータ巻線の絶縁劣化'],
    detection: ['軸封部からの液の滴下の目視点検', 'ドレンパンにたまる液量の増加'],
    wrongDetection: ['吐出し圧力の低下の監視', 'モータ電流の上昇の監視'],
    countermeasures: ['空運転を防ぐ液位インタロックを設ける', 'シール部品を定期的に交換する'],
    wrongCountermeasures: ['吐出し弁を全閉にして運転を続ける', 'グランドを強く締めて漏れを止める'],
  },
  {
    equipment: '遠心ポンプ', mode: '軸受の異常発熱',
    causes: ['潤滑油の不足や劣化', 'ポンプとモータの芯ずれ', 'グリースの過充填'],
    wrongCauses: ['吸込み水槽の水位が高い', '吐出し弁を少し絞った運転', 'メカニカルシールのOリングの劣化'],
    detection: ['軸受ハウジングの温度測定', '振動計による振動値の上昇'],
    wrongDetection: ['吐出し側の流量計の積算値', '吸込み圧力計の指示'],
    countermeasures: ['給油周期と油量を管理する', '据付け時に芯出しを確実に行う'],
    wrongCountermeasures: ['軸受にグリースを空間いっぱいに詰める', '温度計を外して監視をやめる'],
  },
  {
    equipment: '遠心ポンプ', mode: '吐出し量の低下',
    causes: ['羽根車の摩耗', '吸込み側からの空気の吸込み', '逆回転での運転'],
    wrongCauses: ['グリースの過充填', 'メカニカルシールの摺動面の傷', '軸受ハウジングの温度上昇'],
    detection: ['流量計の指示の低下', '吐出し圧力の低下'],
    wrongDetection: ['軸封部からの滴下の目視点検', '軸受ハウジングの温度測定'],
    countermeasures: ['羽根車を点検し必要なら交換する', '吸込み配管の継手の気密を点検する'],
    wrongCountermeasures: ['吐出し弁をさらに絞る', '吸込み側の弁を半開にする'],
  },
  {
    equipment: '歯車減速機', mode: '歯面のピッチング',
    causes: ['歯面に繰り返し加わる接触応力', '潤滑油の粘度不足', '設計を超える負荷での運転'],
    wrongCauses: ['オイルシールのリップの硬化', 'エアブリーザの詰まり', '出力軸のキーの緩み'],
    detection: ['振動のかみ合い周波数成分の増加', '分解点検での歯面の小穴の確認'],
    wrongDetection: ['オイルシール周辺のにじみの点検', '油面計の油面の確認'],
    countermeasures: ['負荷を定格以内に抑える', '適正な粘度の潤滑油を使う'],
    wrongCountermeasures: ['潤滑油の量を減らして運転する', '粘度の低い油に変更する'],
  },
  {
    equipment: '歯車減速機', mode: 'オイルシールからの油漏れ',
    causes: ['シールリップの摩耗や硬化', '軸表面の傷や摩耗', 'ケース内圧の上昇'],
    wrongCauses: ['歯面に繰り返し加わる接触応力', '歯元の疲労き裂', '起動時の衝撃荷重'],
    detection: ['シール周辺の油のにじみの目視点検', '油面計の油面の低下'],
    wrongDetection: ['振動のかみ合い周波数成分の監視', '運転中の打撃音の確認'],
    countermeasures: ['オイルシールを定期的に交換する', 'エアブリーザの詰まりを点検する'],
    wrongCountermeasures: ['油を規定より多めに入れておく', 'エアブリーザを密栓する'],
  },
  {
    equipment: '歯車減速機', mode: '潤滑油の劣化',
    causes: ['長期間の無交換', '高温での連続運転', '水分や摩耗粉の混入'],
    wrongCauses: ['出力軸の芯ずれ', 'オイルシールのリップの硬化', '起動時の衝撃荷重'],
    detection: ['油の色や透明度の変化の確認', '油分析での全酸価や摩耗粉の増加'],
    wrongDetection: ['出力軸の芯ずれの測定', '起動時の打撃音の確認'],
    countermeasures: ['油の交換周期を決めて守る', '給油口やブリーザからの異物侵入を防ぐ'],
    wrongCountermeasures: ['異なる銘柄の油を継ぎ足して使う', '交換を延ばして油を使い切る'],
  },
  {
    equipment: '歯車減速機', mode: '歯の折損',
    causes: ['急激な衝撃荷重', '歯元の疲労き裂の進展', '異物のかみ込み'],
    wrongCauses: ['オイルシールのリップの摩耗', 'エアブリーザの詰まり', 'ケース内圧の上昇'],
    detection: ['運転中の打撃音や異音', '振動の急激な増加'],
    wrongDetection: ['シール周辺の油のにじみの点検', '油面計の油面の低下'],
    countermeasures: ['起動・停止時の衝撃を緩和する', '定期点検で歯元のき裂を探傷する'],
    wrongCountermeasures: ['衝撃荷重を受けたまま運転を続ける', '潤滑油の量を減らす'],
  },
  {
    equipment: 'サーボモータ', mode: '位置偏差の過大',
    causes: ['負荷慣性がモータの許容値を超えている', 'ゲイン調整が不適切', 'カップリングの締結の緩み'],
    wrongCauses: ['電源遮断時に保持ブレーキが効かない', 'アンプの冷却ファンの停止', '回生抵抗の断線'],
    detection: ['位置偏差のモニタ値の増加', '偏差過大アラームの発生'],
    wrongDetection: ['停止時の垂直軸の落下量の測定', 'アンプの冷却ファンの回転確認'],
    countermeasures: ['負荷慣性に合ったモータ容量を選ぶ', 'カップリングの締付けを点検する'],
    wrongCountermeasures: ['加減速時間をさらに短くする', 'アラームを無効にして運転する'],
  },
  {
    equipment: 'サーボモータ', mode: 'エンコーダ異常',
    causes: ['エンコーダケーブルの断線や接触不良', 'ノイズの混入', '結露や油の侵入'],
    wrongCauses: ['機械の摺動抵抗の増加', '加減速が急すぎる', 'ブレーキライニングの摩耗'],
    detection: ['エンコーダ異常アラームの発生', 'ケーブルの導通とシールドの点検'],
    wrongDetection: ['負荷率のモニタ値の確認', '停止時の落下量の測定'],
    countermeasures: ['シールド線を正しく接地する', '動力線と信号線を分けて配線する'],
    wrongCountermeasures: ['動力線と信号線を同じダクトに束ねる', 'シールドを両端とも外す'],
  },
  {
    equipment: 'サーボモータ', mode: '過負荷アラーム',
    causes: ['機械の摺動抵抗の増加', 'ブレーキが開放されないまま運転', '加減速が急すぎる'],
    wrongCauses: ['エンコーダケーブルのシールドの外れ', '信号線へのノイズの混入', 'エンコーダへの結露'],
    detection: ['負荷率（実効トルク）のモニタ値の上昇', 'モータ表面温度の上昇'],
    wrongDetection: ['エンコーダケーブルの導通の点検', '信号線のシールドの接地の確認'],
    countermeasures: ['摺動部の給油と清掃を行う', '加減速時間を適正に延ばす'],
    wrongCountermeasures: ['過負荷検出の設定値を上限まで上げる', 'ブレーキを掛けたまま運転する'],
  },
  {
    equipment: 'サーボモータ', mode: '保持ブレーキの制動不良',
    causes: ['ブレーキライニングの摩耗', 'ブレーキへの油の付着', 'ブレーキ電源電圧の異常'],
    wrongCauses: ['エンコーダケーブルの断線', '信号線へのノイズの混入', 'ゲイン調整が高すぎる'],
    detection: ['停止時の垂直軸の落下量の測定', 'ブレーキ保持トルクの定期確認'],
    wrongDetection: ['エンコーダ異常アラームの履歴の確認', '位置偏差のモニタ値の確認'],
    countermeasures: ['垂直軸に落下防止の機械的ストッパを設ける', 'ブレーキを定期点検し交換する'],
    wrongCountermeasures: ['ブレーキ部に潤滑油を塗る', 'ブレーキの点検周期を延ばす'],
  },
  {
    equipment: '機械プレス', mode: 'クラッチ・ブレーキの滑り',
    causes: ['摩擦板の摩耗', '摩擦面への油の付着', '作動空気圧の低下'],
    wrongCauses: ['光線式安全装置の光軸ずれ', 'ギブのすきまの調整不良', '操作スイッチの接点の溶着'],
    detection: ['停止性能（急停止時間）の測定', 'スライドの停止位置のずれ'],
    wrongDetection: ['テストピースによる遮光試験', '下死点での平行度の測定'],
    countermeasures: ['摩擦板の摩耗量を定期的に測定する', '作動空気圧を監視し下限で停止させる'],
    wrongCountermeasures: ['停止時間の測定を省略する', '摩擦面に潤滑油を塗る'],
  },
  {
    equipment: '機械プレス', mode: '二度落ち（意図しない連続行程）',
    causes: ['ブレーキの効きの低下', '操作スイッチの接点の溶着', '制御回路の電磁弁の戻り不良'],
    wrongCauses: ['ギブの摩耗', '偏心荷重をかけ続けた', '光線式安全装置のレンズの汚れ'],
    detection: ['一行程停止機能の始業点検', '電磁弁の作動状態の確認'],
    wrongDetection: ['下死点での平行度の測定', '製品の板厚のばらつきの確認'],
    countermeasures: ['複式の電磁弁を採用する', '始業前に一行程一停止を確認する'],
    wrongCountermeasures: ['安全装置を外して作業効率を上げる', '点検を月1回にまとめる'],
  },
  {
    equipment: '機械プレス', mode: 'スライドの平行度不良',
    causes: ['ギブの摩耗や調整不良', '偏心荷重をかけ続けた', 'コネクチングロッドの軸受の摩耗'],
    wrongCauses: ['クラッチの摩擦板の摩耗', '操作スイッチの接点の溶着', '光線式安全装置の光軸ずれ'],
    detection: ['ダイヤルゲージによる下死点での平行度の測定', '製品の板厚や寸法のばらつきの増加'],
    wrongDetection: ['急停止時間の測定', 'テストピースによる遮光試験'],
    countermeasures: ['金型をボルスタ中央に据えて偏心荷重を避ける', 'ギブのすきまを定期的に調整する'],
    wrongCountermeasures: ['偏った位置に金型を置いて使い続ける', 'ギブのすきまを大きく広げる'],
  },
  {
    equipment: '機械プレス', mode: '光線式安全装置の機能喪失',
    causes: ['投光器・受光器の光軸ずれ', 'レンズ面の汚れ', '制御回路の配線の断線'],
    wrongCauses: ['ギブの摩耗', 'クラッチの摩擦板の摩耗', 'コネクチングロッドの軸受の摩耗'],
    detection: ['テストピースによる遮光試験', '始業前の作動確認'],
    wrongDetection: ['製品の寸法測定', 'クラッチの摩擦板の厚さ測定'],
    countermeasures: ['光軸を定期的に調整し清掃する', '自己診断機能付きの装置を使う'],
    wrongCountermeasures: ['作業しやすいよう光軸を外側へずらす', '安全装置を無効にする切替えを常用する'],
  },
];

/** Risk ratings for the RPN templates: severity, occurrence and detection, each on a 1–10 scale. */
export const RATING_WORDS = { S: '影響度', O: '発生度', D: '検出度' } as const;
