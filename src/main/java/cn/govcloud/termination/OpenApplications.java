package cn.govcloud.termination;

/**
 * What happens to the system's open resource applications (drafts, submitted, returned)
 * when it is terminated: withdrawn with the termination's submission, or kept (only when
 * selected resources end and the system goes on).
 */
enum OpenApplications {

	WITHDRAW, KEEP

}
