/**
 * Public benchmarks `jpeval data pull` can fetch: upstream files at a pinned revision (the commit is
 * part of every URL) with the sha256 of each file as published there. Checksums were computed from
 * the upstream blobs at those commits; `unverified` marks files whose checksum we could not know in
 * advance (too large for our snapshot, or served from a non-versioned location) — pulling those says
 * so and prints the checksum it got.
 */

import { NLI_MC_SOURCES } from './sources-nli-mc.js';
import { gh, JGLUE, type PullSource } from './source-types.js';

export type { Checksum, PullSource, SourceFile } from './source-types.js';

const JEMHOPQA = ['aiishii/JEMHopQA', 'fed5024f4f39f02727e699cb7ccb67935a779a5a'] as const;
const NIILC = ['mynlp/niilc-qa', 'b6d47968b2e301a5e953fb1922a08ed56099646b'] as const;
const URLNLP = ['google-research/url-nlp', '452a21ad3dae5668c06ceeac21ff073e1e40f9be'] as const;
const JTQA = ['nlp-waseda/JTruthfulQA', '786576662956795004a46acc6f6f98b9d4d1fb5a'] as const;
const FASTCHAT = ['Stability-AI/FastChat', 'e37eb28ee490480f6f4989274ed47c55f7dfce82'] as const;
const FIN = ['pfnet-research/japanese-lm-fin-harness', 'aeff72933aac581302ac6e882982e7344733379c'] as const;
const IGAKU = ['jungokasai/IgakuQA', '2bc4c3d159cf5505f6253d24a909fbd53237e239'] as const;

const MT_BENCH_DIR = 'fastchat/llm_judge/data/japanese_mt_bench';

function finTask(task: string, title: string, sha256: string): PullSource {
  return {
    name: task.replace(/_/g, '-'),
    title,
    aliases: task.includes('_') ? [task] : [],
    dir: 'jlm_fin_eval',
    license: 'MIT (harness); exam text third-party, evaluation use only',
    repository: `https://github.com/${FIN[0]}`,
    revision: FIN[1],
    files: [{ url: gh(FIN[0], FIN[1], `jlm_fin_eval/datasets/${task}/data.json`), dest: `${task}/data.json`, sha256 }],
  };
}

