/**
 * Notifications (PRODUCT C16): the in-app inbox. Another module tells people about a step
 * that waits on them, a coming deadline or a decision through
 * {@link cn.govcloud.notification.Inbox}; each reader sees the notice in their own
 * language. Notices are records: never removed, only marked read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package cn.govcloud.notification;
