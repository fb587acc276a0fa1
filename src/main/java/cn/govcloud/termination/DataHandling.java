package cn.govcloud.termination;

/** What became of the system's data before termination (Art. 9 "迁移或备份数据"). */
enum DataHandling {

	MIGRATED, BACKED_UP

}