// [file under data/, sha256] for IgakuQA's 30 exam files and their metadata.
const IGAKU_FILES: [string, string][] = [
  ['2018/112-A.jsonl', 'eea86dfe79d4496de32eafbbb57b1d03a1cd619713b1b5999c49eae6d6d3079f'],
  ['2018/112-A_metadata.jsonl', '129b6fc72471eac76bd7493daffd032d7c398debd3c1136e99b95b86d20c3630'],
  ['2018/112-B.jsonl', '209db838c06b075d8c56b166e7b3489676fc47d69d1c0bc0b5978b4b34434dbf'],
  ['2018/112-B_metadata.jsonl', '4bf9e9b4cb1ccd287c99e68fdf0ec362980bec200390abe5fc48fe73931b0eec'],
  ['2018/112-C.jsonl', '51814ee3935b3736240d341c38220171c801ae133e4c8713b4caba99bba15b14'],
  ['2018/112-C_metadata.jsonl', '78291e78c5b922797cad88c6118d55445991d0a641e81a711643a4b5dc99e457'],
  ['2018/112-D.jsonl', '772b3f472c2e156992ee7b23999f49031d7ba04297f7a371b6d1343a3f24fc02'],
  ['2018/112-D_metadata.jsonl', '2a6241f92f5f6b1d51035ccb8e7671aec19ee4f460e0e91fbb95aad3805de588'],
  ['2018/112-E.jsonl', 'aa999536fc9a1e26b407fee72d22ea97ef30c3c00ad1243d7567c664f0022834'],
  ['2018/112-E_metadata.jsonl', '2c80983d1a8abe00a41692034e5b4288c7967bde5987f34c964bebdb24d2c71d'],
  ['2018/112-F.jsonl', '1031d6d9fd80d1c78af364530251a101e8441ef6c46d5aea8017a8101cdd3107'],
  ['2018/112-F_metadata.jsonl', '4192be63305e86956711ec4407b45b85bba423783ffc1a92b2104b2858015b4e'],
  ['2019/113-A.jsonl', 'b120dddb03f0ea412ee491386e6c479e9f664550b7b4e3f7fae8da57fcf845a5'],
  ['2019/113-A_metadata.jsonl', 'e15e9abb1ee5dbf4996ddd8b3ad71e2cbb2cf846d599725959fd13a6b4c31416'],
  ['2019/113-B.jsonl', '79c1521fac7d9fed9ce35b2aa90ce8d8309d37a0a19e5fee908b1cd57d8c3ca5'],
  ['2019/113-B_metadata.jsonl', '1573397a62607bb55e4f010a2e0c950dee26da1a86dfc976e7605dc7c9fb2d63'],
  ['2019/113-C.jsonl', 'fb695d2b11dc30534d5be689bb5371223fb67607b3454288340fd1b475d24781'],
  ['2019/113-C_metadata.jsonl', '4d45dda93f9f4f12e630c3d096723e888dd818d8b9c4a3cba17dca5142d2b8cb'],
  ['2019/113-D.jsonl', '1bd92e4bf986c8e8ac037f6c301771b1be1163ed366f8030cee378d7e1f3f4ca'],
  ['2019/113-D_metadata.jsonl', 'aa65f63754f6f15df8aaa878528782812bb5503279953ecb314cf1f5061fda1e'],
  ['2019/113-E.jsonl', '98a8a8fe59d6cbdc9e840bf4b49c82943f5ea1998eab7f0a94382e413399a49a'],
  ['2019/113-E_metadata.jsonl', 'fc3bd8ce4be293509da407f9b2e33a9ff80eaf7bc32c5f17c6ca4af8592a4abc'],
  ['2019/113-F.jsonl', '487ae5c94494c353ca25b7eecb100620686e490d4ca966e7b5b026fb638e9ad2'],
  ['2019/113-F_metadata.jsonl', 'bc84c243dc4a3853bea7a3321d2f9144be90d563e01a6eda28e1581563187d84'],
  ['2020/114-A.jsonl', 'ef89ce3561b4a9d495569f6030001526c7c849ae6d9953badcb6f8ebd207f83a'],
  ['2020/114-A_metadata.jsonl', '7d84d9374fc9afcc1dfa80550c130ab9a2354fa0c519e641e677628a73768db4'],
  ['2020/114-B.jsonl', 'ee3f803cc2b009031d45c7644c8b8ff6cd7b949ff03e50e765ef3b0699a6d631'],
  ['2020/114-B_metadata.jsonl', 'dcfb1872d2c15f835740a65bafe527511f009cf2b92fc868e8d6540bd4ad8630'],
  ['2020/114-C.jsonl', '4b8ae4543f9e79243e9d570a772269ce0c4620f669ffef56883a570b7d8988d0'],
  ['2020/114-C_metadata.jsonl', 'f710c991ce1a235dac3ca1b41eb61cc292e94c8eeae62f85ddf7b935e70830cb'],
  ['2020/114-D.jsonl', 'ed1c52e100b6922c84c917612226df74ab36a4a0284ff1348bbb1eee061f9406'],
  ['2020/114-D_metadata.jsonl', '950d8322a5d76e4d93fbf5dbe6d40667be3fb7668f168ad3f6cafe0943545282'],
  ['2020/114-E.jsonl', '07ed51444726630f91a98b0ce671202af9607e462684d66ce3481aecce352dd4'],
  ['2020/114-E_metadata.jsonl', '97da785ade356533fa78a8d2c9d43dbe507a8394c2e63697f8cebbefca9bb800'],
  ['2020/114-F.jsonl', 'f115ba90c84c43a6f41cfba307aa8a2054923047e0a775724e7df56b7642dcd7'],
  ['2020/114-F_metadata.jsonl', 'e7be9e7fda22874002eab4026e0fc04b854ec28adeb28e87599d16a91597f1a4'],
  ['2021/115-A.jsonl', '590e67de9e2ba9fb76143b8f3c89b4506d8b1974bb2b57ce4aeb0837974450c4'],
  ['2021/115-A_metadata.jsonl', '04f798d6b927f9e6a6fc0d5eb24cdc00bbce13ed0103f7cd9b02b0860a22c4c5'],
  ['2021/115-B.jsonl', '35913ca25740926494bd0dc2dd5dd4f56763bc58696a079895a9ebc4c245ffe2'],
  ['2021/115-B_metadata.jsonl', 'c7a1014fc233e149760a32a08ffc357351a6b019c809283288afbde9afbed572'],
  ['2021/115-C.jsonl', 'c2cb2bc500088f835836987ab94f85e2c663ef3ff9d0b72141af635a50ac9e77'],
  ['2021/115-C_metadata.jsonl', 'cdfa1d210fe506917c10005c709c1cafaadf4a3b5c8d84ac733cd80a24cbeafb'],
  ['2021/115-D.jsonl', '30000d02e539c319635f6e482ab59640f5059c47938a4a8bd1e1c9ffcc9527e6'],
  ['2021/115-D_metadata.jsonl', 'a6c024f5abab017423a48e156b50f615098f989024b618f05f6d8bab48335907'],
  ['2021/115-E.jsonl', '385d3464c003100f058b65d25c94e7e88d59a2aa3bccdbfa1967f65fd4c7d166'],
  ['2021/115-E_metadata.jsonl', 'b364d333cdca566c42ba117eb0db51f4a145e0a929d1eae072b270383500ae23'],
  ['2021/115-F.jsonl', '39de2902e1691b98b29def80dae29a809fdb857e58c5fa77e79130ddf5073190'],
  ['2021/115-F_metadata.jsonl', 'c78218031a20d079b5b897809a3b75369b349ce04a868c4c16bb870f4484c858'],
  ['2022/116-A.jsonl', '69e46553d3a7065ee488d8456eef5d5aeba9fa2998b0b177b981a1b14f464b06'],
  ['2022/116-A_metadata.jsonl', 'e6900108034cccebcfd4c04f3f7d012df792757b506174078c97f0e8e73f1f01'],
  ['2022/116-B.jsonl', 'b083a127521d87c75eee37009cac0af09229d24087b387f72e4c7d2e660bd7ae'],
  ['2022/116-B_metadata.jsonl', '5b3cb6a1b93dcf0d84cec5160528646b7af59461286e7762247fc0ef47042950'],
  ['2022/116-C.jsonl', 'aeda3ddf49513b43c2487dcecb6e8f2856c54c0ab2aa0745876a788e5f86c440'],
  ['2022/116-C_metadata.jsonl', 'd2bdc47095a631a22ddb04ae90efb249499ea7f0aac0f08b8e5da9dfe6ca75a1'],
  ['2022/116-D.jsonl', '6c924ef1862bb3c935eecfaebb8ea3b051bbdf22055a04ced14e2e3e24c9e892'],
  ['2022/116-D_metadata.jsonl', 'b81c9878880cb0f9512d2eba92cf70025338868f326614b76d44a7c87736ad0f'],
  ['2022/116-E.jsonl', 'ca3f9d4ad4c0c1bca008068056e1f5bdfde63d8a8b4744b2d4b534822c000183'],
  ['2022/116-E_metadata.jsonl', '4f68bd46f045cf44350b7b852632334d5cc1e58ae36833fa7ac21cdb060104f2'],
  ['2022/116-F.jsonl', '3b253f8928cefb27e7706bf6d81a7f9c40ce5568d56923a7ec4ab81042fbba24'],
  ['2022/116-F_metadata.jsonl', 'adad02166f531adbd3836b3940c5831d87e52aa965f4955457bf437e46ef7a6f'],
];

