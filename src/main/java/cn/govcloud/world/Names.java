package cn.govcloud.world;

import java.util.List;
import java.util.Random;

/** Plausible names of a Chinese county's units, systems and people. */
final class Names {

	static final List<String> BUREAUS = List.of("公安局", "教育局", "卫生健康委员会", "人力资源和社会保障局", "自然资源和规划局", "行政审批局", "发展和改革委员会",
			"财政局", "民政局", "司法局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化广电和旅游局", "应急管理局", "审计局", "市场监督管理局",
			"统计局", "医疗保障局", "城市管理局", "生态环境局", "退役军人事务局", "信访局", "档案馆", "机关事务管理局", "大数据管理中心", "融媒体中心", "公积金管理中心", "税务局",
			"消防救援大队", "气象局", "科学技术局", "体育局", "国有资产监督管理办公室");

	static final List<String> TOWNS = List.of("宜城街道", "屺亭街道", "新街街道", "新庄街道", "芳桥街道", "丁蜀镇", "和桥镇", "张渚镇", "官林镇", "周铁镇",
			"徐舍镇", "高塍镇", "万石镇", "杨巷镇", "新建镇", "太华镇", "西渚镇", "湖㳇镇", "环科园", "经济开发区");

	static final List<String> OFFICES = List.of("党政办公室", "经济发展局", "社会事业局", "财政所", "派出所", "卫生院", "中心小学", "初级中学", "城管中队",
			"市场监管所", "自然资源所", "司法所", "农业农村服务中心", "便民服务中心", "退役军人服务站", "综合执法局", "安监站", "水利站", "文体站", "社区卫生服务中心");

	static final List<String> SYSTEMS = List.of("政务服务平台", "业务审批系统", "数据共享交换平台", "办公自动化系统", "视频会议系统", "档案管理系统", "门户网站",
			"综合监管平台", "统计分析系统", "移动办公平台", "网格化管理系统", "应急指挥系统", "信息发布系统", "预约服务系统", "财务管理系统", "人事管理系统", "资产管理系统",
			"电子证照系统", "信用信息平台", "视频监控平台", "物联感知平台", "决策支持系统", "12345 热线系统", "执法办案系统", "业务数据库", "公众服务小程序");

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹";

	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玲建国志红辉鹏飞斌宇浩凯健俊帆欣怡晨阳文博宁琳雪梅峰晓东旭";

	private Names() {
	}

	/** The name of the {@code n}th unit (0-based) beyond the ones that exist. */
	static String unit(int n) {
		if (n < BUREAUS.size()) {
			return "宜兴市" + BUREAUS.get(n);
		}
		int k = n - BUREAUS.size();
		String name = "宜兴市" + TOWNS.get(k % TOWNS.size()) + OFFICES.get((k / TOWNS.size()) % OFFICES.size());
		int round = k / (TOWNS.size() * OFFICES.size());
		return (round == 0) ? name : name + "（" + (round + 1) + "）";
	}

	static String person(Random random) {
		return "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
				+ (random.nextBoolean() ? "" : GIVEN.charAt(random.nextInt(GIVEN.length())));
	}

	/** A system's name, unique within its unit for {@code n} &lt; 26 × 10. */
	static String system(String unitName, int n) {
		String base = unitName.replace("宜兴市", "") + SYSTEMS.get(n % SYSTEMS.size());
		return (n < SYSTEMS.size()) ? base : base + "（" + (n / SYSTEMS.size() + 1) + "期）";
	}

}
