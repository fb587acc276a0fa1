package cn.govcloud.catalogue;

/** The families of cloud resources of Art. 6, plus bandwidth and backup. */
enum ResourceCategory {

	CLOUD_HOST, CLOUD_DATABASE, CLOUD_STORAGE, SECURITY_SERVICE, BANDWIDTH, BACKUP

}