const QA_GEN_DOMAIN_SOURCES: PullSource[] = [
  {
    name: 'jsquad',
    title: 'JGLUE JSQuAD v1.1',
    aliases: ['jglue-jsquad', 'halluc-unanswerable-rc'],
    dir: 'jglue',
    license: 'CC BY-SA 4.0',
    repository: `https://github.com/${JGLUE[0]}`,
    revision: JGLUE[1],
    files: [
      { url: gh(JGLUE[0], JGLUE[1], 'datasets/jsquad-v1.1/valid-v1.1.json'), dest: 'jsquad-v1.1/valid-v1.1.json', sha256: 'fb0a57a35281ff03bbe7f0e878cff5b577985fbe6fcb242e7e8ddb63d1c0ab11' },
      // Only used for few-shot examples; larger than the snapshot we checksummed from.
      { url: gh(JGLUE[0], JGLUE[1], 'datasets/jsquad-v1.1/train-v1.1.json'), dest: 'jsquad-v1.1/train-v1.1.json', sha256: 'unverified' },
    ],
  },
  {
    name: 'jemhopqa',
    title: 'JEMHopQA (corpus v1.0)',
    aliases: [],
    dir: 'JEMHopQA',
    license: 'CC BY-SA 4.0',
    repository: `https://github.com/${JEMHOPQA[0]}`,
    revision: JEMHOPQA[1],
    files: [
      { url: gh(JEMHOPQA[0], JEMHOPQA[1], 'corpus/train.json'), dest: 'corpus/train.json', sha256: 'c64392b4087299bcfaa02fe2584128b5dc50fe5ea83e1bd600cadfc984669e65' },
      { url: gh(JEMHOPQA[0], JEMHOPQA[1], 'corpus/dev.json'), dest: 'corpus/dev.json', sha256: '2f3b8a518ca3051fc002f343ba3c26f6f3be902464061b43c30c5a1d37a9269a' },
    ],
  },
  {
    name: 'niilc',
    title: 'NIILC-ECQA2015',
    aliases: [],
    dir: 'niilc-qa',
    license: 'CC BY-SA 4.0',
    repository: `https://github.com/${NIILC[0]}`,
    revision: NIILC[1],
    files: [
      { url: gh(NIILC[0], NIILC[1], 'data/NIILC-ECQA2015_dev.xml'), dest: 'data/NIILC-ECQA2015_dev.xml', sha256: '983dcaeb9ef38ca45d1114e8b420fdd4b358e827c235b1bfb4fc5e50ca70caf3' },
      { url: gh(NIILC[0], NIILC[1], 'data/NIILC-ECQA2015_test.xml'), dest: 'data/NIILC-ECQA2015_test.xml', sha256: '4a787463961db87e56e496c49cb40ca59f26d220e3ccc48588ad65b0dd4ce0d2' },
    ],
  },
  {
    name: 'mgsm',
    title: 'MGSM (Japanese)',
    aliases: ['mgsm-ja'],
    dir: 'url-nlp',
    license: 'CC BY 4.0',
    repository: `https://github.com/${URLNLP[0]}`,
    revision: URLNLP[1],
    files: [{ url: gh(URLNLP[0], URLNLP[1], 'mgsm/mgsm_ja.tsv'), dest: 'mgsm/mgsm_ja.tsv', sha256: '59a2b50debe77981fd784cb3b2bef1505e3abf2a37116dc9d7a366ab029b4637' }],
  },
  {
    name: 'jtruthfulqa',
    title: 'JTruthfulQA',
    aliases: ['jtruthfulqa-mc1', 'jtruthfulqa-mc2', 'jtruthfulqa-gen'],
    dir: 'JTruthfulQA',
    license: 'CC BY-NC-SA 4.0',
    repository: `https://github.com/${JTQA[0]}`,
    revision: JTQA[1],
    files: [{ url: gh(JTQA[0], JTQA[1], 'data/JTruthfulQA.csv'), dest: 'data/JTruthfulQA.csv', sha256: '819367016b0b08a9308896d79832374ca4bf5674fb59afe63eedc13e28ac7de7' }],
  },
  {
    name: 'chabsa',
    title: 'chABSA-dataset',
    aliases: [],
    dir: '.',
    license: 'CC BY 4.0',
    repository: 'https://github.com/chakki-works/chABSA-dataset',
    revision: 'chABSA-dataset.zip (unversioned archive linked from the repository README)',
    archive: 'zip',
    note: 'upstream publishes only an unversioned zip with no checksum: the download cannot be verified',
    files: [
      { url: 'https://s3-ap-northeast-1.amazonaws.com/dev.tech-sketch.jp/chakki/public/chABSA-dataset.zip', dest: 'chABSA-dataset.zip', sha256: 'unverified' },
    ],
  },
  {
    name: 'mt-bench-ja',
    title: 'Japanese MT-Bench (questions, reference answers, judge prompts)',
    aliases: ['japanese-mt-bench'],
    dir: 'japanese_mt_bench',
    license: 'Apache-2.0 (repository)',
    repository: `https://github.com/${FASTCHAT[0]}`,
    revision: FASTCHAT[1],
    files: [
      { url: gh(FASTCHAT[0], FASTCHAT[1], `${MT_BENCH_DIR}/question.jsonl`), dest: 'question.jsonl', sha256: 'ed8317804df333211a9e5182bb3903f8b8f0ed8739d0371cbf7b90b42e73deaa' },
      { url: gh(FASTCHAT[0], FASTCHAT[1], `${MT_BENCH_DIR}/question_full.jsonl`), dest: 'question_full.jsonl', sha256: '8f56c8bd5ff93d2120409bc8f77f0020e673c74548c9637f2aace12a323834e5' },
      {
        url: gh(FASTCHAT[0], FASTCHAT[1], `${MT_BENCH_DIR}/reference_answer/base-gpt4o-with-human-annotation.jsonl`),
        dest: 'reference_answer/base-gpt4o-with-human-annotation.jsonl',
        sha256: '8ea6c0b82073908f94b57f67918de5f11286e1dd7334b366ecf47a2c9b774996',
      },
      { url: gh(FASTCHAT[0], FASTCHAT[1], `${MT_BENCH_DIR}/reference_answer/gpt-4.jsonl`), dest: 'reference_answer/gpt-4.jsonl', sha256: '0631685c4ebc66390970588b658e4d19047fafb0a00ec1d841616686c07b0d6b' },
      { url: gh(FASTCHAT[0], FASTCHAT[1], 'fastchat/llm_judge/data/judge_ja_prompts.jsonl'), dest: 'judge_ja_prompts.jsonl', sha256: 'a3ef723f4e282ced514c8919773549675f0c0f87a61e5a5f46c320b048803b40' },
    ],
  },
  finTask('cma_basics', 'japanese-lm-fin-harness cma_basics', '403c593c97f4fc22d62fa5517a97f04be5d87fbe54d4d8a6104c7bafc8ff1582'),
  finTask('security_sales_1', 'japanese-lm-fin-harness security_sales_1', 'e9712b7fc1f4f4d41f804a64b1fb6966b4a4351b3cf6d25c37424f89eb4b0d45'),
  finTask('fp2', 'japanese-lm-fin-harness fp2', '94bf768adc84835243c74a8da917675a75fb029524d2ed32ebb1707e8c50d643'),
  {
    name: 'igakuqa',
    title: 'IgakuQA (medical licensing exam 2018-2022)',
    aliases: [],
    dir: 'igakuqa',
    license: 'none stated: evaluation use only, do not redistribute',
    repository: `https://github.com/${IGAKU[0]}`,
    revision: IGAKU[1],
    files: IGAKU_FILES.map(([file, sha256]) => ({ url: gh(IGAKU[0], IGAKU[1], `data/${file}`), dest: file, sha256 })),
  },
];

