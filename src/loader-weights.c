/*
 * loader-weights.c -- the weights of the loader's models (features in
 * loader-model.c), fitted by tools/fit-loader.py on 51 recomposed
 * training issues (seeds 1,2). Do not edit by hand: to regenerate, build,
 * then run
 *
 *   python3 tools/fit-loader.py --seeds=1,2 ISSUEDIR...
 *
 * on the unpacked ../shared/corpus/rmrb-train issues (twice, rebuilding
 * in between: the questions depend on the weights).
 */
#include <config.h>

#include "loader-int.h"

static const double loader_start_w[LSF_N] = {
	[LSF_FIRST] = 2.3240,
	[LSF_K1] = -0.1569,
	[LSF_K2] = 0.2845,
	[LSF_K3] = -0.1276,
	[LSF_LEN6] = -0.4976,
	[LSF_LEN14] = -0.4017,
	[LSF_LEN24] = 0.0660,
	[LSF_LEN40] = 0.1807,
	[LSF_LENMAX] = 0.6526,
	[LSF_TAG] = 3.1747,
	[LSF_NUMBERED] = -1.9128,
	[LSF_COLON] = -1.7720,
	[LSF_DASH_END] = -0.5234,
	[LSF_DASH_START] = 2.9694,
	[LSF_LABEL] = -2.3123,
	[LSF_CLOSED] = -3.7000,
	[LSF_CLAUSE_END] = -1.7319,
	[LSF_FIGURE] = -2.7968,
	[LSF_COMMA] = -1.9079,
	[LSF_SPACE] = 0.2394,
	[LSF_QUOTED] = -0.7568,
	[LSF_N_DATELINE] = 2.3212,
	[LSF_N_INDENT] = -0.0410,
	[LSF_N_BYLINE] = -2.0976,
	[LSF_N_CAPTION] = -0.2076,
	[LSF_N_NONE] = -1.0111,
	[LSF_N_SHORT] = -0.7219,
	[LSF_P_OPEN] = 2.2318,
	[LSF_P_NOTE] = 0.8685,
	[LSF_P_COLON] = -2.0618,
	[LSF_P_SHORT] = 0.3678,
	[LSF_APART] = 2.5909,
	[LSF_SERIES1] = -0.9724,
	[LSF_SERIES2] = -1.5275,
	[LSF_COHESION] = -5.3750,
	[LSF_AHEAD] = 0.6070,
	[LSF_BEHIND] = -0.2608,
	[LSF_GAP_SHORT] = -0.5711,
	[LSF_GAP_LONG] = 0.6023,
	[LSF_INDENT_PAGE] = 0.2165,
	[LSF_JOIN_ACROSS] = 2.3642,
	[LSF_AFTER_TITLE] = -3.3257,
	[LSF_RUN_TITLE] = -0.5976,
	[LSF_DASH_FIRST] = -2.1208,
	[LSF_INNER_COLON] = -2.2096,
	[LSF_SIGNATURE] = -0.8444,
	[LSF_BROKEN] = -1.0579,
	[LSF_N_LEAD] = 1.4277,
	[LSF_MEASURE_SAME] = -0.6469,
	[LSF_MEASURE_DIFF] = 2.5806,
	[LSF_NONEND] = -0.6040,
	[LSF_N_NONSTART] = -0.0347,
};

const struct loader_model loader_start_model = {
	LSF_N, -2.2751, loader_start_w
};

static const double loader_join_w[LJF_N] = {
	[LJF_FULL] = 1.2302,
	[LJF_SHORT] = -1.1143,
	[LJF_UNKNOWN] = -0.1159,
	[LJF_APART] = -3.9749,
	[LJF_CLAUSE] = 4.2935,
	[LJF_COLON] = -1.6628,
	[LJF_LETTER] = 1.5300,
	[LJF_B_CLOSER] = -1.3284,
	[LJF_B_QUOTE] = -1.2027,
	[LJF_B_DATELINE] = -5.0895,
	[LJF_B_OPENER] = -0.9735,
	[LJF_B_LIST] = -2.9636,
	[LJF_B_SHORT] = -0.9589,
	[LJF_PAIR] = 3.2885,
	[LJF_A_SHORT] = -2.0603,
	[LJF_A_FIGURE] = -1.6810,
	[LJF_A_LONG] = -0.6550,
	[LJF_ACROSS] = -2.7352,
	[LJF_B_APART_SHORT] = -3.7872,
	[LJF_A_FIRST] = -0.8386,
	[LJF_B_TITLE] = -4.0113,
	[LJF_B_FLUSH] = 2.9086,
	[LJF_B_STRANDED] = -0.2626,
	[LJF_A_TITLE] = -2.7510,
	[LJF_A_CLOSED] = -3.4807,
	[LJF_A_CUT] = 0.9015,
	[LJF_B_TINY] = 0.5011,
	[LJF_B_NONSTART] = 2.1443,
	[LJF_A_NONEND] = 2.1758,
	[LJF_TAIL] = -7.2305,
};

const struct loader_model loader_join_model = {
	LJF_N, 4.4362, loader_join_w
};

