package cn.govcloud.world;

/** What units write in their tickets and what suppliers answer, by kind of problem. */
final class Texts {

	/** Title, category, description (with the system's name for {@code %s}). */
	static final String[][] TITLES = { { "%s 无法登录", "FAULT", "上午起全体人员登录 %s 时提示连接超时，业务受影响。" },
			{ "%s 页面打开缓慢", "PROBLEM", "%s 首页打开需要 20 秒以上，高峰时段更慢，请排查。" },
			{ "数据库连接池耗尽告警", "FAULT", "%s 的数据库连接数持续达到上限，部分请求报错。" },
			{ "磁盘使用率超过 90%%", "FAULT", "%s 所在云主机数据盘使用率告警，请协助扩容或清理。" },
			{ "申请开通外网访问策略", "CONSULTATION", "%s 需要访问省平台接口，请告知安全策略开通流程。" },
			{ "%s 上线割接支持", "GO_LIVE_SUPPORT", "%s 计划本周末上线，请安排运维人员现场保障。" },
			{ "旧机房数据迁移协助", "MIGRATION_SUPPORT", "%s 原自建机房的数据需迁移上云，请协助制定迁移方案。" },
			{ "证书即将过期", "PROBLEM", "%s 的 HTTPS 证书将于月底到期，请协助更换。" }, { "备份任务失败", "FAULT", "%s 昨晚的定时备份任务执行失败，请检查备份存储。" },
			{ "咨询资源扩容流程", "CONSULTATION", "%s 业务量增长，想了解增加云主机规格需要的手续。" },
			{ "%s 间歇性中断", "FAULT", "%s 每隔数小时出现一次短暂中断，持续约 2 分钟。" },
			{ "漏洞扫描发现高危项", "PROBLEM", "安全检查发现 %s 存在中间件高危漏洞，请协助修复。" } };

	static final String[] QUESTIONS = { "请提供出错时间和截图", "请确认受影响的用户范围", "请提供业务系统管理员的联系方式", "请确认可以安排的停机窗口", "请提供应用日志" };

	static final String[] ANSWERS = { "截图已发送，出错时间为上午 9 点左右", "全单位约 200 人受影响", "管理员电话已在附件中", "本周六晚 10 点后可以停机",
			"日志已上传到共享目录" };

	static final String[] RESOLUTIONS = { "扩大数据库连接池并重启应用", "清理日志并扩容数据盘 100 GiB", "调整安全组策略后已恢复", "更换证书并重新加载服务",
			"修复备份存储挂载后重跑备份成功", "升级中间件版本修复漏洞", "已答复办理流程并提供申请模板" };

	/** A comment for a rating of 1 to 5 stars. */
	static final String[] COMMENTS = { "处理太慢，影响业务", "响应不及时", "问题已解决，但耗时较长", "处理及时", "响应很快，非常专业" };

	private Texts() {
	}

	record Text(String title, String category, String description) {
	}

	static Text of(int n, String systemName) {
		String[] t = TITLES[n % TITLES.length];
		String title = t[0].formatted(systemName);
		return new Text((title.length() > 200) ? title.substring(0, 200) : title, t[1], t[2].formatted(systemName));
	}

}
