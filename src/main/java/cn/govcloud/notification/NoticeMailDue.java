package cn.govcloud.notification;

import java.util.UUID;

/**
 * An e-mail copy of a notification waits to be sent. Published in the transaction that
 * wrote the notification, so it exists if and only if the notice does; its publication
 * stays incomplete until the e-mail is sent or given up (ADR 0019).
 */
record NoticeMailDue(UUID notificationId) {
}