static const double loader_title_w[LTF_N] = {
	[LTF_SECOND] = 1.0586,
	[LTF_THIRD] = -1.0586,
	[LTF_PREV_TAG] = -1.9344,
	[LTF_PREV_DASH_END] = 0.7775,
	[LTF_DASH_FIRST] = 2.7250,
	[LTF_BRACKETED] = 1.7745,
	[LTF_LABEL] = -2.4112,
	[LTF_NUMBERED] = 0.0000,
	[LTF_FIGURE] = -2.1154,
	[LTF_QUOTED] = -0.0683,
	[LTF_CLOSED] = -2.8613,
	[LTF_INNER_COLON] = -1.1295,
	[LTF_CLAUSE_END] = -1.8145,
	[LTF_LEN6] = -1.4356,
	[LTF_LEN14] = 0.1060,
	[LTF_LEN24] = 0.5546,
	[LTF_LEN40] = 0.2493,
	[LTF_LENMAX] = 0.5258,
	[LTF_SAME_BLOCK] = 2.5302,
	[LTF_OWN_BLOCK] = 1.5848,
	[LTF_LAST] = 0.0950,
	[LTF_TAG] = 1.4444,
	[LTF_SPACE] = 0.2432,
};

const struct loader_model loader_title_model = {
	LTF_N, -1.7335, loader_title_w
};

static const double loader_split_w[LPF_N] = {
	[LPF_DATELINE] = 1.9658,
	[LPF_LEAD] = 0.1946,
	[LPF_PREV_NOTE] = 3.1028,
	[LPF_PREV_CLOSED] = 1.8681,
	[LPF_PREV_OPEN_JOIN] = 0.0000,
	[LPF_BLOCK] = 3.6836,
	[LPF_MEASURE_DIFF] = 1.5169,
	[LPF_MEASURE_SAME] = -0.2696,
	[LPF_NEW_TITLE] = 3.4579,
	[LPF_OLD_TITLE] = -4.9985,
	[LPF_COHESION] = -6.4545,
	[LPF_LAST] = 0.0183,
	[LPF_ACROSS] = 0.8182,
	[LPF_CHARS200] = 2.1500,
	[LPF_CHARS600] = 0.8345,
	[LPF_CHARS1500] = -1.9627,
	[LPF_CHARSMAX] = -1.0218,
};

const struct loader_model loader_split_model = {
	LPF_N, -10.2679, loader_split_w
};

const char loader_nonstart[] =
    "的了业化力们务度者场员里济量题子性次界术间革育式"
    "际示色情质议级续及境态局族命些域并球策才样件费户"
    "究织益势亿层模州验型府价识息尔障容显药片础察律己"
    "贸字么略挥险士照则便兵况训言介刻待络播洲均励病须"
    "器录称贡料征份疗章候牌键彻庭材启典角款控够幕销盖"
    "署丽慧映赢味坛换仍盟却止贷姓纷击阶码奇售览幅楼述"
    "频载予块括择堂架岸亩忘递厅且状害誉异阵疆笑泊徽迹"
    "卖篇释泛撑圾昌浪呈辆疾挂跃吨符径援罪缩右析束谊侧"
    "恶拍损乎途煌含甚盾般腐败否寨佳弹乱轨貌醒锋圈圳氛"
    "毅词泽询折矛脑账辈坡箱册冠阻似倍句纸脸龄肉墙矿斤"
    "暴殖屏衣殊";

const char loader_nonend[] =
    "的中一在和是不有工我到主以经对这产方重们政同等加"
    "党共社创过自公保提前更下推得于着也技农近之小他各"
    "深从总将习增都教可外正第最委两企北研还规带交精如"
    "老让今比把而十其环西种历支续已省集形专参完计医引"
    "指需做族思受央些并互回无协此每身投监县举究织没积"
    "至首认边非智消很别纪王模但只依百被未食真再脱满直"
    "扶具培批几证必促居又选李检港旅反健药充察届那连包"
    "仅副防突挥执双绿女照激愿密黄攻媒印探粮降祝千写八"
    "或努存欧巴她许该除银均油税宣阿预贯希刘迎听鼓病留"
    "较振须称贡综曾轻太临澳疗陈候巨既彻植扩占庭微启早"
    "阅幸跨适吃够劳竞靠驻涉兰请牢尽找旗财独额黑繁木孩"
    "吸岗鲜九苦仍违挑陆杨退却巡污贷纷厂伴握背购召湾跟"
    "幅急它覆频壮载筹予块焦倡括属绕贺韩拥买拿伙某杂汽"
    "简免绝俄零血且借船唱履硬申迈浙签潜危股奥渐订截怎"
    "诚旧坐哪泊赵讨徽午返谋卖毛餐患休释朋泛虽搬翻艰冲"
    "沟垃徐圾哈敢吴瓦距犯钢孙胡乌宏兼尊另屋父遍绣奔谢"
    "丝塑掌寻左朱赶禁侧摆恶乘拍损塞倒含搞珠牛妇错奉宗"
    "弘甚肃腐透腾唯败赴灾董否净寨寒粤弹饮静凡渠郭挖轨"
    "醒恐滑瑞稻震皮携谁埃慢死巩甘氛郑窗酒洪珍扫折矛触"
    "辈坡鲁爆摘牧阻秘嘉似句操残私纸萨耕脸隆龄悉肉驱沈"
    "矿邮叫斤暴屏赏殊踏柬驶";
