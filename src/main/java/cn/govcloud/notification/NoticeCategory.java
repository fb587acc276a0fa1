package cn.govcloud.notification;

/**
 * What a notice asks of its reader (PRODUCT C16: "every step that waits on someone, and
 * reminders before deadlines").
 */
public enum NoticeCategory {

	/** A step waits on the reader: review, approve, confirm, respond. */
	TASK,

	/** A deadline is coming or has passed. */
	REMINDER,

	/** For information: a decision was made, a report was delivered. */
	INFO

}
