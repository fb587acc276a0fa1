package cn.govcloud.audit.web;

import cn.govcloud.shared.Readers;

/**
 * Who may call what in this module: the audit trail is read by the audit administrator
 * and nobody else (C15; the three separated administrators of 等保 level 3).
 */
final class Access {

	static final String AUDIT_ADMIN = Readers.AUDIT_TRAIL;

	private Access() {
	}

}