/**
 * `jpeval data pull jglue`: every public JGLUE task in one go (MARC-ja is withdrawn upstream).
 * All four tasks share the jglue/ folder, so the bundle is just their files together.
 */
function jglueBundle(tasks: PullSource[]): PullSource {
  return {
    name: 'jglue',
    title: 'JGLUE: JSQuAD, JCommonsenseQA, JNLI, JSTS (v1.1; JNLI valid also v1.3)',
    aliases: [],
    dir: 'jglue',
    license: 'CC BY-SA 4.0',
    repository: `https://github.com/${JGLUE[0]}`,
    revision: JGLUE[1],
    files: tasks.flatMap((t) => t.files),
    note: 'JNLI v1.3 valid comes from a later commit (see the jnli source); MARC-ja cannot be pulled',
  };
}

const JGLUE_TASKS = ['jsquad', 'jcommonsenseqa', 'jnli', 'jsts'];

const TASK_SOURCES: PullSource[] = [...QA_GEN_DOMAIN_SOURCES, ...NLI_MC_SOURCES];

/** Every source `jpeval data pull` knows: one per benchmark, then the JGLUE bundle. */
export const SOURCES: PullSource[] = [...TASK_SOURCES, jglueBundle(JGLUE_TASKS.map((name) => TASK_SOURCES.find((s) => s.name === name)!))];

/** The source for a benchmark or suite name, or undefined. */
export function findSource(name: string, table: PullSource[] = SOURCES): PullSource | undefined {
  const key = name.trim().toLowerCase();
  return table.find((s) => s.name === key || s.aliases.includes(key));
}
